/**
 * Where credentials go and how long the client waits, against small HTTP servers on 127.0.0.1
 * that behave the way a hostile or broken registry could: Location and Link headers naming
 * other origins, plain-HTTP token realms, redirects, and servers that stop answering.
 */
import { createHash, randomBytes } from 'node:crypto'
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { RegistryClient } from '../../src/registry/client.js'
import { dockerConfigCredentials, staticCredentials } from '../../src/registry/credentials.js'
import { RegistryError } from '../../src/registry/errors.js'
import { MediaType } from '../../src/registry/media-types.js'
import { parseReference } from '../../src/registry/reference.js'
import { freePort } from '../support/registry/server.js'

const digestOf = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`
const BASIC = `Basic ${Buffer.from('alice:s3cret').toString('base64')}`

interface Seen {
  method: string
  url: string
  host: string
  authorization?: string
}

type Handler = (req: IncomingMessage, res: ServerResponse, port: number) => void

/** A node:http server on 127.0.0.1 that records every request it gets. */
async function serve(handler: Handler) {
  const port = await freePort()
  const seen: Seen[] = []
  const server: Server = createServer((req, res) => {
    seen.push({
      method: req.method ?? '',
      url: req.url ?? '',
      host: req.headers.host ?? '',
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
    })
    // Drain the body so PUTs complete.
    req.resume()
    req.on('end', () => handler(req, res, port))
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()))
  return {
    port,
    host: `127.0.0.1:${port}`,
    seen,
    async stop() {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    },
  }
}

async function rejection(p: Promise<unknown>): Promise<RegistryError> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(RegistryError)
  return error as RegistryError
}

const manifest = Buffer.from(
  JSON.stringify({ schemaVersion: 2, mediaType: MediaType.ociManifest, config: {}, layers: [] }),
)

describe('credentials stay with the registry origin', () => {
  let other: Awaited<ReturnType<typeof serve>>
  let registry: Awaited<ReturnType<typeof serve>>
  let bearer: Awaited<ReturnType<typeof serve>>

  beforeAll(async () => {
    // Another origin (same address, other port) that the registry points clients at.
    other = await serve((req, res) => {
      if (req.method === 'PUT' && req.url?.startsWith('/denied/'))
        return void res.writeHead(401).end()
      if (req.method === 'PUT') return void res.writeHead(201).end()
      if (req.url === '/referrers-page-2') {
        res.writeHead(200, { 'content-type': MediaType.ociIndex })
        return void res.end(
          JSON.stringify({
            schemaVersion: 2,
            mediaType: MediaType.ociIndex,
            manifests: [{ mediaType: MediaType.ociManifest, digest: 'sha256:page2', size: 2 }],
          }),
        )
      }
      if (req.url === '/manifest') {
        res.writeHead(200, { 'content-type': MediaType.ociManifest })
        return void res.end(manifest)
      }
      res.writeHead(404).end()
    })
    // A registry with htpasswd-style Basic auth whose Location/Link/redirects vary by repository.
    registry = await serve((req, res, port) => {
      // The `localhost` name stands for an upload service that trusts the session id alone.
      const uploadHost = req.headers.host?.startsWith('localhost:')
      if (req.headers.authorization !== BASIC && !uploadHost) {
        res.writeHead(401, { 'www-authenticate': 'Basic realm="fake"' })
        return void res.end('{"errors":[{"code":"UNAUTHORIZED","message":"log in"}]}')
      }
      const url = new URL(req.url ?? '/', `http://${req.headers.host}`)
      const repo = url.pathname.split('/')[2] ?? ''
      if (req.method === 'HEAD' && url.pathname.includes('/blobs/'))
        return void res.writeHead(404).end()
      if (req.method === 'POST' && url.pathname.endsWith('/blobs/uploads/')) {
        const locations: Record<string, string> = {
          offorigin: `http://${other.host}/upload/abc`,
          offorigindenied: `http://${other.host}/denied/abc`,
          otherhost: `http://localhost:${port}/v2/otherhost/app/blobs/uploads/u0`,
          relative: '/v2/relative/app/blobs/uploads/u1',
          absolute: `http://127.0.0.1:${port}/v2/absolute/app/blobs/uploads/u2`,
          plainhttp: 'http://registry.example.com/upload/abc',
        }
        res.writeHead(202, { location: locations[repo] ?? '' })
        return void res.end()
      }
      if (req.method === 'PUT' && url.searchParams.has('digest'))
        return void res.writeHead(201).end()
      if (req.method === 'GET' && url.pathname.includes('/referrers/')) {
        res.writeHead(200, {
          'content-type': MediaType.ociIndex,
          link: `<http://${other.host}/referrers-page-2>; rel="next"`,
        })
        return void res.end(
          JSON.stringify({
            schemaVersion: 2,
            mediaType: MediaType.ociIndex,
            manifests: [{ mediaType: MediaType.ociManifest, digest: 'sha256:page1', size: 1 }],
          }),
        )
      }
      if (req.method === 'GET' && url.pathname.includes('/manifests/')) {
        return void res.writeHead(307, { location: `http://${other.host}/manifest` }).end()
      }
      res.writeHead(404).end()
    })
    // A token-auth registry whose realm is plain HTTP on a host that is not loopback.
    bearer = await serve((_req, res) => {
      res.writeHead(401, {
        'www-authenticate': 'Bearer realm="http://auth.example.com/token",service="fake"',
      })
      res.end()
    })
  })
  afterAll(async () => {
    await Promise.all([other?.stop(), registry?.stop(), bearer?.stop()])
  })
  afterEach(() => {
    other.seen.length = 0
    registry.seen.length = 0
  })

  const client = () =>
    new RegistryClient({
      insecure: true,
      retries: 0,
      credentials: staticCredentials('alice', 's3cret'),
    })

  it('uploads to a Location on another origin without sending it the registry password', async () => {
    const bytes = randomBytes(64)
    const pushed = await client().putBlob(parseReference(`${registry.host}/offorigin/app`), bytes)
    expect(pushed.digest).toBe(digestOf(bytes))
    const put = other.seen.find((s) => s.method === 'PUT')
    expect(put?.url).toBe(`/upload/abc?digest=${encodeURIComponent(digestOf(bytes))}`)
    expect(put?.authorization).toBeUndefined()
    // The registry itself did get the credentials for the POST.
    expect(registry.seen.some((s) => s.method === 'POST' && s.authorization === BASIC)).toBe(true)
  })

  it('says an off-origin upload host that refuses got no credentials', async () => {
    const e = await rejection(
      client().putBlob(parseReference(`${registry.host}/offorigindenied/app`), randomBytes(64)),
    )
    expect(e.kind).toBe('denied')
    expect(e.message).toContain(`http://${other.host}, where ${registry.host} sent this request`)
    expect(e.message).toContain('It got no credentials')
    expect(other.seen.find((s) => s.method === 'PUT')?.authorization).toBeUndefined()
  })

  it('treats another host name for the same server as another origin', async () => {
    await client().putBlob(parseReference(`${registry.host}/otherhost/app`), randomBytes(64))
    const put = registry.seen.find((s) => s.method === 'PUT')
    expect(put?.host).toBe(`localhost:${registry.port}`)
    expect(put?.authorization).toBeUndefined()
  })

  it('sends the credentials to relative and absolute Locations on the registry origin', async () => {
    for (const repo of ['relative', 'absolute']) {
      const bytes = randomBytes(64)
      await client().putBlob(parseReference(`${registry.host}/${repo}/app`), bytes)
      const put = registry.seen.find((s) => s.method === 'PUT' && s.url.includes(`/${repo}/`))
      expect(put?.authorization).toBe(BASIC)
      expect(put?.url).toContain(`digest=${encodeURIComponent(digestOf(bytes))}`)
    }
  })

  it('refuses a plain-HTTP Location on a host that is not loopback', async () => {
    const e = await rejection(
      client().putBlob(parseReference(`${registry.host}/plainhttp/app`), randomBytes(64)),
    )
    expect(e.kind).toBe('insecure')
    expect(e.message).toContain('http://registry.example.com/upload/abc')
    expect(e.message).toContain('plain HTTP to a host that is not loopback')
  })

  it('follows a referrers Link to another origin without the credentials', async () => {
    const found = await client().referrers(
      parseReference(`${registry.host}/paged/app`),
      `sha256:${'a'.repeat(64)}`,
    )
    expect(found).not.toBe('unsupported')
    expect((found as { digest: string }[]).map((d) => d.digest)).toEqual([
      'sha256:page1',
      'sha256:page2',
    ])
    const page2 = other.seen.find((s) => s.url === '/referrers-page-2')
    expect(page2).toBeDefined()
    expect(page2?.authorization).toBeUndefined()
  })

  it('follows a redirect to another origin without the credentials', async () => {
    const got = await client().getManifest(parseReference(`${registry.host}/moved/app`), 'v1')
    expect(got.bytes.equals(manifest)).toBe(true)
    expect(other.seen.find((s) => s.url === '/manifest')?.authorization).toBeUndefined()
  })

  it('refuses a plain-HTTP token realm on a host that is not loopback, before sending the password', async () => {
    const e = await rejection(client().getManifest(parseReference(`${bearer.host}/app`), 'v1'))
    expect(e.kind).toBe('insecure')
    expect(e.message).toContain('http://auth.example.com/token')
    expect(e.message).toContain('HTTPS')
    expect(e.message).not.toContain('s3cret')
  })
})

