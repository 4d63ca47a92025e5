/**
 * How a multi-platform image reads in the comment and the summary (issue 11 §1): one table for
 * the image, with a Platform column only when the platforms' findings differ. A finding on
 * every platform says "all"; one found on some names them.
 */
import type { Finding, ImageReport } from '../model.js'
import { code } from './markdown.js'

export const PLATFORM_HEADER = 'Platform'

/** Every platform scanned, in the index's order; empty for a single-platform image. */
function scannedPlatforms(report: ImageReport): string[] {
  return (report.platforms ?? []).map((p) => p.platform)
}

/**
 * The Platform cell of a finding row, or undefined when the column is not needed: one platform,
 * or every finding found on every platform (then the table says nothing a column would add).
 */
export function platformCell(
  report: ImageReport,
  /** `text`: for the terminal table (`all`, `linux/arm64`); default: Markdown. */
  format: 'markdown' | 'text' = 'markdown',
): ((f: Finding) => string) | undefined {
  const all = scannedPlatforms(report)
  if (all.length < 2) return undefined
  const everywhere = (f: Finding) => all.every((p) => f.platforms?.includes(p))
  if (report.findings.every((e) => everywhere(e.finding))) return undefined
  const md = format === 'markdown'
  return (f) =>
    everywhere(f)
      ? md
        ? '_all_'
        : 'all'
      : all
          .filter((p) => f.platforms?.includes(p))
          .map((p) => (md ? code(p) : p))
          .join(md ? '<br>' : ',') || (md ? '_unknown_' : '?')
}

/** `platforms: linux/amd64 pass, linux/arm64/v8 FAIL (1 blocking)` for the terminal, or ''. */
export function platformsText(report: ImageReport): string {
  const platforms = report.platforms ?? []
  if (platforms.length === 0) return ''
  return `platforms: ${platforms
    .map(
      (p) =>
        `${p.platform} ${p.verdict === 'fail' ? 'FAIL' : 'pass'}${p.blocking > 0 ? ` (${p.blocking} blocking)` : ''}`,
    )
    .join(', ')}`
}

/** `Platforms: linux/amd64 ✅ · linux/arm64/v8 ❌`, or '' for a single-platform image. */
export function platformsLine(report: ImageReport): string {
  const platforms = report.platforms ?? []
  if (platforms.length === 0) return ''
  const parts = platforms.map(
    (p) =>
      `${code(p.platform)} ${p.verdict === 'fail' ? '❌' : '✅'}${p.blocking > 0 ? ` ${p.blocking} blocking` : ''}`,
  )
  return `**Platforms** (${platforms.length}, each analysed on its own; the image fails when any fails): ${parts.join(' · ')}`
}
