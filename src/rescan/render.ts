/**
 * The words of `mode: rescan`: one issue body per failing image, the comment that closes it,
 * and the job summary across every watched image. Text from outside (image references,
 * finding IDs, package names, error messages) goes through the same escaping helpers as the
 * pull-request comment; only the hidden marker and state are appended raw, and they are built
 * here from validated values.
 */
import type { ShipgateReport } from '../model.js'
import { code, escapeMarkdown, link, plural, table } from '../render/markdown.js'
import {
  COMMENT_MAX_LENGTH,
  renderReportMarkdown,
  SUMMARY_MAX_LENGTH,
} from '../render/report-markdown.js'
import { encodeState, type IssueState, rescanMarker, STATE_BUDGET } from './marker.js'
import type { ImageOutcome, NamedFinding, RescanResult } from './result.js'

/** Names listed per "new since" / "fixed since" line before "and N more". */
const LISTED = 30

export function issueTitle(image: string): string {
  return `Shipgate: ${image} fails the security policy`
}

function named(f: NamedFinding): string {
  return f.pkg ? `${code(f.id)} (${code(f.pkg)})` : code(f.id)
}

function nameList(list: NamedFinding[], unnamed = 0): string {
  const shown = list.slice(0, LISTED).map(named)
  const more = list.length - shown.length + unnamed
  return `${shown.join(', ')}${more > 0 ? `${shown.length ? ', and ' : ''}${plural(more, 'more finding')}` : ''}`
}

/** The "what changed" lines of an issue body or the summary. */
export function changeLines(o: ImageOutcome): string[] {
  const lines: string[] = []
  if (o.previous === 'unreadable') {
    lines.push(
      '⚠️ The previous version of this issue had no readable record of its findings (it was edited?), so every finding counts as new.',
    )
  } else if (o.previous === 'partial') {
    lines.push(
      '⚠️ The previous scan had more findings than this issue can record; findings it could not record count as new.',
    )
  }
  if (o.previous !== 'none' && o.newSince.length)
    lines.push(`**New since the last scan** (${o.newSince.length}): ${nameList(o.newSince)}`)
  if (o.fixedSince.length + o.fixedUnnamed)
    lines.push(
      `**Fixed since the last scan** (${o.fixedSince.length + o.fixedUnnamed}): ${nameList(o.fixedSince, o.fixedUnnamed)}`,
    )
  if (o.previous !== 'none' && !o.newSince.length && !(o.fixedSince.length + o.fixedUnnamed))
    lines.push('No blocking finding came or went since the last scan.')
  return lines
}

function digestLine(o: ImageOutcome): string {
  if (!o.digest) return ''
  return o.via === 'tag'
    ? `Scanned digest ${code(o.digest, 80)} (what ${code(o.image)} pointed to at this scan).`
    : `Scanned digest ${code(o.digest, 80)}.`
}

/**
 * The issue body: what fails and what changed, the findings as the pull-request comment shows
 * them, then the hidden state and marker. Never longer than GitHub accepts.
 */
export function issueBody(
  o: ImageOutcome,
  report: ShipgateReport,
  state: IssueState,
  opts: { runUrl?: string; scannedAt: string },
): string {
  const stateText = encodeState(state, STATE_BUDGET)
  const marker = rescanMarker(o.key)
  const head = [
    `### ❌ ${code(o.image)} fails the security policy`,
    '',
    digestLine(o),
    ...changeLines(o).flatMap((l) => ['', l]),
  ].join('\n')
  const foot = [
    `<sub>Kept up to date by Shipgate's scheduled rescan${opts.runUrl ? ` (${link('last run', opts.runUrl)}, ${escapeMarkdown(opts.scannedAt)})` : ` (${escapeMarkdown(opts.scannedAt)})`}. It closes itself when the image passes. Closing it by hand does not silence the finding: the next rescan opens a new issue; record an exception in the policy instead.</sub>`,
    '',
    stateText,
    marker,
    '',
  ].join('\n')
  // The findings get what is left of GitHub's limit, with a margin for the joins.
  const budget = COMMENT_MAX_LENGTH - Buffer.byteLength(head) - Buffer.byteLength(foot) - 64
  const findings = findingsMarkdown(report, budget, opts.runUrl)
  return `${head}\n\n${findings}\n\n${foot}`
}

/**
 * The report as the pull-request comment renders it, without its hint to set `compare-to`: a
 * rescan compares with the last rescan itself (the "new since" / "fixed since" lines above).
 */
const NO_COMPARISON_HINT = /^\*\*What this change does\*\*: no comparison was made\.[^\n]*\n\n/m

