/**
 * `shipgate scan --trivy-server / --trivy-server-token-header / --max-db-age / --java-db`
 * (issue 13), end to end through dist/cli.js with the stand-in trivy. The server token comes
 * from TRIVY_TOKEN only: a flag would show in `ps` and shell history.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../support/e2e/runner.js'
import { fixturePath } from '../support/fixtures.js'
import { standIn } from '../support/trivy-stand-in/index.js'

const ALPINE = fixturePath('alpine-310.json.golden')
const TOKEN = 'cli-srv-token-5d1e8a'
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString()

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

/** A Trivy cache whose DB metadata says it was built `hours` ago. */
function trivyCache(hours: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'cli-trivy-cache-'))
  mkdirSync(join(dir, 'db'))
  writeFileSync(
    join(dir, 'db', 'metadata.json'),
    JSON.stringify({ Version: 2, UpdatedAt: hoursAgo(hours), NextUpdate: hoursAgo(hours - 24) }),
  )
  return dir
}

const scanArgs = (out: string, ...more: string[]) => [
  'scan',
  'alpine:3.10',
  '--fail-on',
  'none',
  '--base-image-policy',
  'off',
  '--format',
  'json',
  '--output-dir',
  out,
  ...more,
]

describe('shipgate scan --trivy-server', () => {
  it('scans as a client of the server, the token only in Trivy’s environment', async () => {
    serverUpdatedAt = hoursAgo(3)
    const trivy = standIn({ 'alpine:3.10': ALPINE })
    const out = mkdtempSync(join(tmpdir(), 'cli-scale-'))
    const r = await runCli(
      scanArgs(
        out,
        '--trivy-server',
        serverUrl,
        '--trivy-server-token-header',
        'X-Scan-Token',
        '--verbose',
      ),
      { ...trivy.env, TRIVY_TOKEN: TOKEN },
    )
    expect(r.exitCode, r.stderr).toBe(0)
    const scans = trivy.invocations().filter((c) => c.argv[0] === 'image')
    expect(scans).toHaveLength(1)
    const [scan] = scans
    expect(scan?.argv[scan.argv.indexOf('--server') + 1]).toBe(serverUrl)
    expect(scan?.argv[scan.argv.indexOf('--token-header') + 1]).toBe('X-Scan-Token')
    expect(scan?.argv.join(' ')).not.toContain(TOKEN)
    expect(scan?.env.TRIVY_TOKEN).toBe(TOKEN)
    expect(`${r.stdout}${r.stderr}`).not.toContain(TOKEN)
    expect(serverRequests).toContain('GET /version')
    const report = JSON.parse(r.stdout)
    expect(report.vulnerabilityDb).toMatchObject({ source: 'server', maxAgeHours: 48 })
    expect(report.settings).not.toHaveProperty('trivyServerToken')
    expect(JSON.stringify(report)).not.toContain(TOKEN)
  })

  it('fails before any scan when the server DB is older than --max-db-age', async () => {
    serverUpdatedAt = hoursAgo(30)
    const trivy = standIn({ 'alpine:3.10': ALPINE })
    const out = mkdtempSync(join(tmpdir(), 'cli-scale-'))
    const r = await runCli(
      scanArgs(out, '--trivy-server', serverUrl, '--max-db-age', '24h'),
      trivy.env,
    )
    expect(r.exitCode).toBe(2)
    expect(r.stderr).toMatch(/Trivy server was built 3\d(\.\d)? h ago/)
    expect(trivy.calls().filter((a) => a[0] === 'image')).toEqual([])
  })

  it('names the flag when the URL is not one Trivy accepts', async () => {
    const trivy = standIn({ 'alpine:3.10': ALPINE })
    const out = mkdtempSync(join(tmpdir(), 'cli-scale-'))
    const r = await runCli(scanArgs(out, '--trivy-server', 'ftp://trivy.example'), trivy.env)
    expect(r.exitCode).toBe(2)
    expect(r.stderr).toMatch(/--trivy-server.*must start with https:\/\//)
    expect(trivy.calls()).toEqual([])
  })

  it('refuses to send TRIVY_TOKEN in clear over http:// to another host, naming the flag and the variable', async () => {
    const trivy = standIn({ 'alpine:3.10': ALPINE })
    const out = mkdtempSync(join(tmpdir(), 'cli-scale-'))
    const r = await runCli(scanArgs(out, '--trivy-server', 'http://trivy.internal.example:4954'), {
      ...trivy.env,
      TRIVY_TOKEN: TOKEN,
    })
    expect(r.exitCode).toBe(2)
    expect(r.stderr).toMatch(
      /--trivy-server.*would carry the TRIVY_TOKEN environment variable in clear.*https:\/\//,
    )
    expect(`${r.stdout}${r.stderr}`).not.toContain(TOKEN)
    expect(trivy.calls()).toEqual([])
  })

  it('a URL with credentials points the CLI user at TRIVY_TOKEN, not at an action input', async () => {
    const trivy = standIn({ 'alpine:3.10': ALPINE })
    const out = mkdtempSync(join(tmpdir(), 'cli-scale-'))
    const r = await runCli(
      scanArgs(out, '--trivy-server', 'https://user:pw@trivy.example'),
      trivy.env,
    )
    expect(r.exitCode).toBe(2)
    expect(r.stderr).toMatch(/--trivy-server.*TRIVY_TOKEN environment variable instead/)
    expect(r.stderr).not.toContain('trivy-server-token')
  })

  it('has no flag for the token, and --help says where it comes from', async () => {
    const r = await runCli(['scan', '--help'])
    expect(r.stdout).toMatch(/--trivy-server <url>/)
    expect(r.stdout).toMatch(/TRIVY_TOKEN/)
    expect(r.stdout).not.toMatch(/--trivy-server-token </)
    const trivy = standIn({ 'alpine:3.10': ALPINE })
    const out = mkdtempSync(join(tmpdir(), 'cli-scale-'))
    const refused = await runCli(
      scanArgs(out, '--trivy-server', serverUrl, '--trivy-server-token', TOKEN),
      trivy.env,
    )
    expect(refused.exitCode).toBe(2)
    expect(refused.stderr).toMatch(/unknown option '--trivy-server-token'/)
  })
})

describe('shipgate scan --max-db-age (the local trivy DB)', () => {
  it('fails closed when the local DB is older, before any scan, and says how to refresh it', async () => {
    const trivy = standIn({ 'alpine:3.10': ALPINE })
    const out = mkdtempSync(join(tmpdir(), 'cli-scale-'))
    const r = await runCli(scanArgs(out, '--max-db-age', '48h'), {
      ...trivy.env,
      TRIVY_CACHE_DIR: trivyCache(72),
    })
    expect(r.exitCode).toBe(2)
    expect(r.stderr).toMatch(/--max-db-age 48h: .*built 7\d(\.\d)? h ago/)
    expect(r.stderr).toContain('image --download-db-only')
    expect(trivy.calls().filter((a) => a[0] === 'image')).toEqual([])
  })

  it('within the maximum: records the age and scans with exactly that DB', async () => {
    const trivy = standIn({ 'alpine:3.10': ALPINE })
    const out = mkdtempSync(join(tmpdir(), 'cli-scale-'))
    const r = await runCli(scanArgs(out, '--max-db-age', '4d'), {
      ...trivy.env,
      TRIVY_CACHE_DIR: trivyCache(72),
    })
    expect(r.exitCode, r.stderr).toBe(0)
    const report = JSON.parse(r.stdout)
    expect(report.vulnerabilityDb).toMatchObject({ source: 'local', maxAgeHours: 96 })
    expect(report.vulnerabilityDb.ageHours).toBeGreaterThanOrEqual(72)
    const scan = trivy.calls().find((a) => a[0] === 'image')
    expect(scan).toContain('--skip-db-update')
  })

  it('without the flag, the local DB is Trivy’s business as before (no check, no skip)', async () => {
    const trivy = standIn({ 'alpine:3.10': ALPINE })
    const out = mkdtempSync(join(tmpdir(), 'cli-scale-'))
    const r = await runCli(scanArgs(out), { ...trivy.env, TRIVY_CACHE_DIR: trivyCache(72) })
    expect(r.exitCode, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout).vulnerabilityDb).toBeUndefined()
    expect(trivy.calls().find((a) => a[0] === 'image')).not.toContain('--skip-db-update')
  })

  it('rejects a value that is not a duration, naming the flag', async () => {
    const trivy = standIn({ 'alpine:3.10': ALPINE })
    const out = mkdtempSync(join(tmpdir(), 'cli-scale-'))
    const r = await runCli(scanArgs(out, '--max-db-age', 'forever'), trivy.env)
    expect(r.exitCode).toBe(2)
    expect(r.stderr).toMatch(/--max-db-age.*"forever" is not a duration/)
  })

  it('is not checked for --report (no DB is used to judge a report)', async () => {
    const trivy = standIn({})
    const r = await runCli(
      ['scan', '--report', ALPINE, '--fail-on', 'none', '--max-db-age', '1h', '--format', 'json'],
      { ...trivy.env, TRIVY_CACHE_DIR: trivyCache(72) },
    )
    expect(r.exitCode, r.stderr).toBe(0)
    expect(trivy.calls().filter((a) => a[0] === 'version')).toEqual([])
  })
})

