/**
 * A registry front that records the Authorization headers it receives: it challenges every
 * request that carries none with `401 Basic` (the invitation a leaky client answers with
 * whatever credentials it holds) and forwards requests that carry one to a real registry.
 */
import { createServer, request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface RecordingRegistry {
  /** `127.0.0.1:PORT`, a host of its own. */
  host: string
  /** Every Authorization header received, in order. */
  authorizations: string[]
  requests: string[]
  close(): Promise<void>
}

export async function startRecordingRegistry(upstream: string): Promise<RecordingRegistry> {
  const authorizations: string[] = []
  const requests: string[] = []
  const [upHost, upPort] = upstream.split(':')
  const server: Server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`)
    const auth = req.headers.authorization
    if (!auth) {
      res.writeHead(401, {
        'www-authenticate': 'Basic realm="recording-registry"',
        'content-type': 'application/json',
      })
      res.end('{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}')
      return
    }
    authorizations.push(auth)
    const headers = { ...req.headers }
    delete headers.authorization
    const up = request(
      { host: upHost, port: Number(upPort), method: req.method, path: req.url, headers },
      (upRes) => {
        res.writeHead(upRes.statusCode ?? 502, upRes.headers)
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
    authorizations,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
