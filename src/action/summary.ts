/**
 * The job summary of `mode: scan`: the report's Markdown under the summary's budget, then the
 * settings it was decided with.
 *
 * Rendered by `actionScan` while the pull-request comment's requests are in flight, not after
 * them: at 20,000 findings the summary is ~60 ms of rendering that otherwise waited for
 * GitHub's answers (issue 13). The comment can only add a warning to the report, and then the
 * summary is rendered again, so what is written is always the final report's.
 */
import type { ShipgateReport } from '../model.js'
import type { SettingsRecord } from '../settings/record.js'

/** The summary's Markdown, or the error that stopped its rendering (the run goes on). */
export type RenderedSummary = { markdown: string } | { error: Error }

export async function renderSummary(
  report: ShipgateReport,
  settings: SettingsRecord,
): Promise<RenderedSummary> {
  try {
    const [{ runUrl }, { renderReportMarkdown, SUMMARY_MAX_LENGTH }, { settingsMarkdown }] =
      await Promise.all([
        import('./context.js'),
        import('../render/report-markdown.js'),
        import('../settings/record.js'),
      ])
    const body = renderReportMarkdown(report, {
      maxLength: SUMMARY_MAX_LENGTH,
      summaryUrl: runUrl(),
    })
    return { markdown: `${body}\n\n${settingsMarkdown(settings)}\n` }
  } catch (error) {
    return { error: error instanceof Error ? error : new Error(String(error)) }
  }
}
