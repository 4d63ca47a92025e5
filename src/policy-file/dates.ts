const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/**
 * A real calendar date written as YYYY-MM-DD. `Date.parse` accepts 2099-02-30 (it rolls over to
 * March 2), so the parts are checked against the date they produce.
 */
export function isCalendarDate(value: string): boolean {
  const m = ISO_DATE.exec(value)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (y < 1970 || mo < 1 || mo > 12 || d < 1) return false
  const date = new Date(Date.UTC(y, mo - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d
}

/** Midnight UTC at the start of `date`: from then on an exception no longer suppresses (Trivy's rule). */
export function startOfDay(date: string): number {
  return Date.parse(`${date}T00:00:00Z`)
}

const DAY_MS = 86_400_000

/** Whole days from `now` until `date` starts (negative once it has passed). */
export function daysUntil(date: string, now: Date): number {
  return Math.floor((startOfDay(date) - now.getTime()) / DAY_MS)
}
