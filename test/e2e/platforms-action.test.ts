/**
 * Issue 11 §1, end to end through dist/index.js: every platform of a multi-platform image is
 * analysed once (by digest), attestations are skipped, the verdict is merged, and the summary
 * and comment say which platform a finding is on. Images are real, in Debian's
 * docker-registry; Trivy is the stand-in that replays real reports and records its arguments.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RegistryClient } from '../../src/registry/client.js'
import { MediaType } from '../../src/registry/media-types.js'
import { parseReference } from '../../src/registry/reference.js'
import { runAction, runCli } from '../support/e2e/runner.js'
import { fixturePath } from '../support/fixtures.js'
import { FakeGitHub } from '../support/github/fake-github.js'
import {
  type PlatformIndex,
  pushHugeIndex,
  pushPlatformIndex,
} from '../support/registry/platform-index.js'
import { type RunningRegistry, startRegistry } from '../support/registry/server.js'
import { standIn } from '../support/trivy-stand-in/index.js'

const EXTRA = 'CVE-2022-37434'

/**
 * The real alpine-310 report as Trivy writes it for `ref` (a platform pulled by digest): the
 * OS result is named after what was pulled. `zlib` adds the one finding arm64 alone has.
 */
function platformReport(ref: string, digest: string, zlib = false): string {
  const report = JSON.parse(readFileSync(fixturePath('alpine-310.json.golden'), 'utf8'))
  report.ArtifactName = ref
  report.Metadata.RepoDigests = [ref]
  report.Metadata.RepoTags = []
  report.Metadata.ImageID = digest
  const os = report.Results[0]
  os.Target = `${ref} (alpine 3.10.2)`
  if (zlib) {
    os.Vulnerabilities.push({
      VulnerabilityID: EXTRA,
      PkgID: 'zlib@1.2.11-r1',
      PkgName: 'zlib',
      InstalledVersion: '1.2.11-r1',
      FixedVersion: '1.2.11-r4',
      Status: 'fixed',
      Severity: 'HIGH',
      Title: 'zlib: heap-based buffer over-read in inflate',
      PrimaryURL: `https://avd.aquasec.com/nvd/${EXTRA.toLowerCase()}`,
    })
  }
  const file = join(mkdtempSync(join(tmpdir(), 'platform-report-')), 'trivy.json')
  writeFileSync(file, JSON.stringify(report))
  return file
}

/** `trivy image` analyses (not DB downloads), by the reference each was asked for. */
function scansOf(calls: string[][]): string[][] {
  return calls.filter((a) => a[0] === 'image' && !a.some((x) => x.startsWith('--download')))
}

let registry: RunningRegistry
let idx: PlatformIndex

beforeAll(async () => {
  registry = await startRegistry('none')
  idx = await pushPlatformIndex(registry.host)
}, 120_000)
afterAll(async () => {
  await registry?.stop()
})

const env = (images: Record<string, string>) => {
  const trivy = standIn(images)
  return { trivy, env: { ...trivy.env, STANDIN_VERSION: '0.75.0' } }
}

const both = () => ({
  [idx.amd64.ref]: platformReport(idx.amd64.ref, idx.amd64.digest),
  [idx.arm64.ref]: platformReport(idx.arm64.ref, idx.arm64.digest, true),
})