describe('timeouts', () => {
  const servers: { stop(): Promise<void> }[] = []
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()))
  })
  const start = async (handler: Handler) => {
    const s = await serve(handler)
    servers.push(s)
    return s
  }

  it('gives up on a registry that accepts the connection and never answers, after retrying', async () => {
    const silent = await start(() => {})
    const client = new RegistryClient({
      insecure: true,
      retries: 1,
      retryDelayMs: 5,
      timeoutMs: 200,
    })
    const e = await rejection(client.getManifest(parseReference(`${silent.host}/app`), 'v1'))
    expect(e.kind).toBe('timeout')
    expect(e.message).toContain(`registry ${silent.host}`)
    expect(e.message).toContain('did not answer within 0.2 s (2 attempts)')
    expect(silent.seen).toHaveLength(2)
  })

  it('does not retry a host name that does not exist (NXDOMAIN), and says so', async () => {
    const client = new RegistryClient({ retries: 3, retryDelayMs: 2000, timeoutMs: 5000 })
    const e = await rejection(
      client.getManifest(parseReference('registry.shipgate-test.invalid/app'), 'v1'),
    )
    expect(e.kind).toBe('unreachable')
    // Some resolvers answer a lookup they cannot make with EAI_AGAIN (transient, retried);
    // `.invalid` is reserved (RFC 6761), so a working resolver says ENOTFOUND at once.
    expect(e.message).toMatch(/ENOTFOUND; 1 attempt\)|EAI_AGAIN; 4 attempts\)/)
  })

  it('retries a manifest whose body stalls half way', async () => {
    const stalls = await start((_req, res) => {
      res.writeHead(200, {
        'content-type': MediaType.ociManifest,
        'content-length': manifest.length,
      })
      res.write(manifest.subarray(0, 10))
    })
    const client = new RegistryClient({
      insecure: true,
      retries: 1,
      retryDelayMs: 5,
      timeoutMs: 200,
    })
    const e = await rejection(client.getManifest(parseReference(`${stalls.host}/app`), 'v1'))
    expect(e.kind).toBe('timeout')
    expect(stalls.seen).toHaveLength(2)
  })

  it('stops a blob download that goes quiet in the middle', async () => {
    const blob = randomBytes(4096)
    const stalls = await start((_req, res) => {
      res.writeHead(200, { 'content-length': blob.length })
      res.write(blob.subarray(0, 1024))
    })
    const client = new RegistryClient({ insecure: true, retries: 0, timeoutMs: 200 })
    const stream = await client.getBlob(parseReference(`${stalls.host}/app`), digestOf(blob))
    const e = await rejection(
      (async () => {
        for await (const _ of stream) {
        }
      })(),
    )
    expect(e.kind).toBe('timeout')
    expect(e.message).toContain(`download blob ${digestOf(blob)}`)
    expect(e.message).toContain('sent nothing for 0.2 s')
  })

  it('lets a blob take longer than the timeout as a whole while bytes keep coming', async () => {
    const blob = randomBytes(40 * 512)
    const steady = await start((_req, res) => {
      res.writeHead(200, { 'content-length': blob.length })
      let i = 0
      const tick = setInterval(() => {
        res.write(blob.subarray(i * 512, (i + 1) * 512))
        if (++i === 40) {
          clearInterval(tick)
          res.end()
        }
      }, 25)
      res.on('close', () => clearInterval(tick))
    })
    // 40 chunks 25 ms apart take about 1 s: twice the timeout, yet never idle for long.
    const client = new RegistryClient({ insecure: true, retries: 0, timeoutMs: 500 })
    const got = await client.getBlobBytes(parseReference(`${steady.host}/app`), digestOf(blob))
    expect(got.equals(blob)).toBe(true)
  })

  it('gives up on a token service that never answers', async () => {
    const silentToken = await start(() => {})
    const registry = await start((_req, res) => {
      res.writeHead(401, {
        'www-authenticate': `Bearer realm="http://${silentToken.host}/token",service="fake"`,
      })
      res.end()
    })
    const client = new RegistryClient({
      insecure: true,
      retries: 0,
      timeoutMs: 200,
      credentials: staticCredentials('alice', 's3cret'),
    })
    const e = await rejection(client.getManifest(parseReference(`${registry.host}/app`), 'v1'))
    expect(e.kind).toBe('timeout')
    expect(e.message).toContain(`the token service http://${silentToken.host} of ${registry.host}`)
    expect(e.message).toContain('0.2 s')
    // The realm is loopback HTTP in insecure mode, so the password was allowed to go there.
    expect(silentToken.seen[0]?.authorization).toBe(BASIC)
  })
})

