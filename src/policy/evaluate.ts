import {
  type EvaluatedFinding,
  type Evaluation,
  emptyCounts,
  type FailOn,
  type Finding,
  type GateScope,
  type IgnoreRule,
  type ImageEvaluation,
  type ImageReport,
  type ImageScan,
  type PolicySettings,
  SEVERITIES,
  type Severity,
  type SeverityCounts,
  type ShipgateReport,
  severityRank,
  type Verdict,
} from '../model.js'
import { collate, expectComparisons } from './collate.js'
import { isExpired, isExpiringSoon, ruleAppliesToImage, ruleMatches } from './match.js'
import { scopeHas, scopeOf } from './scope.js'

/** Findings at or above the threshold fail the build; `NONE` never fails. */
export function isBlocking(severity: Severity, failOn: FailOn): boolean {
  return failOn !== 'NONE' && severityRank(severity) <= severityRank(failOn)
}

/**
 * Lists of evaluated findings this module made, in `compareFindings` order, with the length
 * they had then. The renderer trusts that order instead of checking it pair by pair, which
 * asked the collator about every pair of neighbours: 23–35 ms for 20,000 findings on the first
 * pass a run makes (issue 13). A list that grew or shrank since is sorted again.
 */
const madeInOrder = new WeakMap<readonly EvaluatedFinding[], number>()

/** Whether `list` is one `evaluate` made, as long as it was made (see `madeInOrder`). */
export function inEvaluatorOrder(list: readonly EvaluatedFinding[]): boolean {
  return madeInOrder.get(list) === list.length
}

/** Most important first: severity, then fixable (a reviewer can act on it), then CVSS, then ID. */
export function compareFindings(a: Finding, b: Finding): number {
  const bySeverity = severityRank(a.severity) - severityRank(b.severity)
  if (bySeverity) return bySeverity
  const fixA = a.kind === 'vulnerability' && a.fixable ? 0 : 1
  const fixB = b.kind === 'vulnerability' && b.fixable ? 0 : 1
  if (fixA !== fixB) return fixA - fixB
  const scoreA = a.kind === 'vulnerability' ? (a.cvssScore ?? -1) : -1
  const scoreB = b.kind === 'vulnerability' ? (b.cvssScore ?? -1) : -1
  if (scoreA !== scoreB) return scoreB - scoreA
  // The same string collates equal to itself: findings of one ID, and a sorted list checked
  // pair by pair (the renderer's), skip the collator for it.
  return (a.id === b.id ? 0 : collate(a.id, b.id)) || (a.key === b.key ? 0 : collate(a.key, b.key))
}

/**
 * `items` ordered as `[...items].sort((a, b) => compareFindings(of(a), of(b)))` orders them,
 * without the collator in the comparisons: sorting 20,000 findings asked it ~600,000 times
 * (issue 13). Each distinct ID, and each key among findings that share an ID, is ranked once
 * by the same collator (strings it calls equal share a rank), so the order is the same.
 */
export function sortFindings<T>(items: readonly T[], of: (item: T) => Finding): T[] {
  expectComparisons(items.length)
  const idRank = collationRanks(items.map((i) => of(i).id))
  const byId = new Map<number, string[]>()
  for (const i of items) {
    const f = of(i)
    const rank = idRank.get(f.id) as number
    const keys = byId.get(rank)
    if (keys) keys.push(f.key)
    else byId.set(rank, [f.key])
  }
  // Keys only matter between findings of one ID: ranked within each such group (a key may
  // recur under another ID, with another rank there).
  const keyRanks = new Map<number, Map<string, number>>()
  for (const [rank, keys] of byId) if (keys.length > 1) keyRanks.set(rank, collationRanks(keys))
  const decorated = items.map((item) => {
    const f = of(item)
    const id = idRank.get(f.id) as number
    return {
      item,
      severity: severityRank(f.severity),
      fix: f.kind === 'vulnerability' && f.fixable ? 0 : 1,
      score: f.kind === 'vulnerability' ? (f.cvssScore ?? -1) : -1,
      id,
      key: keyRanks.get(id)?.get(f.key) ?? 0,
    }
  })
  decorated.sort(
    (a, b) =>
      a.severity - b.severity ||
      a.fix - b.fix ||
      (a.score !== b.score ? b.score - a.score : 0) ||
      a.id - b.id ||
      a.key - b.key,
  )
  return decorated.map((d) => d.item)
}