describe('shipgate scan --java-db', () => {
  it('always: the Java DB is fetched once before the first scan, and scans skip its update', async () => {
    const trivy = standIn({ 'alpine:3.10': ALPINE, 'alpine:3.11': ALPINE })
    const out = mkdtempSync(join(tmpdir(), 'cli-scale-'))
    const cache = trivyCache(1)
    const r = await runCli([...scanArgs(out, '--java-db', 'always'), 'alpine:3.11'], {
      ...trivy.env,
      TRIVY_CACHE_DIR: cache,
    })
    expect(r.exitCode, r.stderr).toBe(0)
    const calls = trivy.calls()
    expect(calls.filter((a) => a.includes('--download-java-db-only'))).toHaveLength(1)
    const first = calls.findIndex((a) => a.includes('--download-java-db-only'))
    const scans = calls.flatMap((a, i) =>
      a[0] === 'image' && !a.includes('--download-java-db-only') ? [i] : [],
    )
    expect(scans).toHaveLength(2)
    expect(scans.every((i) => i > first)).toBe(true)
    for (const i of scans) expect(calls[i]).toContain('--skip-java-db-update')
    expect(readFileSync(join(cache, 'java-db', 'metadata.json'), 'utf8')).toContain('UpdatedAt')
  })

  it('auto (default): Trivy fetches it itself, no separate download', async () => {
    const trivy = standIn({ 'alpine:3.10': ALPINE })
    const out = mkdtempSync(join(tmpdir(), 'cli-scale-'))
    const r = await runCli(scanArgs(out), trivy.env)
    expect(r.exitCode, r.stderr).toBe(0)
    expect(trivy.calls().some((a) => a.includes('--download-java-db-only'))).toBe(false)
    expect(trivy.calls().find((a) => a[0] === 'image')).not.toContain('--skip-java-db-update')
  })

  it('names the flag for a value other than auto or always', async () => {
    const trivy = standIn({ 'alpine:3.10': ALPINE })
    const out = mkdtempSync(join(tmpdir(), 'cli-scale-'))
    const r = await runCli(scanArgs(out, '--java-db', 'sometimes'), trivy.env)
    expect(r.exitCode).toBe(2)
    expect(r.stderr).toMatch(/--java-db.*sometimes/)
  })
})