describe('platform: all (the default) on a two-platform index', () => {
  it('analyses each platform once by digest, skips the attestation, fails on arm64 alone, and says so', async () => {
    const { trivy, env: e } = env(both())
    const r = await runAction(
      { image: idx.ref, 'fail-on': 'high', 'cache-db': 'false', 'base-image-policy': 'warn' },
      e,
    )
    expect(r.exitCode, r.stdout).toBe(1)
    // One analysis per platform, pinned by digest, none for the attestation, no --platform.
    const scans = scansOf(trivy.calls())
    expect(scans.map((a) => a.at(-1)).sort()).toEqual([idx.amd64.ref, idx.arm64.ref].sort())
    expect(scans.flat().join(' ')).not.toContain(idx.attestation.digest)
    for (const a of scans) expect(a).not.toContain('--platform')

    // Outputs stay per image: the merged image's counts (4 medium on both, 1 high on arm64).
    expect(r.outputs).toMatchObject({ verdict: 'fail', high: '1', medium: '4', critical: '0' })
    const report = JSON.parse(readFileSync(r.outputs.report as string, 'utf8'))
    const image = report.images[0]
    expect(image.image).toBe(idx.ref)
    // The digest deployments reference, and signing signs: the index's.
    expect(image.digest).toBe(idx.digest)
    expect(image.platforms).toMatchObject([
      {
        platform: 'linux/amd64',
        digest: idx.amd64.digest,
        verdict: 'pass',
        counts: { HIGH: 0, MEDIUM: 4 },
      },
      {
        platform: 'linux/arm64/v8',
        digest: idx.arm64.digest,
        verdict: 'fail',
        counts: { HIGH: 1, MEDIUM: 4 },
        blocking: 1,
      },
    ])
    // The base-image check ran per platform, each on its own digest.
    expect(
      image.platforms.map((p: { baseImage?: { platform?: string } }) => p.baseImage?.platform),
    ).toEqual(['linux/amd64', 'linux/arm64/v8'])
    const extra = image.findings.find((f: { finding: { id: string } }) => f.finding.id === EXTRA)
    expect(extra.finding.platforms).toEqual(['linux/arm64/v8'])

    // One table, a Platform column; the arm64-only row names its platform, common rows say all.
    expect(r.summary).toMatch(/\| Platform \|/)
    const rows = r.summary.split('\n').filter((l) => l.startsWith('|'))
    const extraRows = rows.filter((l) => l.includes(EXTRA))
    expect(extraRows).toHaveLength(1)
    expect(extraRows[0]).toContain('<code>linux/arm64/v8</code>')
    expect(extraRows[0]).not.toContain('linux/amd64')
    const common = rows.filter((l) => l.includes('CVE-2019-1549') && l.includes('libssl1.1'))
    expect(common).toHaveLength(1)
    expect(common[0]).toContain('_all_')
    expect(r.summary).toMatch(
      /<code>linux\/amd64<\/code> ✅ · <code>linux\/arm64\/v8<\/code> ❌ 1 blocking/,
    )
  })

  it('the same platforms everywhere: no Platform column, one row per finding', async () => {
    const amd = platformReport(idx.amd64.ref, idx.amd64.digest)
    const arm = platformReport(idx.arm64.ref, idx.arm64.digest)
    const { env: e } = env({ [idx.amd64.ref]: amd, [idx.arm64.ref]: arm })
    const r = await runAction(
      { image: idx.ref, 'fail-on': 'high', 'cache-db': 'false', 'base-image-policy': 'off' },
      e,
    )
    expect(r.exitCode, r.stdout).toBe(0)
    expect(r.outputs).toMatchObject({ verdict: 'pass', medium: '4', high: '0' })
    expect(r.summary).not.toMatch(/\| Platform \|/)
    const rows = r.summary
      .split('\n')
      .filter((l) => l.startsWith('|') && l.includes('CVE-2019-1549'))
    expect(rows).toHaveLength(2) // libcrypto1.1 and libssl1.1, each once for both platforms
  })

  it('platform: linux/arm64 picks that platform only', async () => {
    const { trivy, env: e } = env(both())
    const r = await runAction(
      { image: idx.ref, platform: 'linux/arm64', 'cache-db': 'false', 'base-image-policy': 'off' },
      e,
    )
    expect(scansOf(trivy.calls()).map((a) => a.at(-1))).toEqual([idx.arm64.ref])
    expect(r.outputs).toMatchObject({ verdict: 'fail', high: '1' })
  })

  it('a platform the index lacks is an error naming the input and what the index has; nothing is scanned', async () => {
    const { trivy, env: e } = env(both())
    const r = await runAction(
      { image: idx.ref, platform: 'linux/amd64,linux/s390x', 'cache-db': 'false' },
      e,
    )
    expect(r.exitCode).toBe(1)
    expect(r.outputs.verdict).toBe('fail')
    expect(r.outputs.high ?? '').toBe('')
    expect(r.stdout).toMatch(
      /Input `platform`: .* has no image for linux\/s390x \(available: linux\/amd64, linux\/arm64\/v8\)/,
    )
    expect(scansOf(trivy.calls())).toEqual([])
  })

  it('a malformed platform list is refused before any work', async () => {
    const r = await runAction({ image: idx.ref, platform: 'linux/amd64,arm64' })
    expect(r.exitCode).toBe(1)
    expect(r.stdout).toContain('::error::Input `platform`: "arm64" is not a platform')
  })
})

