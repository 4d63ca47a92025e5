import * as z from 'zod/mini'
import { beforeLargeParse, noteParsed } from '../../src/heap.js'
import { readJsonText } from '../../src/json-text.js'
import { SEVERITIES } from '../../src/model.js'
import { acceptInPlace, FINDING_LIST_NAMES, type FindingList } from './fast-entries.js'
import {
  type ModifiedFinding,
  TrivyMisconfiguration,
  TrivyReport,
  TrivyResult,
  TrivySecret,
  TrivyVulnerability,
} from './schema.js'
import { cutUnreadFields } from './unread-fields.js'

/** A report that cannot be used: the build must not pass on it. */
export class TrivyReportError extends Error {
  constructor(
    readonly source: string,
    message: string,
  ) {
    super(`Trivy report ${source}: ${message}`)
    this.name = 'TrivyReportError'
  }
}

/** Recognise the other formats people pass by mistake, so the error can say what to do. */
function otherFormat(root: unknown): string | undefined {
  if (typeof root !== 'object' || root === null) return undefined
  const r = root as Record<string, unknown>
  if (typeof r.$schema === 'string' && r.$schema.includes('sarif')) return 'SARIF'
  if (r.bomFormat === 'CycloneDX') return 'CycloneDX SBOM'
  if (typeof r.spdxVersion === 'string') return 'SPDX SBOM'
  if ('manifests' in r && 'detector' in r) return 'GitHub dependency snapshot'
  return undefined
}

type Json = Record<string, unknown>
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)

const FINDING_LISTS = {
  Vulnerabilities: TrivyVulnerability,
  Secrets: TrivySecret,
  Misconfigurations: TrivyMisconfiguration,
} as const

/** `CVE-2024-1 (openssl)` for the finding an issue path points into, so the user can find it. */
function findingName(root: unknown, path: readonly PropertyKey[]): string | undefined {
  const [results, r, list, i] = path
  if (results !== 'Results' || !(typeof list === 'string' && list in FINDING_LISTS))
    return undefined
  const entry = (root as { Results?: Json[] }).Results?.[r as number]?.[list]
  const f = Array.isArray(entry) ? entry[i as number] : undefined
  if (!isObject(f)) return undefined
  const id = [f.VulnerabilityID, f.RuleID, f.ID, f.AVDID].find((v) => typeof v === 'string')
  const pkg = typeof f.PkgName === 'string' ? ` in ${f.PkgName}` : ''
  return id ? `${id}${pkg}` : undefined
}

function describeIssues(error: z.core.$ZodError, root: unknown): string {
  const shown = error.issues.slice(0, 3).map((issue) => {
    const where = issue.path.length ? issue.path.join('.') : '(root)'
    const name = findingName(root, issue.path)
    return `${where}${name ? ` (${name})` : ''}: ${issue.message}`
  })
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : ''
  return shown.join('; ') + more
}

/**
 * A field Shipgate reads, spelled in another case (`results`, `vulnerabilities`): JSON keys are
 * case-sensitive, so the schema would read the real field as absent, the report as clean.
 */
const lowerCaseMaps = new WeakMap<
  readonly string[],
  { exact: ReadonlySet<string>; byLower: Map<string, string> }
>()

/**
 * A key of `obj` that is one of `known` but for its case, with Trivy's spelling. The caller
 * says where only when there is one (issue 13: ~20,000 entries, nearly always none).
 */
function miscasedKey(
  obj: Json,
  known: readonly string[],
): { key: string; expected: string } | undefined {
  let maps = lowerCaseMaps.get(known)
  if (!maps) {
    maps = { exact: new Set(known), byLower: new Map(known.map((k) => [k.toLowerCase(), k])) }
    lowerCaseMaps.set(known, maps)
  }
  const { exact, byLower } = maps
  for (const key in obj) {
    // Trivy's own spelling, nearly every key of a report: no lower-casing needed.
    if (exact.has(key)) continue
    const expected = byLower.get(key.toLowerCase())
    if (expected && expected !== key) return { key, expected }
  }
  return undefined
}

