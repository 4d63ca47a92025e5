/**
 * The one Markdown rendering of a ShipgateReport: the pull-request comment and the job
 * summary are the same document with different size budgets, so what a reviewer reads in
 * the comment is never a different story from the summary.
 *
 * Order follows what a reviewer decides on: verdict and why, counts per image, what this
 * pull request changes, the findings that matter first, base image, signing, ignore hygiene.
 */

import { formatBytes } from '../../scanners/base-image/policy.js'
import {
  type Comparison,
  type EvaluatedFinding,
  type Finding,
  type IgnoreRule,
  type ImageReport,
  SEVERITIES,
  type Severity,
  type ShipgateReport,
  type UnscannedImage,
} from '../model.js'
import { compareFindings, inEvaluatorOrder } from '../policy/evaluate.js'
import { describeUpgrade } from '../policy/fixes.js'
import { EXPIRING_SOON_DAYS } from '../policy/match.js'
import { renderPolicyMarkdown } from '../policy-file/render.js'
import { baseLayerSection } from './base-layer-section.js'
import { distinguishers } from './distinguish.js'
import {
  code,
  details,
  escapeInline,
  escapeMarkdown,
  formatCount,
  link,
  plural,
  safeUrl,
  table,
  tableRow,
} from './markdown.js'
import { PLATFORM_HEADER, platformCell, platformsLine } from './platforms.js'
import { vexImageSection, vexSourcesSection } from './vex-section.js'

/** GitHub rejects issue comments longer than this (422 "body is too long"). */
export const COMMENT_MAX_LENGTH = 65_536
/** GitHub's step summary limit is 1 MiB per step; keep a margin for other steps' lines. */
export const SUMMARY_MAX_LENGTH = 1_000_000

/** Findings shown before the rest collapses into `<details>`. */
const VISIBLE_FINDINGS = 10

export interface RenderOptions {
  /**
   * Upper bound for the rendered document, measured in UTF-8 bytes (never less than the
   * character count, so it is safe for GitHub's character limit and the summary's byte limit).
   */
  maxLength?: number
  /** Where the full result can be read (the job summary); linked whenever something is cut. */
  summaryUrl?: string
  /** Hidden marker (an HTML comment) that identifies the sticky comment; appended last. */
  marker?: string
}

const SEVERITY_LABEL: Record<Severity, string> = {
  CRITICAL: '🟥 Critical',
  HIGH: '🟧 High',
  MEDIUM: '🟨 Medium',
  LOW: '🟦 Low',
  UNKNOWN: '⬜ Unknown',
}

function size(text: string): number {
  return Buffer.byteLength(text, 'utf8')
}

/** Render a report; the result never exceeds `opts.maxLength` (default: a PR comment). */
export function renderReportMarkdown(report: ShipgateReport, opts: RenderOptions = {}): string {
  const max = opts.maxLength ?? COMMENT_MAX_LENGTH
  const ctx = new RenderContext(report, opts)

  // Largest per-list row count that fits: lists are ordered most important first, so
  // cutting every list at the same depth keeps the top findings of every image.
  const longest = Math.max(0, ...report.images.map((i) => i.findings.length))
  // Rows appear verbatim in the document, so their sizes alone bound the depth that can fit:
  // rows are rendered once, on demand, and never beyond that bound.
  const deepest = ctx.deepestWithin(longest, max)
  // Everything, when it fits (a small report): one render. Tried first because sizes are not
  // quite monotonic near the end, where the "…and N more rows" notices disappear.
  if (deepest === longest) {
    const full = ctx.render(longest)
    if (size(full) <= max) return full
  }
  // Otherwise the largest depth that fits, as a binary search would find it, in far fewer
  // renders (each up to the whole budget, 1 MB for the summary): a document is its rows plus
  // the rest, and the rest hardly changes with the depth (a count, a notice), so the rows'
  // sizes, known without rendering, say which depth to try, the first guess taking the rest
  // from the document without rows. Every try is rendered and measured, so the answer is
  // exact; after four guesses it bisects, which bounds the renders at O(log n).
  const bare = ctx.render(0)
  let rest = size(bare)
  // Not even the document without rows fits: cut it.
  if (rest > max) return hardCut(bare, max, ctx)
  let good = 0
  let goodText = bare
  // The smallest depth known not to fit (deepest + 1 is over on rows alone).
  let bad = deepest === longest ? deepest : deepest + 1
  for (let probe = 0; bad - good > 1; probe++) {
    const guess = probe < 4 ? ctx.deepestWithin(bad - 1, max - rest) : Math.floor((good + bad) / 2)
    const at = Math.min(bad - 1, Math.max(good + 1, guess))
    const text = ctx.render(at)
    const bytes = size(text)
    rest = bytes - ctx.rowBytes(at)
    if (bytes <= max) {
      good = at
      goodText = text
    } else bad = at
  }
  return goodText
}

