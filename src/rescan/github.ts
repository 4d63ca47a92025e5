/**
 * The repository's issues, as `mode: rescan` needs them, over Octokit with the same client
 * etiquette as the pull-request comment (src/github/octokit.ts): the retry plugin for 5xx and
 * network blips, the throttling plugin for primary and secondary rate limits (it honours
 * `retry-after` and spaces out writes that notify people), a timeout per attempt.
 */
import { type CommentAuthor, GitHubApiError } from '../github/commenter.js'
import { createShipgateOctokit, type ShipgateOctokitOptions, toAuthor } from '../github/octokit.js'
import { redact } from './redact.js'

export interface RepoIssue {
  number: number
  title: string
  body: string
  state: 'open' | 'closed'
  url?: string
  /** Absent for a deleted account: such an issue is never Shipgate's. */
  author?: CommentAuthor
  createdAt?: string
}

/** The small port the tracker needs; tests implement it over the fake API through Octokit. */
export interface IssuesApi {
  /** Open issues (never pull requests) carrying `label`, every page. */
  listOpenIssues(label: string): Promise<RepoIssue[]>
  createIssue(issue: { title: string; body: string; labels: string[] }): Promise<RepoIssue>
  updateIssue(
    number: number,
    change: {
      title?: string
      body?: string
      state?: 'closed'
      stateReason?: 'completed' | 'not_planned'
    },
  ): Promise<RepoIssue>
  addComment(number: number, body: string): Promise<void>
  /** Creates the label; `exists` when GitHub answers 422 already_exists. */
  ensureLabel(label: {
    name: string
    color: string
    description: string
  }): Promise<'created' | 'exists'>
  /** The token's user; undefined for an App installation token (GITHUB_TOKEN). */
  authenticatedUser(): Promise<CommentAuthor | undefined>
}

export interface IssuesApiOptions extends ShipgateOctokitOptions {
  owner: string
  repo: string
}

interface RawIssue {
  number: number
  title?: string
  body?: string | null
  state?: string
  html_url?: string
  created_at?: string
  user?: { login?: string; type?: string } | null
  pull_request?: unknown
}

function toIssue(raw: RawIssue): RepoIssue {
  const author = toAuthor(raw.user)
  return {
    number: raw.number,
    title: raw.title ?? '',
    body: raw.body ?? '',
    state: raw.state === 'closed' ? 'closed' : 'open',
    url: raw.html_url,
    createdAt: raw.created_at,
    ...(author ? { author } : {}),
  }
}

export function createIssuesApi(opts: IssuesApiOptions): IssuesApi {
  if (!opts.token) {
    throw new Error(
      'No GitHub token: set the `github-token` input (it defaults to the workflow token, github.token) and give the job `permissions: issues: write`.',
    )
  }
  // The pull-request comment's client, with tokens cut out of everything Octokit logs.
  const octokit = createShipgateOctokit({ ...opts, scrub: (m) => redact(m, [opts.token]) })
  const params = { owner: opts.owner, repo: opts.repo }

  async function call<T>(what: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn()
    } catch (error) {
      throw toApiError(what, error, opts.token)
    }
  }

  return {
    listOpenIssues: (label) =>
      call(`GET issues labelled ${label}`, async () => {
        const raw = (await octokit.paginate('GET /repos/{owner}/{repo}/issues', {
          ...params,
          labels: label,
          state: 'open',
          sort: 'created',
          direction: 'asc',
          per_page: 100,
        })) as RawIssue[]
        return raw.filter((i) => !i.pull_request).map(toIssue)
      }),
    createIssue: (issue) =>
      call('POST issue', async () => {
        const res = await octokit.request('POST /repos/{owner}/{repo}/issues', {
          ...params,
          ...issue,
        })
        return toIssue(res.data as RawIssue)
      }),
    updateIssue: (number, change) =>
      call(`PATCH issue #${number}`, async () => {
        const res = await octokit.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
          ...params,
          issue_number: number,
          ...(change.title !== undefined ? { title: change.title } : {}),
          ...(change.body !== undefined ? { body: change.body } : {}),
          ...(change.state ? { state: change.state } : {}),
          ...(change.stateReason ? { state_reason: change.stateReason } : {}),
        })
        return toIssue(res.data as RawIssue)
      }),
    addComment: (number, body) =>
      call(`POST comment on #${number}`, async () => {
        await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
          ...params,
          issue_number: number,
          body,
        })
      }),
    async ensureLabel(label) {
      try {
        await octokit.request('POST /repos/{owner}/{repo}/labels', { ...params, ...label })
        return 'created'
      } catch (error) {
        const e = toApiError(`POST label ${label.name}`, error, opts.token)
        if (e.status === 422 && /already_exists|already exists/i.test(e.message)) return 'exists'
        throw e
      }
    },
    async authenticatedUser() {
      try {
        const res = await octokit.request('GET /user')
        return toAuthor(res.data as RawIssue['user'])
      } catch (error) {
        const e = toApiError('GET /user', error, opts.token)
        // An App installation token (GITHUB_TOKEN) has no user; a rate limit is a real failure.
        if ((e.status === 403 && !/rate limit/i.test(e.message)) || e.status === 404)
          return undefined
        throw e
      }
    },
  }
}

function toApiError(what: string, error: unknown, token: string): GitHubApiError {
  if (error instanceof GitHubApiError) return error
  const e = error as {
    status?: number
    message?: string
    response?: {
      data?: {
        message?: string
        documentation_url?: string
        errors?: { message?: string; code?: string; resource?: string }[]
      }
    }
  }
  const data = e.response?.data
  const details = (data?.errors ?? []).map((x) => x.message ?? x.code).filter(Boolean)
  const message = redact([data?.message ?? e.message ?? String(error), ...details].join(': '), [
    token,
  ])
  const status = typeof e.status === 'number' && e.response ? e.status : 0
  return new GitHubApiError(status, message, what, data?.documentation_url)
}
