/**
 * What a reviewer sees when every part of issue 11 meets in one run, end to end through
 * dist/index.js on a pull request: a two-platform index (one finding on arm64 only, in the
 * image's own layer), its base image known from the children's annotations (the shared
 * findings came with it), and a VEX document the pull request adds. The features were built
 * apart; this proves they compose in one comment without hiding each other's findings.
 *
 * The run's report is also copied to test/.cache/preview/reviewer-view.json, the input for
 * `npm run preview -- test/.cache/preview/reviewer-view.json`.
 */

import { createHash } from 'node:crypto'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MediaType } from '../../src/registry/media-types.js'
import { parseReference } from '../../src/registry/reference.js'
import { eventFile, runAction } from '../support/e2e/runner.js'
import { fixturePath } from '../support/fixtures.js'
import { FakeContents } from '../support/github/fake-contents.js'
import { FakeGitHub } from '../support/github/fake-github.js'
import { type CountingProxy, startCountingProxy } from '../support/registry/counting-proxy.js'
import { FixtureBuilder, tarOf } from '../support/registry/images.js'
import { alpineLayer } from '../support/registry/platform-index.js'
import { type RunningRegistry, startRegistry } from '../support/registry/server.js'
import { standIn } from '../support/trivy-stand-in/index.js'

const TOKEN = 'ghs_reviewer_view_token'
const BASE_SHA = 'd'.repeat(40)
const OPENVEX = readFileSync(new URL('../fixtures/vex/alpine-310.openvex.json', import.meta.url))
const ARM_ONLY = 'CVE-2022-37434'
const PREVIEW = new URL('../.cache/preview/', import.meta.url).pathname

const diffIdOf = (gz: Buffer) =>
  `sha256:${createHash('sha256').update(gunzipSync(gz)).digest('hex')}`
const desc = (m: { digest: string; manifest: Buffer; mediaType: string }) => ({
  mediaType: m.mediaType,
  digest: m.digest,
  size: m.manifest.length,
})
const ALPINE = { musl: '1.1.22-r3', 'libcrypto1.1': '1.1.1c-r0', 'libssl1.1': '1.1.1c-r0' }

interface Child {
  platform: string
  ref: string
  digest: string
  base: string
  app: string
}

let registry: RunningRegistry
/** Between Shipgate and the registry: which manifests it asked for, how often. */
let proxy: CountingProxy
let baseRef: string
let appRef: string
let children: Child[]
const gh = new FakeGitHub()
const contents = new FakeContents(() => gh.url)

/** A base index (amd64, arm64) and an app index whose children add one layer each on top. */
async function pushImages(host: string): Promise<void> {
  const b = new FixtureBuilder(host)
  const arches = [
    { arch: 'amd64', apk: 'x86_64', platform: 'linux/amd64', variant: undefined },
    { arch: 'arm64', apk: 'aarch64', platform: 'linux/arm64/v8', variant: 'v8' },
  ]
  const bases = []
  const apps = []
  for (const a of arches) {
    const baseLayer = await alpineLayer(a.apk, ALPINE)
    const appLayer = gzipSync(
      await tarOf([{ name: 'srv/app.js', type: 'file', content: `console.log("${a.arch}")\n` }]),
    )
    const config = { ...(a.variant ? { variant: a.variant } : {}), config: { User: 'nobody' } }
    const base = await b.push({
      repo: 'rv/base',
      tag: `3.10-${a.arch}`,
      architecture: a.arch,
      layers: [{ bytes: baseLayer, mediaType: MediaType.ociLayerGzip }],
      config,
    })
    bases.push({ ...a, pushed: base })
    apps.push({ ...a, baseLayer, appLayer, config })
  }
  const platformOf = (a: { arch: string; variant?: string }) => ({
    os: 'linux',
    architecture: a.arch,
    ...(a.variant ? { variant: a.variant } : {}),
  })
  const putIndex = async (repo: string, tag: string, manifests: unknown[]) => {
    const ref = `${host}/${repo}:${tag}`
    const index = { schemaVersion: 2, mediaType: MediaType.ociIndex, manifests }
    const digest = await b.client.putManifest(
      parseReference(ref),
      tag,
      Buffer.from(JSON.stringify(index)),
      MediaType.ociIndex,
    )
    return { ref, digest }
  }
  const baseIndex = await putIndex(
    'rv/base',
    '3.10',
    bases.map((x) => ({ ...desc(x.pushed), platform: platformOf(x) })),
  )
  baseRef = baseIndex.ref
  children = []
  const appManifests = []
  for (const a of apps) {
    const pushed = await b.push({
      repo: 'rv/app',
      tag: `pr-7-${a.arch}`,
      architecture: a.arch,
      layers: [
        { bytes: a.baseLayer, mediaType: MediaType.ociLayerGzip },
        { bytes: a.appLayer, mediaType: MediaType.ociLayerGzip },
      ],
      config: a.config,
      // What buildx records for `FROM rv/base:3.10`: the base's name and its index digest.
      annotations: {
        'org.opencontainers.image.base.name': baseIndex.ref,
        'org.opencontainers.image.base.digest': baseIndex.digest,
      },
    })
    appManifests.push({ ...desc(pushed), platform: platformOf(a) })
    children.push({
      platform: a.platform,
      ref: `${host}/rv/app@${pushed.digest}`,
      digest: pushed.digest,
      base: diffIdOf(a.baseLayer),
      app: diffIdOf(a.appLayer),
    })
  }
  appRef = (await putIndex('rv/app', 'pr-7', appManifests)).ref
}