/**
 * The document with every list cut at `depth` rows, not fitted to any budget: the candidates
 * `renderReportMarkdown` chooses among (tests check its choice against all of them).
 */
export function renderAtDepth(report: ShipgateReport, opts: RenderOptions, depth: number): string {
  return new RenderContext(report, opts).render(depth)
}

/**
 * Last resort when even the fixed parts (hundreds of images, thousands of ignore rules)
 * exceed the budget: cut at a line boundary outside any open `<details>`, say so, keep the marker.
 */
function hardCut(text: string, max: number, ctx: RenderContext): string {
  const tail = `\n\n${ctx.truncationNotice('The rest of this report')}${ctx.footer()}`
  const budget = max - size(tail)
  if (budget <= 0) return ctx.footer().slice(0, Math.max(0, max))
  const lines = text.split('\n')
  const kept: string[] = []
  let used = 0
  let openDetails = 0
  for (const line of lines) {
    const extra = size(line) + 1 + openDetails * size('\n\n</details>')
    if (used + extra > budget) break
    kept.push(line)
    used += size(line) + 1
    openDetails +=
      (line.match(/<details/g) ?? []).length - (line.match(/<\/details>/g) ?? []).length
  }
  const closing = Array.from({ length: Math.max(0, openDetails) }, () => '\n\n</details>').join('')
  return `${kept.join('\n')}${closing}${tail}`
}

function isCounted(f: EvaluatedFinding): boolean {
  return f.ignored === undefined
}

function isFixable(f: Finding): boolean {
  return f.kind === 'vulnerability' && f.fixable
}

class RenderContext {
  private readonly images: PreparedImage[]

  constructor(
    private readonly report: ShipgateReport,
    private readonly opts: RenderOptions,
  ) {
    this.images = report.images.map(preparedImage)
  }

  /**
   * A lower bound on the size of `render(rowLimit)`: the finding rows it includes, each with
   * its line break. Renders only the rows it counts.
   */
  rowBytes(rowLimit: number): number {
    const half = Math.floor(rowLimit / 2)
    let total = 0
    for (const image of this.images) {
      total +=
        image.introducedRows.bytes(rowLimit) +
        image.fixedRows.bytes(half) +
        image.countedRows.bytes(rowLimit) +
        image.ignoredRows.bytes(half)
    }
    return total
  }

  /** The largest depth (≤ `longest`) whose rows alone fit in `max`: nothing deeper can fit. */
  deepestWithin(longest: number, max: number): number {
    // The smallest depth whose rows exceed `max`, by doubling then halving: rows are rendered
    // at most twice as deep as the budget holds.
    let over = 1
    while (over < longest && this.rowBytes(over) <= max) over *= 2
    over = Math.min(over, longest)
    if (this.rowBytes(over) <= max) return over
    let fits = Math.floor(over / 2)
    while (over - fits > 1) {
      const mid = Math.floor((fits + over) / 2)
      if (this.rowBytes(mid) <= max) fits = mid
      else over = mid
    }
    return fits
  }

  render(rowLimit: number): string {
    const out: string[] = [this.headline(), this.contextLine()]
    // What a pull request does to its own policy belongs next to the verdict it did not get to change.
    const policy = renderPolicyMarkdown(this.report.policy)
    if (policy) out.push(policy)
    const omitted = { count: 0 }
    const notScanned = this.report.notScanned ?? []
    const single = this.images.length === 1 && notScanned.length === 0
    for (const image of this.images) {
      out.push(this.imageSection(image, single, rowLimit, omitted))
    }
    // Never a table of zeros: nothing was measured for these images.
    for (const u of notScanned) out.push(notScannedSection(u))
    if (this.images.length === 0 && notScanned.length === 0) out.push('_No images were scanned._')
    out.push(vexSourcesSection(this.report))
    out.push(...this.policyHygiene(rowLimit, omitted))
    out.push(...this.warnings())
    if (omitted.count > 0) {
      out.push(this.truncationNotice(plural(omitted.count, 'more row')))
    }
    out.push(this.footer())
    return out.filter((part) => part !== '').join('\n\n')
  }

