/**
 * Exception hygiene: which exceptions still suppress, which expire soon, which have expired (and
 * so suppress nothing any more). Pure; the clock is passed in.
 */
import type { Finding, IgnoreRule } from '../model.js'
import { daysUntil, startOfDay } from './dates.js'
import type { PolicyException } from './schema.js'

export interface ExceptionEntry extends PolicyException {
  /** `file:line` of the entry, for reports and error messages. */
  source: string
}

export interface ExceptionStatus {
  /** Still suppressing. */
  active: ExceptionEntry[]
  /** Active, but expiring within `warn-expiry-days`: someone should renew or fix. */
  expiring: (ExceptionEntry & { daysLeft: number })[]
  /** Past their date: they suppress nothing and are listed so someone removes or renews them. */
  expired: ExceptionEntry[]
}

export function isExceptionExpired(e: PolicyException, now: Date): boolean {
  return startOfDay(e.expires) < now.getTime()
}

export function exceptionStatus(
  entries: ExceptionEntry[],
  now: Date,
  warnExpiryDays: number,
): ExceptionStatus {
  const expired = entries.filter((e) => isExceptionExpired(e, now))
  const active = entries.filter((e) => !isExceptionExpired(e, now))
  const expiring = active
    .map((e) => ({ ...e, daysLeft: daysUntil(e.expires, now) }))
    .filter((e) => e.daysLeft < warnExpiryDays)
  return { active, expiring, expired }
}

function globToRegExp(glob: string): RegExp {
  let re = ''
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string
    if (c === '*' && glob[i + 1] === '*') {
      re += '.*'
      i++
    } else if (c === '*') re += '[^/]*'
    else if (c === '?') re += '[^/]'
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&')
  }
  return new RegExp(`^${re}$`)
}

const canonicalId = (id: string) =>
  id
    .toUpperCase()
    .replace(/^AVD-/, '')
    .replace(/^([A-Z]+)-?0*(\d+)$/, '$1-$2')

/**
 * Does this (unexpired) exception cover `finding` in `image`? The ID as Trivy's ignore files
 * match it (misconfiguration IDs in any of Trivy's spellings), then every scope it sets.
 */
export function exceptionMatches(e: PolicyException, finding: Finding, image: string): boolean {
  const same =
    finding.kind === 'misconfiguration'
      ? canonicalId(e.id) === canonicalId(finding.id)
      : e.id.toUpperCase() === finding.id.toUpperCase()
  if (!same) return false
  if (
    e.package !== undefined &&
    (finding.kind !== 'vulnerability' || finding.pkgName !== e.package)
  )
    return false
  if (e.image !== undefined) {
    const re = globToRegExp(e.image)
    if (!re.test(image) && !re.test(image.replace(/@sha256:[a-f0-9]+$/, ''))) return false
  }
  if (e.path !== undefined) {
    const re = globToRegExp(e.path.replace(/^\.?\//, ''))
    const candidates = [finding.target]
    if (finding.kind === 'vulnerability' && finding.pkgPath) candidates.push(finding.pkgPath)
    if (!candidates.some((c) => re.test(c.replace(/^\.?\//, '')))) return false
  }
  return true
}

/**
 * The exceptions the current evaluator can apply as ignore rules: those scoped by ID and path only.
 * Entries with a `package` or `image` scope need `exceptionMatches` in the evaluator; they are
 * returned in `unsupported` so the caller can refuse rather than widen them.
 */
export function toIgnoreRules(entries: ExceptionEntry[]): {
  rules: IgnoreRule[]
  unsupported: ExceptionEntry[]
} {
  const rules: IgnoreRule[] = []
  const unsupported: ExceptionEntry[] = []
  for (const e of entries) {
    if (e.package !== undefined || e.image !== undefined) {
      unsupported.push(e)
      continue
    }
    rules.push({
      id: e.id,
      source: e.source,
      expiresAt: e.expires,
      statement: e.reason,
      ...(e.path !== undefined ? { paths: [e.path] } : {}),
      kinds: ['vulnerability', 'secret', 'misconfiguration'],
    })
  }
  return { rules, unsupported }
}
