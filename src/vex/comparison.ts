import type { Comparison, Suppression } from '../model.js'

/**
 * A finding VEX set aside is gone from the findings, but it was not fixed: keep it out of the
 * comparison's "fixed" list, where a reviewer would read it as a fix this change made.
 */
export function notFixedByVex(comparison: Comparison, suppressed: Suppression[]): Comparison {
  const keys = new Set(suppressed.flatMap((s) => (s.key ? [s.key] : [])))
  if (!keys.size) return comparison
  return { ...comparison, fixed: comparison.fixed.filter((f) => !keys.has(f.key)) }
}
