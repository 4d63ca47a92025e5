/**
 * A local HTTP server on 127.0.0.1 that answers the issue-comment endpoints the way
 * api.github.com does: `Link` pagination, 201/200/204, and GitHub's own error bodies for
 * 401, 403 (fork token, secondary rate limit), 404, 422 and 5xx. Octokit talks to it
 * through its baseUrl, exactly as it talks to GITHUB_API_URL on a runner.
 *
 * Every token is an account: comments carry `user: {login, type}` of whoever wrote them, and
 * `GET /user` answers for a person's token but 403s for an App installation token (the
 * workflow's GITHUB_TOKEN, `github-actions[bot]`), as api.github.com does.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A GitHub account: `login` and `type` as in the REST API's `user` objects. */
export interface GitHubUser {
  login: string
  type: 'User' | 'Bot'
}

/** The workflow's GITHUB_TOKEN: a GitHub App installation, without a user of its own. */
export const ACTIONS_BOT: GitHubUser = { login: 'github-actions[bot]', type: 'Bot' }

/** A person, for personal access tokens and hand-written comments. */
export function person(login: string): GitHubUser {
  return { login, type: 'User' }
}

export interface StoredComment {
  id: number
  body: string
  /** `null` for a deleted account, which GitHub shows as "ghost" and serves as `user: null`. */
  user: GitHubUser | null
}

export interface RecordedRequest {
  method: string
  path: string
  query: URLSearchParams
}

export interface Fault {
  method?: string
  /** Substring of the path (without the GHES prefix). */
  path?: string
  status: number
  headers?: Record<string, string>
  body?: unknown
  /** How many matching requests fail (default 1). */
  times?: number
  /** The failure is answered this many milliseconds late (a slow API). */
  delayMs?: number
}

const DOCS = 'https://docs.github.com/rest/issues/comments'

export class FakeGitHub {
  readonly requests: RecordedRequest[] = []
  /** `owner/repo#number` → comments, oldest first. */
  private readonly issues = new Map<string, StoredComment[]>()
  private faults: (Fault & { left: number })[] = []
  private nextId = 1000
  private server?: Server
  /** Writes answer 403 "Resource not accessible by integration" (a fork's read-only token). */
  readOnly = false
  /** The token the code under test uses; it belongs to `identity`. */
  token = 'test-token'
  /** Who `token` is: by default the workflow token, an App installation. */
  identity: GitHubUser = ACTIONS_BOT
  /** More accounts that can call the API, by token (a reviewer's or attacker's PAT). */
  readonly accounts = new Map<string, GitHubUser>()
  /** `false`: the attestations routes 404, as on GitHub Enterprise Server. */
  attestationsApi = true
  /** `owner/repo` → attestations stored through `POST /repos/{owner}/{repo}/attestations`. */
  private readonly stored = new Map<string, { id: number; bundle: Record<string, unknown> }[]>()

  constructor(private readonly prefix = '') {}

  get url(): string {
    const address = this.server?.address() as AddressInfo | null
    if (!address) throw new Error('FakeGitHub is not started')
    return `http://127.0.0.1:${address.port}${this.prefix}`
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
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }

  addPullRequest(
    owner: string,
    repo: string,
    number: number,
    comments: StoredComment[] = [],
  ): void {
    this.issues.set(`${owner}/${repo}#${number}`, comments)
  }

  comments(owner: string, repo: string, number: number): StoredComment[] {
    return this.issues.get(`${owner}/${repo}#${number}`) ?? []
  }

  /** Seed `count` comments by people, to push ours onto a later page. */
  seedNoise(owner: string, repo: string, number: number, count: number): void {
    const list = this.comments(owner, repo, number)
    for (let i = 0; i < count; i++)
      list.push({ id: this.nextId++, body: `LGTM ${i}`, user: person(`reviewer${i % 7}`) })
  }

  addComment(
    owner: string,
    repo: string,
    number: number,
    body: string,
    user: GitHubUser | null = ACTIONS_BOT,
  ): StoredComment {
    const comment = { id: this.nextId++, body, user }
    this.comments(owner, repo, number).push(comment)
    return comment
  }

  attestations(owner: string, repo: string): { id: number; bundle: Record<string, unknown> }[] {
    return this.stored.get(`${owner}/${repo}`) ?? []
  }

