/**
 * Exception hygiene: which exceptions still suppress, which expire soon, which have expired (and
 * so suppress nothing any more). Pure; the clock is passed in.
 */
import type { IgnoreRule } from '../model.js'
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

/**
 * Exceptions as rules the evaluator applies (src/policy/match.ts): the ID as Trivy's ignore files
 * match it, then each scope the exception sets (package name, image glob, path glob). Expired
 * ones are included: the evaluator lists them and they suppress nothing.
 */
export function toIgnoreRules(entries: ExceptionEntry[]): IgnoreRule[] {
  return entries.map((e) => ({
    id: e.id,
    source: e.source,
    expiresAt: e.expires,
    statement: e.reason,
    ...(e.path !== undefined ? { paths: [e.path] } : {}),
    ...(e.package !== undefined ? { packages: [e.package] } : {}),
    ...(e.image !== undefined ? { images: [e.image] } : {}),
    kinds: ['vulnerability', 'secret', 'misconfiguration'],
  }))
}