  // --- first three lines -------------------------------------------------------------

  private headline(): string {
    const { report } = this
    const icon = report.verdict === 'fail' ? '❌' : '✅'
    let reason = report.reason.trim()
    if (reason === '') reason = report.verdict === 'fail' ? 'Blocked' : 'Passed'
    const base = this.images
      .map((i) => baseImageConcern(i.report))
      .filter((c): c is string => c !== undefined)
    if (base.length > 0 && !/\bbase\b/i.test(reason)) {
      reason = `${reason.replace(/[.\s]+$/, '')}; ${base.join('; ')}`
    }
    return `### ${icon} ${escapeMarkdown(reason)}`
  }

  private contextLine(): string {
    const { report } = this
    const parts: string[] = []
    const notScanned = report.notScanned ?? []
    if (this.images.length === 1 && this.images[0] && notScanned.length === 0) {
      parts.push(imageLabel(this.images[0].report))
    } else {
      parts.push(plural(this.images.length, 'image') + (notScanned.length ? ' scanned' : ''))
    }
    if (notScanned.length) parts.push(`❌ **${notScanned.length} not scanned**`)
    parts.push(
      report.failOn === 'NONE'
        ? 'threshold: none (report only)'
        : `blocks at **${report.failOn.toLowerCase()}** and above`,
    )
    if (report.ignoreUnfixed) parts.push('unfixed ignored')
    const introduced = this.images.reduce((n, i) => n + i.introduced.length, 0)
    if (this.images.some((i) => i.report.comparison)) {
      parts.push(`**${introduced}** new in this pull request`)
    }
    const summary = safeUrl(this.opts.summaryUrl)
    if (summary) parts.push(link('full report', summary))
    return `**Shipgate** · ${parts.join(' · ')}`
  }

  // --- per image ---------------------------------------------------------------------

  private imageSection(
    image: PreparedImage,
    single: boolean,
    rowLimit: number,
    omitted: { count: number },
  ): string {
    const r = image.report
    const out: string[] = []
    if (!single) {
      const icon = r.blocking > 0 ? '❌' : '✅'
      out.push(`#### ${icon} ${imageLabel(r)}`)
    }
    out.push(this.severityTable(image))
    out.push(platformsLine(r))
    out.push(fixFirstSection(r))
    out.push(this.changes(image, rowLimit, omitted))
    out.push(this.findings(image, rowLimit, omitted))
    out.push(baseLayerSection(r, this.report.gateScope, rowLimit))
    if (r.baseImage) out.push(baseImageSection(r))
    if (r.signing) out.push(signingSection(r))
    // What VEX (or a given report's ignore file) set aside: listed, never counted (vex-section.ts).
    out.push(vexImageSection(this.report, r, rowLimit))
    return out.filter((p) => p !== '').join('\n\n')
  }

  private severityTable(image: PreparedImage): string {
    const r = image.report
    const compared = r.comparison !== undefined
    const header = ['Severity', 'Found', 'Fixable', 'Ignored']
    if (compared) header.push('New')
    const newBySeverity = new Map<Severity, number>()
    for (const f of image.introduced) {
      newBySeverity.set(f.severity, (newBySeverity.get(f.severity) ?? 0) + 1)
    }
    const rows: string[][] = []
    for (const s of SEVERITIES) {
      const found = r.counts[s]
      const ignored = r.ignored[s]
      if (s === 'UNKNOWN' && found === 0 && ignored === 0) continue
      const row = [SEVERITY_LABEL[s], num(found, true), num(r.fixable[s]), num(ignored)]
      if (compared) row.push(num(newBySeverity.get(s) ?? 0))
      rows.push(row)
    }
    return table(header, rows, ['l', 'r', 'r', 'r', 'r'])
  }