const REPORT_KEYS = Object.keys(TrivyReport.shape)
const RESULT_KEYS = Object.keys(TrivyResult.shape)
const ENTRY_KEYS = Object.fromEntries(
  Object.entries(FINDING_LISTS).map(([list, schema]) => [list, Object.keys(schema.shape)]),
) as Record<keyof typeof FINDING_LISTS, string[]>

function checkSpelling(root: Json): string | undefined {
  const miscased = (where: string, found: { key: string; expected: string }) =>
    `${where}"${found.key}" is not a Trivy field; Trivy writes "${found.expected}". Shipgate reads only Trivy's own spelling, so it cannot tell what this report holds.`
  const problem = miscasedKey(root, REPORT_KEYS)
  if (problem) return miscased('', problem)
  const results = Array.isArray(root.Results) ? root.Results : []
  for (const [r, result] of results.entries()) {
    if (!isObject(result)) continue
    const inResult = miscasedKey(result, RESULT_KEYS)
    if (inResult) return miscased(`Results.${r}: `, inResult)
    for (const list of FINDING_LIST_NAMES) {
      const entries = Array.isArray(result[list]) ? (result[list] as unknown[]) : []
      const keys = ENTRY_KEYS[list]
      for (let i = 0; i < entries.length; i++) {
        const entry = entries[i]
        if (!isObject(entry)) continue
        const inEntry = miscasedKey(entry, keys)
        if (inEntry) return miscased(`Results.${r}.${list}.${i}: `, inEntry)
      }
    }
  }
  return undefined
}

const CANONICAL_SEVERITY: ReadonlySet<unknown> = new Set(SEVERITIES)

/** Reports whose parse changed nothing (see `isVerbatim`). */
const verbatim = new WeakSet<TrivyReport>()

/**
 * Whether the schema read `root` exactly as written: no default filled in (Target,
 * InstalledVersion, OS Name, Severity) and no severity normalised (`high` → `HIGH`). Only then
 * can the file itself stand for the parsed report, e.g. as `trivy convert`'s input.
 */
function readsAsWritten(root: Json): boolean {
  const os = isObject(root.Metadata) ? root.Metadata.OS : undefined
  if (isObject(os) && os.Name === undefined) return false
  const results = Array.isArray(root.Results) ? root.Results : []
  for (const result of results) {
    if (!isObject(result) || result.Target === undefined) return false
    for (const list of ['Vulnerabilities', 'Secrets', 'Misconfigurations'] as const) {
      const entries = result[list]
      if (!Array.isArray(entries)) continue
      for (const entry of entries) {
        if (!CANONICAL_SEVERITY.has(entry?.Severity)) return false
        if (list === 'Vulnerabilities' && entry.InstalledVersion === undefined) return false
      }
    }
  }
  return true
}

/**
 * True when `report` came from `parseTrivyReport`/`readTrivyReport` and says exactly what its
 * JSON text says, so the file can be handed on instead of serialising the report again.
 */
export function isVerbatim(report: TrivyReport): boolean {
  return verbatim.has(report)
}

/**
 * Parse and validate Trivy's JSON output. `source` names the file (or "trivy stdout")
 * in every error, because a user with three images needs to know which one broke.
 */
