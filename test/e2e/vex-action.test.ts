/**
 * Issue 11 §3 through dist/: VEX documents (hand-written OpenVEX v0.2.0 and CycloneDX 1.6, see
 * test/fixtures/vex/PROVENANCE.md) over a real Trivy report (alpine-310). The stand-in trivy
 * applies `--vex` as Trivy v0.74 does for an image (and refuses CycloneDX like it), so what the
 * user reads (outputs, summary, comment, JSON report) is what Shipgate made of Trivy's answer.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { execa } from 'execa'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RegistryClient } from '../../src/registry/client.js'
import { MediaType } from '../../src/registry/media-types.js'
import { parseReference } from '../../src/registry/reference.js'
import { statement } from '../../src/sign/payloads.js'
import { attachBundleReferrer } from '../../src/sign/referrers.js'
import { registryStore } from '../../src/sign/registry-store.js'
import { keylessSigner } from '../../src/sign/sigstore-signer.js'
import { eventFile, reportFor, runAction, runCli } from '../support/e2e/runner.js'
import { fixturePath } from '../support/fixtures.js'
import { FakeContents } from '../support/github/fake-contents.js'
import { FakeGitHub } from '../support/github/fake-github.js'
import { FixtureBuilder, tarOf } from '../support/registry/images.js'
import { type RunningRegistry, startRegistry } from '../support/registry/server.js'
import {
  GITHUB_ISSUER,
  identityOf,
  type MockSigstore,
  startMockSigstore,
} from '../support/sigstore/mock-sigstore.js'
import { mockSettings } from '../support/sigstore/session.js'
import { standIn } from '../support/trivy-stand-in/index.js'

const IMAGE = 'registry.invalid/octo-org/app:pr-7'
const VEX_DIR = new URL('../fixtures/vex/', import.meta.url).pathname
const OPENVEX = readFileSync(join(VEX_DIR, 'alpine-310.openvex.json'), 'utf8')
const CDX = readFileSync(join(VEX_DIR, 'alpine-310.cdx-vex.json'), 'utf8')
const BASE_SHA = 'c'.repeat(40)
const TOKEN = 'ghs_vex_token'

const gh = new FakeGitHub()
const contents = new FakeContents(() => gh.url)

beforeAll(async () => {
  await gh.start()
  await contents.start()
  gh.token = TOKEN
  contents.token = TOKEN
  contents.addCommit('octo-org', 'app', BASE_SHA)
  gh.addPullRequest('octo-org', 'app', 7)
})
afterAll(async () => {
  await contents.stop()
  await gh.stop()
})

/** A checkout holding `files` (path → text). */
function checkout(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'e2e-vex-'))
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
  return dir
}

function scanEnv(extra: Record<string, string> = {}) {
  const trivy = standIn({ [IMAGE]: reportFor(fixturePath('alpine-310.json.golden'), IMAGE) })
  return { trivy, env: { ...trivy.env, STANDIN_VERSION: '0.75.0', ...extra } }
}

const inputs = (more: Record<string, string>) => ({
  image: IMAGE,
  'fail-on': 'medium',
  'cache-db': 'false',
  'base-image-policy': 'off',
  ...more,
})

interface Suppressed {
  id: string
  status: string
  statement?: string
  source?: string
  pkgName?: string
  document?: number
}
interface VexSource {
  source: string
  format: string
  sha256: string
  applied: boolean
  skipped?: string
  change?: string
  authors: string[]
  appliedAs?: { sha256: string }
}

function reportOf(r: { outputs: Record<string, string> }) {
  return JSON.parse(readFileSync(r.outputs.report as string, 'utf8')) as {
    images: { suppressed: Suppressed[]; counts: Record<string, number>; findings: unknown[] }[]
    vex?: { sources: VexSource[]; requiredAuthors?: string[] }
    warnings: string[]
  }
}

const sha256 = async (text: string) =>
  (await import('node:crypto')).createHash('sha256').update(text).digest('hex')