/**
 * The real alpine-310 report as Trivy writes it for one child: every finding in the base's
 * layer; on arm64 also zlib, in the image's own layer.
 */
function childReport(c: Child): string {
  const report = JSON.parse(readFileSync(fixturePath('alpine-310.json.golden'), 'utf8'))
  report.ArtifactName = c.ref
  report.Metadata.RepoDigests = [c.ref]
  report.Metadata.RepoTags = []
  report.Metadata.ImageID = c.digest
  report.Metadata.DiffIDs = [c.base, c.app]
  report.Metadata.ImageConfig.architecture = c.platform.split('/')[1]
  report.Metadata.ImageConfig.rootfs = { type: 'layers', diff_ids: [c.base, c.app] }
  const os = report.Results[0]
  os.Target = `${c.ref} (alpine 3.10.2)`
  for (const v of os.Vulnerabilities) v.Layer = { DiffID: c.base }
  if (c.platform.includes('arm64')) {
    os.Vulnerabilities.push({
      VulnerabilityID: ARM_ONLY,
      PkgID: 'zlib@1.2.11-r1',
      PkgName: 'zlib',
      PkgIdentifier: { PURL: 'pkg:apk/alpine/zlib@1.2.11-r1?arch=aarch64&distro=3.10.2' },
      InstalledVersion: '1.2.11-r1',
      FixedVersion: '1.2.11-r4',
      Status: 'fixed',
      Layer: { DiffID: c.app },
      Severity: 'CRITICAL',
      Title: 'zlib: heap-based buffer over-read in inflate',
      PrimaryURL: `https://avd.aquasec.com/nvd/${ARM_ONLY.toLowerCase()}`,
    })
  }
  const file = join(mkdtempSync(join(tmpdir(), 'rv-report-')), 'trivy.json')
  writeFileSync(file, JSON.stringify(report))
  return file
}

beforeAll(async () => {
  registry = await startRegistry('none')
  proxy = await startCountingProxy(registry.host)
  await pushImages(proxy.host)
  await gh.start()
  await contents.start()
  gh.token = TOKEN
  contents.token = TOKEN
  contents.addCommit('octo-org', 'app', BASE_SHA)
  gh.addPullRequest('octo-org', 'app', 7)
}, 120_000)
afterAll(async () => {
  await contents.stop()
  await gh.stop()
  await proxy?.close()
  await registry?.stop()
})

