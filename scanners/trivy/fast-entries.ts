/**
 * The findings lists of a Trivy report checked and normalised in place (issue 13): with
 * 100,000 entries, letting zod build a copy of every entry doubled the memory of a run.
 *
 * Only the happy path is handled here, and conservatively: an entry is accepted only when the
 * schema (schema.ts) would accept it too, and normalised exactly as the schema would (severity
 * trimmed and upper-cased, UNKNOWN when absent, InstalledVersion "" when absent). Any list with
 * an entry this check does not accept is left to zod, which then says what is wrong with it.
 */
import { parseSeverity, type Severity } from '../../src/model.js'

type Json = Record<string, unknown>
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)
const optStr = (v: unknown) => v === undefined || typeof v === 'string'
const optNum = (v: unknown) => v === undefined || typeof v === 'number'

/** Severity as the schema reads it, or undefined when the schema would refuse it. */
function severity(v: unknown): Severity | undefined {
  if (v === undefined) return 'UNKNOWN'
  return typeof v === 'string' ? parseSeverity(v) : undefined
}

function vulnerabilityOk(v: Json): boolean {
  if (typeof v.VulnerabilityID !== 'string' || typeof v.PkgName !== 'string') return false
  if (
    !optStr(v.PkgID) ||
    !optStr(v.PkgPath) ||
    !optStr(v.InstalledVersion) ||
    !optStr(v.FixedVersion) ||
    !optStr(v.Status) ||
    !optStr(v.SeveritySource) ||
    !optStr(v.PrimaryURL) ||
    !optStr(v.Fingerprint) ||
    !optStr(v.Title) ||
    !optStr(v.Description)
  )
    return false
  const id = v.PkgIdentifier
  if (id !== undefined && !(isObject(id) && optStr(id.PURL) && optStr(id.UID))) return false
  const layer = v.Layer
  if (layer !== undefined && !(isObject(layer) && optStr(layer.Digest) && optStr(layer.DiffID)))
    return false
  const cvss = v.CVSS
  if (cvss !== undefined) {
    if (!isObject(cvss)) return false
    for (const source in cvss) {
      if (!Object.hasOwn(cvss, source)) continue
      const c = cvss[source]
      if (!(isObject(c) && optNum(c.V2Score) && optNum(c.V3Score) && optNum(c.V40Score)))
        return false
    }
  }
  const refs = v.References
  if (refs !== undefined) {
    if (!Array.isArray(refs)) return false
    // A loop, not `every`: a call per reference, ~20 per entry, was most of this check (issue 13).
    for (let i = 0; i < refs.length; i++) if (typeof refs[i] !== 'string') return false
  }
  return true
}

function secretOk(s: Json): boolean {
  return (
    typeof s.RuleID === 'string' &&
    optStr(s.Category) &&
    optStr(s.Title) &&
    optNum(s.StartLine) &&
    optNum(s.EndLine) &&
    optStr(s.Match)
  )
}

function misconfigurationOk(m: Json): boolean {
  const cause = m.CauseMetadata
  return (
    optStr(m.Type) &&
    optStr(m.ID) &&
    optStr(m.AVDID) &&
    optStr(m.Title) &&
    optStr(m.Message) &&
    optStr(m.Resolution) &&
    optStr(m.PrimaryURL) &&
    optStr(m.Status) &&
    (cause === undefined || (isObject(cause) && optNum(cause.StartLine) && optNum(cause.EndLine)))
  )
}

const CHECKS = {
  Vulnerabilities: vulnerabilityOk,
  Secrets: secretOk,
  Misconfigurations: misconfigurationOk,
} as const
export type FindingList = keyof typeof CHECKS
export const FINDING_LIST_NAMES = Object.keys(CHECKS) as FindingList[]

/**
 * True, with every entry normalised in place, when the schema would accept each entry of
 * `entries` as a `list` entry; false, with nothing changed, otherwise.
 */
export function acceptInPlace(list: FindingList, entries: unknown[]): boolean {
  const ok = CHECKS[list]
  for (const entry of entries) {
    if (!isObject(entry) || !ok(entry) || severity(entry.Severity) === undefined) return false
  }
  for (const entry of entries as Json[]) {
    entry.Severity = severity(entry.Severity)
    if (list === 'Vulnerabilities' && entry.InstalledVersion === undefined)
      entry.InstalledVersion = ''
  }
  return true
}
