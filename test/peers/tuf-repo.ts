/**
 * A TUF repository serving one target, `trusted_root.json`, over HTTP on 127.0.0.1: the only way to
 * give Kyverno's keyless cosign attestor a trust root offline. Kyverno v1.19.1 always initialises
 * TUF for keyless attestors (pkg/image/verifiers/ivpol/cosign/opts.go `checkOptions` →
 * `initTUFAndFetch`: sigstore's legacy TUF client, then sigstore-go's for trusted_root.json); the
 * policy's `tuf: {mirror, root: {path}}` points both at this server and its root.json file.
 *
 * Metadata follows the TUF 1.0 specification as both clients (go-tuf v0.7 and v2) read it:
 * ed25519 keys whose IDs are the SHA-256 of their canonical JSON, one key for every role,
 * consistent snapshots (`1.snapshot.json`, `1.targets.json`, `targets/<sha256>.trusted_root.json`).
 */
import { createHash, generateKeyPairSync, sign } from 'node:crypto'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface TufRepo {
  url: string
  /** root.json (version 1), for `tuf.root.path`. */
  rootPath: string
  /** Paths requested so far, in order. */
  requests: string[]
  close(): Promise<void>
}

/**
 * OLPC canonical JSON as TUF signs it: sorted keys, no whitespace. Enough for this metadata
 * (strings, integers, objects, arrays; no floats, no control characters).
 */
function canonicalize(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalize).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    )
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalize(v)}`).join(',')}}`
  }
  if (typeof value === 'string') return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`
  return JSON.stringify(value)
}

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex')

export async function startTufRepo(trustedRoot: Record<string, unknown>): Promise<TufRepo> {
  const dir = mkdtempSync(join(tmpdir(), 'peers-tuf-'))
  const { publicKey, privateKey } = generateKeyPairSync('ed25519')
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x as string, 'base64url')
  const key = { keytype: 'ed25519', scheme: 'ed25519', keyval: { public: raw.toString('hex') } }
  const keyid = sha256(canonicalize(key))
  const expires = new Date(Date.now() + 7 * 24 * 3_600_000).toISOString().replace(/\.\d+Z$/, 'Z')
  const signed = (body: Record<string, unknown>) => {
    const sig = sign(null, Buffer.from(canonicalize(body)), privateKey).toString('hex')
    return Buffer.from(JSON.stringify({ signed: body, signatures: [{ keyid, sig }] }))
  }
  const common = { spec_version: '1.0.31', version: 1, expires }
  const role = { keyids: [keyid], threshold: 1 }
  const root = signed({
    _type: 'root',
    ...common,
    consistent_snapshot: true,
    keys: { [keyid]: key },
    roles: { root: role, targets: role, snapshot: role, timestamp: role },
  })
  const target = Buffer.from(JSON.stringify(trustedRoot))
  const targetHash = sha256(target)
  const targets = signed({
    _type: 'targets',
    ...common,
    targets: { 'trusted_root.json': { length: target.length, hashes: { sha256: targetHash } } },
  })
  const snapshot = signed({
    _type: 'snapshot',
    ...common,
    meta: {
      'targets.json': { version: 1, length: targets.length, hashes: { sha256: sha256(targets) } },
    },
  })
  const timestamp = signed({
    _type: 'timestamp',
    ...common,
    meta: {
      'snapshot.json': {
        version: 1,
        length: snapshot.length,
        hashes: { sha256: sha256(snapshot) },
      },
    },
  })
  const files = new Map<string, Buffer>([
    ['/root.json', root],
    ['/1.root.json', root],
    ['/timestamp.json', timestamp],
    ['/1.snapshot.json', snapshot],
    ['/1.targets.json', targets],
    [`/targets/${targetHash}.trusted_root.json`, target],
  ])
  const rootPath = join(dir, 'tuf-root.json')
  writeFileSync(rootPath, root)
  const requests: string[] = []
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/'
    requests.push(path)
    const body = files.get(path)
    if (!body) {
      res.writeHead(404).end()
      return
    }
    res
      .writeHead(200, { 'content-type': 'application/json', 'content-length': body.length })
      .end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    rootPath,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
