/**
 * A local HTTP server on 127.0.0.1 that answers the issue endpoints `mode: rescan` uses the
 * way api.github.com does: issues listed by label and state with `Link` pagination (pull
 * requests included, as GitHub lists them), issues created, edited and closed, issue
 * comments, labels (422 `already_exists`), `GET /user`, and GitHub's own error bodies for
 * 401, 403 (read-only token, primary and secondary rate limits with `retry-after`), 404,
 * 422 and 5xx. Octokit talks to it through its baseUrl, exactly as to GITHUB_API_URL.
 *
 * Conventions follow fake-github.ts (the pull-request comment fake): every token is an
 * account, an App installation token has no `GET /user`, faults are queued per method/path.
 * `holdCreates(n)` makes each issue creation wait until n creations with the same title have
 * arrived, so concurrent runs all list before any of them creates: the race that produces
 * duplicates, every time.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface GitHubUser {
  login: string
  type: 'User' | 'Bot'
}

/** The workflow's GITHUB_TOKEN: a GitHub App installation, without a user of its own. */
export const ACTIONS_BOT: GitHubUser = { login: 'github-actions[bot]', type: 'Bot' }

export function person(login: string): GitHubUser {
  return { login, type: 'User' }
}

export interface StoredIssueComment {
  id: number
  body: string
  user: GitHubUser | null
}

export interface StoredIssue {
  number: number
  title: string
  body: string
  user: GitHubUser | null
  state: 'open' | 'closed'
  stateReason: 'completed' | 'not_planned' | 'reopened' | null
  labels: string[]
  comments: StoredIssueComment[]
  /** GitHub lists pull requests among issues; they carry a `pull_request` object. */
  pullRequest: boolean
  /** Creation order: GitHub's `created_at`, strictly increasing here. */
  createdAt: string
  updatedAt: string
}

export interface RecordedRequest {
  method: string
  path: string
  query: URLSearchParams
  /** Login of the caller, when the token was known. */
  by?: string
  body?: Record<string, unknown>
}

export interface Fault {
  method?: string
  /** Substring of the path. */
  path?: string
  status: number
  headers?: Record<string, string>
  body?: unknown
  /** How many matching requests fail (default 1). */
  times?: number
}

const DOCS = 'https://docs.github.com/rest/issues/issues'

/** A primary rate limit as api.github.com answers it: 403, remaining 0, a reset time. */
export function primaryRateLimit(times = 1): Fault {
  return {
    status: 403,
    times,
    headers: {
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 1),
      'retry-after': '1',
    },
    body: {
      message: 'API rate limit exceeded for installation ID 1.',
      documentation_url:
        'https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting',
    },
  }
}

/** A secondary (abuse) rate limit: 403 with `retry-after` and GitHub's wording. */
export function secondaryRateLimit(times = 1, retryAfter = '1'): Fault {
  return {
    status: 403,
    times,
    headers: { 'retry-after': retryAfter },
    body: {
      message:
        'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      documentation_url:
        'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
    },
  }
}

export class FakeIssues {
  readonly requests: RecordedRequest[] = []
  readonly issues: StoredIssue[] = []
  /** Labels of the repository, by name (lower case), as created. */
  readonly labels = new Map<string, { name: string; color?: string; description?: string }>()
  private faults: (Fault & { left: number })[] = []
  private nextNumber = 1
  private nextCommentId = 5000
  private clock = Date.parse('2026-11-01T00:00:00Z')
  private server?: Server
  /** Creations held back, by issue title, until `holdCreates` of them arrived. */
  private holdCount = 0
  private readonly held = new Map<string, (() => void)[]>()
  readonly owner = 'acme'
  readonly repo = 'app'
  /** Writes answer 403 "Resource not accessible by integration" (no `issues: write`). */
  readOnly = false
  token = 'test-token'
  identity: GitHubUser = ACTIONS_BOT
  readonly accounts = new Map<string, GitHubUser>()