function findingsMarkdown(report: ShipgateReport, maxLength: number, summaryUrl?: string): string {
  return renderReportMarkdown(report, { maxLength, summaryUrl }).replace(NO_COMPARISON_HINT, '')
}

export function closingComment(
  o: ImageOutcome,
  opts: { runUrl?: string; scannedAt: string },
): string {
  return [
    `### ✅ ${code(o.image)} passes the security policy again`,
    '',
    `${escapeMarkdown(o.reason)}.`,
    '',
    digestLine(o),
    ...changeLines(o).flatMap((l) => ['', l]),
    '',
    `Closed by Shipgate's scheduled rescan${opts.runUrl ? ` (${link('run', opts.runUrl)})` : ''}, ${escapeMarkdown(opts.scannedAt)}.`,
  ]
    .filter((l, i, all) => !(l === '' && all[i - 1] === ''))
    .join('\n')
}

export function duplicateComment(keep: number): string {
  return `Closing: this duplicates #${keep} (two rescans ran at the same time and both opened an issue). Shipgate keeps the oldest issue per image.`
}

const ACTION_TEXT: Record<ImageOutcome['issue']['action'], string> = {
  opened: 'opened',
  updated: 'updated',
  unchanged: 'unchanged',
  closed: 'closed',
  none: '—',
  'not-updated': '⚠️ not updated',
  offline: 'not checked (no GitHub)',
}

function verdictCell(o: ImageOutcome): string {
  if (o.verdict === 'pass') return '✅ pass'
  if (o.verdict === 'fail') return `❌ fail (${o.blocking})`
  return '⚠️ not scanned'
}

/** The job summary: one table across every watched image, then what went wrong, then each failing image. */
export function rescanSummary(
  result: RescanResult,
  reports: Map<string, ShipgateReport>,
  opts: { runUrl?: string } = {},
): string {
  const icon = result.verdict === 'pass' ? '✅' : '❌'
  const parts: string[] = [`### ${icon} Shipgate rescan: ${escapeMarkdown(result.reason)}`]
  parts.push(
    table(
      ['Image', 'Digest', 'Verdict', 'New', 'Fixed', 'Issue'],
      result.images.map((o) => [
        code(o.image),
        o.digest ? code(o.digest.slice(0, 19), 40) : '—',
        verdictCell(o),
        o.verdict === 'error' ? '—' : String(o.newSince.length),
        o.verdict === 'error' ? '—' : String(o.fixedSince.length + o.fixedUnnamed),
        o.issue.number
          ? `${ACTION_TEXT[o.issue.action]} ${link(`#${o.issue.number}`, o.issue.url)}`
          : ACTION_TEXT[o.issue.action],
      ]),
    ),
  )
  if (result.notUpdated.length) {
    parts.push(
      `**Not updated** (${result.notUpdated.length}):\n\n${result.notUpdated
        .map((n) => `- ${code(n.image)}: ${escapeMarkdown(n.reason)}`)
        .join('\n')}`,
    )
  }
  for (const o of result.images) {
    if (o.errors.length)
      parts.push(`**${code(o.image)} was not scanned**: ${o.errors.map(escapeMarkdown).join(' ')}`)
  }
  if (result.warnings.length)
    parts.push(result.warnings.map((w) => `- ⚠️ ${escapeMarkdown(w)}`).join('\n'))
  const head = parts.join('\n\n')
  // Each failing image in full, as its issue shows it, within the summary's budget.
  const failing = result.images.filter((o) => o.verdict === 'fail')
  const room = Math.floor(
    (SUMMARY_MAX_LENGTH - Buffer.byteLength(head) - 1024) / Math.max(1, failing.length),
  )
  const sections = failing.flatMap((o) => {
    const report = reports.get(o.key)
    if (!report) return []
    return [
      `#### ${code(o.image)}\n\n${[digestLine(o), ...changeLines(o)].filter(Boolean).join('\n\n')}\n\n${findingsMarkdown(report, Math.max(2048, room - 2048), opts.runUrl)}`,
    ]
  })
  return [head, ...sections].join('\n\n')
}

/** The CLI's table: one line per watched image. */
export function rescanTable(result: RescanResult): string {
  const rows = result.images.map((o) => [
    o.image,
    o.digest ?? '-',
    o.verdict === 'error' ? 'not scanned' : o.verdict,
    String(o.blocking),
    o.reason,
  ])
  const header = ['IMAGE', 'DIGEST', 'VERDICT', 'BLOCKING', 'WHY']
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd()
  return `${[line(header), ...rows.map(line)].join('\n')}\n`
}