  private changes(image: PreparedImage, rowLimit: number, omitted: { count: number }): string {
    const r = image.report
    const heading = '**What this change does**'
    if (!r.comparison) {
      return `${heading}: no comparison was made. Set \`compare-to\` to the base branch's image (or pass the report of a previous run) to see the findings this change introduces and fixes.`
    }
    const c = r.comparison
    const introduced = image.introduced
    const fixed = image.fixed
    const head = `${heading} compared with ${baselineLabel(c)}: **${plural(introduced.length, 'finding')} introduced**${severityBreakdown(introduced)}, **${fixed.length} fixed**${severityBreakdown(fixed)}.`
    const out = [head]
    if (introduced.length > 0) {
      const rows = image.introducedRows.first(rowLimit)
      omitted.count += introduced.length - rows.length
      out.push(
        details(
          `${plural(introduced.length, 'finding')} introduced`,
          findingTable(rows, introduced.length - rows.length, false, image.platform !== undefined),
          introduced.length <= VISIBLE_FINDINGS,
        ),
      )
    }
    if (fixed.length > 0) {
      const rows = image.fixedRows.first(Math.floor(rowLimit / 2))
      omitted.count += fixed.length - rows.length
      out.push(
        details(
          `${plural(fixed.length, 'finding')} fixed`,
          findingTable(rows, fixed.length - rows.length, false, image.platform !== undefined),
        ),
      )
    }
    return out.join('\n\n')
  }

  private findings(image: PreparedImage, rowLimit: number, omitted: { count: number }): string {
    const { counted, ignored } = image
    const out: string[] = []
    if (counted.length === 0) {
      out.push('**Findings**: none counted.')
    } else {
      const rows = image.countedRows.first(rowLimit)
      const cut = counted.length - rows.length
      omitted.count += cut
      const top = rows.slice(0, VISIBLE_FINDINGS)
      const rest = rows.slice(VISIBLE_FINDINGS)
      const fixable = image.fixableCount
      out.push(
        `**Findings that matter first** (${plural(counted.length, 'finding')}, ${fixable} fixable; most severe and fixable first):`,
      )
      out.push(findingTable(top, rest.length === 0 ? cut : 0, false, image.platform !== undefined))
      if (rest.length > 0) {
        out.push(
          details(
            `${plural(counted.length - top.length, 'more finding')}`,
            findingTable(rest, cut, false, image.platform !== undefined),
          ),
        )
      }
    }
    if (ignored.length > 0) {
      const rows = image.ignoredRows.first(Math.floor(rowLimit / 2))
      omitted.count += ignored.length - rows.length
      out.push(
        details(
          `${plural(ignored.length, 'ignored finding')} (not counted)`,
          findingTable(rows, ignored.length - rows.length, true, image.platform !== undefined),
        ),
      )
    }
    return out.join('\n\n')
  }

  // --- report-wide -------------------------------------------------------------------

  private policyHygiene(rowLimit: number, omitted: { count: number }): string[] {
    const out: string[] = []
    const { expiredRules, unusedRules } = this.report
    if (expiredRules.length > 0) {
      const shown = expiredRules.slice(0, Math.max(rowLimit, 20))
      omitted.count += expiredRules.length - shown.length
      out.push(
        [
          `**⏰ ${plural(expiredRules.length, 'expired ignore entry', 'expired ignore entries')}**: these findings count again until the entry is renewed with a reason or removed.`,
          '',
          ...shown.map((rule) => `- ${ruleLine(rule, 'expired')}`),
        ].join('\n'),
      )
    }
    const expiring = this.report.expiringRules ?? []
    if (expiring.length > 0) {
      const shown = expiring.slice(0, Math.max(rowLimit, 20))
      omitted.count += expiring.length - shown.length
      out.push(
        [
          `**⏳ ${plural(expiring.length, 'ignore entry', 'ignore entries')} expiring soon** (within ${this.report.expiringDays ?? EXPIRING_SOON_DAYS} days): the findings they hide will count again; renew with a reason, or fix.`,
          '',
          ...shown.map((rule) => `- ${ruleLine(rule, 'active')}`),
        ].join('\n'),
      )
    }
    if (unusedRules.length > 0) {
      const shown = unusedRules.slice(0, Math.max(rowLimit, 20))
      omitted.count += unusedRules.length - shown.length
      out.push(
        details(
          `${plural(unusedRules.length, 'unused ignore entry', 'unused ignore entries')}: matched nothing (candidates for removal)`,
          shown.map((rule) => `- ${ruleLine(rule, 'active')}`).join('\n'),
        ),
      )
    }
    return out
  }

  private warnings(): string[] {
    const { warnings } = this.report
    if (warnings.length === 0) return []
    return [['**⚠️ Warnings**', '', ...warnings.map((w) => `- ${escapeInline(w, 500)}`)].join('\n')]
  }

  truncationNotice(what: string): string {
    const summary = safeUrl(this.opts.summaryUrl)
    const where = summary
      ? link('the job summary', summary)
      : 'the job summary of this workflow run'
    return `> [!NOTE]\n> ${what} did not fit into this comment (GitHub's size limit). The full report is in ${where} and in the \`report\` output.`
  }