describe('shipgate scan (dist/cli.js) on the index', () => {
  it('--format table: a line per platform and a PLATFORM column naming arm64; exit 1', async () => {
    const { trivy, env: e } = env(both())
    const r = await runCli(
      ['scan', idx.ref, '--fail-on', 'high', '--base-image-policy', 'off', '--format', 'table'],
      e,
    )
    expect(r.exitCode, r.stderr).toBe(1)
    expect(scansOf(trivy.calls())).toHaveLength(2)
    expect(r.stdout).toContain('platforms: linux/amd64 pass, linux/arm64/v8 FAIL (1 blocking)')
    const lines = r.stdout.split('\n')
    expect(lines.find((l) => l.startsWith('SEVERITY'))).toMatch(/PLATFORM$/)
    expect(lines.find((l) => l.includes(EXTRA))).toMatch(/linux\/arm64\/v8$/)
    expect(lines.filter((l) => l.includes('CVE-2019-1549') && l.includes('libssl1.1'))[0]).toMatch(
      /all$/,
    )
  })

  it('--platform naming a platform the index lacks: the error names the flag', async () => {
    const { trivy, env: e } = env(both())
    const r = await runCli(['scan', idx.ref, '--platform', 'linux/s390x', '--format', 'json'], e)
    expect(r.exitCode).not.toBe(0)
    expect(r.stdout + r.stderr).toContain(
      'Flag `--platform`: ' +
        idx.ref +
        ' has no image for linux/s390x (available: linux/amd64, linux/arm64/v8)',
    )
    expect(scansOf(trivy.calls())).toEqual([])
  })
})

describe('shipgate rescan (dist/cli.js) of a watched index', () => {
  it('pins the tag to the index digest and analyses every platform of it', async () => {
    const { trivy, env: e } = env(both())
    const r = await runCli(['rescan', idx.ref, '--format', 'json', '--fail-on', 'high'], e)
    expect(r.exitCode, r.stderr).toBe(1)
    expect(
      scansOf(trivy.calls())
        .map((a) => a.at(-1))
        .sort(),
    ).toEqual([idx.amd64.ref, idx.arm64.ref].sort())
    const out = JSON.parse(r.stdout) as { images: { digest: string; verdict: string }[] }
    expect(out.images).toEqual([expect.objectContaining({ digest: idx.digest, verdict: 'fail' })])
  })
})

describe('compare-to a multi-platform baseline', () => {
  it('the baseline is every platform too: a finding arm64 had on the base branch is not new', async () => {
    const { trivy, env: e } = env(both())
    const r = await runAction(
      {
        image: idx.ref,
        'compare-to': idx.ref,
        'fail-on': 'high',
        'fail-on-scope': 'new',
        'cache-db': 'false',
        'base-image-policy': 'off',
      },
      e,
    )
    expect(r.exitCode, r.stdout).toBe(0)
    expect(r.outputs.verdict).toBe('pass')
    // Two analyses for the image, two for its baseline: each platform once, by digest.
    expect(
      scansOf(trivy.calls())
        .map((a) => a.at(-1))
        .sort(),
    ).toEqual([idx.amd64.ref, idx.amd64.ref, idx.arm64.ref, idx.arm64.ref].sort())
    const report = JSON.parse(readFileSync(r.outputs.report as string, 'utf8'))
    expect(report.images[0].comparison).toMatchObject({
      introduced: [],
      source: { kind: 'image', image: idx.ref, digest: idx.digest },
    })
  })
})