describe('a reviewer sees platforms, VEX suppressions and the base image in one comment', () => {
  it('composes the three views over one two-platform run on a pull request', async () => {
    const ws = mkdtempSync(join(tmpdir(), 'rv-checkout-'))
    mkdirSync(join(ws, '.vex'))
    writeFileSync(join(ws, '.vex', 'app.openvex.json'), OPENVEX)
    proxy.requests.length = 0
    const trivy = standIn(Object.fromEntries(children.map((c) => [c.ref, childReport(c)])))
    const r = await runAction(
      {
        image: appRef,
        'fail-on': 'high',
        'fail-on-scope': 'app',
        'cache-db': 'false',
        'base-image-policy': 'warn',
        vex: '.vex/app.openvex.json',
        'github-token': TOKEN,
        comment: 'always',
      },
      {
        ...trivy.env,
        STANDIN_VERSION: '0.75.0',
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: eventFile({
          pull_request: { number: 7, base: { sha: BASE_SHA, repo: { full_name: 'octo-org/app' } } },
        }),
        GITHUB_API_URL: contents.url,
        GITHUB_REPOSITORY: 'octo-org/app',
      },
      { cwd: ws },
    )
    // The platform listing, the base-image check and the layer attribution all read the same
    // children and base: each manifest named by digest is fetched once in the job.
    const byDigest = proxy.requests.filter((q) => /^GET \/v2\/rv\/.*\/manifests\/sha256:/.test(q))
    expect(byDigest.length).toBeGreaterThan(0)
    expect(byDigest.filter((q, i) => byDigest.indexOf(q) !== i)).toEqual([])
    // The arm64-only critical is in the app's own layer: `fail-on-scope: app` still fails.
    expect(r.exitCode, r.stdout).toBe(1)
    expect(r.outputs).toMatchObject({ verdict: 'fail', critical: '1' })

    const scans = trivy.calls().filter((a) => a[0] === 'image' && a.includes('--output'))
    expect(scans.map((a) => a.at(-1)).sort()).toEqual(children.map((c) => c.ref).sort())
    for (const a of scans) expect(a).toEqual(expect.arrayContaining(['--vex', '--show-suppressed']))

    const report = JSON.parse(readFileSync(r.outputs.report as string, 'utf8'))
    const image = report.images[0]
    expect(image.platforms.map((p: { platform: string }) => p.platform)).toEqual([
      'linux/amd64',
      'linux/arm64/v8',
    ])
    expect(image.layerAttribution.base).toMatchObject({
      ref: expect.stringContaining(baseRef),
      how: 'annotation',
    })
    expect(image.suppressed.length).toBeGreaterThan(0)
    const critical = image.findings.find(
      (f: { finding: { id: string } }) => f.finding.id === ARM_ONLY,
    )?.finding
    expect(critical?.platforms).toEqual(['linux/arm64/v8'])
    expect(critical?.layer).toEqual({ diffId: children[1]?.app, fromBase: false })

    const comment = gh.comments('octo-org', 'app', 7).at(-1)?.body ?? ''
    for (const text of [r.summary, comment]) {
      // Platforms: a per-platform line, and the arm64-only row names its platform.
      expect(text).toMatch(/linux\/amd64/)
      const row = text.split('\n').find((l) => l.includes(ARM_ONLY) && l.startsWith('|'))
      expect(row).toContain('linux/arm64/v8')
      // VEX: the suppressions stay visible, marked as this pull request's claim.
      expect(text).toMatch(/Not affected by VEX: \d+ \(not counted\)/)
      expect(text).toContain('new in this pull request')
      // Base image: the shared findings are shown as the base's, apart.
      expect(text).toContain(`From the base image`)
      expect(text).toContain(baseRef)
    }
    mkdirSync(PREVIEW, { recursive: true })
    copyFileSync(r.outputs.report as string, join(PREVIEW, 'reviewer-view.json'))
  })

  it('a suppression on one platform that cites a VEX file Shipgate did not hand Trivy still counts', async () => {
    // What a TRIVY_VEX in the step's environment would produce on arm64 alone: the finding
    // moved to ExperimentalModifiedFindings, citing a document nobody gave Shipgate.
    const forged = (c: Child) => {
      const file = childReport(c)
      if (!c.platform.includes('arm64')) return file
      const report = JSON.parse(readFileSync(file, 'utf8'))
      const os = report.Results[0]
      const i = os.Vulnerabilities.findIndex(
        (v: { VulnerabilityID: string }) => v.VulnerabilityID === ARM_ONLY,
      )
      const [v] = os.Vulnerabilities.splice(i, 1)
      os.ExperimentalModifiedFindings = [
        {
          Type: 'vulnerability',
          Status: 'not_affected',
          Statement: 'vulnerable_code_not_present',
          Source: '/home/runner/.config/evil.openvex.json',
          Finding: v,
        },
      ]
      writeFileSync(file, JSON.stringify(report))
      return file
    }
    const trivy = standIn(Object.fromEntries(children.map((c) => [c.ref, forged(c)])))
    const r = await runAction(
      { image: appRef, 'fail-on': 'critical', 'cache-db': 'false', 'base-image-policy': 'off' },
      { ...trivy.env, STANDIN_VERSION: '0.75.0' },
    )
    expect(r.exitCode, r.stdout).toBe(1)
    expect(r.outputs).toMatchObject({ verdict: 'fail', critical: '1' })
    expect(r.summary).not.toMatch(/Not affected by VEX: [1-9]/)
    expect(`${r.stdout}${r.summary}`).toMatch(/evil\.openvex\.json/)
  })
})