  footer(): string {
    const { report } = this
    const parts = [`${escapeMarkdown(report.tool.name)} ${escapeMarkdown(report.tool.version)}`]
    if (report.createdAt) parts.push(escapeMarkdown(report.createdAt))
    const db = report.vulnerabilityDb
    if (db)
      parts.push(
        `vulnerability DB ${Number(db.ageHours)} h old (max-db-age ${Number(db.maxAgeHours)} h)`,
      )
    const summary = safeUrl(this.opts.summaryUrl)
    if (summary) parts.push(link('job summary', summary))
    const line = `<sub>${parts.join(' · ')}</sub>`
    return this.opts.marker ? `${line}\n\n${this.opts.marker}` : line
  }
}

// --- preparation -----------------------------------------------------------------------

interface PreparedImage {
  report: ImageReport
  counted: EvaluatedFinding[]
  ignored: EvaluatedFinding[]
  introduced: Finding[]
  introducedKeys: Set<string>
  /** Findings the comparison says this change fixed, most important first. */
  fixed: Finding[]
  fixableCount: number
  /** The Platform cell of a multi-platform image whose platforms' findings differ. */
  platform?: (f: Finding) => string
  /** Each list's table rows, rendered once and only as deep as a render asks. */
  countedRows: LazyRows
  ignoredRows: LazyRows
  introducedRows: LazyRows
  fixedRows: LazyRows
}

/**
 * Table rows of one list, rendered on first use and kept with their running size, so fitting
 * a document under its budget renders each row at most once whatever depth it tries.
 */
class LazyRows {
  private readonly rows: string[] = []
  /** `sizes[i]`: UTF-8 bytes of rows 0..i-1, each with its line break. */
  private readonly sizes: number[] = [0]

  constructor(
    private readonly length: number,
    private readonly renderRow: (index: number) => string,
  ) {}

  private fill(count: number): number {
    const n = Math.min(Math.max(0, count), this.length)
    for (let i = this.rows.length; i < n; i++) {
      const row = this.renderRow(i)
      this.rows.push(row)
      this.sizes.push((this.sizes[i] ?? 0) + size(row) + 1)
    }
    return n
  }

  /** The first `count` rows (fewer when the list is shorter). */
  first(count: number): string[] {
    return this.rows.slice(0, this.fill(count))
  }

  /** Bytes of the first `count` rows, line breaks included. */
  bytes(count: number): number {
    return this.sizes[this.fill(count)] ?? 0
  }
}

/**
 * The comment and the summary render the same images: sort, group and render their rows once.
 * Reused only while the image's findings and comparison are the very same (unchanged) lists.
 */
const prepared = new WeakMap<
  ImageReport,
  { findings: unknown[]; length: number; comparison: unknown; image: PreparedImage }
>()

function preparedImage(report: ImageReport): PreparedImage {
  const hit = prepared.get(report)
  if (
    hit &&
    hit.findings === report.findings &&
    hit.length === report.findings.length &&
    hit.comparison === report.comparison
  )
    return hit.image
  const image = prepareImage(report)
  prepared.set(report, {
    findings: report.findings,
    length: report.findings.length,
    comparison: report.comparison,
    image,
  })
  return image
}

function prepareImage(report: ImageReport): PreparedImage {
  // The evaluator's ranking, so comment and policy agree: its own lists as they come, any other
  // list (a report read from a file, one changed since) sorted here.
  const sorted = inEvaluatorOrder(report.findings)
    ? [...report.findings]
    : [...report.findings].sort((a, b) => compareFindings(a.finding, b.finding))
  const introducedKeys = new Set(report.comparison?.introduced ?? [])
  const counted = sorted.filter(isCounted)
  const ignored = sorted.filter((e) => !isCounted(e))
  // Introduced findings that policy ignores still changed, but the reviewer acts on counted ones first.
  const introduced = dedupeByKey(
    [...counted, ...ignored].filter((e) => introducedKeys.has(e.finding.key)).map((e) => e.finding),
  )
  const apart = distinguishers(
    sorted.map((e) => e.finding),
    (p) => shortPath(p),
  )
  const fixed = [...(report.comparison?.fixed ?? [])].sort(compareFindings)
  const fixedApart = distinguishers(fixed, (p) => shortPath(p))
  let fixableCount = 0
  for (const e of counted) if (isFixable(e.finding)) fixableCount++
  const listRows = <T>(list: T[], row: (item: T) => string) =>
    new LazyRows(list.length, (i) => row(list[i] as T))
  const platform = platformCell(report)
  return {
    report,
    counted,
    ignored,
    introduced,
    introducedKeys,
    fixed,
    fixableCount,
    ...(platform ? { platform } : {}),
    countedRows: listRows(counted, (e) =>
      findingRow(e.finding, e, introducedKeys.has(e.finding.key), apart, platform),
    ),
    ignoredRows: listRows(ignored, (e) => findingRow(e.finding, e, false, apart, platform)),
    introducedRows: listRows(introduced, (f) => findingRow(f, undefined, false, apart, platform)),
    // Fixed findings are the baseline's: they carry no platforms of this run.
    fixedRows: listRows(fixed, (f) =>
      findingRow(f, undefined, false, fixedApart, platform && (() => '')),
    ),
  }
}