  fail(fault: Fault): void {
    this.faults.push({ ...fault, left: fault.times ?? 1 })
  }

  clearFaults(): void {
    this.faults = []
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
    if (!url.pathname.startsWith(this.prefix))
      return send(404, { message: 'Not Found', documentation_url: DOCS })
    const path = url.pathname.slice(this.prefix.length)
    this.requests.push({ method, path, query: url.searchParams })

    const caller = this.whoIs(req.headers.authorization ?? '')
    if (!caller) {
      return send(401, {
        message: 'Bad credentials',
        documentation_url: 'https://docs.github.com/rest',
        status: '401',
      })
    }
    const fault = this.takeFault(method, path)
    if (fault) {
      if (fault.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs))
      return send(fault.status, fault.body ?? { message: 'Server Error' }, fault.headers)
    }

    if (path === '/user' && method === 'GET') {
      // An installation token has no user; GitHub says so with a 403.
      if (caller.type === 'Bot')
        return send(403, {
          message: 'Resource not accessible by integration',
          documentation_url: 'https://docs.github.com/rest/users/users#get-the-authenticated-user',
          status: '403',
        })
      return send(200, { login: caller.login, id: 1, node_id: 'U_1', type: caller.type })
    }

    const attestations = /^\/repos\/([^/]+)\/([^/]+)\/attestations(?:\/([^/]+))?$/.exec(path)
    if (attestations) {
      this.attestationsRoute(method, raw, attestations, send)
      return
    }

    const list = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/.exec(path)
    const single = /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/.exec(path)
    const notFound = () =>
      send(404, { message: 'Not Found', documentation_url: DOCS, status: '404' })
    const forbidden = () =>
      send(403, {
        message: 'Resource not accessible by integration',
        documentation_url: `${DOCS}#create-an-issue-comment`,
        status: '403',
      })
    const tooLong = (body: string) =>
      body.length > 65536
        ? send(422, {
            message: 'Validation Failed',
            errors: [
              {
                resource: 'IssueComment',
                code: 'custom',
                field: 'body',
                message: 'body is too long (maximum is 65536 characters)',
              },
            ],
            documentation_url: `${DOCS}#create-an-issue-comment`,
            status: '422',
          })
        : undefined

