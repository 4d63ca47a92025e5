/**
 * What VEX removed, where a reviewer reads it: per image, "Not affected by VEX: N" with each
 * finding's status, justification and the document it came from (collapsed), and a line in plain
 * sight when a document this pull request adds or changes is what removed a finding. Report-wide,
 * the documents read with their SHA-256.
 *
 * Everything from a VEX document (IDs, justifications, authors, paths) is written by whoever wrote
 * the document, in a pull request its author: it only reaches Markdown through the escaping
 * helpers.
 */
import type { ImageReport, ShipgateReport, Suppression, VexSourceRecord } from '../model.js'
import { code, details, escapeInline, plural, table } from './markdown.js'

/** Rows per image before the rest is left to the JSON report. */
const MAX_ROWS = 100

const VEX_STATUSES: ReadonlySet<string> = new Set(['not_affected', 'fixed'])

function documentOf(report: ShipgateReport, s: Suppression): VexSourceRecord | undefined {
  return s.document === undefined ? undefined : report.vex?.sources[s.document]
}

function isClaimOfThisChange(record: VexSourceRecord | undefined): boolean {
  return record?.change === 'new' || record?.change === 'changed'
}

function changeMark(record: VexSourceRecord | undefined): string {
  if (record?.change === 'new') return ' 🆕 **new in this pull request**'
  if (record?.change === 'changed') return ' ✏️ **changed in this pull request**'
  if (record?.change === 'unknown') return ' ❔ not compared with the base branch'
  return ''
}

function documentCell(report: ShipgateReport, s: Suppression): string {
  const record = documentOf(report, s)
  if (!record) return s.source ? code(s.source, 120) : '_not named_'
  const signer = record.signer ? ` signed by ${code(record.signer.identity, 120)}` : ''
  return `${code(record.source, 120)}${signer}${changeMark(record)}`
}

function packageCell(s: Suppression): string {
  if (!s.pkgName) return s.target ? code(s.target, 80) : ''
  return `${code(s.pkgName, 80)}${s.installedVersion ? ` ${code(s.installedVersion, 60)}` : ''}`
}

function statusCell(s: Suppression): string {
  return code(s.status, 40)
}

function rows(report: ShipgateReport, list: Suppression[], limit: number): string[][] {
  return list.slice(0, limit).map((s) => [
    code(s.id, 80),
    packageCell(s),
    s.severity ? escapeInline(s.severity.toLowerCase(), 20) : '',
    statusCell(s),
    // Prose from the document's author: escaped as text (no mentions, links or references).
    s.statement ? escapeInline(s.statement, 200) : '_none given_',
    documentCell(report, s),
  ])
}

/** `CVE-1, CVE-2 and 3 more`: IDs a pull request declares not affected, escaped. */
function idList(list: Suppression[], shown = 5): string {
  const ids = [...new Set(list.map((s) => s.id))]
  const head = ids.slice(0, shown).map((id) => code(id, 80))
  return ids.length > shown ? `${head.join(', ')} and ${ids.length - shown} more` : head.join(', ')
}

/**
 * The VEX part of one image's section: empty when Trivy set nothing aside. `rowLimit` is the
 * depth the comment can afford (report-markdown.ts fits the document to GitHub's limit).
 */
export function vexImageSection(
  report: ShipgateReport,
  image: ImageReport,
  rowLimit: number,
): string {
  const all = image.suppressed
  if (!all.length) return ''
  const vex = all.filter((s) => VEX_STATUSES.has(s.status))
  const other = all.filter((s) => !VEX_STATUSES.has(s.status))
  const out: string[] = []
  const claimed = vex.filter((s) => isClaimOfThisChange(documentOf(report, s)))
  if (claimed.length) {
    const docs = [...new Set(claimed.map((s) => documentOf(report, s)?.source ?? ''))]
    out.push(
      `> [!WARNING]\n> **This pull request declares ${idList(claimed)} not affected** (${plural(claimed.length, 'finding')}), through ${docs.map((d) => code(d, 120)).join(', ')}, which it adds or changes. These findings are not counted; check the VEX statements before approving.`,
    )
  }
  const header = ['ID', 'Package', 'Severity', 'Status', 'Justification', 'Document']
  const limit = Math.max(1, Math.min(rowLimit, MAX_ROWS))
  const more = (n: number) =>
    n > 0
      ? `\n\n_${plural(n, 'more entry', 'more entries')} in the JSON report (\`report\` output)._`
      : ''
  if (vex.length) {
    out.push(
      details(
        `Not affected by VEX: ${vex.length.toLocaleString('en-US')} (not counted)`,
        table(header, rows(report, vex, limit)) + more(vex.length - limit),
      ),
    )
  }
  if (other.length) {
    out.push(
      details(
        `Set aside by Trivy outside VEX: ${other.length.toLocaleString('en-US')} (not counted)`,
        table(header, rows(report, other, limit)) + more(other.length - limit),
      ),
    )
  }
  return out.join('\n\n')
}

function authorsCell(r: VexSourceRecord): string {
  if (r.signer) return `signed: ${code(r.signer.identity, 120)} (${code(r.signer.issuer, 80)})`
  return r.authors.length ? r.authors.map((a) => code(a, 80)).join(', ') : '_none named_'
}

function appliedCell(r: VexSourceRecord): string {
  if (!r.applied) return `❌ not applied: ${escapeInline(r.skipped ?? 'unknown reason', 300)}`
  return r.appliedAs ? `✅ (as OpenVEX, sha256 ${code(r.appliedAs.sha256.slice(0, 12))}…)` : '✅'
}

/** The documents read, each with its SHA-256: what a reviewer checks the suppressions against. */
export function vexSourcesSection(report: ShipgateReport): string {
  const sources = report.vex?.sources ?? []
  if (!report.vex) return ''
  const applied = sources.filter((s) => s.applied).length
  const required = report.vex.requiredAuthors
  const intro = required
    ? `Only documents by ${required.map((a) => code(a, 80)).join(', ')} apply (\`vex-required-author\`).\n\n`
    : ''
  if (!sources.length) return ''
  const body = table(
    ['Document', 'Format', 'Author', 'Change', 'SHA-256', 'Applied'],
    sources.map((r) => [
      `${code(r.source, 160)}${r.image ? ` for ${code(r.image, 120)}` : ''}`,
      escapeInline(r.format, 20),
      authorsCell(r),
      r.change ? `${escapeInline(r.change, 20)}${changeMark(r) ? ' ⚠️' : ''}` : '',
      code(r.sha256),
      appliedCell(r),
    ]),
  )
  return details(
    `VEX documents: ${plural(sources.length, 'document')} read, ${applied} applied`,
    intro + body,
  )
}