function dedupeByKey(findings: Finding[]): Finding[] {
  const seen = new Set<string>()
  return findings.filter((f) => {
    if (seen.has(f.key)) return false
    seen.add(f.key)
    return true
  })
}

// --- small renderers -------------------------------------------------------------------

function num(n: number, bold = false): string {
  const text = formatCount(n)
  return bold && n > 0 ? `**${text}**` : text
}

function imageLabel(r: ImageReport): string {
  const digest = r.digest ? ` ${code(shortDigest(r.digest))}` : ''
  return `${code(r.image, 300)}${digest}`
}

/** Which baseline exactly: the image's digest, or the report's path and SHA-256. */
function baselineLabel(c: Comparison): string {
  const s = c.source
  if (s.kind === 'image') {
    return `image ${code(s.image, 300)} (${s.digest ? `digest ${code(s.digest)}` : 'digest not reported by Trivy'})`
  }
  return `report ${code(s.path, 300)} (SHA-256 ${code(s.sha256)})`
}

function notScannedSection(u: UnscannedImage): string {
  return `#### ❌ ${code(u.image, 300)}: not scanned

Nothing was measured for this image, so it has no counts (not even 0). Why: ${escapeInline(u.reason, 500)}`
}

function shortDigest(digest: string): string {
  const [algo, hex] = digest.split(':')
  return hex ? `${algo}:${hex.slice(0, 12)}` : digest.slice(0, 19)
}

/** Upgrades shown in the comment; the JSON report and `--format json` hold every one. */
const FIX_FIRST_SHOWN = 5

/** "Fix first": what to upgrade, by what it removes; bounded, so it never crowds out findings. */
function fixFirstSection(r: ImageReport): string {
  const plan = r.fixFirst
  if (!plan || (plan.upgrades.length === 0 && plan.noFixTotal === 0)) return ''
  const lines = ['**Fix first** (package upgrades, by the findings each removes):']
  for (const u of plan.upgrades.slice(0, FIX_FIRST_SHOWN))
    lines.push(`- ${escapeMarkdown(describeUpgrade(u))}`)
  const more = plan.upgrades.length - FIX_FIRST_SHOWN
  if (more > 0) lines.push(`- …and ${plural(more, 'more upgrade')} (all in the JSON report)`)
  if (plan.noFixTotal > 0) {
    const parts = SEVERITIES.filter((s) => plan.noFix[s] > 0).map(
      (s) => `${plan.noFix[s]} ${s.toLowerCase()}`,
    )
    lines.push(
      `- No fix available yet: ${plural(plan.noFixTotal, 'finding')} (${parts.join(', ')})`,
    )
  }
  return lines.join('\n')
}

function severityBreakdown(findings: Finding[]): string {
  if (findings.length === 0) return ''
  const counts = new Map<Severity, number>()
  for (const f of findings) counts.set(f.severity, (counts.get(f.severity) ?? 0) + 1)
  const parts = SEVERITIES.filter((s) => counts.has(s)).map(
    (s) => `${counts.get(s)} ${s.toLowerCase()}`,
  )
  return ` (${parts.join(', ')})`
}

/** The reviewer-facing base-image problem for the headline, if any. */
function baseImageConcern(r: ImageReport): string | undefined {
  const b = r.baseImage
  if (!b) return undefined
  const name = b.base?.name ?? b.os
  const subject = name ? `base ${name}` : 'image'
  if (b.runsAsRoot === true) return `${subject} runs as root`
  if (b.violations.length > 0 && b.violations[0]) return `${subject}: ${b.violations[0].message}`
  if (b.base && !b.base.minimal) return `${subject} is not minimal`
  return undefined
}

