/**
 * What a pull request changes: findings in the current image that the baseline (the base
 * branch's image, or an earlier run's report) did not have, and the other way round.
 * Keyed by `Finding.key`, so a finding that only moved layer or changed title is the same.
 */
import type { BaselineRecord, Comparison, Finding } from '../model.js'

export function compareFindings(
  current: Finding[],
  baseline: Finding[],
  baselineName: string,
  source: BaselineRecord,
): Comparison {
  const before = new Set(baseline.map((f) => f.key))
  const now = new Set(current.map((f) => f.key))
  const introduced: string[] = []
  const seenIntroduced = new Set<string>()
  for (const f of current) {
    if (before.has(f.key) || seenIntroduced.has(f.key)) continue
    seenIntroduced.add(f.key)
    introduced.push(f.key)
  }
  const fixed: Finding[] = []
  const seenFixed = new Set<string>()
  for (const f of baseline) {
    if (now.has(f.key) || seenFixed.has(f.key)) continue
    seenFixed.add(f.key)
    fixed.push(f)
  }
  return { baseline: baselineName, source, introduced, fixed }
}
