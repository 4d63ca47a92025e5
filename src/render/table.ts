import type { EvaluatedFinding, Finding, IgnoreRule, ShipgateReport } from '../model.js'
import { SEVERITIES } from '../model.js'
import { describeUpgrade } from '../policy/fixes.js'
import { distinguishers } from './distinguish.js'
import { platformCell, platformsText } from './platforms.js'

/** Text from advisories must not move the cursor or recolour the terminal. */
function clean(text: string | undefined, max = 60): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
  const s = (text ?? '').replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').trim()
  return s.length > max ? `${s.slice(0, max - 1)}…` : s
}

function columns(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? []
  return rows
    .map((r) =>
      r
        .map((c, i) => c.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n')
}

function findingRow({ finding: f }: EvaluatedFinding, apart: Map<Finding, string[]>): string[] {
  const tellApart = apart.get(f)
  if (f.kind === 'vulnerability') {
    return [
      f.severity,
      f.id,
      tellApart
        ? `${clean(f.pkgName, 30)} (${tellApart.map((p) => clean(p, 120)).join(', ')})`
        : clean(f.pkgName, 30),
      clean(f.installedVersion, 20),
      clean(f.fixedVersion ?? '-', 20),
      clean(f.title),
    ]
  }
  if (f.kind === 'secret')
    return [
      f.severity,
      f.id,
      clean(f.target, 30),
      `line ${f.startLine ?? '?'}`,
      '-',
      clean(f.title),
    ]
  return [f.severity, f.id, clean(f.target, 30), '-', '-', clean(f.title)]
}

/** `expired` only for entries past their date; one still in force "expires". */
function ruleText(r: IgnoreRule, state: 'expired' | 'expires'): string {
  const when = r.expiresAt ? `, ${state} ${clean(r.expiresAt, 40)}` : ''
  return `${clean(r.id)} (${clean(r.source, 100)}${when})`
}

/** The terminal rendering of `shipgate scan --format table`. */
export function renderTable(report: ShipgateReport, opts: { limit?: number } = {}): string {
  const limit = opts.limit ?? 20
  const out: string[] = [report.reason, '']
  for (const image of report.images) {
    out.push(
      `${clean(image.image, 200)}${image.os ? ` (${clean(image.os.family)} ${clean(image.os.name)})` : ''}`,
    )
    out.push(
      columns([
        ['', ...SEVERITIES],
        ['found', ...SEVERITIES.map((s) => String(image.counts[s]))],
        ['fixable', ...SEVERITIES.map((s) => String(image.fixable[s]))],
        ['ignored', ...SEVERITIES.map((s) => String(image.ignored[s]))],
      ]),
    )
    const platforms = platformsText(image)
    if (platforms) out.push(clean(platforms, 400))
    const c = image.comparison
    if (c) {
      const which =
        c.source.kind === 'image'
          ? `image ${clean(c.source.image, 200)} (digest ${c.source.digest ?? 'not reported by Trivy'})`
          : `report ${clean(c.source.path, 200)} (sha256 ${c.source.sha256})`
      out.push(`compared with ${which}: ${c.introduced.length} introduced, ${c.fixed.length} fixed`)
    }
    const plan = image.fixFirst
    if (plan?.upgrades.length) {
      out.push('', 'fix first:')
      for (const u of plan.upgrades.slice(0, 5)) out.push(`  ${clean(describeUpgrade(u), 300)}`)
      if (plan.upgrades.length > 5)
        out.push(`  … and ${plan.upgrades.length - 5} more upgrades (use --format json for all)`)
    }
    if (plan?.noFixTotal) out.push(`no fix available yet: ${plan.noFixTotal} finding(s)`)
    const active = image.findings.filter((f) => !f.ignored)
    // The table shows the package name only: say what tells otherwise identical rows apart.
    const apart = distinguishers(
      active.map((f) => f.finding),
      () => '',
    )
    if (active.length) {
      out.push('')
      const platform = platformCell(image, 'text')
      out.push(
        columns([
          ['SEVERITY', 'ID', 'PACKAGE/TARGET', 'INSTALLED', 'FIXED', 'TITLE'].concat(
            platform ? ['PLATFORM'] : [],
          ),
          ...active
            .slice(0, limit)
            .map((f) =>
              findingRow(f, apart).concat(platform ? [clean(platform(f.finding), 120)] : []),
            ),
        ]),
      )
      if (active.length > limit)
        out.push(`… and ${active.length - limit} more (use --format json for all)`)
    }
    if (image.baseImage) {
      const b = image.baseImage
      out.push(
        '',
        `Base image: ${clean(b.base?.name ?? 'unknown', 100)}${b.recommendation ? ` — ${clean(b.recommendation, 200)}` : ''}`,
      )
      for (const v of b.violations)
        out.push(`  ${b.mode === 'enforce' ? 'x' : '!'} ${clean(v.message, 200)}`)
    }
    out.push('')
  }
  for (const u of report.notScanned ?? []) {
    out.push(`${clean(u.image, 200)}: NOT SCANNED, no counts (${clean(u.reason, 300)})`, '')
  }
  for (const r of report.expiredRules) out.push(`Expired ignore entry: ${ruleText(r, 'expired')}`)
  for (const r of report.expiringRules ?? [])
    out.push(`Ignore entry expiring soon: ${ruleText(r, 'expires')}`)
  for (const r of report.unusedRules) out.push(`Unused ignore entry: ${ruleText(r, 'expires')}`)
  for (const w of report.warnings) out.push(`Warning: ${clean(w, 300)}`)
  return `${out.join('\n').trimEnd()}\n`
}