const FINDING_HEADER = ['Severity', 'ID', 'Package / location', 'Installed', 'Fixed in', 'Title']

function findingTable(
  rows: string[],
  omittedRows: number,
  withReason = false,
  withPlatform = false,
): string {
  const header = [
    ...FINDING_HEADER,
    ...(withPlatform ? [PLATFORM_HEADER] : []),
    ...(withReason ? ['Ignored because'] : []),
  ]
  const lines = [tableRow(header), tableRow(header.map(() => '---')), ...rows]
  if (omittedRows > 0) {
    lines.push('', `_…and ${plural(omittedRows, 'more row')} left out to fit the size limit._`)
  }
  return lines.join('\n')
}

function findingRow(
  f: Finding,
  evaluated: EvaluatedFinding | undefined,
  isNew: boolean,
  apart: Map<Finding, string[]> = new Map(),
  platform?: (f: Finding) => string,
): string {
  const id = `${link(escapeMarkdown(f.id), f.url)}${isNew ? ' 🆕' : ''}`
  const [where, installed, fixed] = locationCells(f)
  const tellApart = apart.get(f)
  const cells = [
    SEVERITY_LABEL[f.severity],
    id,
    tellApart
      ? `${f.kind === 'vulnerability' ? code(f.pkgName) : where}<br>${tellApart.map((p) => code(p, 300)).join('<br>')}`
      : where,
    installed,
    fixed,
    escapeInline(f.title ?? '', 90),
  ]
  if (platform) cells.push(platform(f))
  if (evaluated?.ignored) cells.push(ignoreReason(evaluated))
  return tableRow(cells)
}

/** Package / location, installed, fixed-in cells for each kind of finding. */
function locationCells(f: Finding): [string, string, string] {
  switch (f.kind) {
    case 'vulnerability': {
      const where = f.pkgPath
        ? `${code(f.pkgName)}<br>${code(shortPath(f.pkgPath))}`
        : code(f.pkgName)
      const fixed = f.fixedVersion
        ? code(f.fixedVersion, 120)
        : `_no fix${f.status && f.status !== 'affected' ? ` (${escapeMarkdown(f.status.replace(/_/g, ' '))})` : ''}_`
      return [where, code(f.installedVersion), fixed]
    }
    case 'secret':
      return [`${code(f.target)}${lineSuffix(f.startLine, f.endLine)}`, '', '_rotate the secret_']
    case 'misconfiguration':
      return [
        `${code(f.target)}${lineSuffix(f.startLine, f.endLine)}`,
        '',
        f.resolution ? escapeInline(f.resolution, 120) : '',
      ]
  }
}

const SURROGATE = /[\uD800-\uDFFF]/

/** Keep the end of long paths (the part that says which copy of a package it is). */
function shortPath(path: string, max = 48): string {
  // A string no longer than `max` UTF-16 units has at most `max` characters.
  if (path.length <= max) return path
  // Without surrogate pairs each UTF-16 unit is one character: no array of characters needed
  // (this runs for every finding of a large report; issue 13).
  if (!SURROGATE.test(path)) return `…${path.slice(path.length - max + 1)}`
  const chars = [...path]
  return chars.length <= max ? path : `…${chars.slice(chars.length - max + 1).join('')}`
}

function lineSuffix(start?: number, end?: number): string {
  if (!start) return ''
  return end && end !== start ? ` lines ${start}–${end}` : ` line ${start}`
}

function ignoreReason(e: EvaluatedFinding): string {
  const reason = e.ignored
  if (!reason) return ''
  if (reason.by === 'unfixed') return 'no fix yet (`ignore-unfixed`)'
  const rule = reason.rule
  const parts = [code(rule.source)]
  if (rule.expiresAt) parts.push(`until ${escapeMarkdown(rule.expiresAt)}`)
  if (rule.statement) parts.push(escapeInline(rule.statement, 100))
  return parts.join(' · ')
}

/** `expired` only for entries past their date; an entry still in force "expires". */
function ruleLine(rule: IgnoreRule, state: 'expired' | 'active'): string {
  const parts = [code(rule.id), `in ${code(rule.source)}`]
  if (rule.expiresAt) {
    parts.push(`${state === 'expired' ? 'expired' : 'expires'} ${escapeMarkdown(rule.expiresAt)}`)
  }
  if (rule.paths?.length) parts.push(`paths ${rule.paths.map((p) => code(p, 120)).join(', ')}`)
  if (rule.purls?.length) parts.push(`purls ${rule.purls.map((p) => code(p, 120)).join(', ')}`)
  if (rule.statement) parts.push(escapeInline(rule.statement, 200))
  return parts.join(' · ')
}

