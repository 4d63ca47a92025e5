/**
 * A local stand-in for GitHub's contents API (`GET /repos/{owner}/{repo}/contents/{path}?ref=`),
 * answering the raw media type as api.github.com does: the file's bytes for a file, the JSON
 * listing for a directory, 404 for a missing path or ref, 401 without the token.
 *
 * Everything else is forwarded to `fallback` (e.g. a FakeGitHub for the comment endpoints), so
 * one GITHUB_API_URL serves both in end-to-end tests without either fake knowing the other.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface ContentsRequest {
  owner: string
  repo: string
  path: string
  ref: string
  accept: string
}

export class FakeContents {
  readonly requests: ContentsRequest[] = []
  /** `owner/repo@ref` → path → text. */
  private readonly trees = new Map<string, Map<string, string>>()
  private server?: Server
  /** Answers every contents request with this status (a GitHub outage, a revoked token). */
  failWith?: number
  token = 'test-token'
  /** A token without contents: read on a private repository: every file and commit is a 404. */
  hidden = false

  constructor(private readonly fallback?: () => string) {}

  get url(): string {
    const address = this.server?.address() as AddressInfo | null
    if (!address) throw new Error('FakeContents is not started')
    return `http://127.0.0.1:${address.port}`
  }

  /** Puts `text` at `path` in `owner/repo` at commit (or branch/tag name) `ref`. */
  /** A commit that exists (without files Shipgate asks for). */
  addCommit(owner: string, repo: string, ref: string): void {
    const key = `${owner}/${repo}@${ref}`
    if (!this.trees.has(key)) this.trees.set(key, new Map())
  }

  addFile(owner: string, repo: string, ref: string, path: string, text: string): void {
    const key = `${owner}/${repo}@${ref}`
    const tree = this.trees.get(key) ?? new Map<string, string>()
    tree.set(path, text)
    this.trees.set(key, tree)
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

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const commit = /^\/repos\/([^/]+)\/([^/]+)\/commits\/([^/]+)$/.exec(url.pathname)
    if (commit && req.method === 'GET') {
      const token = /^(?:token|Bearer) (.+)$/.exec(req.headers.authorization ?? '')?.[1]
      const known = this.trees.has(`${commit[1]}/${commit[2]}@${commit[3]}`) && !this.hidden
      res.writeHead(token !== this.token ? 401 : known ? 200 : 404, {
        'content-type': 'application/json',
      })
      res.end(known ? JSON.stringify({ sha: commit[3] }) : '{"message":"Not Found"}')
      return
    }
    const m = /^\/repos\/([^/]+)\/([^/]+)\/contents\/(.+)$/.exec(url.pathname)
    if (!m || req.method !== 'GET') return this.forward(req, res)
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
      res.end(JSON.stringify(body))
    }
    const token = /^(?:token|Bearer) (.+)$/.exec(req.headers.authorization ?? '')?.[1]
    if (token !== this.token) return json(401, { message: 'Bad credentials', status: '401' })
    const [, owner, repo, rawPath] = m as unknown as [string, string, string, string]
    const path = rawPath.split('/').map(decodeURIComponent).join('/')
    const ref = url.searchParams.get('ref') ?? 'main'
    this.requests.push({ owner, repo, path, ref, accept: String(req.headers.accept ?? '') })
    if (this.failWith) return json(this.failWith, { message: 'Server Error' })
    const tree = this.hidden ? undefined : this.trees.get(`${owner}/${repo}@${ref}`)
    const text = tree?.get(path)
    if (text === undefined) {
      const children = [...(tree?.keys() ?? [])].filter((p) => p.startsWith(`${path}/`))
      if (children.length)
        return json(
          200,
          children.map((p) => ({ type: 'file', name: p.slice(path.length + 1), path: p })),
        )
      return json(404, {
        message: 'Not Found',
        documentation_url: 'https://docs.github.com/rest/repos/contents#get-repository-content',
        status: '404',
      })
    }
    if (!/application\/vnd\.github\.raw/.test(String(req.headers.accept))) {
      return json(200, {
        type: 'file',
        encoding: 'base64',
        content: Buffer.from(text).toString('base64'),
        path,
      })
    }
    res.writeHead(200, { 'content-type': 'application/vnd.github.raw; charset=utf-8' })
    res.end(text)
  }

  private async forward(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const base = this.fallback?.()
    if (!base) {
      res.writeHead(404, { 'content-type': 'application/json' })
      res.end('{"message":"Not Found"}')
      return
    }
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const headers: Record<string, string> = {}
    for (const [k, v] of Object.entries(req.headers))
      if (typeof v === 'string' && k !== 'host' && k !== 'content-length') headers[k] = v
    const answer = await fetch(`${base}${req.url}`, {
      method: req.method,
      headers,
      body: chunks.length ? Buffer.concat(chunks) : undefined,
    })
    const out: Record<string, string> = {}
    answer.headers.forEach((v, k) => {
      if (k !== 'content-encoding' && k !== 'content-length' && k !== 'transfer-encoding')
        out[k] = v
    })
    res.writeHead(answer.status, out)
    res.end(Buffer.from(await answer.arrayBuffer()))
  }
}