/** Each distinct string's place in collation order; strings the collator calls equal share one. */
function collationRanks(strings: readonly string[]): Map<string, number> {
  const distinct = [...new Set(strings)].sort(collate)
  const ranks = new Map<string, number>()
  let rank = 0
  for (let i = 0; i < distinct.length; i++) {
    if (i > 0 && collate(distinct[i - 1] as string, distinct[i] as string) !== 0) rank = i
    ranks.set(distinct[i] as string, rank)
  }
  return ranks
}

function judge(
  finding: Finding,
  active: IgnoreRule[],
  ignoreUnfixed: boolean,
  used: Set<IgnoreRule>,
): EvaluatedFinding {
  const rule = active.find((r) => ruleMatches(r, finding))
  if (rule) {
    used.add(rule)
    return { finding, ignored: { by: 'ignore-file', rule } }
  }
  if (ignoreUnfixed && finding.kind === 'vulnerability' && !finding.fixable) {
    return { finding, ignored: { by: 'unfixed' } }
  }
  return { finding }
}

function evaluateImage(
  scan: ImageScan,
  settings: PolicySettings,
  active: IgnoreRule[],
  used: Set<IgnoreRule>,
  baseline: ReadonlySet<string> | undefined,
  appOnly: boolean,
): ImageEvaluation {
  const counts = emptyCounts()
  const gated = emptyCounts()
  const fixable = emptyCounts()
  const ignored = emptyCounts()
  let blocking = 0
  const findings = sortFindings(scan.findings, (f) => f).map((f) =>
    judge(f, active, settings.ignoreUnfixed, used),
  )
  madeInOrder.set(findings, findings.length)
  for (const { finding, ignored: why } of findings) {
    if (why) {
      ignored[finding.severity]++
      continue
    }
    counts[finding.severity]++
    if (finding.kind === 'vulnerability' && finding.fixable) fixable[finding.severity]++
    // With a baseline, what was already there does not block this change.
    if (baseline?.has(finding.key)) continue
    // `app`: what came with the base image does not block. Only a layer shown to be the base's
    // is set aside; no layer, or an unknown base, counts as the app's.
    if (appOnly && finding.layer?.fromBase === true) continue
    gated[finding.severity]++
    if (isBlocking(finding.severity, settings.failOn)) blocking++
  }
  return {
    image: scan.image,
    digest: scan.digest,
    counts,
    fixable,
    ignored,
    findings,
    gated,
    blocking,
  }
}

export function sumCounts(all: SeverityCounts[]): SeverityCounts {
  const total = emptyCounts()
  for (const c of all) for (const s of SEVERITIES) total[s] += c[s]
  return total
}

/** `3 critical, 12 high` — zero entries left out. */
export function describeCounts(counts: SeverityCounts, only?: (s: Severity) => boolean): string {
  return SEVERITIES.filter((s) => counts[s] > 0 && (!only || only(s)))
    .map((s) => `${counts[s]} ${s.toLowerCase()}`)
    .join(', ')
}

export function reasonFor(
  verdict: 'pass' | 'fail',
  totals: SeverityCounts,
  failOn: FailOn,
  images: number,
  scope: GateScope = 'all',
): string {
  const where = images > 1 ? ` across ${images} images` : ''
  const fresh = scopeHas(scope, 'new') ? ' new' : ''
  const own = scopeHas(scope, 'app') ? " in the image's own layers" : ''
  if (failOn === 'NONE') {
    const found = describeCounts(totals)
    return `Passed: fail-on is none${found ? ` (found ${found}${where})` : `; no findings${where}`}`
  }
  const threshold = failOn.toLowerCase()
  if (verdict === 'fail') {
    return `Blocked: ${describeCounts(totals, (s) => isBlocking(s, failOn))}${fresh}${own}${where} at or above the ${threshold} threshold`
  }
  const below = describeCounts(totals)
  return `Passed: no${fresh} findings${own} at or above ${threshold}${where}${below ? ` (${below}${fresh} below the threshold)` : ''}`
}

/** Ignore rules not yet expired (the others are listed, and suppress nothing). */
const unexpired = (rules: readonly IgnoreRule[], now: Date) =>
  rules.filter((r) => !isExpired(r, now))

/** Of `active`, the rules that judge `image`'s findings. */
const forImage = (active: readonly IgnoreRule[], image: string) =>
  active.filter((r) => ruleAppliesToImage(r, image))

