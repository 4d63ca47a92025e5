/**
 * A TUF repository over HTTP on 127.0.0.1, built in the test with its own ed25519 keys (one per
 * top-level role), as Sigstore's root-signing repository is laid out: `1.root.json`,
 * `timestamp.json`, `snapshot.json`, `targets.json` and `targets/<name>` (no consistent
 * snapshots). The metadata is signed over canonical JSON like any TUF repository, so
 * @sigstore/tuf (tuf-js) verifies it exactly as it verifies tuf-repo-cdn.sigstore.dev.
 * Every request is counted by path.
 */
import { createHash, generateKeyPairSync, type KeyObject, sign } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface TufRepo {
  url: string
  /** root.json to seed the client with (tufRootPath). */
  rootPath: string
  /** A fresh cache directory per repository (tufCachePath). */
  cachePath: string
  /** Requests by path, e.g. `/timestamp.json`, `/targets/signing_config.v0.2.json`. */
  requests: Map<string, number>
  close(): Promise<void>
}

const EXPIRES = '2099-01-01T00:00:00Z'

/** TUF (OLPC) canonical JSON for the ASCII strings, integers, booleans and objects used here. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  const obj = value as Record<string, unknown>
  return `{${Object.keys(obj)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(obj[k])}`)
    .join(',')}}`
}

interface RoleKey {
  id: string
  key: Record<string, unknown>
  privateKey: KeyObject
}

function roleKey(): RoleKey {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519')
  const spki = publicKey.export({ format: 'der', type: 'spki' })
  const key = {
    keytype: 'ed25519',
    scheme: 'ed25519',
    keyval: { public: spki.subarray(spki.length - 32).toString('hex') },
  }
  return { id: createHash('sha256').update(canonical(key)).digest('hex'), key, privateKey }
}

function signed(body: Record<string, unknown>, key: RoleKey): Buffer {
  const sig = sign(null, Buffer.from(canonical(body)), key.privateKey).toString('hex')
  return Buffer.from(JSON.stringify({ signed: body, signatures: [{ keyid: key.id, sig }] }))
}

const describe = (bytes: Buffer) => ({
  length: bytes.length,
  hashes: { sha256: createHash('sha256').update(bytes).digest('hex') },
})

export async function startTufRepo(
  targets: Record<string, string>,
  /** Bytes served instead of what targets.json describes (a compromised mirror). */
  swapped: Record<string, string> = {},
): Promise<TufRepo> {
  const keys = {
    root: roleKey(),
    targets: roleKey(),
    snapshot: roleKey(),
    timestamp: roleKey(),
  }
  const common = { spec_version: '1.0.31', version: 1, expires: EXPIRES }
  const root = signed(
    {
      _type: 'root',
      ...common,
      consistent_snapshot: false,
      keys: Object.fromEntries(Object.values(keys).map((k) => [k.id, k.key])),
      roles: Object.fromEntries(
        Object.entries(keys).map(([role, k]) => [role, { keyids: [k.id], threshold: 1 }]),
      ),
    },
    keys.root,
  )
  const targetFiles = Object.fromEntries(
    Object.entries(targets).map(([name, text]) => [name, Buffer.from(text)]),
  )
  const targetsJson = signed(
    {
      _type: 'targets',
      ...common,
      targets: Object.fromEntries(
        Object.entries(targetFiles).map(([name, bytes]) => [name, describe(bytes)]),
      ),
    },
    keys.targets,
  )
  const snapshot = signed(
    { _type: 'snapshot', ...common, meta: { 'targets.json': { version: 1 } } },
    keys.snapshot,
  )
  const timestamp = signed(
    { _type: 'timestamp', ...common, meta: { 'snapshot.json': { version: 1 } } },
    keys.timestamp,
  )
  const files = new Map<string, Buffer>([
    ['/1.root.json', root],
    ['/root.json', root],
    ['/timestamp.json', timestamp],
    ['/snapshot.json', snapshot],
    ['/targets.json', targetsJson],
    ...Object.entries(targetFiles).map(([name, bytes]) => [`/targets/${name}`, bytes] as const),
    ...Object.entries(swapped).map(
      ([name, text]) => [`/targets/${name}`, Buffer.from(text)] as const,
    ),
  ])

  const requests = new Map<string, number>()
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname
    requests.set(path, (requests.get(path) ?? 0) + 1)
    const body = files.get(path)
    if (!body || req.method !== 'GET') {
      res.writeHead(404).end('not found')
      return
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const dir = await mkdtemp(join(tmpdir(), 'tuf-repo-'))
  const rootPath = join(dir, 'root.json')
  writeFileSync(rootPath, root)
  return {
    url: `http://127.0.0.1:${port}`,
    rootPath,
    cachePath: join(dir, 'cache'),
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
