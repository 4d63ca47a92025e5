import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BaseImageFacts } from '../../scanners/base-image/facts.js'
import {
  baseImageReason,
  factsFromScan,
  inspectImage,
  inspectJson,
  inspectTable,
  judgeBaseImage,
  parseBaseImagePolicy,
} from '../../scanners/base-image/index.js'
import { RegistryClient } from '../../src/registry/client.js'
import { RegistryError } from '../../src/registry/errors.js'
import {
  buildFixtures,
  canBuildDebian,
  type Fixture,
  type FixtureName,
} from '../support/registry/images.js'
import { type RunningRegistry, startRegistry } from '../support/registry/server.js'

let reg: RunningRegistry
let fixtures: Partial<Record<FixtureName, Fixture>>
let client: RegistryClient
const withDebian = canBuildDebian()

beforeAll(async () => {
  reg = await startRegistry('none')
  client = new RegistryClient({ insecure: true, retries: 0 })
  fixtures = await buildFixtures(reg.host, { debian: withDebian })
})
afterAll(async () => {
  await reg?.stop()
})

function fixture(name: FixtureName): Fixture {
  const f = fixtures[name]
  if (!f) throw new Error(`fixture ${name} was not built`)
  return f
}

/** The facts a user reads, compared with what the builder put in the image. */
function expectMatches(facts: BaseImageFacts, f: Fixture) {
  const e = f.expected
  expect({
    os: facts.os,
    packages: facts.packages,
    shell: facts.shell,
    packageManager: facts.packageManager,
    user: facts.user,
    runsAsRoot: facts.runsAsRoot,
    layers: facts.layers,
    compressedSize: facts.compressedSize,
  }).toEqual({
    os: e.os,
    packages: e.packages,
    shell: e.shell,
    packageManager: e.packageManager,
    user: e.user,
    runsAsRoot: e.runsAsRoot,
    layers: e.layers,
    compressedSize: e.compressedSize,
  })
}

const inspect = (name: FixtureName, extra: { platform?: string; dockerfile?: string } = {}) =>
  inspectImage(fixture(name).ref, { client, ...extra })

