/**
 * The sticky pull-request comment: one per pull request and key (image or `comment-key`),
 * found by its hidden marker and updated in place on every push. Failures never throw:
 * the caller records them as warnings, the job summary and outputs still carry the full
 * result, and the step's exit status depends only on the policy.
 */
import type { Logger } from '../logger.js'
import { COMMENT_MAX_LENGTH } from '../render/report-markdown.js'
import { checkOwnComment, resolveOwnAuthor } from './authorship.js'
import { GitHubApiError, type IssueComment, type PullRequestCommenter } from './commenter.js'
import { commentMarker, endsWithMarker, markerKey, withMarker } from './marker.js'

export type CommentMode = 'update' | 'recreate'
export type CommentWhen = 'auto' | 'always' | 'never'

export const COMMENT_MODES: readonly CommentMode[] = ['update', 'recreate']
export const COMMENT_WHEN: readonly CommentWhen[] = ['auto', 'always', 'never']

export interface PublishInput {
  /** The rendered comment (renderReportMarkdown with COMMENT_MAX_LENGTH). */
  body: string
  /** Image reference or the `comment-key` input. */
  key: string
  mode: CommentMode
  /** The pull request comes from a fork (from shouldComment): a 403 is then expected. */
  fromFork?: boolean
  /**
   * The login Shipgate's token comments as, when neither `GET /user` nor the default
   * `github-actions[bot]` tells it (a custom GitHub App: `my-app[bot]`). Only comments by
   * this author are ever edited or deleted. See authorship.ts.
   */
  expectedAuthor?: string
  /**
   * Old keys this comment takes over (see comment-key.ts): a comment of ours whose marker
   * carries such a key is updated (and re-keyed) instead of a second comment being posted.
   */
  adopts?: (oldKey: string) => boolean
}

export type PublishResult =
  | { status: 'created' | 'updated' | 'skipped'; url?: string }
  | { status: 'failed'; reason: string; forkReadOnly: boolean }

export async function publishComment(
  input: PublishInput,
  deps: { github: PullRequestCommenter; logger: Logger },
): Promise<PublishResult> {
  const { github, logger } = deps
  let marker: string
  try {
    marker = commentMarker(input.key)
  } catch (error) {
    return { status: 'failed', reason: (error as Error).message, forkReadOnly: false }
  }
  const body = withMarker(input.body, marker)
  if (body.length > COMMENT_MAX_LENGTH) {
    return {
      status: 'failed',
      reason: `The comment is ${body.length} characters, over GitHub's limit of ${COMMENT_MAX_LENGTH}; render it with maxLength ${COMMENT_MAX_LENGTH}.`,
      forkReadOnly: false,
    }
  }

  try {
    // The comments are listed while the token's account is looked up: two independent reads,
    // so one round trip to GitHub before anything is decided instead of two (issue 13).
    // Nothing is judged or written before both are known.
    const pages = github.listComments()[Symbol.asyncIterator]()
    const firstPage = pages.next()
    // Awaited below; a failed lookup of the account first must not leave it unhandled.
    firstPage.catch(() => undefined)
    const own = await resolveOwnAuthor(input.expectedAuthor, github, logger)
    const ours: IssueComment[] = []
    const adopted: IssueComment[] = []
    for (let page = await firstPage; !page.done; page = await pages.next()) {
      for (const comment of page.value) {
        const oldKey = input.adopts ? markerKey(comment.body) : undefined
        const adoptable = oldKey !== undefined && input.adopts?.(oldKey) === true
        if (!comment.body.includes(marker) && !adoptable) continue
        const by = comment.author?.login ?? 'an unknown account'
        if (!own.accepts(comment.author)) {
          // Someone else posted the marker (possibly to have Shipgate edit or delete their
          // comment): never touch it.
          logger.debug(
            `Ignoring comment ${comment.id} by ${by}: it carries the marker for key "${input.key}" but Shipgate only owns comments by ${own.description}.`,
          )
        } else if (endsWithMarker(comment.body, marker)) ours.push(comment)
        else if (adoptable) adopted.push(comment)
        else {
          logger.debug(
            `Ignoring comment ${comment.id} by ${by}: the marker for key "${input.key}" is not its last line.`,
          )
        }
      }
    }
    logger.debug(`Found ${ours.length} Shipgate comment(s) for key "${input.key}".`)
    if (adopted.length) {
      // Comments keyed the old way (by image digest): the newest becomes this key's comment,
      // the rest were duplicates that old rule left behind.
      logger.info(
        `Taking over ${adopted.length} Shipgate comment(s) keyed the old way for "${input.key}".`,
      )
      if (!ours.length) ours.push(...adopted.splice(-1))
      for (const old of adopted) await deleteQuietly(github, old.id, logger)
    }

    if (input.mode === 'update' && ours[0]) {
      const [keep, ...duplicates] = ours
      // Earlier concurrent runs can leave duplicates; one comment per key is the contract.
      for (const dup of duplicates) await deleteQuietly(github, dup.id, logger)
      if (keep.body === body) {
        logger.info(`Pull-request comment unchanged: ${keep.url ?? keep.id}`)
        return { status: 'skipped', url: keep.url }
      }
      const updated = await github.updateComment(keep.id, body)
      logger.info(`Updated the pull-request comment: ${updated.url ?? updated.id}`)
      return { status: 'updated', url: updated.url ?? keep.url }
    }

    for (const old of ours) await github.deleteComment(old.id)
    const created = await github.createComment(body)
    logger.info(`Created the pull-request comment: ${created.url ?? created.id}`)
    checkOwnComment(created.author, own, logger)
    return { status: 'created', url: created.url }
  } catch (error) {
    return describeFailure(error, input.fromFork === true)
  }
}

