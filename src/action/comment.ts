import * as core from '@actions/core'
import { publishComment, shouldComment } from '../github/comment.js'
import type { CommentKeys } from '../github/comment-key.js'
import { commentMarker } from '../github/marker.js'
import type { ShipgateReport } from '../model.js'
import { imageReport } from '../policy/evaluate.js'
import { COMMENT_MAX_LENGTH, renderReportMarkdown } from '../render/report-markdown.js'
import { actionLogger, info, runUrl } from './context.js'
import { workflowEvent, workflowRepo } from './event.js'

/**
 * Post or update the sticky comment. Never throws and never changes the exit status: a
 * failure becomes a warning that the summary and the report carry.
 */
/** The comment settings a run resolved (src/settings), values only. */
export interface CommentOptions {
  when: 'auto' | 'always' | 'never'
  mode: 'update' | 'recreate'
  per: 'job' | 'image'
  token: string
  author?: string
  /** Comment on this pull request whatever the event (the `workflow_run` pattern for forks). */
  pullRequest?: number
}

export async function commentOnPullRequest(
  report: ShipgateReport,
  inputs: CommentOptions,
  keys: CommentKeys,
  options: { perImage: boolean; failures: { image: string; message: string }[] },
): Promise<void> {
  const decision =
    inputs.pullRequest !== undefined && inputs.when !== 'never'
      ? {
          comment: true,
          issueNumber: inputs.pullRequest,
          fromFork: false,
          why: `\`pull-request\` is ${inputs.pullRequest}.`,
        }
      : shouldComment(inputs.when, workflowEvent().eventName, workflowEvent().payload)
  info(`Pull-request comment: ${decision.why}`)
  if (!decision.comment || decision.issueNumber === undefined) {
    core.setOutput('comment-status', 'disabled')
    return
  }
  try {
    const { owner, repo } = workflowRepo()
    // The API client (Octokit, TLS) loads only on runs that comment (issue 13).
    const { createOctokitCommenter } = await import('../github/octokit.js')
    const commenter = createOctokitCommenter({
      token: inputs.token,
      apiUrl: process.env.GITHUB_API_URL,
      owner,
      repo,
      issueNumber: decision.issueNumber,
      logger: actionLogger,
    })
    // `comment-per: image`: each image its own comment, verdict and key (see comment-key.ts).
    const comments =
      inputs.per === 'image' && options.perImage && report.images.length > 1
        ? report.images.map((image) => ({
            body: imageReport(
              report,
              image,
              options.failures.filter((f) => f.image === image.image).map((f) => f.message),
            ),
            ...keys.image(image.image),
          }))
        : [{ body: report, key: keys.job, adopts: keys.adopts }]
    const statuses: string[] = []
    const urls: string[] = []
    for (const c of comments) {
      const body = renderReportMarkdown(c.body, {
        maxLength: COMMENT_MAX_LENGTH,
        summaryUrl: runUrl(),
        marker: commentMarker(c.key),
      })
      const result = await publishComment(
        {
          body,
          key: c.key,
          adopts: c.adopts,
          mode: inputs.mode,
          fromFork: decision.fromFork,
          expectedAuthor: inputs.author,
        },
        { github: commenter, logger: actionLogger },
      )
      statuses.push(result.status)
      if (result.status === 'failed') {
        core.warning(result.reason)
        report.warnings.push(result.reason)
      } else {
        if (result.url) urls.push(result.url)
        info(`Pull-request comment ${result.status}${result.url ? `: ${result.url}` : ''}`)
      }
    }
    // One status for the step: the worst that happened.
    const order = ['failed', 'created', 'updated', 'skipped']
    core.setOutput('comment-status', order.find((s) => statuses.includes(s)) ?? 'skipped')
    core.setOutput('comment-url', urls.join('\n'))
  } catch (error) {
    const reason = `The pull-request comment was not written: ${(error as Error).message}`
    core.setOutput('comment-status', 'failed')
    core.warning(reason)
    report.warnings.push(reason)
  }
}
