/**
 * PullRequestCommenter over Octokit, with GitHub's own client-side etiquette: the retry
 * plugin for 5xx and network blips, the throttling plugin for primary and secondary rate
 * limits (it honours `retry-after` and spaces out writes that notify people).
 * GitHub Enterprise Server works through `apiUrl` (the runner's GITHUB_API_URL).
 */
import { Octokit } from '@octokit/core'
import { paginateRest } from '@octokit/plugin-paginate-rest'
import { retry } from '@octokit/plugin-retry'
import { type ThrottlingOptions, throttling } from '@octokit/plugin-throttling'
import type { Logger } from '../logger.js'
import {
  type CommentAuthor,
  GitHubApiError,
  type IssueComment,
  type PullRequestCommenter,
} from './commenter.js'
import { timedFetch } from './fetch.js'

const ShipgateOctokit = Octokit.plugin(paginateRest, retry, throttling)

export const DEFAULT_API_URL = 'https://api.github.com'
/** Retries after a rate limit before giving up (the result still reaches the job summary). */
const RATE_LIMIT_RETRIES = 2
/** Waiting longer than this for a rate limit would hold the job for nothing. */
const MAX_RATE_LIMIT_WAIT_SECONDS = 60
const REQUEST_TIMEOUT_MS = 30_000

export interface OctokitCommenterOptions extends ShipgateOctokitOptions {
  owner: string
  repo: string
  issueNumber: number
}

interface RawUser {
  login?: string
  type?: string
}

interface RawComment {
  id: number
  body?: string | null
  html_url?: string
  /** `null` for a deleted account ("ghost"). */
  user?: RawUser | null
}

export function toAuthor(user: RawUser | null | undefined): CommentAuthor | undefined {
  return typeof user?.login === 'string' && user.login !== ''
    ? { login: user.login, type: user.type ?? 'User' }
    : undefined
}

function toComment(raw: RawComment): IssueComment {
  const author = toAuthor(raw.user)
  return { id: raw.id, body: raw.body ?? '', url: raw.html_url, ...(author ? { author } : {}) }
}

/** What every Shipgate GitHub client shares: the API, the token, the etiquette, the log. */
export interface ShipgateOctokitOptions {
  token: string
  /** `GITHUB_API_URL`; defaults to https://api.github.com. */
  apiUrl?: string
  logger: Logger
  userAgent?: string
  /** Per request, including retries of that request. */
  timeoutMs?: number
  /** Tuning for tests: the retry plugin's options. */
  retry?: { retries?: number; retryAfterBaseValue?: number }
  /** Tuning for tests: the throttling plugin's options (Bottleneck groups, base values). */
  throttle?: Partial<Omit<ThrottlingOptions, 'onRateLimit' | 'onSecondaryRateLimit'>>
  /** Applied to every line Octokit logs (the rescan cuts tokens out of them). */
  scrub?: (message: string) => string
}

/**
 * Octokit with GitHub's client-side etiquette: retries for 5xx and network blips, the
 * throttling plugin for primary and secondary rate limits (bounded waits and retries), and a
 * timeout per attempt so a hung connection cannot hold the job.
 */
export function createShipgateOctokit(opts: ShipgateOctokitOptions) {
  const { logger } = opts
  const scrub = opts.scrub ?? ((m: string) => m)
  const limitHandler =
    (kind: string) =>
    (
      retryAfter: number,
      options: { method?: string; url?: string },
      _o: unknown,
      retryCount: number,
    ) => {
      const what = `${options.method ?? ''} ${options.url ?? ''}`.trim()
      if (retryCount >= RATE_LIMIT_RETRIES || retryAfter > MAX_RATE_LIMIT_WAIT_SECONDS) {
        logger.warning(
          `GitHub ${kind} rate limit on ${what}; not retrying (retry-after ${retryAfter}s).`,
        )
        return false
      }
      logger.info(`GitHub ${kind} rate limit on ${what}; retrying in ${retryAfter}s.`)
      return true
    }
  const timeoutMs = opts.timeoutMs ?? REQUEST_TIMEOUT_MS
  return new ShipgateOctokit({
    request: { fetch: timedFetch(timeoutMs) },
    auth: opts.token,
    baseUrl: (opts.apiUrl || DEFAULT_API_URL).replace(/\/+$/, ''),
    userAgent: opts.userAgent ?? 'shipgate',
    log: {
      debug: (m: string) => logger.debug(scrub(m)),
      info: (m: string) => logger.debug(scrub(m)),
      warn: (m: string) => logger.warning(scrub(m)),
      error: (m: string) => logger.warning(scrub(m)),
    },
    retry: opts.retry,
    throttle: {
      ...opts.throttle,
      onRateLimit: limitHandler('primary'),
      onSecondaryRateLimit: limitHandler('secondary'),
    },
  })
}

export function createOctokitCommenter(opts: OctokitCommenterOptions): PullRequestCommenter {
  if (!opts.token) {
    throw new Error(
      'No GitHub token: set the `github-token` input (it defaults to the workflow token, github.token).',
    )
  }
  const octokit = createShipgateOctokit(opts)
  const params = { owner: opts.owner, repo: opts.repo }

  async function call<T>(what: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn()
    } catch (error) {
      throw toApiError(what, error)
    }
  }

  return {
    async *listComments() {
      const what = `GET comments of #${opts.issueNumber}`
      const pages = octokit.paginate.iterator(
        'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
        {
          ...params,
          issue_number: opts.issueNumber,
          per_page: 100,
        },
      )
      const it = pages[Symbol.asyncIterator]()
      while (true) {
        const next = await call(what, () => it.next())
        if (next.done) return
        yield (next.value.data as RawComment[]).map(toComment)
      }
    },
    createComment: (body) =>
      call(`POST comment on #${opts.issueNumber}`, async () => {
        const res = await octokit.request(
          'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
          {
            ...params,
            issue_number: opts.issueNumber,
            body,
          },
        )
        return toComment(res.data as RawComment)
      }),
    updateComment: (id, body) =>
      call(`PATCH comment ${id}`, async () => {
        const res = await octokit.request(
          'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
          {
            ...params,
            comment_id: id,
            body,
          },
        )
        return toComment(res.data as RawComment)
      }),
    deleteComment: (id) =>
      call(`DELETE comment ${id}`, async () => {
        await octokit.request('DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}', {
          ...params,
          comment_id: id,
        })
      }),
    async authenticatedUser() {
      try {
        const res = await octokit.request('GET /user')
        return toAuthor(res.data as RawUser)
      } catch (error) {
        const e = toApiError('GET /user', error)
        // An App installation token (GITHUB_TOKEN) has no user: "Resource not accessible by
        // integration". A rate limit or a rejected token is a real failure and propagates.
        if ((e.status === 403 && !/rate limit/i.test(e.message)) || e.status === 404) {
          opts.logger.debug(`GET /user answered ${e.status}: the token belongs to a GitHub App.`)
          return undefined
        }
        throw e
      }
    },
  }
}

function toApiError(what: string, error: unknown): GitHubApiError {
  if (error instanceof GitHubApiError) return error
  const e = error as {
    status?: number
    message?: string
    name?: string
    response?: {
      data?: { message?: string; documentation_url?: string; errors?: { message?: string }[] }
    }
  }
  const data = e.response?.data
  const details = (data?.errors ?? []).map((x) => x.message).filter(Boolean)
  const message = [data?.message ?? e.message ?? String(error), ...details].join(': ')
  const status = typeof e.status === 'number' && e.response ? e.status : 0
  return new GitHubApiError(status, message, what, data?.documentation_url)
}