function baseImageSection(r: ImageReport): string {
  const b = r.baseImage
  if (!b) return ''
  const unknown = (what: string) => `_unknown (${escapeMarkdown(what)})_`
  const source = b.source === 'registry' ? 'read from the image' : 'the Trivy report only'
  const rows: string[][] = []
  if (b.base) {
    const how = {
      annotation: 'OCI annotation',
      label: 'label',
      dockerfile: 'Dockerfile',
      inferred: 'inferred',
    }[b.base.how]
    const name = b.base.name ? code(b.base.name) : '_unnamed_'
    const digest = b.base.digest ? ` ${code(shortDigest(b.base.digest))}` : ''
    rows.push([
      'Base',
      `${name}${digest} (${how}) ${b.base.minimal ? '✅ minimal' : '⚠️ not minimal'}`,
    ])
  } else {
    rows.push(['Base', unknown(`not recorded in the image; ${source}`)])
  }
  if (b.os) rows.push(['OS', code(b.os)])
  if (r.os?.eosl) rows.push(['OS support', '❌ end of life: no more security fixes'])
  if (b.packages !== undefined) rows.push(['Packages', num(b.packages)])
  rows.push(['Shell', yesNo(b.shell, 'present', 'none', source)])
  rows.push([
    'Package manager',
    b.packageManager === null
      ? unknown(source)
      : b.packageManager === false
        ? 'none'
        : code(b.packageManager),
  ])
  rows.push([
    'User',
    b.runsAsRoot === null
      ? unknown(source)
      : b.runsAsRoot
        ? `⚠️ root${b.user ? ` (${code(b.user)})` : ''}`
        : code(b.user ?? 'non-root'),
  ])
  if (b.compressedSize !== undefined) rows.push(['Compressed size', formatBytes(b.compressedSize)])
  if (b.layers !== undefined) rows.push(['Layers', num(b.layers)])
  const out = [
    `**Base image** (${b.mode === 'enforce' ? 'enforced' : 'warnings only'}; ${source})`,
    table(['', ''], rows),
  ]
  if (b.violations.length > 0) {
    const icon = b.mode === 'enforce' ? '❌' : '⚠️'
    out.push(
      b.violations
        .map((v) => `- ${icon} ${code(v.rule)}: ${escapeInline(v.message, 300)}`)
        .join('\n'),
    )
  }
  if (b.recommendation) out.push(`💡 **Recommendation**: ${escapeInline(b.recommendation, 500)}`)
  if (b.unknown.length > 0) {
    out.push(
      `<sub>Could not be determined (${source}): ${b.unknown.map((u) => escapeMarkdown(u)).join(', ')}.</sub>`,
    )
  }
  return out.join('\n\n')
}

function yesNo(value: boolean | null, yes: string, no: string, source: string): string {
  if (value === null) return `_unknown (${escapeMarkdown(source)})_`
  return value ? `⚠️ ${yes}` : no
}

function signingSection(r: ImageReport): string {
  const s = r.signing
  if (!s) return ''
  const rows: string[][] = []
  for (const sig of s.signatures)
    rows.push(['Signature', escapeMarkdown(sig.format), code(sig.reference, 300)])
  for (const att of s.attestations) {
    rows.push([
      `Attestation ${code(att.predicateType, 120)}`,
      escapeMarkdown(att.format),
      code(att.reference, 300),
    ])
  }
  if (s.sbom) rows.push(['SBOM', '', code(s.sbom, 300)])
  if (s.transparencyLog) {
    const tlog = safeUrl(s.transparencyLog)
    rows.push([
      'Transparency log',
      '',
      tlog ? link(escapeMarkdown(s.transparencyLog), tlog) : code(s.transparencyLog),
    ])
  }
  const pushed = s.signatures.length + s.attestations.length
  // A failed push leaves a partial record: never call that "signed".
  const state =
    pushed === 0
      ? '❌ **Not signed**'
      : s.signatures.length === 0
        ? '⚠️ **Partly signed**'
        : '**Signed**'
  const head = `${state} ${code(shortDigest(s.digest))}: ${plural(s.signatures.length, 'signature')}, ${plural(s.attestations.length, 'attestation')}`
  return rows.length > 0 ? `${head}\n\n${table(['What', 'Format', 'Reference'], rows)}` : head
}