describe('vex through dist/index.js', () => {
  it('OpenVEX and CycloneDX VEX: Trivy gets --vex files and --show-suppressed; suppressed findings are listed, not counted', async () => {
    const ws = checkout({ '.vex/app.openvex.json': OPENVEX, '.vex/app.cdx.json': CDX })
    const { trivy, env } = scanEnv()
    const r = await runAction(inputs({ vex: '.vex/app.openvex.json\n.vex/app.cdx.json' }), env, {
      cwd: ws,
    })
    // CVE-2019-1551 in libcrypto1.1 is the one finding no document covers: it still blocks.
    expect(r.outputs.medium).toBe('1')
    expect(r.outputs.verdict).toBe('fail')
    expect(r.exitCode).toBe(1)

    const scan = trivy.calls().find((a) => a[0] === 'image' && a.at(-1) === IMAGE) ?? []
    const vexArgs = scan.flatMap((a, i) => (a === '--vex' ? [scan[i + 1] as string] : []))
    expect(vexArgs).toHaveLength(2)
    expect(scan).toContain('--show-suppressed')
    // Trivy reads Shipgate's hashed copies, never the checkout (and CycloneDX as OpenVEX).
    for (const file of vexArgs) expect(file).toMatch(/\/shipgate-42-[0-9a-f]+\/vex\/\d-app\./)
    expect(readFileSync(vexArgs[0] as string, 'utf8')).toBe(OPENVEX)
    expect(JSON.parse(readFileSync(vexArgs[1] as string, 'utf8'))['@context']).toBe(
      'https://openvex.dev/ns/v0.2.0',
    )

    const report = reportOf(r)
    const suppressed = report.images[0]?.suppressed ?? []
    expect(suppressed.map((s) => `${s.id} ${s.pkgName}`).sort()).toEqual([
      'CVE-2019-1549 libcrypto1.1',
      'CVE-2019-1549 libssl1.1',
      'CVE-2019-1551 libssl1.1',
    ])
    expect(report.vex?.sources.map((s) => [s.source, s.format, s.applied])).toEqual([
      ['.vex/app.openvex.json', 'openvex', true],
      ['.vex/app.cdx.json', 'cyclonedx', true],
    ])
    expect(report.vex?.sources[0]?.sha256).toBe(await sha256(OPENVEX))
    expect(report.vex?.sources[1]?.sha256).toBe(await sha256(CDX))
    expect(report.vex?.sources[1]?.appliedAs?.sha256).toBe(
      await sha256(readFileSync(vexArgs[1] as string, 'utf8')),
    )
    const cdx = suppressed.find((s) => s.id === 'CVE-2019-1551')
    expect(cdx).toMatchObject({ status: 'not_affected', document: 1 })
    expect(suppressed.filter((s) => s.id === 'CVE-2019-1549').map((s) => s.document)).toEqual([
      0, 0,
    ])

    expect(r.summary).toContain('Not affected by VEX: 3 (not counted)')
    expect(r.summary).toContain('| vulnerable\\_code\\_not\\_in\\_execute\\_path |')
    expect(r.summary).toContain('<code>.vex/app.openvex.json</code>')
    expect(r.summary).toContain(`<code>${await sha256(OPENVEX)}</code>`)
    expect(r.summary).toContain('VEX documents: 2 documents read, 2 applied')
    // Not a pull request: nothing is marked as this change's claim.
    expect(r.summary).not.toContain('This pull request declares')
  })

  it('vex-required-author: a look-alike author (Cyrillic е) is not applied; its findings count, with a warning', async () => {
    const forged = OPENVEX.replace('"octo-org security"', '"octo-org s\u0435curity"')
    const ws = checkout({ '.vex/app.openvex.json': forged })
    const { trivy, env } = scanEnv()
    const r = await runAction(
      inputs({ vex: '.vex/app.openvex.json', 'vex-required-author': 'octo-org security' }),
      env,
      { cwd: ws },
    )
    expect(r.outputs.medium).toBe('4')
    const scan = trivy.calls().find((a) => a[0] === 'image' && a.at(-1) === IMAGE) ?? []
    expect(scan).not.toContain('--vex')
    const report = reportOf(r)
    expect(report.images[0]?.suppressed).toEqual([])
    expect(report.vex?.sources[0]).toMatchObject({
      applied: false,
      authors: ['octo-org s\u0435curity'],
    })
    expect(report.vex?.requiredAuthors).toEqual(['octo-org security'])
    expect(r.warnings.join('\n')).toMatch(
      /VEX source \.vex\/app\.openvex\.json is not applied: its author .* is not one of vex-required-author \("octo-org security"\)\. The findings it marks count\./,
    )
    expect(r.summary).toContain('❌ not applied')
  })

  it('Markdown and HTML in a justification and a document name reach the summary escaped', async () => {
    const hostile = JSON.parse(OPENVEX)
    hostile.statements[0].justification =
      '<img src=x onerror=alert(1)> | injected | [click](https://evil.example) @octo-org/admins #1'
    hostile.author = '</summary></details><script>alert(1)</script>'
    const ws = checkout({ '.vex/</details>.json': JSON.stringify(hostile) })
    const { env } = scanEnv()
    const r = await runAction(inputs({ vex: '.vex/</details>.json' }), env, { cwd: ws })
    expect(r.outputs.medium).toBe('2')
    expect(r.summary).toContain('Not affected by VEX: 2')
    expect(r.summary).not.toMatch(/<img|<script|<\/details>\.json|\[click\]\(/)
    expect(r.summary).toContain('&lt;img src=x onerror=alert(1)&gt; \\| injected \\| \\[click\\]')
    // Prose, not code: no mention, no autolink, no issue reference.
    expect(r.summary).not.toMatch(/@octo-org\/admins|https:\/\/evil|#1\b/)
    // Every table row still has its six cells: the `|` did not split one.
    const rows = r.summary.split('\n').filter((l) => l.startsWith('| <code>CVE-2019-1549'))
    expect(rows).toHaveLength(2)
    for (const row of rows) expect(row.split(/(?<!\\)\|/).length).toBe(8)
  })

  it("a pull request that adds a VEX document: its suppressions are marked as this pull request's claim, in the comment too", async () => {
    const ws = checkout({ '.vex/app.openvex.json': OPENVEX })
    const event = eventFile({
      pull_request: { number: 7, base: { sha: BASE_SHA, repo: { full_name: 'octo-org/app' } } },
    })
    const { env } = scanEnv({
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: event,
      GITHUB_API_URL: contents.url,
      GITHUB_REPOSITORY: 'octo-org/app',
    })
    const r = await runAction(
      inputs({ vex: '.vex/app.openvex.json', 'github-token': TOKEN, comment: 'always' }),
      env,
      { cwd: ws },
    )
    expect(r.outputs.medium).toBe('2')
    expect(
      contents.requests.some((q) => q.path === '.vex/app.openvex.json' && q.ref === BASE_SHA),
    ).toBe(true)
    const report = reportOf(r)
    expect(report.vex?.sources[0]?.change).toBe('new')
    const comment = gh.comments('octo-org', 'app', 7).at(-1)?.body ?? ''
    for (const text of [r.summary, comment]) {
      expect(text).toContain(
        '**This pull request declares <code>CVE-2019-1549</code> not affected** (2 findings), through <code>.vex/app.openvex.json</code>',
      )
      expect(text).toContain('🆕 **new in this pull request**')
      expect(text).toContain('Not affected by VEX: 2 (not counted)')
    }
  })

  it('a document unchanged since the base commit is not marked', async () => {
    contents.addFile('octo-org', 'app', BASE_SHA, '.vex/same.openvex.json', OPENVEX)
    const ws = checkout({ '.vex/same.openvex.json': OPENVEX })
    const event = eventFile({
      pull_request: { number: 7, base: { sha: BASE_SHA, repo: { full_name: 'octo-org/app' } } },
    })
    const { env } = scanEnv({
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: event,
      GITHUB_API_URL: contents.url,
    })
    const r = await runAction(
      inputs({ vex: '.vex/same.openvex.json', 'github-token': TOKEN, comment: 'never' }),
      env,
      { cwd: ws },
    )
    expect(reportOf(r).vex?.sources[0]?.change).toBe('unchanged')
    expect(r.summary).not.toContain('This pull request declares')
    expect(r.summary).toContain('Not affected by VEX: 2')
  })

  it('a document the pull request edits is marked changed', async () => {
    contents.addFile('octo-org', 'app', BASE_SHA, '.vex/edited.openvex.json', CDX)
    const ws = checkout({ '.vex/edited.openvex.json': OPENVEX })
    const event = eventFile({
      pull_request: { number: 7, base: { sha: BASE_SHA, repo: { full_name: 'octo-org/app' } } },
    })
    const prEnv = {
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: event,
      GITHUB_API_URL: contents.url,
    }
    const edited = await runAction(
      inputs({ vex: '.vex/edited.openvex.json', 'github-token': TOKEN, comment: 'never' }),
      scanEnv(prEnv).env,
      { cwd: ws },
    )
    expect(reportOf(edited).vex?.sources[0]?.change).toBe('changed')
    expect(edited.summary).toContain('✏️ **changed in this pull request**')
    expect(edited.summary).toContain(
      '**This pull request declares <code>CVE-2019-1549</code> not affected**',
    )
  })

  it('compared with a baseline, a finding VEX set aside is not reported as fixed by this change', async () => {
    const ws = checkout({ '.vex/app.openvex.json': OPENVEX })
    const { env } = scanEnv()
    const r = await runAction(
      inputs({
        vex: '.vex/app.openvex.json',
        'compare-to': fixturePath('alpine-310.json.golden'),
      }),
      env,
      { cwd: ws },
    )
    const report = JSON.parse(readFileSync(r.outputs.report as string, 'utf8'))
    expect(report.images[0].suppressed).toHaveLength(2)
    expect(report.images[0].comparison.fixed).toEqual([])
    expect(r.summary).toContain('**0 findings introduced**')
    expect(r.summary).toMatch(/\*\*0 fixed\*\*/)
  })

  it('a missing VEX document fails the step, naming the input', async () => {
    const { env } = scanEnv()
    const r = await runAction(inputs({ vex: '.vex/nope.json' }), env, { cwd: checkout({}) })
    expect(r.exitCode).toBe(1)
    expect(r.outputs.verdict).toBe('fail')
    expect(r.errors[0]).toMatch(/^Input `vex`: VEX source \.vex\/nope\.json does not exist/)
  })

  it('an http URL is refused before any work, naming the input', async () => {
    const { env } = scanEnv()
    const r = await runAction(inputs({ vex: 'http://vex.example.com/app.json' }), env)
    expect(r.exitCode).toBe(1)
    expect(r.errors[0]).toMatch(
      /^Input `vex`: "http:\/\/vex\.example\.com\/app\.json" is not an https URL/,
    )
  })
})

describe('shipgate scan --vex (dist/cli.js)', () => {
  it('repeatable --vex; the JSON output lists the suppressions and the documents', async () => {
    const ws = checkout({ 'a.openvex.json': OPENVEX, 'b.cdx.json': CDX })
    const { trivy, env } = scanEnv()
    const res = await runCli(
      [
        'scan',
        '--vex',
        'a.openvex.json',
        '--vex',
        'b.cdx.json',
        IMAGE,
        '--fail-on',
        'medium',
        '--base-image-policy',
        'off',
        '--format',
        'json',
      ],
      env,
      { cwd: ws },
    )
    expect(res.exitCode).toBe(1)
    const out = JSON.parse(res.stdout)
    expect(out.totals.MEDIUM).toBe(1)
    expect(out.images[0].suppressed).toHaveLength(3)
    expect(out.vex.sources.map((s: VexSource) => s.source)).toEqual([
      'a.openvex.json',
      'b.cdx.json',
    ])
    const scan = trivy.calls().find((a) => a[0] === 'image' && a.at(-1) === IMAGE) ?? []
    expect(scan.filter((a) => a === '--vex')).toHaveLength(2)
  })
})

describe('ExperimentalModifiedFindings in a given report (dist/cli.js)', () => {
  function report(mutate: (r: { Results: Record<string, unknown>[] }) => void): string {
    const r = JSON.parse(readFileSync(fixturePath('alpine-310.json.golden'), 'utf8'))
    mutate(r)
    const file = join(mkdtempSync(join(tmpdir(), 'vex-report-')), 'trivy.json')
    writeFileSync(file, JSON.stringify(r))
    return file
  }

  it('an entry without a readable Finding refuses the report: it would hide a finding without saying which', async () => {
    const file = report((r) => {
      const result = r.Results[0] as Record<string, unknown[]>
      result.ExperimentalModifiedFindings = [
        {
          Type: 'vulnerability',
          Status: 'not_affected',
          Source: 'x.json',
          Finding: 'CVE-2019-9999',
        },
      ]
    })
    const res = await runCli(['scan', '--report', file, '--fail-on', 'medium'])
    expect(res.exitCode).toBe(2)
    expect(res.stderr).toMatch(
      /Results\.0\.ExperimentalModifiedFindings\.0 holds a vulnerability Finding Shipgate cannot read .*refuses the report/,
    )
  })

  it('an entry whose status does not suppress (affected) counts again, with a warning', async () => {
    const file = report((r) => {
      const result = r.Results[0] as Record<string, unknown[]>
      const moved = (result.Vulnerabilities as unknown[]).splice(0, 1)[0]
      result.ExperimentalModifiedFindings = [
        { Type: 'vulnerability', Status: 'affected', Source: 'x.json', Finding: moved },
      ]
    })
    const res = await runCli(['scan', '--report', file, '--fail-on', 'medium', '--format', 'json'])
    expect(res.exitCode).toBe(1)
    const out = JSON.parse(res.stdout)
    expect(out.totals.MEDIUM).toBe(4)
    expect(out.images[0].suppressed).toEqual([])
    expect(out.warnings.join('\n')).toMatch(
      /Trivy set CVE-2019-1549 in libcrypto1\.1 aside with status "affected", which does not suppress .*: it counts\./,
    )
  })

  it('a report Trivy wrote with --show-suppressed: its suppressions are shown as they are', async () => {
    const file = report((r) => {
      const result = r.Results[0] as Record<string, unknown[]>
      const moved = (result.Vulnerabilities as unknown[]).splice(0, 1)[0]
      result.ExperimentalModifiedFindings = [
        {
          Type: 'vulnerability',
          Status: 'not_affected',
          Statement: 'vulnerable_code_not_present',
          Source: './vex.json',
          Finding: moved,
        },
      ]
    })
    const res = await runCli(['scan', '--report', file, '--fail-on', 'medium', '--format', 'json'])
    const out = JSON.parse(res.stdout)
    expect(out.totals.MEDIUM).toBe(3)
    expect(out.images[0].suppressed).toEqual([
      expect.objectContaining({
        id: 'CVE-2019-1549',
        source: './vex.json',
        status: 'not_affected',
      }),
    ])
  })
})

describe('vex: oci through dist/index.js (Debian docker-registry, mock Sigstore)', () => {
  let registry: RunningRegistry
  let sigstore: MockSigstore
  let trustedRoot: string
  let image: { ref: string; digest: string }

  beforeAll(async () => {
    ;[registry, sigstore] = await Promise.all([startRegistry('none'), startMockSigstore()])
    trustedRoot = join(mkdtempSync(join(tmpdir(), 'e2e-root-')), 'trusted_root.json')
    writeFileSync(trustedRoot, JSON.stringify(sigstore.trustedRoot))
    const layer = gzipSync(await tarOf([{ name: 'app/hello.txt', type: 'file', content: 'vex' }]))
    image = await new FixtureBuilder(registry.host).push({
      repo: 'octo-org/vex-app',
      tag: 'v1',
      layers: [{ bytes: layer, mediaType: MediaType.ociLayerGzip }],
      config: {},
    })
    // The image's OpenVEX attestation, signed by the release workflow, as a bundle referrer.
    const store = registryStore(new RegistryClient({ insecure: true, retries: 0 }))
    const ref = parseReference(image.ref)
    const repo = { registry: ref.registry, repository: ref.repository }
    const subject = await store.headManifest(repo, image.digest)
    const signer = keylessSigner({
      endpoints: mockSettings(sigstore).endpoints,
      getToken: async () => sigstore.token(),
    })
    const type = 'https://openvex.dev/ns/v0.2.0'
    const bundle = await signer.signStatement(
      statement(repo, image.digest, type, JSON.parse(OPENVEX)),
    )
    await attachBundleReferrer(
      store,
      repo,
      subject as NonNullable<typeof subject>,
      bundle,
      type,
      { subject: identityOf(sigstore.claims), issuer: GITHUB_ISSUER },
      new Date(),
    )
  }, 180_000)
  afterAll(async () => {
    await registry?.stop()
    await sigstore?.close()
  })

  function run(identity: string) {
    const trivy = standIn({
      [image.ref]: reportFor(fixturePath('alpine-310.json.golden'), image.ref, image.digest),
    })
    return {
      trivy,
      result: runAction(
        {
          image: image.ref,
          'fail-on': 'medium',
          'cache-db': 'false',
          'base-image-policy': 'off',
          vex: 'oci',
          'certificate-identity': identity,
          'certificate-oidc-issuer': GITHUB_ISSUER,
          'trusted-root': trustedRoot,
        },
        { ...trivy.env, STANDIN_VERSION: '0.75.0' },
      ),
    }
  }

  it('an attestation signed by the expected identity is applied; the summary names the signer', async () => {
    const { trivy, result } = run(identityOf(sigstore.claims))
    const r = await result
    expect(r.outputs.medium).toBe('2')
    const scan = trivy.calls().find((a) => a[0] === 'image' && a.at(-1) === image.ref) ?? []
    const vexArgs = scan.flatMap((a, i) => (a === '--vex' ? [scan[i + 1] as string] : []))
    expect(vexArgs).toHaveLength(1)
    expect(vexArgs[0]).not.toBe('oci')
    expect(JSON.parse(readFileSync(vexArgs[0] as string, 'utf8'))).toEqual(JSON.parse(OPENVEX))
    const report = reportOf(r)
    expect(report.vex?.sources[0]).toMatchObject({ kind: 'oci', applied: true, image: image.ref })
    expect(r.summary).toContain('Not affected by VEX: 2')
    expect(r.summary).toContain(`signed by <code>${identityOf(sigstore.claims)}</code>`)
  })

  it('signed by another identity: ignored with a warning, Trivy gets no --vex, the findings count', async () => {
    const { trivy, result } = run(
      'https://github.com/octo-org/app/.github/workflows/deploy.yml@refs/heads/main',
    )
    const r = await result
    expect(r.outputs.medium).toBe('4')
    const scan = trivy.calls().find((a) => a[0] === 'image' && a.at(-1) === image.ref) ?? []
    expect(scan).not.toContain('--vex')
    expect(scan).not.toContain('oci')
    expect(reportOf(r).images[0]?.suppressed).toEqual([])
    expect(r.warnings.join('\n')).toMatch(
      /OpenVEX attestation .*@sha256:[0-9a-f]{64} ignored, its statements suppress nothing/,
    )
  })

  it('oci without an identity is refused before any work, naming what to set', async () => {
    const trivy = standIn({})
    const r = await runAction(
      { image: image.ref, 'cache-db': 'false', 'base-image-policy': 'off', vex: 'oci' },
      { ...trivy.env, STANDIN_VERSION: '0.75.0' },
    )
    expect(r.exitCode).toBe(1)
    expect(r.errors[0]).toMatch(
      /^Input `vex`: `oci` keeps only VEX attestations signed by the expected identity: set `certificate-identity`/,
    )
  })
})

describe('vex by https URL through dist/index.js (a local TLS server the runner trusts)', () => {
  let server: HttpsServer
  let plain: Server
  let base: string
  let caFile: string
  const plainRequests: string[] = []

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vex-tls-'))
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
      'subjectAltName=IP:127.0.0.1',
    ])
    caFile = join(dir, 'cert.pem')
    plain = createServer((req, res) => {
      plainRequests.push(req.url ?? '')
      res.end(OPENVEX)
    })
    await new Promise<void>((r) => plain.listen(0, '127.0.0.1', r))
    const plainPort = (plain.address() as AddressInfo).port
    server = createHttpsServer(
      { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(caFile) },
      (req, res) => {
        if (req.url === '/app.openvex.json') return void res.end(OPENVEX)
        if (req.url === '/moved.json') {
          res.writeHead(302, { location: `http://127.0.0.1:${plainPort}/app.openvex.json` })
          return void res.end()
        }
        if (req.url === '/huge.json') {
          // No Content-Length: the body streams until the client stops reading.
          res.writeHead(200, { 'content-type': 'application/json' })
          const chunk = Buffer.alloc(1024 * 1024, 0x20)
          const pump = () => {
            while (res.write(chunk)) if (res.writableLength > 64 * 1024 * 1024) return
            res.once('drain', pump)
          }
          res.on('close', () => res.removeAllListeners('drain'))
          return pump()
        }
        res.writeHead(404)
        res.end()
      },
    )
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    server?.closeAllConnections()
    plain?.closeAllConnections()
    await new Promise((r) => server?.close(r))
    await new Promise((r) => plain?.close(r))
  })

  const env = () => scanEnv({ NODE_EXTRA_CA_CERTS: caFile })

  it('is fetched once, hashed, and handed to Trivy as a file', async () => {
    const { trivy, env: e } = env()
    const r = await runAction(inputs({ vex: `${base}/app.openvex.json` }), e)
    expect(r.outputs.medium).toBe('2')
    const scan = trivy.calls().find((a) => a[0] === 'image' && a.at(-1) === IMAGE) ?? []
    const vexArgs = scan.flatMap((a, i) => (a === '--vex' ? [scan[i + 1] as string] : []))
    expect(vexArgs).toHaveLength(1)
    expect(vexArgs[0]).not.toMatch(/^https?:/)
    expect(readFileSync(vexArgs[0] as string, 'utf8')).toBe(OPENVEX)
    expect(reportOf(r).vex?.sources[0]).toMatchObject({
      source: `${base}/app.openvex.json`,
      kind: 'url',
      sha256: await sha256(OPENVEX),
      applied: true,
    })
  })

  it('a redirect to plain http fails the step; the http URL is never asked', async () => {
    const { env: e } = env()
    const r = await runAction(inputs({ vex: `${base}/moved.json` }), e)
    expect(r.exitCode).toBe(1)
    expect(r.outputs.verdict).toBe('fail')
    expect(r.errors[0]).toMatch(
      /^Input `vex`: VEX source https:\/\/127\.0\.0\.1:\d+\/moved\.json could not be read: https:\/\/127\.0\.0\.1:\d+\/moved\.json redirects to http:\/\/127\.0\.0\.1:\d+\/app\.openvex\.json, which is not https: refused/,
    )
    expect(plainRequests).toEqual([])
  })

  it('a body that never ends fails the step at 8 MiB, never a partial document', async () => {
    const { env: e } = env()
    const r = await runAction(inputs({ vex: `${base}/huge.json` }), e)
    expect(r.exitCode).toBe(1)
    expect(r.errors[0]).toMatch(
      /^Input `vex`: VEX source .*\/huge\.json could not be read: .*is larger than 8 MiB/,
    )
  })
})