describe('inspectImage on real images', () => {
  it.each([
    'scratch',
    'busybox',
    'busyboxNobody',
    'busyboxZstd',
    'busyboxDocker',
    'distroless',
    'distrolessApp',
  ] as FixtureName[])('%s: reports what was built', async (name) => {
    const facts = await inspect(name)
    expectMatches(facts, fixture(name))
    expect(facts.digest).toBe(fixture(name).digest)
  })

  it('resolves the multi-platform index to linux/amd64 by default and to arm64 when asked', async () => {
    const amd = await inspect('multi')
    expect(amd.digest).toBe(fixture('busybox').digest)
    expectMatches(amd, fixture('multi'))
    const arm = await inspect('multi', { platform: 'linux/arm64' })
    expect(arm.digest).toBe(fixture('multiArm64').digest)
    expect(arm.platform).toBe('linux/arm64/v8')
    expectMatches(arm, fixture('multiArm64'))
  })

  it('names the base from the manifest annotation, from a config label, or infers it', async () => {
    const app = await inspect('distrolessApp')
    expect(app.base).toMatchObject({
      name: fixture('distroless').ref,
      digest: fixture('distroless').digest,
      how: 'annotation',
      minimal: true,
    })
    const nobody = await inspect('busyboxNobody')
    expect(nobody.base).toMatchObject({
      name: 'docker.io/library/busybox:1.36',
      how: 'label',
      minimal: true,
    })
    expect((await inspect('busybox')).base).toMatchObject({
      name: 'busybox',
      how: 'inferred',
      minimal: true,
    })
    expect((await inspect('scratch')).base).toMatchObject({
      name: 'scratch',
      how: 'inferred',
      minimal: true,
    })
    expect((await inspect('distroless')).base).toMatchObject({
      how: 'inferred',
      minimal: true,
      family: 'distroless',
    })
  })

  it('takes the base from the Dockerfile final stage when the image does not name it, and checks it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'df-'))
    const path = join(dir, 'Dockerfile')
    await writeFile(
      path,
      // biome-ignore lint/suspicious/noTemplateCurlyInString: Dockerfile ARG syntax, not a template.
      'ARG BASE=busybox\nFROM golang:1.22 AS build\nRUN go build\nFROM ${BASE}\nCOPY --from=build /app /app\n',
    )
    const facts = await inspect('busybox', { dockerfile: path })
    expect(facts.base).toMatchObject({ name: 'busybox', how: 'dockerfile', minimal: true })
    expect(facts.dockerfile?.findings.map((f) => f.rule)).toEqual([
      'unpinned-from',
      'latest-tag',
      'no-user',
    ])
    const missing = await inspect('busybox', { dockerfile: join(dir, 'nope') }).catch(
      (e: Error) => e,
    )
    expect((missing as Error).message).toContain('dockerfile: cannot read')
  })

  it('fails closed with a clear error for a missing tag, a missing repository and a downed registry', async () => {
    const tag = await inspectImage(`${reg.host}/fixtures/busybox:nope`, { client }).catch(
      (e: unknown) => e,
    )
    expect(tag).toBeInstanceOf(RegistryError)
    expect((tag as RegistryError).message).toContain(`${reg.host}/fixtures/busybox:nope`)
    const repo = await inspectImage(`${reg.host}/fixtures/absent:v1`, { client }).catch(
      (e: unknown) => e,
    )
    expect((repo as RegistryError).kind).toBe('not-found')
    const down = await startRegistry('none')
    await down.stop()
    const gone = await inspectImage(`${down.host}/x/y:1`, { client }).catch((e: unknown) => e)
    expect((gone as RegistryError).kind).toBe('unreachable')
    const bad = await inspectImage('Not A Ref', { client }).catch((e: unknown) => e)
    expect((bad as Error).message).toContain('Invalid image reference')
  })

  it('prints the inspect JSON and table a CLI user reads', async () => {
    const j = inspectJson(await inspect('busyboxNobody'))
    expect(j).toMatchObject({ user: 'nobody', runsAsRoot: false, shell: true, layers: 1 })
    expect(j.shells).toContain('/bin/sh')
    const table = inspectTable(j)
    expect(table).toMatch(/Runs as root\s+no/)
    expect(table).toContain('docker.io/library/busybox:1.36 (label, minimal)')
  })
})

describe.skipIf(!withDebian)('Debian images built with debootstrap', () => {
  it('debian:bookworm: OS, package count from dpkg status, shell, apt, root', async () => {
    const facts = await inspect('debian')
    expectMatches(facts, fixture('debian'))
    expect(facts.base).toMatchObject({ how: 'inferred', minimal: false, name: 'debian:bookworm' })
    const report = judgeBaseImage(facts, {
      mode: 'enforce',
      allowedBaseImages: ['gcr.io/distroless/*'],
      forbid: ['shell', 'package-manager', 'root-user'],
      maxImageSize: 10e6,
    })
    expect(report.violations.map((v) => v.rule)).toEqual([
      'allowed-base-images',
      'forbid:shell',
      'forbid:package-manager',
      'forbid:root-user',
      'max-image-size',
    ])
    expect(report.recommendation).toContain('gcr.io/distroless/base-debian12:nonroot')
    expect(report.recommendation).toContain(
      `of its ${fixture('debian').expected.packages} packages`,
    )
    expect(report.recommendation).toContain('non-root user')
    expect(baseImageReason(report)).toBe(
      'Base image: 5 violations (allowed-base-images, shell, package-manager, root-user, max-image-size)',
    )
  })

  it('the same image with Docker v2 media types gives the same facts', async () => {
    expectMatches(await inspect('debianDocker'), fixture('debianDocker'))
  })

  it('debian:hardened: whiteouts remove shells and apt, the opaque dpkg dir leaves status.d only', async () => {
    const facts = await inspect('debianHardened')
    expectMatches(facts, fixture('debianHardened'))
    const report = judgeBaseImage(facts, {
      mode: 'enforce',
      allowedBaseImages: [],
      forbid: ['shell', 'package-manager', 'root-user'],
    })
    expect(report.violations).toEqual([])
  })
})