export function parseTrivyReport(
  text: string,
  source: string,
  /**
   * The size of the report as written: larger than `text` when members nothing reads were cut
   * (`readTrivyReport`). What the run allocates next follows the findings, which the file's
   * size measures, so the heap is prepared for that (src/heap.ts).
   */
  written = text.length,
): TrivyReport {
  if (text.trim() === '') {
    throw new TrivyReportError(source, 'is empty. Trivy printed nothing: check its log above.')
  }
  // V8's young generation is left to grow as the parse makes everything survive (issue 13):
  // held at 1 MB, the 20,000-finding report took ~90–175 scavenges instead of ~13, ~100 ms
  // more. What a parse leaves behind, a baseline's included, is collected once the findings
  // are judged (src/heap.ts).
  noteParsed(written)
  // And the first large parse of a run is not interrupted by a collection of a heap that is all
  // alive (src/heap.ts).
  beforeLargeParse(written)
  let root: unknown
  try {
    root = JSON.parse(text)
  } catch (error) {
    const head = text.trim().slice(0, 80).replace(/\s+/g, ' ')
    throw new TrivyReportError(
      source,
      `is not JSON (${(error as Error).message}); it starts with "${head}". Produce it with \`trivy image --format json\`.`,
    )
  }
  if (Array.isArray(root)) {
    throw new TrivyReportError(
      source,
      'is a bare array (SchemaVersion 1, Trivy older than 0.19), not a Trivy report: Shipgate reads the object Trivy 0.19 and later writes, with SchemaVersion 2 and ArtifactName. Re-run `trivy image --format json` with a current Trivy.',
    )
  }
  const other = otherFormat(root)
  if (other) {
    throw new TrivyReportError(
      source,
      `is a ${other}, not a Trivy JSON report. Pass the report of \`trivy image --format json\` instead; Shipgate derives SARIF and SBOMs from it.`,
    )
  }
  if (!isObject(root)) {
    throw new TrivyReportError(
      source,
      'is not a Trivy JSON report: expected an object with SchemaVersion 2 and ArtifactName, from `trivy image --format json`.',
    )
  }
  const spelling = checkSpelling(root)
  if (spelling) throw new TrivyReportError(source, spelling)
  if (!('SchemaVersion' in root)) {
    throw new TrivyReportError(
      source,
      'has no SchemaVersion: expected SchemaVersion 2 and ArtifactName, as `trivy image --format json` (Trivy 0.19 and later) writes them.',
    )
  }
  if (root.SchemaVersion !== 2) {
    throw new TrivyReportError(
      source,
      `has SchemaVersion ${JSON.stringify(root.SchemaVersion)}; Shipgate reads SchemaVersion 2 (Trivy 0.19 and later).`,
    )
  }
  if (typeof root.ArtifactName !== 'string' || root.ArtifactName.trim() === '') {
    throw new TrivyReportError(
      source,
      'has no ArtifactName: every report of `trivy image --format json` names the image it describes. Pass the report Trivy wrote, unedited.',
    )
  }
  const asWritten = readsAsWritten(root)
  const detached = detachAcceptedLists(root)
  // Without zod's JIT: the schema checks one small skeleton per report (the findings lists are
  // detached above), and compiling its fast path cost more than it saved (~3 ms of a ~200 ms
  // cold start, issue 13).
  const parsed = TrivyReport.safeParse(root, { jitless: true })
  if (!parsed.success) {
    throw new TrivyReportError(
      source,
      `does not look like Trivy's JSON report: ${describeIssues(parsed.error, root)}.`,
    )
  }
  for (const { result, list, entries } of detached) {
    const out = parsed.data.Results?.[result] as Record<string, unknown> | undefined
    if (out) out[list] = entries
  }
  const modified = checkModifiedFindings(parsed.data)
  if (modified) throw new TrivyReportError(source, modified)
  if (asWritten) verbatim.add(parsed.data)
  return parsed.data
}

/**
 * Findings lists every entry of which the schema would accept: checked and normalised in place
 * (fast-entries.ts) and taken out of `root` for the schema's pass, so zod does not copy them;
 * `parseTrivyReport` puts them into its result. Lists with any other entry stay for zod.
 */
function detachAcceptedLists(
  root: Json,
): { result: number; list: FindingList; entries: unknown[] }[] {
  const detached: { result: number; list: FindingList; entries: unknown[] }[] = []
  if (!Array.isArray(root.Results)) return detached
  for (const [r, result] of root.Results.entries()) {
    if (!isObject(result)) continue
    for (const list of FINDING_LIST_NAMES) {
      const entries = result[list]
      if (!Array.isArray(entries) || entries.length === 0) continue
      if (!acceptInPlace(list, entries)) continue
      result[list] = []
      detached.push({ result: r, list, entries })
    }
  }
  return detached
}