  get url(): string {
    const address = this.server?.address() as AddressInfo | null
    if (!address) throw new Error('FakeIssues is not started')
    return `http://127.0.0.1:${address.port}`
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error) => {
        res.writeHead(500, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ message: String(error) }))
      })
    })
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve))
    return this
  }

  async stop(): Promise<void> {
    const server = this.server
    if (!server) return
    for (const waiting of this.held.values()) for (const release of waiting) release()
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }

  fail(fault: Fault): void {
    this.faults.push({ ...fault, left: fault.times ?? 1 })
  }

  clearFaults(): void {
    this.faults = []
  }

  /** From now on, issue creations with the same title wait for one another, `count` at a time. */
  holdCreates(count: number): void {
    this.holdCount = count
  }

  /** An issue already in the repository (someone else's, an old one of ours). */
  addIssue(
    fields: Partial<Omit<StoredIssue, 'number' | 'comments'>> & { body: string },
  ): StoredIssue {
    const now = this.tick()
    const issue: StoredIssue = {
      number: this.nextNumber++,
      title: fields.title ?? 'An issue',
      body: fields.body,
      user: fields.user === undefined ? ACTIONS_BOT : fields.user,
      state: fields.state ?? 'open',
      stateReason: fields.stateReason ?? null,
      labels: fields.labels ?? [],
      comments: [],
      pullRequest: fields.pullRequest ?? false,
      createdAt: now,
      updatedAt: now,
    }
    for (const name of issue.labels) this.ensureLabel(name)
    this.issues.push(issue)
    return issue
  }

  /** Open issues (not pull requests) carrying `label`. */
  open(label = 'shipgate'): StoredIssue[] {
    return this.issues.filter(
      (i) => i.state === 'open' && !i.pullRequest && i.labels.includes(label),
    )
  }

  issue(number: number): StoredIssue | undefined {
    return this.issues.find((i) => i.number === number)
  }

  /** Requests that changed something (POST, PATCH, DELETE). */
  writes(): RecordedRequest[] {
    return this.requests.filter((r) => r.method !== 'GET')
  }

  private tick(): string {
    this.clock += 1000
    return new Date(this.clock).toISOString()
  }

  private ensureLabel(name: string) {
    if (!this.labels.has(name.toLowerCase())) this.labels.set(name.toLowerCase(), { name })
  }

  private takeFault(method: string, path: string): Fault | undefined {
    const fault = this.faults.find(
      (f) => f.left > 0 && (!f.method || f.method === method) && (!f.path || path.includes(f.path)),
    )
    if (fault) fault.left--
    return fault
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const method = req.method ?? 'GET'
    const raw = await readBody(req)
    const send = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'x-github-api-version-selected': '2022-11-28',
        'x-ratelimit-limit': '5000',
        'x-ratelimit-remaining': '4999',
        ...headers,
      })
      res.end(body === undefined ? '' : JSON.stringify(body))
    }
    const path = url.pathname
    let json: Record<string, unknown> | undefined
    try {
      json = raw ? (JSON.parse(raw) as Record<string, unknown>) : undefined
    } catch {
      return send(400, { message: 'Problems parsing JSON', documentation_url: DOCS })
    }
    const caller = this.whoIs(req.headers.authorization ?? '')
    this.requests.push({ method, path, query: url.searchParams, by: caller?.login, body: json })
    if (!caller) {
      return send(401, {
        message: 'Bad credentials',
        documentation_url: 'https://docs.github.com/rest',
        status: '401',
      })
    }
    const fault = this.takeFault(method, path)
    if (fault) return send(fault.status, fault.body ?? { message: 'Server Error' }, fault.headers)

    const notFound = () =>
      send(404, { message: 'Not Found', documentation_url: DOCS, status: '404' })
    const forbidden = () =>
      send(403, {
        message: 'Resource not accessible by integration',
        documentation_url: `${DOCS}#create-an-issue`,
        status: '403',
      })
    const invalid = (resource: string, field: string, code: string, message?: string) =>
      send(422, {
        message: 'Validation Failed',
        errors: [{ resource, code, field, ...(message ? { message } : {}) }],
        documentation_url: DOCS,
        status: '422',
      })

    if (path === '/user' && method === 'GET') {
      if (caller.type === 'Bot')
        return send(403, {
          message: 'Resource not accessible by integration',
          documentation_url: 'https://docs.github.com/rest/users/users#get-the-authenticated-user',
          status: '403',
        })
      return send(200, { login: caller.login, id: 1, node_id: 'U_1', type: caller.type })
    }

    const repoPath = `/repos/${this.owner}/${this.repo}`
    if (!path.startsWith(`${repoPath}/`)) return notFound()
    const rest = path.slice(repoPath.length)

    if (rest === '/labels' && method === 'POST') {
      if (this.readOnly) return forbidden()
      const name = String(json?.name ?? '')
      if (!name) return invalid('Label', 'name', 'missing_field')
      if (this.labels.has(name.toLowerCase())) return invalid('Label', 'name', 'already_exists')
      const label = {
        name,
        color: String(json?.color ?? 'ededed'),
        description: json?.description as string | undefined,
      }
      this.labels.set(name.toLowerCase(), label)
      return send(201, { id: 1, name, color: label.color, description: label.description })
    }

    if (rest === '/issues' && method === 'GET') {
      const state = url.searchParams.get('state') ?? 'open'
      const wanted = (url.searchParams.get('labels') ?? '')
        .split(',')
        .map((l) => l.trim().toLowerCase())
        .filter(Boolean)
      const direction = url.searchParams.get('direction') ?? 'desc'
      const matching = this.issues
        .filter((i) => state === 'all' || i.state === state)
        .filter((i) => wanted.every((l) => i.labels.some((x) => x.toLowerCase() === l)))
        .sort((a, b) => (direction === 'asc' ? a.number - b.number : b.number - a.number))
      const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? 30))
      const page = Math.max(1, Number(url.searchParams.get('page') ?? 1))
      const last = Math.max(1, Math.ceil(matching.length / perPage))
      const slice = matching.slice((page - 1) * perPage, page * perPage)
      const keep = new URLSearchParams(url.searchParams)
      const link = (p: number, rel: string) => {
        keep.set('page', String(p))
        keep.set('per_page', String(perPage))
        return `<${this.url}${path}?${keep.toString()}>; rel="${rel}"`
      }
      const links: string[] = []
      if (page > 1) links.push(link(page - 1, 'prev'), link(1, 'first'))
      if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'))
      return send(
        200,
        slice.map((i) => this.toJson(i)),
        links.length ? { link: links.join(', ') } : {},
      )
    }

    if (rest === '/issues' && method === 'POST') {
      if (this.readOnly) return forbidden()
      const title = String(json?.title ?? '')
      if (!title) return invalid('Issue', 'title', 'missing_field')
      const body = String(json?.body ?? '')
      if (body.length > 65536)
        return invalid('Issue', 'body', 'custom', 'body is too long (maximum is 65536 characters)')
      if (this.holdCount > 1) {
        await new Promise<void>((resolve) => {
          const waiting = this.held.get(title) ?? []
          this.held.set(title, waiting)
          waiting.push(resolve)
          if (waiting.length >= this.holdCount) {
            this.held.delete(title)
            for (const release of waiting) release()
          }
          // Only a guard against a test that never sends the partner request: it must not hang.
          setTimeout(resolve, 10_000).unref()
        })
      }
      const labels = Array.isArray(json?.labels) ? (json.labels as unknown[]).map(String) : []
      // GitHub creates a label it does not know yet when a collaborator names it.
      for (const l of labels) this.ensureLabel(l)
      const issue = this.addIssue({ title, body, user: caller, labels })
      return send(201, this.toJson(issue))
    }

    const single = /^\/issues\/(\d+)$/.exec(rest)
    if (single) {
      const issue = this.issue(Number(single[1]))
      if (!issue) return notFound()
      if (method === 'GET') return send(200, this.toJson(issue))
      if (method === 'PATCH') {
        if (this.readOnly) return forbidden()
        if (typeof json?.body === 'string') {
          if (json.body.length > 65536)
            return invalid(
              'Issue',
              'body',
              'custom',
              'body is too long (maximum is 65536 characters)',
            )
          issue.body = json.body
        }
        if (typeof json?.title === 'string') issue.title = json.title
        if (json?.state === 'open' || json?.state === 'closed') {
          if (json.state === 'closed' && issue.state === 'open')
            issue.stateReason = (json.state_reason as StoredIssue['stateReason']) ?? 'completed'
          if (json.state === 'open' && issue.state === 'closed') issue.stateReason = 'reopened'
          issue.state = json.state
        }
        issue.updatedAt = this.tick()
        return send(200, this.toJson(issue))
      }
      return notFound()
    }

    const comments = /^\/issues\/(\d+)\/comments$/.exec(rest)
    if (comments && method === 'POST') {
      const issue = this.issue(Number(comments[1]))
      if (!issue) return notFound()
      if (this.readOnly) return forbidden()
      const comment = { id: this.nextCommentId++, body: String(json?.body ?? ''), user: caller }
      issue.comments.push(comment)
      return send(201, {
        id: comment.id,
        body: comment.body,
        user: { login: caller.login, type: caller.type },
        html_url: `https://github.com/${this.owner}/${this.repo}/issues/${issue.number}#issuecomment-${comment.id}`,
      })
    }
    return notFound()
  }

  private whoIs(authorization: string): GitHubUser | undefined {
    const token = /^(?:token|Bearer) (.+)$/.exec(authorization)?.[1]
    if (token === undefined) return undefined
    return token === this.token ? this.identity : this.accounts.get(token)
  }

  private toJson(i: StoredIssue) {
    const base = `${this.url}/repos/${this.owner}/${this.repo}`
    return {
      id: 100000 + i.number,
      node_id: `I_${i.number}`,
      number: i.number,
      url: `${base}/issues/${i.number}`,
      html_url: `https://github.com/${this.owner}/${this.repo}/${i.pullRequest ? 'pull' : 'issues'}/${i.number}`,
      title: i.title,
      body: i.body,
      state: i.state,
      state_reason: i.stateReason,
      user: i.user && { login: i.user.login, id: 1, node_id: 'U_1', type: i.user.type },
      labels: i.labels.map((name, n) => ({ id: n + 1, name, color: 'ededed' })),
      comments: i.comments.length,
      created_at: i.createdAt,
      updated_at: i.updatedAt,
      author_association: 'NONE',
      ...(i.pullRequest ? { pull_request: { url: `${base}/pulls/${i.number}` } } : {}),
    }
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}