describe('max-parallel bounds the platforms together with the other images', () => {
  it('an index of two platforms and a single-platform image, max-parallel 2: three analyses, never more than two at once', async () => {
    const single = idx.amd64.ref.replace(/@.*$/, ':v1-arm64')
    const times = join(mkdtempSync(join(tmpdir(), 'standin-times-')), 'times.jsonl')
    writeFileSync(times, '')
    const { trivy, env: e } = env({
      ...both(),
      [single]: platformReport(idx.arm64.ref, idx.arm64.digest),
    })
    const r = await runAction(
      {
        image: `${idx.ref}\n${single}`,
        'max-parallel': '2',
        'fail-on': 'critical',
        'cache-db': 'false',
        'base-image-policy': 'off',
      },
      { ...e, STANDIN_TIMES: times, STANDIN_SLEEP_MS: '800' },
    )
    expect(r.exitCode, r.stdout).toBe(0)
    expect(scansOf(trivy.calls())).toHaveLength(3)
    const spans = readFileSync(times, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { start: number; end: number })
    expect(spans).toHaveLength(3)
    // At every start, how many analyses were running (itself included).
    const overlap = spans.map(
      (s) => spans.filter((o) => o.start <= s.start && o.end > s.start).length,
    )
    expect(Math.max(...overlap)).toBeLessThanOrEqual(2)
    const report = JSON.parse(readFileSync(r.outputs.report as string, 'utf8'))
    expect(report.images.map((i: { image: string }) => i.image)).toEqual([idx.ref, single])
    expect(report.images[0].platforms).toHaveLength(2)
  })
})

describe('images that are not indexes', () => {
  it('a single-platform image is scanned as it is: one analysis of the reference given, no platforms', async () => {
    const { trivy, env: e } = env({
      [idx.amd64.ref.replace(/@.*$/, ':v1-amd64')]: platformReport(idx.amd64.ref, idx.amd64.digest),
    })
    const single = idx.amd64.ref.replace(/@.*$/, ':v1-amd64')
    const r = await runAction(
      { image: single, 'fail-on': 'high', 'cache-db': 'false', 'base-image-policy': 'off' },
      e,
    )
    expect(r.exitCode, r.stdout).toBe(0)
    const scans = scansOf(trivy.calls())
    expect(scans.map((a) => a.at(-1))).toEqual([single])
    expect(scans[0]).not.toContain('--platform')
    const report = JSON.parse(readFileSync(r.outputs.report as string, 'utf8'))
    expect(report.images[0]).not.toHaveProperty('platforms')
    expect(report.warnings.join('\n')).not.toMatch(/platforms/)
    expect(r.summary).not.toMatch(/\| Platform \||\*\*Platforms\*\*/)
  })

  it('an image the registry does not have (only in the local daemon) is left to Trivy, with a warning that says so', async () => {
    const local = `${registry.host}/e2e/local-only:pr-1`
    const { trivy, env: e } = env({ [local]: platformReport(local, 'sha256:0') })
    const r = await runAction(
      { image: local, 'fail-on': 'high', 'cache-db': 'false', 'base-image-policy': 'off' },
      e,
    )
    expect(r.exitCode, r.stdout).toBe(0)
    expect(scansOf(trivy.calls()).map((a) => a.at(-1))).toEqual([local])
    expect(r.warnings.join('\n')).toMatch(
      /local-only:pr-1: its platforms could not be listed .*If this is a multi-platform image, its other platforms were not scanned\./,
    )
  })
})

describe('an unscanned platform never makes the image look clean', () => {
  it('several platforms named for an image whose platforms cannot be listed: not scanned, Trivy never asked', async () => {
    const local = `${registry.host}/e2e/local-only:pr-2`
    const { trivy, env: e } = env({ [local]: platformReport(local, 'sha256:0') })
    const r = await runAction(
      {
        image: local,
        platform: 'linux/amd64,linux/arm64',
        'cache-db': 'false',
        'base-image-policy': 'off',
      },
      e,
    )
    expect(r.exitCode).toBe(1)
    expect(r.outputs.verdict).toBe('fail')
    expect(r.outputs.high ?? '').toBe('')
    expect(r.stdout).toMatch(/linux\/amd64, linux\/arm64 cannot each be scanned/)
    expect(scansOf(trivy.calls())).toEqual([])
  })

  it('Trivy crashes for arm64 only: the image is not scanned, no counts, the reason names the platform', async () => {
    const { trivy, env: e } = env({
      [idx.amd64.ref]: platformReport(idx.amd64.ref, idx.amd64.digest),
      [idx.arm64.ref]: 'crash',
    })
    const r = await runAction(
      { image: idx.ref, 'fail-on': 'none', 'cache-db': 'false', 'base-image-policy': 'off' },
      e,
    )
    expect(scansOf(trivy.calls())).toHaveLength(2)
    expect(r.exitCode).toBe(1)
    expect(r.outputs.verdict).toBe('fail')
    for (const name of ['critical', 'high', 'medium', 'low', 'unknown'])
      expect(r.outputs[name] ?? '').toBe('')
    const report = JSON.parse(readFileSync(r.outputs.report as string, 'utf8'))
    expect(report).not.toHaveProperty('totals')
    expect(report.images).toEqual([])
    expect(report.notScanned).toEqual([
      {
        image: idx.ref,
        reason: expect.stringMatching(
          /^1 of 2 platforms not scanned: linux\/arm64\/v8: Trivy exited/,
        ),
      },
    ])
    expect(r.summary).toMatch(/not scanned/i)
    expect(r.summary).not.toMatch(/\|\s*0\s*\|/)
  })
})

