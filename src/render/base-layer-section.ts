/**
 * "From the base image <ref>: N": the counted findings whose layer is the base image's, in
 * their own collapsed section of the comment and summary, with the base the base-image check
 * recommends moving to. What came with the base is then told apart from what the image's own
 * layers added, whether or not `fail-on-scope: app` sets it aside.
 */
import {
  type Finding,
  type GateScope,
  type ImageReport,
  type LayerAttribution,
  SEVERITIES,
  type Severity,
} from '../model.js'
import { scopeHas } from '../policy/scope.js'
import { code, details, escapeInline, escapeMarkdown, link, plural, tableRow } from './markdown.js'

const HEADER = ['Severity', 'ID', 'Package / location', 'Installed', 'Fixed in']

function howKnown(l: LayerAttribution): string {
  const base = l.base
  if (!base) return ''
  const share = `${plural(base.layers, 'layer')} of ${l.imageLayers ?? '?'}`
  switch (base.how) {
    case 'dockerfile':
      return `named by the Dockerfile's last \`FROM\`; its ${share} matched by diff_id`
    case 'annotation':
      return `named by the image's \`org.opencontainers.image.base.name\` annotation; its ${share} matched by diff_id`
    case 'label':
      return `named by the image's \`org.opencontainers.image.base.name\` label; its ${share} matched by diff_id`
    case 'history':
      return `inferred from the image's config history (the first ${share}; nothing outside the image confirms it)`
  }
}

function breakdown(findings: Finding[]): string {
  const counts = new Map<Severity, number>()
  for (const f of findings) counts.set(f.severity, (counts.get(f.severity) ?? 0) + 1)
  return SEVERITIES.filter((s) => counts.has(s))
    .map((s) => `${counts.get(s)} ${s.toLowerCase()}`)
    .join(', ')
}

const LABEL: Record<Severity, string> = {
  CRITICAL: '🟥 Critical',
  HIGH: '🟧 High',
  MEDIUM: '🟨 Medium',
  LOW: '🟦 Low',
  UNKNOWN: '⬜ Unknown',
}

function row(f: Finding): string {
  const id = link(escapeMarkdown(f.id), f.url)
  if (f.kind === 'vulnerability') {
    return tableRow([
      LABEL[f.severity],
      id,
      f.pkgPath ? `${code(f.pkgName)}<br>${code(f.pkgPath, 80)}` : code(f.pkgName),
      code(f.installedVersion),
      f.fixedVersion ? code(f.fixedVersion, 120) : '_no fix_',
    ])
  }
  return tableRow([LABEL[f.severity], id, code(f.target, 120), '', ''])
}

/**
 * The section for one image, or '' when nothing was attributed. `rowLimit` bounds the table
 * like the other finding lists (the JSON report has every finding).
 */
export function baseLayerSection(r: ImageReport, scope: GateScope, rowLimit: number): string {
  const l = r.layerAttribution
  if (!l) return ''
  const app = scopeHas(scope, 'app')
  if (!l.base) {
    if (!app) return ''
    return `**Base image layers**: unknown (${escapeInline(l.unknown ?? 'no source named it', 300)}), so every finding counts as the image's own for \`fail-on-scope: app\`.`
  }
  const fromBase = r.findings
    .filter((e) => !e.ignored && e.finding.layer?.fromBase === true)
    .map((e) => e.finding)
  const name = l.base.ref ? code(l.base.ref, 300) : '(unnamed)'
  // Inside <summary> GitHub renders no Markdown: HTML code, not backticks.
  const summary = `From the base image ${name}: ${fromBase.length}${fromBase.length ? ` (${breakdown(fromBase)})` : ''}${app && fromBase.length ? ', not gated (<code>fail-on-scope: app</code>)' : ''}`
  const digest =
    l.base.digest && !l.base.ref?.includes(l.base.digest) ? ` ${code(l.base.digest)}` : ''
  const lines = [`Base${digest} ${howKnown(l)}.`]
  const target = r.baseImage?.recommendedBase
  if (target && fromBase.length) {
    lines.push(
      `**Fixed by moving to ${code(target, 300)}** (the base-image check's recommendation): these findings sit in the layers it replaces. Its own findings are not measured here.`,
    )
  }
  if (l.unattributed > 0) {
    lines.push(
      `${plural(l.unattributed, 'finding')} without a layer Shipgate could place ${l.unattributed === 1 ? 'counts' : 'count'} as the image's own.`,
    )
  }
  if (fromBase.length === 0) return `**${summary}**. ${lines.join(' ')}`
  const shown = fromBase.slice(0, Math.max(1, rowLimit))
  const table = [tableRow(HEADER), tableRow(HEADER.map(() => '---')), ...shown.map(row)]
  if (shown.length < fromBase.length) {
    table.push('', `_…and ${fromBase.length - shown.length} more in the JSON report._`)
  }
  return details(summary, `${lines.join('\n\n')}\n\n${table.join('\n')}`)
}
