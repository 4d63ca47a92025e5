/**
 * A referrers API in front of the real docker-registry (distribution 2.8 has none), as the
 * registry notes describe: a reverse proxy on 127.0.0.1 that indexes manifests PUT with a
 * `subject`, answers `OCI-Subject` for them, and serves `GET /v2/<name>/referrers/<digest>`.
 * Storage stays the real registry's; only the index lives here (in memory).
 */
import { createHash } from 'node:crypto'
import { createServer, type IncomingMessage, request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

interface Indexed {
  mediaType: string
  digest: string
  size: number
  artifactType?: string
  annotations?: Record<string, string>
}

export interface ReferrersShim {
  host: string
  close(): Promise<void>
}

function body(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

export async function startReferrersShim(upstream: string): Promise<ReferrersShim> {
  const index = new Map<string, Indexed[]>() // `${name}@${subjectDigest}`
  const [upHost, upPort] = upstream.split(':') as [string, string]
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://shim')
    const referrers = url.pathname.match(/^\/v2\/(.+)\/referrers\/(sha256:[a-f0-9]{64})$/)
    if (req.method === 'GET' && referrers) {
      const [, name, digest] = referrers as unknown as [string, string, string]
      const wanted = url.searchParams.get('artifactType')
      const manifests = (index.get(`${name}@${digest}`) ?? []).filter(
        (d) => !wanted || d.artifactType === wanted,
      )
      const headers: Record<string, string> = {
        'content-type': 'application/vnd.oci.image.index.v1+json',
      }
      if (wanted) headers['oci-filters-applied'] = 'artifactType'
      res.writeHead(200, headers).end(
        JSON.stringify({
          schemaVersion: 2,
          mediaType: 'application/vnd.oci.image.index.v1+json',
          manifests,
        }),
      )
      return
    }
    const payload = await body(req)
    const manifestPut = req.method === 'PUT' && url.pathname.match(/^\/v2\/(.+)\/manifests\/[^/]+$/)
    const proxied = request(
      {
        host: upHost,
        port: Number(upPort),
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: upstream },
      },
      (up) => {
        const headers = { ...up.headers }
        if (typeof headers.location === 'string')
          headers.location = headers.location.replace(upstream, shimHost)
        const manifestDelete =
          req.method === 'DELETE' &&
          url.pathname.match(/^\/v2\/(.+)\/manifests\/(sha256:[a-f0-9]{64})$/)
        if (manifestDelete && up.statusCode === 202) {
          // A deleted manifest leaves the referrers list, as in a registry's own referrers API.
          for (const [key, entries] of index) {
            index.set(
              key,
              entries.filter((e) => e.digest !== manifestDelete[2]),
            )
          }
        }
        if (manifestPut && up.statusCode === 201) {
          const doc = JSON.parse(payload.toString('utf8')) as {
            mediaType?: string
            artifactType?: string
            subject?: { digest: string }
            annotations?: Record<string, string>
          }
          if (doc.subject) {
            const name = (manifestPut as RegExpMatchArray)[1] as string
            const key = `${name}@${doc.subject.digest}`
            const entry: Indexed = {
              mediaType: doc.mediaType ?? String(req.headers['content-type']),
              digest: `sha256:${createHash('sha256').update(payload).digest('hex')}`,
              size: payload.length,
            }
            if (doc.artifactType) entry.artifactType = doc.artifactType
            if (doc.annotations) entry.annotations = doc.annotations
            index.set(key, [
              ...(index.get(key) ?? []).filter((e) => e.digest !== entry.digest),
              entry,
            ])
            headers['oci-subject'] = doc.subject.digest
          }
        }
        res.writeHead(up.statusCode ?? 502, headers)
        up.pipe(res)
      },
    )
    proxied.on('error', (error) => res.writeHead(502).end(String(error)))
    proxied.end(payload)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const shimHost = `127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    host: shimHost,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