describe('docker credential helpers', () => {
  let dir: string
  const savedPath = process.env.PATH
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'shipgate-helper-'))
    // `exec` so that the timeout's SIGTERM reaches sleep itself.
    await writeFile(join(dir, 'docker-credential-stuck'), '#!/bin/sh\nexec sleep 30\n')
    await writeFile(
      join(dir, 'docker-credential-works'),
      '#!/bin/sh\ncat >/dev/null\necho \'{"Username":"alice","Secret":"s3cret"}\'\n',
    )
    await chmod(join(dir, 'docker-credential-stuck'), 0o755)
    await chmod(join(dir, 'docker-credential-works'), 0o755)
    await writeFile(
      join(dir, 'config.json'),
      JSON.stringify({
        credHelpers: { 'stuck.example.com': 'stuck', 'works.example.com': 'works' },
      }),
    )
    process.env.PATH = `${dir}${delimiter}${savedPath ?? ''}`
  })
  afterAll(async () => {
    process.env.PATH = savedPath
    await rm(dir, { recursive: true, force: true })
  })

  it('stops a helper that never answers and says what to do', async () => {
    const provider = dockerConfigCredentials({
      path: join(dir, 'config.json'),
      helperTimeoutMs: 300,
    })
    const error = await provider.get('stuck.example.com').then(
      () => undefined,
      (e: Error) => e,
    )
    expect(error?.message).toContain('docker-credential-stuck did not answer within 0.3 s')
    expect(error?.message).toContain('stuck.example.com')
    expect(error?.message).toContain('registry-username/registry-password')
  })

  it('still reads credentials from a helper that answers', async () => {
    const provider = dockerConfigCredentials({
      path: join(dir, 'config.json'),
      helperTimeoutMs: 5_000,
    })
    expect(await provider.get('works.example.com')).toMatchObject({
      kind: 'basic',
      username: 'alice',
      password: 's3cret',
    })
  })
})