describe('judgeBaseImage', () => {
  it('passes a distroless non-root image under a strict policy and warns nothing', async () => {
    const facts = await inspect('distrolessApp')
    const policy = parseBaseImagePolicy({
      mode: 'enforce',
      allowedBaseImages: `${reg.host}/fixtures/*`,
      forbid: 'shell, package-manager, root-user',
      maxImageSize: '5MB',
    })
    if (!policy) throw new Error('policy off')
    const report = judgeBaseImage(facts, policy)
    expect(report.violations).toEqual([])
    expect(baseImageReason(report)).toBeUndefined()
    expect(report).toMatchObject({
      mode: 'enforce',
      source: 'registry',
      shell: false,
      packageManager: false,
      runsAsRoot: false,
    })
  })

  it('rejects bad policy inputs naming the input', () => {
    expect(() => parseBaseImagePolicy({ mode: 'strict' })).toThrow(/base-image-policy: "strict"/)
    expect(() => parseBaseImagePolicy({ forbid: 'shell, curl' })).toThrow(/forbid: "curl"/)
    expect(() => parseBaseImagePolicy({ maxImageSize: 'big' })).toThrow(/max-image-size: "big"/)
    expect(parseBaseImagePolicy({ mode: 'off' })).toBeUndefined()
    expect(parseBaseImagePolicy({ maxImageSize: '1.5GiB' })?.maxImageSize).toBe(1610612736)
  })
})

describe('offline from a Trivy report', () => {
  it('uses the report metadata, contacts no registry, and lists what it cannot know', async () => {
    const scan = {
      image: 'debian:12',
      metadata: {
        os: { family: 'debian', name: '12.5' },
        repoDigests: [],
        repoTags: [],
        user: '',
        labels: {},
        history: [],
        layers: 1,
      },
      packages: { os: 88 },
      findings: [],
      suppressed: [],
      artifacts: { trivyJson: 'x.json' },
    }
    const facts = factsFromScan(scan)
    expect(facts).toMatchObject({
      source: 'trivy-report',
      os: 'debian 12.5',
      packages: 88,
      shell: null,
      packageManager: null,
      runsAsRoot: true,
    })
    expect(facts.unknown).toEqual(
      expect.arrayContaining(['shell', 'packageManager', 'compressedSize']),
    )
    const report = judgeBaseImage(facts, {
      mode: 'enforce',
      allowedBaseImages: [],
      forbid: ['shell'],
    })
    expect(report.violations[0]?.message).toContain('cannot be known from the Trivy report alone')
  })

  it('uses the OS and user of a real Trivy report (distroless fixture)', async () => {
    const raw = JSON.parse(
      await readFile('test/fixtures/trivy/distroless-base.json.golden', 'utf8'),
    ) as {
      Metadata?: {
        OS?: { Family: string; Name: string }
        ImageConfig?: { config?: { User?: string } }
      }
    }
    const os = raw.Metadata?.OS
    expect(os).toBeDefined()
    const facts = factsFromScan({
      image: 'distroless',
      metadata: {
        os: { family: os?.Family ?? '', name: os?.Name ?? '' },
        repoDigests: [],
        repoTags: [],
        user: raw.Metadata?.ImageConfig?.config?.User,
        labels: {},
        history: [],
      },
      packages: {},
      findings: [],
      suppressed: [],
      artifacts: { trivyJson: 'x' },
    })
    expect(facts.os).toBe(`${os?.Family} ${os?.Name}`)
    expect(facts.unknown).toContain('packages')
  })
})