/** Each type of finding Trivy can set aside, and how Shipgate reads the finding it carries. */
const MODIFIED_TYPES = {
  vulnerability: TrivyVulnerability,
  secret: TrivySecret,
  misconfiguration: TrivyMisconfiguration,
  license: z.looseObject({ Name: z.string() }),
} as const

/**
 * `ExperimentalModifiedFindings` (`--show-suppressed`) as Trivy v0.74 writes them
 * (pkg/types/finding.go): a Type, a Status, and the whole Finding. An entry Shipgate cannot read
 * would hide a finding without saying which: the report is refused instead. Each accepted
 * entry's Finding is replaced by its parsed form (normalize.ts reads it).
 */
function checkModifiedFindings(report: TrivyReport): string | undefined {
  for (const [r, result] of (report.Results ?? []).entries()) {
    for (const [i, m] of (result.ExperimentalModifiedFindings ?? []).entries()) {
      const where = `Results.${r}.ExperimentalModifiedFindings.${i}`
      const refuse = (what: string) =>
        `${where} ${what}; Shipgate cannot tell which finding it set aside, so it refuses the report rather than count nothing. Pass the report Trivy wrote, unedited.`
      const schema = MODIFIED_TYPES[m.Type as keyof typeof MODIFIED_TYPES]
      if (!schema || !Object.hasOwn(MODIFIED_TYPES, m.Type ?? '')) {
        return refuse(
          `has Type ${JSON.stringify(m.Type ?? null)}, not one of ${Object.keys(MODIFIED_TYPES).join(', ')}`,
        )
      }
      if (typeof m.Status !== 'string' || m.Status.trim() === '') return refuse('has no Status')
      const finding = schema.safeParse(m.Finding)
      if (!finding.success) {
        const issue = finding.error.issues[0]
        return refuse(
          `holds a ${m.Type} Finding Shipgate cannot read (${issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'not an object'})`,
        )
      }
      ;(m as ModifiedFinding).Finding = finding.data
    }
  }
  return undefined
}

/** Reports read without the members Shipgate never reads (see `readTrivyReport`). */
const cut = new WeakSet<TrivyReport>()

/**
 * Whether `report` holds every member its file holds: false for one read without those
 * Shipgate never reads (`readTrivyReport`), which must not be handed on as the report.
 */
export function holdsEverything(report: TrivyReport): boolean {
  return !cut.has(report)
}

/**
 * Reads and parses the Trivy report at `path`. Without `all`, the members no part of Shipgate
 * reads (`Description`, `References`: over half of a report) are left out before the parse
 * (unread-fields.ts); give `all` when the report itself is to be written again for Trivy.
 */
export async function readTrivyReport(
  path: string,
  options: { all?: boolean } = {},
): Promise<TrivyReport> {
  let text: string
  let written = 0
  try {
    // Read in one step, as one-byte text wherever the report allows (src/json-text.ts), with no
    // string built chunk by chunk for JSON.parse to flatten again: at 100,000 findings (260 MB)
    // streaming cost ~300 MB more peak RSS, and more CPU (issue 13). The scans are other
    // processes, so blocking this thread for the read delays nothing of theirs.
    text = readJsonText(
      path,
      options.all
        ? undefined
        : (bytes, length) => {
            written = length
            return cutUnreadFields(bytes, length)
          },
    )
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const why = code === 'ENOENT' ? 'does not exist' : `cannot be read (${code ?? error})`
    throw new TrivyReportError(path, `${why}. Check the \`trivy-report\` path.`)
  }
  const report = parseTrivyReport(text, path, Math.max(written, text.length))
  if (!options.all) cut.add(report)
  return report
}
