/**
 * The GitHub clients' fetch (src/github/fetch.ts) attacked as a hostile or broken API would:
 * a server that never answers, one that drops the connection, and redirects that try to carry
 * the token to another origin (another port, or plain HTTP, is another origin: the token
 * belongs to the one it was given for).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { timedFetch } from '../../src/github/fetch.js'
import { createShipgateOctokit } from '../../src/github/octokit.js'
import { recordingLogger } from '../../src/logger.js'

interface Seen {
  method: string
  url: string
  authorization?: string
  body: string
}

const servers: Server[] = []
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (s) =>
        new Promise<void>((resolve) => {
          s.closeAllConnections()
          s.close(() => resolve())
        }),
    ),
  )
})

/** A server that records each request and answers with `handle`. */
async function serve(
  handle: (req: IncomingMessage, res: ServerResponse, body: string) => void,
): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = []
  const server = createServer((req, res) => {
    let body = ''
    req.on('data', (d) => {
      body += d
    })
    req.on('end', () => {
      seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
        body,
      })
      handle(req, res, body)
    })
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen }
}

const json = (res: ServerResponse, status: number, value: unknown, headers = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers })
  res.end(JSON.stringify(value))
}

const redirect = (res: ServerResponse, status: number, location: string) => {
  res.writeHead(status, { location })
  res.end()
}

const TOKEN = 'ghs_fetchTestToken0123456789abcdefABCDEF'
const auth = { authorization: `token ${TOKEN}` }

describe('timedFetch', () => {
  it('gives up on a server that never answers, within the timeout', async () => {
    const silent = await serve(() => undefined)
    const started = Date.now()
    const error = await timedFetch(300)(`${silent.url}/repos`).catch((e: Error) => e)
    expect(error).toBeInstanceOf(Error)
    expect((error as Error).name).toBe('AbortError')
    expect(Date.now() - started).toBeLessThan(5_000)
  })

  it('fails on a dropped connection instead of hanging', async () => {
    const dropping = await serve((req) => req.socket.destroy())
    const error = await timedFetch(5_000)(`${dropping.url}/repos`).catch((e: Error) => e)
    expect(error).toBeInstanceOf(Error)
  })

  it('follows a redirect within the origin, token included (a renamed repository)', async () => {
    const api = await serve((req, res) => {
      if (req.url === '/repos/acme/old') return redirect(res, 301, '/repos/acme/new')
      json(res, 200, { name: 'new' })
    })
    const res = await timedFetch(5_000)(`${api.url}/repos/acme/old`, { headers: auth })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ name: 'new' })
    expect(api.seen.map((s) => [s.url, s.authorization])).toEqual([
      ['/repos/acme/old', `token ${TOKEN}`],
      ['/repos/acme/new', `token ${TOKEN}`],
    ])
  })

  it('never carries the token to another origin: another port on the same host', async () => {
    const elsewhere = await serve((_req, res) => json(res, 200, { stolen: false }))
    const api = await serve((_req, res) => redirect(res, 307, `${elsewhere.url}/collect`))
    const res = await timedFetch(5_000)(`${api.url}/repos/acme/app`, {
      method: 'POST',
      headers: { ...auth, cookie: 'session=1' },
      body: '{"a":1}',
    })
    expect(res.status).toBe(200)
    expect(elsewhere.seen).toHaveLength(1)
    expect(elsewhere.seen[0]?.authorization).toBeUndefined()
    expect(JSON.stringify(elsewhere.seen)).not.toContain(TOKEN)
    // 307 keeps the method and the body.
    expect(elsewhere.seen[0]).toMatchObject({ method: 'POST', body: '{"a":1}' })
  })

  it('turns a POST into a GET without its body on 303, as fetch does', async () => {
    const api = await serve((req, res) => {
      if (req.url === '/start') return redirect(res, 303, '/done')
      json(res, 200, { ok: true })
    })
    await timedFetch(5_000)(`${api.url}/start`, { method: 'POST', body: 'payload' })
    expect(api.seen.map((s) => [s.method, s.url, s.body])).toEqual([
      ['POST', '/start', 'payload'],
      ['GET', '/done', ''],
    ])
  })

  it('stops a redirect loop with an error', async () => {
    const api = await serve((req, res) => redirect(res, 302, req.url === '/a' ? '/b' : '/a'))
    const error = await timedFetch(5_000)(`${api.url}/a`).catch((e: Error) => e)
    expect(error).toBeInstanceOf(Error)
    expect((error as Error).message).toMatch(/redirect/i)
    expect(api.seen.length).toBeLessThanOrEqual(21)
  })

  it('refuses a redirect out of HTTP(S)', async () => {
    const api = await serve((_req, res) => redirect(res, 302, 'file:///etc/passwd'))
    const error = await timedFetch(5_000)(`${api.url}/a`).catch((e: Error) => e)
    expect(error).toBeInstanceOf(Error)
    expect((error as Error).message).toContain('file: URL; only HTTP(S) is followed')
  })
})

describe('Octokit over timedFetch', () => {
  it('reports a hung API as a failed request, without the token', async () => {
    const silent = await serve(() => undefined)
    const logger = recordingLogger()
    const octokit = createShipgateOctokit({
      token: TOKEN,
      apiUrl: silent.url,
      logger,
      timeoutMs: 300,
      retry: { retries: 0 },
    })
    const error = await octokit
      .request('GET /repos/{owner}/{repo}', { owner: 'acme', repo: 'app' })
      .catch((e: Error) => e)
    expect(error).toBeInstanceOf(Error)
    expect(String((error as Error).message)).not.toContain(TOKEN)
    expect(silent.seen).toHaveLength(1) // asked once (no retries here), never answered
  })

  it('reads status, headers and JSON as Octokit needs them', async () => {
    const api = await serve((_req, res) =>
      json(res, 201, { id: 7 }, { 'x-ratelimit-remaining': '4999', 'x-github-request-id': 'A:B' }),
    )
    const octokit = createShipgateOctokit({
      token: TOKEN,
      apiUrl: api.url,
      logger: recordingLogger(),
      retry: { retries: 0 },
    })
    const res = await octokit.request('POST /repos/{owner}/{repo}/issues/{n}/comments', {
      owner: 'acme',
      repo: 'app',
      n: 1,
      body: 'hello',
    })
    expect(res.status).toBe(201)
    expect(res.data).toEqual({ id: 7 })
    expect(res.headers['x-github-request-id']).toBe('A:B')
    expect(api.seen[0]).toMatchObject({ method: 'POST', authorization: `token ${TOKEN}` })
    expect(JSON.parse(api.seen[0]?.body ?? '{}')).toEqual({ body: 'hello' })
  })
})
