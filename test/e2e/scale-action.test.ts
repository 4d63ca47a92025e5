import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runAction as run } from '../support/e2e/runner.js'
import { fixturePath } from '../support/fixtures.js'
import { standIn } from '../support/trivy-stand-in/index.js'

const ALPINE = fixturePath('alpine-310.json.golden')
const TOKEN = 'srv-token-7f3a9c1e2b'
const runAction = (inputs: Record<string, string>, env: Record<string, string> = {}) =>
  run({ 'base-image-policy': 'off', 'cache-db': 'false', ...inputs }, env)
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString()

/** A Trivy server's open `GET /version`, as pkg/rpc/server/listen.go answers it. */
let server: Server
let serverUrl: string
let serverUpdatedAt = hoursAgo(3)
const serverRequests: string[] = []
beforeAll(async () => {
  server = createServer((req, res) => {
    serverRequests.push(`${req.method} ${req.url}`)
    if (req.url !== '/version') return res.writeHead(404).end()
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(
      JSON.stringify({
        Version: '0.74.0',
        VulnerabilityDB: { Version: 2, UpdatedAt: serverUpdatedAt, NextUpdate: hoursAgo(-3) },
      }),
    )
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((r) => server.close(() => r())))

describe('trivy-server: analyses run as clients of a shared server', () => {
  it('passes --server, keeps the token out of argv and logs, and downloads no DB', async () => {
    serverUpdatedAt = hoursAgo(3)
    const trivy = standIn({ 'alpine:3.10': ALPINE, 'alpine:3.11': ALPINE })
    const r = await runAction(
      {
        image: 'alpine:3.10\nalpine:3.11',
        'trivy-server': serverUrl,
        'trivy-server-token': TOKEN,
        'trivy-server-token-header': 'X-Scan-Token',
      },
      { ...trivy.env, STANDIN_VERSION: '0.75.0' },
    )
    expect(r.exitCode, r.stdout).toBe(0)
    const calls = trivy.invocations()
    expect(calls.some((c) => c.argv.includes('--download-db-only'))).toBe(false)
    const scans = calls.filter((c) => c.argv[0] === 'image')
    expect(scans).toHaveLength(2)
    for (const scan of scans) {
      expect(scan.argv[scan.argv.indexOf('--server') + 1]).toBe(serverUrl)
      expect(scan.argv[scan.argv.indexOf('--token-header') + 1]).toBe('X-Scan-Token')
      expect(scan.argv).not.toContain('--skip-db-update')
      expect(scan.argv.join(' ')).not.toContain(TOKEN)
      expect(scan.env.TRIVY_TOKEN).toBe(TOKEN)
    }
    // Masked the moment it is read (the runner consumes `::add-mask::`); nowhere else.
    const logged = `${r.stdout}${r.stderr}${r.summary}`
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
    expect(r.stdout).toContain(`::add-mask::${TOKEN}`)
    expect(logged.join('\n')).not.toContain(TOKEN)
    expect(serverRequests).toContain('GET /version')
    const report = JSON.parse(readFileSync(r.outputs.report as string, 'utf8'))
    expect(report.vulnerabilityDb).toMatchObject({ source: 'server', maxAgeHours: 48 })
    expect(report.vulnerabilityDb.ageHours).toBeGreaterThanOrEqual(3)
  })

  it('fails closed when the server DB is older than max-db-age, before any scan', async () => {
    serverUpdatedAt = hoursAgo(100)
    const trivy = standIn({ 'alpine:3.10': ALPINE })
    const r = await runAction(
      { image: 'alpine:3.10', 'trivy-server': serverUrl },
      { ...trivy.env, STANDIN_VERSION: '0.75.0' },
    )
    expect(r.exitCode).toBe(1)
    expect(r.errors.join('\n')).toMatch(
      /Trivy server was built 10\d(\.\d)? h ago.*`max-db-age` \(48 h\)/,
    )
    expect(trivy.calls().filter((a) => a[0] === 'image')).toHaveLength(0)
  })

  it('refuses a token without a server, and never prints it', async () => {
    const trivy = standIn({ 'alpine:3.10': ALPINE })
    const r = await runAction(
      { image: 'alpine:3.10', 'trivy-server-token': TOKEN },
      { ...trivy.env, STANDIN_VERSION: '0.75.0' },
    )
    expect(r.exitCode).toBe(1)
    expect(r.errors.join('\n')).toMatch(/`trivy-server-token` is set but `trivy-server` is not/)
    const logged = r.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::'))
    expect(logged.join('\n')).not.toContain(TOKEN)
  })

  it('refuses to send the token in clear over http:// to a host other than this machine', async () => {
    const trivy = standIn({ 'alpine:3.10': ALPINE })
    const r = await runAction(
      {
        image: 'alpine:3.10',
        'trivy-server': 'http://trivy.internal.example:4954',
        'trivy-server-token': TOKEN,
      },
      { ...trivy.env, STANDIN_VERSION: '0.75.0' },
    )
    expect(r.exitCode).toBe(1)
    expect(r.errors.join('\n')).toMatch(
      /`trivy-server`: http:\/\/trivy\.internal\.example:4954 would carry `trivy-server-token` in clear.*https:\/\//,
    )
    // Nothing was sent anywhere: no scan, no GET /version to that host.
    expect(trivy.calls().filter((a) => a[0] === 'image')).toHaveLength(0)
    const logged = `${r.stdout}${r.stderr}`.split('\n').filter((l) => !l.startsWith('::add-mask::'))
    expect(logged.join('\n')).not.toContain(TOKEN)
  })

  it('names the input when the URL is not one Trivy accepts', async () => {
    const trivy = standIn({ 'alpine:3.10': ALPINE })
    const r = await runAction(
      { image: 'alpine:3.10', 'trivy-server': 'https://user:pw@trivy.example.com' },
      { ...trivy.env, STANDIN_VERSION: '0.75.0' },
    )
    expect(r.exitCode).toBe(1)
    expect(r.errors.join('\n')).toMatch(/`trivy-server`.*credentials/)
    expect(r.stdout).not.toContain('user:pw')
  })
})

describe('max-db-age on the runner DB', () => {
  it('fails closed when trivy version reports a DB older than the maximum', async () => {
    const trivy = standIn({ 'alpine:3.10': ALPINE })
    const r = await runAction(
      { image: 'alpine:3.10' },
      { ...trivy.env, STANDIN_VERSION: '0.75.0', STANDIN_DB_UPDATED_AT: hoursAgo(72) },
    )
    expect(r.exitCode).toBe(1)
    expect(r.errors.join('\n')).toMatch(/runner was built 7\d(\.\d)? h ago.*`max-db-age` \(48 h\)/)
    expect(trivy.calls().filter((a) => a[0] === 'image' && a.at(-1) === 'alpine:3.10')).toEqual([])
  })

  it('records the age in the report when it is within max-db-age', async () => {
    const trivy = standIn({ 'alpine:3.10': ALPINE })
    const r = await runAction(
      { image: 'alpine:3.10', 'max-db-age': '4d' },
      { ...trivy.env, STANDIN_VERSION: '0.75.0', STANDIN_DB_UPDATED_AT: hoursAgo(72) },
    )
    expect(r.exitCode, r.stdout).toBe(0)
    const report = JSON.parse(readFileSync(r.outputs.report as string, 'utf8'))
    expect(report.vulnerabilityDb).toMatchObject({ source: 'local', maxAgeHours: 96 })
    expect(r.summary).toMatch(/vulnerability DB 7\d(\.\d)? h old \(max-db-age 96 h\)/)
    expect(report.vulnerabilityDb.ageHours).toBeGreaterThanOrEqual(72)
    expect(trivy.calls().some((a) => a[0] === 'version' && a.includes('json'))).toBe(true)
  })

  it('rejects a max-db-age that is not a duration, naming the input', async () => {
    const trivy = standIn({ 'alpine:3.10': ALPINE })
    const r = await runAction(
      { image: 'alpine:3.10', 'max-db-age': 'forever' },
      { ...trivy.env, STANDIN_VERSION: '0.75.0' },
    )
    expect(r.exitCode).toBe(1)
    expect(r.errors.join('\n')).toMatch(/`max-db-age`.*"forever" is not a duration/)
  })
})

describe('java-db: fetched once per job, only when an image needs it', () => {
  it('two images with jars: one Java DB download, both scans complete', async () => {
    const trivy = standIn({ 'app:1': `jar:${ALPINE}`, 'app:2': `jar:${ALPINE}` })
    const r = await runAction(
      { image: 'app:1\napp:2' },
      { ...trivy.env, STANDIN_VERSION: '0.75.0' },
    )
    expect(r.exitCode, r.stdout).toBe(0)
    const calls = trivy.calls()
    expect(calls.filter((a) => a.includes('--download-java-db-only'))).toHaveLength(1)
    const java = calls.find((a) => a.includes('--download-java-db-only')) ?? []
    expect(java[java.indexOf('--java-db-repository') + 1]).toBe(
      'mirror.gcr.io/aquasec/trivy-java-db:1',
    )
    const scans = calls.filter(
      (a) => a[0] === 'image' && !a.some((x) => x.startsWith('--download')),
    )
    for (const s of scans) expect(s).toContain('--skip-java-db-update')
    const report = JSON.parse(readFileSync(r.outputs.report as string, 'utf8'))
    expect(report.images.map((i: { image: string }) => i.image)).toEqual(['app:1', 'app:2'])
  })

  it('images without jars: no Java DB download at all', async () => {
    const trivy = standIn({ 'alpine:3.10': ALPINE })
    const r = await runAction({ image: 'alpine:3.10' }, { ...trivy.env, STANDIN_VERSION: '0.75.0' })
    expect(r.exitCode, r.stdout).toBe(0)
    expect(trivy.calls().filter((a) => a.includes('--download-java-db-only'))).toHaveLength(0)
  })

  it('java-db: always fetches it before the first scan', async () => {
    const trivy = standIn({ 'alpine:3.10': ALPINE })
    const r = await runAction(
      { image: 'alpine:3.10', 'java-db': 'always' },
      { ...trivy.env, STANDIN_VERSION: '0.75.0' },
    )
    expect(r.exitCode, r.stdout).toBe(0)
    const calls = trivy.calls()
    const java = calls.findIndex((a) => a.includes('--download-java-db-only'))
    const scan = calls.findIndex((a) => a[0] === 'image' && a.at(-1) === 'alpine:3.10')
    expect(java).toBeGreaterThanOrEqual(0)
    expect(java).toBeLessThan(scan)
  })
})

describe('many images: merged report in input order', () => {
  it('keeps input order whatever order the parallel scans finish in', async () => {
    const images = ['z:1', 'a:1', 'm:1', 'b:1', 'y:1']
    const trivy = standIn(Object.fromEntries(images.map((i) => [i, ALPINE])))
    const r = await runAction(
      { image: images.join('\n'), 'max-parallel': '5' },
      { ...trivy.env, STANDIN_VERSION: '0.75.0' },
    )
    expect(r.exitCode, r.stdout).toBe(0)
    const report = JSON.parse(readFileSync(r.outputs.report as string, 'utf8'))
    expect(report.images.map((i: { image: string }) => i.image)).toEqual(images)
    // One DB for the job, shared by all five scans.
    expect(trivy.calls().filter((a) => a.includes('--download-db-only'))).toHaveLength(1)
  })
})
