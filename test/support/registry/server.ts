/**
 * Starts Debian's docker-registry (distribution 2.8) on 127.0.0.1 for tests, in one of three
 * setups: plain HTTP, TLS + htpasswd basic auth, or bearer tokens from a small token server
 * written here (how ghcr.io and Docker Hub behave). Stopped by PID.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { createSign, randomUUID } from 'node:crypto'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import { connect, createServer as createNetServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { execa } from 'execa'

export type RegistryAuth = 'none' | 'basic-tls' | 'token'

export interface RunningRegistry {
  /** `127.0.0.1:PORT`: use as the registry part of references. */
  host: string
  auth: RegistryAuth
  pid: number
  /** PEM of the self-signed certificate (basic-tls). */
  caCert?: string
  /** Users that exist: basic-tls has `testuser`; token has `pusher` (pull,push) and `reader` (pull). */
  users: Record<string, string>
  stop(): Promise<void>
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

async function waitForPort(port: number, child: ChildProcess, stderr: () => string) {
  const deadline = Date.now() + 15_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`docker-registry exited with ${child.exitCode}: ${stderr()}`)
    }
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1')
      socket.once('connect', () => {
        socket.destroy()
        resolve(true)
      })
      socket.once('error', () => resolve(false))
    })
    if (open) return
    await new Promise((r) => setTimeout(r, 25))
  }
  throw new Error(`docker-registry did not listen on ${port} within 15 s: ${stderr()}`)
}

export async function startRegistry(auth: RegistryAuth = 'none'): Promise<RunningRegistry> {
  const dir = await mkdtemp(join(tmpdir(), 'shipgate-registry-'))
  const port = await freePort()
  const users: Record<string, string> = {}
  let authConfig = ''
  let tlsConfig = ''
  let caCert: string | undefined
  let tokenServer: Server | undefined

  if (auth === 'basic-tls') {
    await execa('openssl', [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
      '-days',
      '2',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
    ])
    caCert = await readFile(join(dir, 'cert.pem'), 'utf8')
    users.testuser = `pw-${randomUUID()}`
    // bcrypt cost 4: distribution checks the hash on every request.
    const { stdout } = await execa('htpasswd', ['-nbB', '-C', '4', 'testuser', users.testuser])
    await writeFile(join(dir, 'htpasswd'), `${stdout.trim()}\n`)
    tlsConfig = `  tls: {certificate: ${join(dir, 'cert.pem')}, key: ${join(dir, 'key.pem')}}\n`
    authConfig = `auth: {htpasswd: {realm: shipgate-test, path: ${join(dir, 'htpasswd')}}}\n`
  }

  if (auth === 'token') {
    users.pusher = `pw-${randomUUID()}`
    users.reader = `pw-${randomUUID()}`
    const started = await startTokenServer(dir, users)
    tokenServer = started.server
    authConfig =
      `auth:\n  token:\n    realm: http://127.0.0.1:${started.port}/token\n` +
      `    service: shipgate-test-registry\n    issuer: shipgate-test-issuer\n` +
      `    rootcertbundle: ${join(dir, 'token-cert.pem')}\n`
  }

  const config =
    'version: 0.1\n' +
    'log: {level: warn, accesslog: {disabled: true}}\n' +
    'storage:\n' +
    `  filesystem: {rootdirectory: ${join(dir, 'data')}}\n` +
    '  delete: {enabled: true}\n' +
    '  maintenance: {uploadpurging: {enabled: false}}\n' +
    'http:\n' +
    `  addr: 127.0.0.1:${port}\n` +
    '  secret: shipgate-test-only\n' +
    tlsConfig +
    authConfig
  await writeFile(join(dir, 'config.yml'), config)

  const child = spawn('docker-registry', ['serve', join(dir, 'config.yml')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000)
  })
  const spawned = await new Promise<boolean>((resolve) => {
    child.once('spawn', () => resolve(true))
    child.once('error', () => resolve(false))
  })
  if (!spawned || child.pid === undefined) {
    throw new Error(
      'Could not start docker-registry: install it with `apt-get install docker-registry` (listed in .ci/apt-packages).',
    )
  }
  await waitForPort(port, child, () => stderr)
  const pid = child.pid

  return {
    host: `127.0.0.1:${port}`,
    auth,
    pid,
    caCert,
    users,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r))
        process.kill(pid, 'SIGTERM')
        await exited
      }
      await new Promise<void>((r) => (tokenServer ? tokenServer.close(() => r()) : r()))
      await rm(dir, { recursive: true, force: true })
    },
  }
}

/**
 * A token server like Docker Hub's: GET /token?service&scope with optional basic auth,
 * returning an ES256 JWT with an x5c header. `pusher` may pull and push everywhere, `reader`
 * may only pull, anonymous users may pull `public/*`.
 */
async function startTokenServer(dir: string, users: Record<string, string>) {
  await execa('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-keyout',
    join(dir, 'token-key.pem'),
    '-out',
    join(dir, 'token-cert.pem'),
    '-days',
    '2',
    '-subj',
    '/CN=shipgate-test-token-issuer',
  ])
  const key = await readFile(join(dir, 'token-key.pem'), 'utf8')
  const certPem = await readFile(join(dir, 'token-cert.pem'), 'utf8')
  const certDer = certPem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '')
  const b64url = (v: string | Buffer) => Buffer.from(v).toString('base64url')

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (url.pathname !== '/token') {
      res.writeHead(404).end()
      return
    }
    let user: string | undefined
    const header = req.headers.authorization
    if (header?.startsWith('Basic ')) {
      const [name, ...rest] = Buffer.from(header.slice(6), 'base64').toString().split(':')
      if (!name || users[name] === undefined || users[name] !== rest.join(':')) {
        res.writeHead(401, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ details: 'incorrect username or password' }))
        return
      }
      user = name
    }
    const access = url.searchParams
      .getAll('scope')
      .flatMap((s) => s.split(' '))
      .map((scope) => {
        const [type, name, actions] = scope.split(':')
        const wanted = (actions ?? '').split(',')
        const allowed =
          user === 'pusher'
            ? wanted
            : user === 'reader' || name?.startsWith('public/')
              ? wanted.filter((a) => a === 'pull')
              : []
        return { type, name, actions: allowed }
      })
    const now = Math.floor(Date.now() / 1000)
    const head = { typ: 'JWT', alg: 'ES256', x5c: [certDer] }
    const claims = {
      iss: 'shipgate-test-issuer',
      sub: user ?? '',
      aud: url.searchParams.get('service'),
      exp: now + 300,
      nbf: now - 10,
      iat: now,
      jti: randomUUID(),
      access,
    }
    const input = `${b64url(JSON.stringify(head))}.${b64url(JSON.stringify(claims))}`
    const signature = createSign('SHA256').update(input).sign({ key, dsaEncoding: 'ieee-p1363' })
    const token = `${input}.${b64url(signature)}`
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ token, access_token: token, expires_in: 300 }))
  })
  const port = await new Promise<number>((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const a = server.address()
      resolve(typeof a === 'object' && a ? a.port : 0)
    })
  })
  return { server, port }
}