async function deleteQuietly(
  github: PullRequestCommenter,
  id: number,
  logger: Logger,
): Promise<void> {
  try {
    await github.deleteComment(id)
  } catch (error) {
    logger.warning(`Could not delete duplicate Shipgate comment ${id}: ${(error as Error).message}`)
  }
}

const NOTHING_LOST = 'The full result is in the job summary and the `report` output.'

function describeFailure(error: unknown, fromFork: boolean): PublishResult {
  if (!(error instanceof GitHubApiError)) {
    return {
      status: 'failed',
      reason: `Could not write the pull-request comment: ${(error as Error)?.message ?? String(error)}. ${NOTHING_LOST}`,
      forkReadOnly: false,
    }
  }
  const said = `GitHub answered ${error.status} to ${error.request}: ${error.message}`
  const notAccessible = /not accessible by integration/i.test(error.message)
  switch (true) {
    case error.status === 0:
      return fail(
        `Could not reach the GitHub API (${error.message}) for ${error.request}. Check GITHUB_API_URL and the runner's network. ${NOTHING_LOST}`,
      )
    case error.status === 401:
      return fail(
        `${said}. The token was rejected: check the \`github-token\` input. ${NOTHING_LOST}`,
      )
    case error.status === 403 && /rate limit/i.test(error.message):
      return fail(
        `${said}. Rate-limited even after retrying; the next run will update the comment. ${NOTHING_LOST}`,
      )
    case error.status === 403 && (fromFork || notAccessible):
      return {
        status: 'failed',
        forkReadOnly: fromFork || notAccessible,
        reason: fromFork
          ? `This pull request comes from a fork, so the workflow token is read-only and cannot comment (${error.status}: ${error.message}). ${NOTHING_LOST} To comment on fork pull requests, post from a \`workflow_run\` workflow (see Shipgate's README).`
          : `${said}. The token cannot write comments: give the job \`permissions: pull-requests: write\` (for pull requests from forks the token is always read-only; see Shipgate's README). ${NOTHING_LOST}`,
      }
    case error.status === 403:
      return fail(`${said}. Give the job \`permissions: pull-requests: write\`. ${NOTHING_LOST}`)
    case error.status === 404:
      return fail(
        `${said}. The pull request or repository was not found, or the token cannot see it (private repositories need \`permissions: pull-requests: write\`). ${NOTHING_LOST}`,
      )
    case error.status === 422:
      return fail(`${said}. GitHub rejected the comment. ${NOTHING_LOST}`)
    default:
      return fail(`${said}. ${NOTHING_LOST}`)
  }
}

function fail(reason: string): PublishResult {
  return { status: 'failed', reason, forkReadOnly: false }
}

// --- when to comment ---------------------------------------------------------------

export interface CommentDecision {
  comment: boolean
  issueNumber?: number
  /** The head repository differs from the base: the workflow token is read-only. */
  fromFork?: boolean
  /** One sentence for the log. */
  why: string
}

interface PullRequestPayload {
  number?: number
  head?: { repo?: { full_name?: string } | null }
  base?: { repo?: { full_name?: string } | null }
}

/**
 * Pure: whether this event gets a comment, on which pull request. `auto` comments on
 * pull-request events only; `always` also on `issue_comment` and `workflow_run` events
 * that belong to a pull request.
 */
export function shouldComment(
  mode: CommentWhen,
  eventName: string,
  payload: Record<string, unknown> | undefined,
): CommentDecision {
  if (mode === 'never') return { comment: false, why: '`comment` is `never`.' }
  const p = (payload ?? {}) as {
    pull_request?: PullRequestPayload
    issue?: { number?: number; pull_request?: unknown }
    workflow_run?: { pull_requests?: { number?: number }[] }
  }
  const isPullRequestEvent = eventName === 'pull_request' || eventName === 'pull_request_target'
  let issueNumber: number | undefined
  let fromFork: boolean | undefined
  if (isPullRequestEvent && typeof p.pull_request?.number === 'number') {
    issueNumber = p.pull_request.number
    const head = p.pull_request.head?.repo?.full_name
    const base = p.pull_request.base?.repo?.full_name
    // A deleted fork has head.repo null: still a fork.
    fromFork = eventName === 'pull_request' && base !== undefined && head !== base
  } else if (
    eventName === 'issue_comment' &&
    p.issue?.pull_request &&
    typeof p.issue.number === 'number'
  ) {
    issueNumber = p.issue.number
  } else if (eventName === 'workflow_run') {
    issueNumber = p.workflow_run?.pull_requests?.find((pr) => typeof pr.number === 'number')?.number
  }

  if (mode === 'auto' && !isPullRequestEvent) {
    return {
      comment: false,
      why: `\`comment: auto\` comments on pull_request events only; this is \`${eventName}\`.`,
    }
  }
  if (issueNumber === undefined) {
    return {
      comment: false,
      why:
        eventName === 'workflow_run'
          ? 'This workflow_run has no pull request attached (GitHub leaves `pull_requests` empty for forks): pass the pull-request number from the first workflow, see the README.'
          : `No pull request belongs to this \`${eventName}\` event.`,
    }
  }
  return {
    comment: true,
    issueNumber,
    fromFork,
    why: `Commenting on pull request #${issueNumber}${fromFork ? ' (from a fork: the token may be read-only)' : ''}.`,
  }
}