/**
 * The severity gate: a pure function of findings and settings. Expired ignore entries no
 * longer suppress anything and are listed so someone renews or removes them.
 */
/**
 * With `baselines` (finding keys per image, from the base branch), only findings the change
 * introduces count toward the gate; with `app`, only findings whose layer is not shown to be
 * the base image's (Finding.layer). Everything is still reported.
 */
export function evaluate(
  scans: ImageScan[],
  settings: PolicySettings,
  baselines?: (ReadonlySet<string> | undefined)[],
  filters: { app?: boolean } = {},
): Evaluation {
  const expiredRules = settings.ignoreRules.filter((r) => isExpired(r, settings.now))
  const active = unexpired(settings.ignoreRules, settings.now)
  const used = new Set<IgnoreRule>()
  const scope: GateScope = scopeOf({ new: baselines !== undefined, app: filters.app })
  const images = scans.map((scan, i) =>
    evaluateImage(
      scan,
      settings,
      forImage(active, scan.image),
      used,
      baselines?.[i],
      filters.app === true,
    ),
  )
  const totals = sumCounts(images.map((i) => i.counts))
  const verdict = images.some((i) => i.blocking > 0) ? 'fail' : 'pass'
  return {
    verdict,
    scope,
    reason: reasonFor(
      verdict,
      sumCounts(images.map((i) => i.gated)),
      settings.failOn,
      images.length,
      scope,
    ),
    failOn: settings.failOn,
    totals,
    images,
    expiredRules,
    unusedRules: active.filter((r) => !used.has(r)),
    expiringRules: active.filter((r) => isExpiringSoon(r, settings.now, settings.expiringDays)),
  }
}

/**
 * The findings of `scan` that `evaluate` sets aside (an ignore rule or `ignore-unfixed`), by
 * the same rules: known before the rest of the evaluation, so the SARIF, which leaves them out,
 * can be converted while the findings are judged (issue 13).
 */
export function setAside(
  scan: ImageScan,
  settings: Pick<PolicySettings, 'ignoreRules' | 'ignoreUnfixed' | 'now'>,
): Finding[] {
  const active = forImage(unexpired(settings.ignoreRules, settings.now), scan.image)
  if (!active.length && !settings.ignoreUnfixed) return []
  const used = new Set<IgnoreRule>()
  return scan.findings.filter((f) => judge(f, active, settings.ignoreUnfixed, used).ignored)
}

/**
 * The final verdict: the severity gate, then enforced base-image violations, then operational
 * errors (an incomplete scan can never pass).
 */
export function finalVerdict(
  gate: { verdict: Verdict; reason: string },
  images: ImageReport[],
  errors: string[],
): { verdict: Verdict; reason: string } {
  let { verdict, reason } = gate
  const enforced = images.flatMap((img) =>
    img.baseImage?.mode === 'enforce'
      ? img.baseImage.violations.map((v) => `${img.image}: ${v.message}`)
      : [],
  )
  if (enforced.length) {
    const base = `base image: ${enforced[0]}${enforced.length > 1 ? ` (+${enforced.length - 1} more)` : ''}`
    reason = verdict === 'fail' ? `${reason}; ${base}` : `Blocked: ${base}`
    verdict = 'fail'
  }
  if (errors.length) {
    verdict = 'fail'
    reason = `Incomplete: ${errors.length} error${errors.length > 1 ? 's' : ''} stopped the scan (${errors[0]?.split('\n')[0]})`
  }
  return { verdict, reason }
}

/**
 * One image's own report, for a comment per image: its counts, its verdict, its reason.
 * `failures` are what went wrong for this image after the gate (signing): they fail it too.
 */
export function imageReport(
  report: ShipgateReport,
  image: ImageReport,
  failures: string[] = [],
): ShipgateReport {
  const gateVerdict: Verdict = image.blocking > 0 ? 'fail' : 'pass'
  const gate = {
    verdict: gateVerdict,
    reason: reasonFor(gateVerdict, image.gated, report.failOn, 1, report.gateScope),
  }
  const own = finalVerdict(gate, [image], [])
  const verdict = failures.length ? ('fail' as const) : own.verdict
  const reason = failures.length ? `Not signed: ${failures[0]}` : own.reason
  return { ...report, verdict, reason, totals: image.counts, images: [image] }
}