describe('hostile indexes', () => {
  it('an index of 1000 platform images is refused with a clear error before any analysis', async () => {
    const huge = await pushHugeIndex(registry.host, 1000)
    const { trivy, env: e } = env({})
    const r = await runAction(
      { image: huge.ref, 'cache-db': 'false', 'base-image-policy': 'off' },
      e,
    )
    expect(r.exitCode).toBe(1)
    expect(r.outputs.verdict).toBe('fail')
    expect(r.stdout).toMatch(
      /is an index of 1000 platform images, more than the 32 Shipgate scans for one image.*`platform` input/,
    )
    expect(scansOf(trivy.calls())).toEqual([])
    // Named platforms stay possible: the bound is on what is scanned, not on what is listed.
    const one = env({})
    const picked = await runAction(
      {
        image: huge.ref,
        platform: 'linux/fake999',
        'cache-db': 'false',
        'base-image-policy': 'off',
      },
      one.env,
    )
    expect(scansOf(one.trivy.calls()).map((a) => a.at(-1))).toEqual([
      `${registry.host}/e2e/huge@${huge.children[999]}`,
    ])
    expect(picked.outputs.verdict).toBe('fail') // the stand-in has no report for it: not scanned
  }, 120_000)

  it.each([
    ['a line break', { os: 'linux\n::error::forged', architecture: 'amd64' }],
    ['a path', { os: '..', architecture: '..' }],
  ])('a platform named with %s is refused; Trivy is never asked', async (_, platform) => {
    const index = JSON.parse(
      (
        await new RegistryClient({ insecure: true, retries: 0 }).getManifest(
          parseReference(idx.ref),
          'v1',
        )
      ).bytes.toString('utf8'),
    )
    index.manifests[1].platform = platform
    const ref = parseReference(`${registry.host}/e2e/multi:hostile`)
    await new RegistryClient({ insecure: true, retries: 0 }).putManifest(
      ref,
      'hostile',
      Buffer.from(JSON.stringify(index)),
      MediaType.ociIndex,
    )
    const { trivy, env: e } = env(both())
    const r = await runAction(
      {
        image: `${registry.host}/e2e/multi:hostile`,
        'cache-db': 'false',
        'base-image-policy': 'off',
      },
      e,
    )
    expect(r.exitCode).toBe(1)
    expect(r.outputs.verdict).toBe('fail')
    expect(r.stdout).toContain('is an index listing a platform with an invalid name')
    expect(r.stdout).not.toMatch(/^::error::forged/m)
    expect(scansOf(trivy.calls())).toEqual([])
  })

  it('an index listing one platform twice: both images analysed, each from its own report', async () => {
    const client = new RegistryClient({ insecure: true, retries: 0 })
    const index = JSON.parse(
      (await client.getManifest(parseReference(idx.ref), 'v1')).bytes.toString('utf8'),
    )
    // The arm64 image (with the extra finding) listed as a second linux/amd64.
    index.manifests[1].platform = { os: 'linux', architecture: 'amd64' }
    await client.putManifest(
      parseReference(`${registry.host}/e2e/multi:twice`),
      'twice',
      Buffer.from(JSON.stringify(index)),
      MediaType.ociIndex,
    )
    const { trivy, env: e } = env(both())
    const r = await runAction(
      {
        image: `${registry.host}/e2e/multi:twice`,
        'fail-on': 'high',
        'cache-db': 'false',
        'base-image-policy': 'off',
        // One at a time or both at once, the reports must not be crossed: both at once here.
        'max-parallel': '2',
      },
      { ...e, STANDIN_SLEEP_MS: '500' },
    )
    expect(scansOf(trivy.calls())).toHaveLength(2)
    expect(r.outputs).toMatchObject({ verdict: 'fail', high: '1' })
    const report = JSON.parse(readFileSync(r.outputs.report as string, 'utf8'))
    const platforms = report.images[0].platforms as {
      digest: string
      counts: { HIGH: number }
      trivyJson: string
    }[]
    expect(platforms.map((p) => [p.digest, p.counts.HIGH])).toEqual([
      [idx.amd64.digest, 0],
      [idx.arm64.digest, 1],
    ])
    expect(new Set(platforms.map((p) => p.trivyJson)).size).toBe(2)
  })

  it('a child whose content does not match its digest is refused; Trivy is never asked', async () => {
    const child = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: MediaType.ociManifest,
        config: { mediaType: MediaType.ociConfig, digest: `sha256:${'1'.repeat(64)}`, size: 2 },
        layers: [],
      }),
    )
    const claimed = `sha256:${'a'.repeat(64)}`
    const index = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: MediaType.ociIndex,
        manifests: [
          {
            mediaType: MediaType.ociManifest,
            digest: claimed,
            size: child.length,
            platform: { os: 'linux', architecture: 'amd64' },
          },
        ],
      }),
    )
    // A registry that serves the index, and other bytes under the child's digest.
    const server: Server = createServer((req, res) => {
      if (req.url === '/v2/') return void res.writeHead(200).end('{}')
      if (req.url?.endsWith('/manifests/v1')) {
        res.writeHead(200, { 'content-type': MediaType.ociIndex })
        return void res.end(index)
      }
      if (req.url?.endsWith(`/manifests/${claimed}`)) {
        res.writeHead(200, { 'content-type': MediaType.ociManifest })
        return void res.end(child)
      }
      res
        .writeHead(404, { 'content-type': 'application/json' })
        .end('{"errors":[{"code":"MANIFEST_UNKNOWN"}]}')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const host = `127.0.0.1:${(server.address() as AddressInfo).port}`
    try {
      const { trivy, env: e } = env({})
      const r = await runAction(
        { image: `${host}/evil/app:v1`, 'cache-db': 'false', 'base-image-policy': 'off' },
        e,
      )
      expect(r.exitCode).toBe(1)
      expect(r.outputs.verdict).toBe('fail')
      expect(r.stdout).toMatch(
        /returned content with digest sha256:[0-9a-f]{64}, not the requested sha256:a{64}/,
      )
      expect(scansOf(trivy.calls())).toEqual([])
    } finally {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  })
})

