/**
 * A plain front for a test registry that records every request (method and path) and counts
 * the bytes it served, so tests and benches can prove how often each blob was downloaded.
 */
import { createServer, request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { gzipSync } from 'node:zlib'
import { MediaType } from '../../../src/registry/media-types.js'
import { FixtureBuilder, tarOf } from './images.js'

export interface CountingProxy {
  /** `127.0.0.1:PORT`, a host of its own. */
  host: string
  /** `GET /v2/<repo>/blobs/<digest>` and so on, in order. */
  requests: string[]
  /** When each request arrived (ms since epoch), parallel to `requests`. */
  times: number[]
  /** Body bytes sent for blob GETs. */
  blobBytes(): number
  /** How many times each blob digest was fetched with GET. */
  blobGets(): Map<string, number>
  close(): Promise<void>
}

export async function startCountingProxy(upstream: string): Promise<CountingProxy> {
  const requests: string[] = []
  const times: number[] = []
  let bytes = 0
  const [upHost, upPort] = upstream.split(':')
  const server: Server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`)
    times.push(Date.now())
    const isBlob = req.method === 'GET' && /\/blobs\/sha256:/.test(req.url ?? '')
    const up = request(
      {
        host: upHost,
        port: Number(upPort),
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: upstream },
      },
      (upRes) => {
        res.writeHead(upRes.statusCode ?? 502, upRes.headers)
        if (isBlob) upRes.on('data', (c: Buffer) => (bytes += c.length))
        upRes.pipe(res)
      },
    )
    up.on('error', () => res.writeHead(502).end())
    req.pipe(up)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    host: `127.0.0.1:${port}`,
    requests,
    times,
    blobBytes: () => bytes,
    blobGets: () => {
      const counts = new Map<string, number>()
      for (const r of requests) {
        const m = /^GET \/v2\/.+\/blobs\/(sha256:[a-f0-9]{64})/.exec(r)
        if (m?.[1]) counts.set(m[1], (counts.get(m[1]) ?? 0) + 1)
      }
      return counts
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/**
 * Two images on one base: a shared base layer (os-release, passwd and `padBytes` of
 * incompressible filler) and one small app layer each. Returns references and every blob digest.
 */
export async function pushTwoOnOneBase(
  host: string,
  padBytes = 0,
): Promise<{ refs: [string, string]; blobs: string[]; baseLayer: string }> {
  const { randomBytes } = await import('node:crypto')
  const base = gzipSync(
    await tarOf([
      { name: 'etc/', type: 'directory' },
      {
        name: 'etc/os-release',
        type: 'file',
        content: 'ID=alpine\nVERSION_ID=3.20.0\nPRETTY_NAME="Alpine Linux v3.20"\n',
      },
      { name: 'etc/passwd', type: 'file', content: 'root:x:0:0:root:/root:/sbin/nologin\n' },
      { name: 'opt/filler', type: 'file', content: randomBytes(padBytes) },
    ]),
  )
  const b = new FixtureBuilder(host)
  const refs: string[] = []
  const blobs = new Set<string>()
  for (const name of ['one', 'two']) {
    const app = gzipSync(
      await tarOf([{ name: `app/${name}.txt`, type: 'file', content: `app ${name}\n` }]),
    )
    const pushed = await b.push({
      repo: `shared/${name}`,
      tag: 'v1',
      layers: [
        { bytes: base, mediaType: MediaType.ociLayerGzip },
        { bytes: app, mediaType: MediaType.ociLayerGzip },
      ],
      config: { config: { User: '1000' } },
    })
    refs.push(pushed.ref)
    const manifest = JSON.parse(pushed.manifest.toString()) as {
      config: { digest: string }
      layers: { digest: string }[]
    }
    blobs.add(manifest.config.digest)
    for (const l of manifest.layers) blobs.add(l.digest)
  }
  const { createHash } = await import('node:crypto')
  return {
    refs: refs as [string, string],
    blobs: [...blobs],
    baseLayer: `sha256:${createHash('sha256').update(base).digest('hex')}`,
  }
}