    if (list) {
      const [, owner, repo, number] = list
      const comments = this.issues.get(`${owner}/${repo}#${number}`)
      if (!comments) return notFound()
      if (method === 'GET') {
        const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? 30))
        const page = Math.max(1, Number(url.searchParams.get('page') ?? 1))
        const last = Math.max(1, Math.ceil(comments.length / perPage))
        const slice = comments.slice((page - 1) * perPage, page * perPage)
        const link = (p: number, rel: string) =>
          `<${this.url}${path}?per_page=${perPage}&page=${p}>; rel="${rel}"`
        const links: string[] = []
        if (page > 1) links.push(link(page - 1, 'prev'), link(1, 'first'))
        if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'))
        return send(
          200,
          slice.map((c) => this.toJson(owner ?? '', repo ?? '', Number(number), c)),
          links.length ? { link: links.join(', ') } : {},
        )
      }
      if (method === 'POST') {
        if (this.readOnly) return forbidden()
        const body = String(JSON.parse(raw || '{}').body ?? '')
        if (tooLong(body) !== undefined) return
        const comment = { id: this.nextId++, body, user: caller }
        comments.push(comment)
        return send(201, this.toJson(owner ?? '', repo ?? '', Number(number), comment))
      }
      return send(404, { message: 'Not Found' })
    }
    if (single) {
      const [, owner, repo, id] = single
      let found: { key: string; comment: StoredComment } | undefined
      for (const [key, comments] of this.issues) {
        const comment = comments.find((c) => c.id === Number(id))
        if (comment && key.startsWith(`${owner}/${repo}#`)) found = { key, comment }
      }
      if (!found) return notFound()
      if (this.readOnly) return forbidden()
      if (method === 'PATCH') {
        const body = String(JSON.parse(raw || '{}').body ?? '')
        if (tooLong(body) !== undefined) return
        found.comment.body = body
        return send(
          200,
          this.toJson(owner ?? '', repo ?? '', Number(found.key.split('#')[1]), found.comment),
        )
      }
      if (method === 'DELETE') {
        const comments = this.issues.get(found.key) ?? []
        comments.splice(comments.indexOf(found.comment), 1)
        res.writeHead(204)
        res.end()
        return
      }
    }
    return notFound()
  }

  /**
   * docs.github.com REST "Create an attestation" (201 `{id}`; 403 without `attestations:
   * write`; 422 "Validation failed") and "List attestations" by subject digest (what `gh
   * attestation verify` reads). A bundle must be a Sigstore bundle with a DSSE envelope or a
   * message signature; the subject digests of DSSE statements index it.
   */
  private attestationsRoute(
    method: string,
    raw: string,
    match: RegExpExecArray,
    send: (status: number, body?: unknown) => unknown,
  ): unknown {
    const docs = 'https://docs.github.com/rest/repos/attestations'
    const [, owner, repo, subject] = match
    if (!this.attestationsApi)
      return send(404, { message: 'Not Found', documentation_url: docs, status: '404' })
    const key = `${owner}/${repo}`
    if (method === 'POST' && subject === undefined) {
      if (this.readOnly)
        return send(403, {
          message: 'Resource not accessible by integration',
          documentation_url: `${docs}#create-an-attestation`,
          status: '403',
        })
      let body: { bundle?: Record<string, unknown> }
      try {
        body = JSON.parse(raw || '{}')
      } catch {
        return send(400, { message: 'Problems parsing JSON', status: '400' })
      }
      const bundle = body.bundle
      const invalid = (message: string) =>
        send(422, {
          message: 'Validation Failed',
          errors: [{ resource: 'Attestation', code: 'invalid', field: 'bundle', message }],
          documentation_url: `${docs}#create-an-attestation`,
          status: '422',
        })
      if (!bundle || typeof bundle !== 'object') return invalid('bundle is required')
      if (
        typeof bundle.mediaType !== 'string' ||
        !bundle.mediaType.startsWith('application/vnd.dev.sigstore.bundle')
      )
        return invalid('bundle.mediaType is not a Sigstore bundle media type')
      if (!bundle.verificationMaterial) return invalid('bundle.verificationMaterial is required')
      if (!bundle.dsseEnvelope && !bundle.messageSignature)
        return invalid('bundle needs a dsseEnvelope or a messageSignature')
      const id = this.nextId++
      this.stored.set(key, [...(this.stored.get(key) ?? []), { id, bundle }])
      return send(201, { id })
    }
    if (method === 'GET' && subject !== undefined) {
      const [algorithm, hex] = decodeURIComponent(subject).split(':')
      const found = (this.stored.get(key) ?? []).filter(({ bundle }) => {
        const envelope = bundle.dsseEnvelope as { payload?: string } | undefined
        if (!envelope?.payload) return false
        try {
          const statement = JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8'))
          return (statement.subject ?? []).some(
            (s: { digest?: Record<string, string> }) => algorithm && s.digest?.[algorithm] === hex,
          )
        } catch {
          return false
        }
      })
      if (!found.length) return send(404, { message: 'Not Found', documentation_url: docs })
      return send(200, {
        attestations: found.map(({ bundle }) => ({ bundle, repository_id: 1 })),
      })
    }
    return send(404, { message: 'Not Found', documentation_url: docs })
  }

  private whoIs(authorization: string): GitHubUser | undefined {
    const token = /^(?:token|Bearer) (.+)$/.exec(authorization)?.[1]
    if (token === undefined) return undefined
    return token === this.token ? this.identity : this.accounts.get(token)
  }

  private toJson(owner: string, repo: string, number: number, c: StoredComment) {
    return {
      id: c.id,
      node_id: `IC_${c.id}`,
      url: `${this.url}/repos/${owner}/${repo}/issues/comments/${c.id}`,
      html_url: `https://github.com/${owner}/${repo}/pull/${number}#issuecomment-${c.id}`,
      issue_url: `${this.url}/repos/${owner}/${repo}/issues/${number}`,
      body: c.body,
      user: c.user && { login: c.user.login, id: 1, node_id: 'U_1', type: c.user.type },
      author_association: 'NONE',
      created_at: '2026-08-21T12:00:00Z',
      updated_at: '2026-08-21T12:00:00Z',
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