describe('the comment on a pull request', () => {
  const gh = new FakeGitHub()
  beforeAll(async () => {
    await gh.start()
  })
  afterAll(async () => {
    await gh.stop()
  })

  it('shows one table for the image with the platform of the arm64-only finding', async () => {
    gh.addPullRequest('acme', 'api', 21)
    gh.token = 'ghs_platforms'
    const dir = mkdtempSync(join(tmpdir(), 'event-'))
    const event = join(dir, 'event.json')
    writeFileSync(
      event,
      JSON.stringify({
        pull_request: {
          number: 21,
          head: { repo: { full_name: 'acme/api' } },
          base: { repo: { full_name: 'acme/api' } },
        },
      }),
    )
    const { env: e } = env(both())
    const r = await runAction(
      {
        image: idx.ref,
        'fail-on': 'high',
        'cache-db': 'false',
        'base-image-policy': 'off',
        'github-token': 'ghs_platforms',
      },
      {
        ...e,
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: event,
        GITHUB_API_URL: gh.url,
        GITHUB_REPOSITORY: 'acme/api',
      },
    )
    expect(r.outputs['comment-status'], r.stdout).toBe('created')
    const body = gh.comments('acme', 'api', 21)[0]?.body ?? ''
    const rows = body.split('\n').filter((l) => l.startsWith('|'))
    expect(rows.filter((l) => l.includes('| Platform |'))).not.toHaveLength(0)
    const extra = rows.filter((l) => l.includes(EXTRA))
    expect(extra).toHaveLength(1)
    expect(extra[0]).toContain('<code>linux/arm64/v8</code>')
    expect(
      rows.filter((l) => l.includes('CVE-2019-1551') && l.includes('libcrypto1.1')),
    ).toHaveLength(1)
  })
})
