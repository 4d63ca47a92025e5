/**
 * The real Trivy (v0.74.0, built from the Go module proxy by scripts/peers.sh) first on PATH,
 * driven by dist/index.js: it pulls images from the local registry and analyses them for real
 * (dpkg status, apk database, node_modules package.json), against a vulnerability DB built with
 * the real trivy-db packages (test/trivy-db) and published in the local registry the way
 * mirror.gcr.io/aquasec/trivy-db:2 publishes it, so the action's own DB download path runs too.
 * Nothing leaves the machine: every registry Trivy is given is 127.0.0.1. The registry is plain
 * HTTP and neither the action nor the tests set TRIVY_INSECURE / --insecure: go-containerregistry
 * (name.Registry.Scheme) already speaks HTTP to loopback hosts, as Shipgate's own registry client
 * does; a plain-HTTP registry elsewhere would need TRIVY_INSECURE=true in the step's env.
 *
 * The stand-in tests (test/e2e/action.test.ts) stay for what the real binary cannot produce on
 * demand: crashes, hangs and garbage output.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { execa } from 'execa'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ActionRun, runAction } from '../support/e2e/runner.js'
import { PEERS_SCRIPT, peerBinDir, requirePeer } from '../support/peers.js'
import { installedStanzas } from '../support/registry/images.js'
import { type RunningRegistry, startRegistry } from '../support/registry/server.js'
import { expectValidSarif } from '../support/sarif.js'
import { NODE24_BIN } from '../support/trivy-stand-in/index.js'
import {
  ALPINE,
  buildTrivyDb,
  LODASH_VERSION,
  pushAlpine,
  pushDebianNode,
  pushTrivyDb,
  type Seeded,
  seedAdvisories,
} from '../trivy-db/seed.js'

const TRIVY_VERSION = '0.74.0'
/** When the seeded DB was "built": its UpdatedAt, three hours before the tests run. */
const UPDATED_AT = new Date(Math.floor(Date.now() / 1000) * 1000 - 3 * 3_600_000)

let registry: RunningRegistry
let seeded: Seeded
let debian: Awaited<ReturnType<typeof pushDebianNode>>
let alpine: Awaited<ReturnType<typeof pushAlpine>>
let dbRepository: string
let trivyDir: string

beforeAll(async () => {
  trivyDir = peerBinDir('trivy')
  requirePeer('trivy-db-build')
  registry = await startRegistry('none')
  ;[debian, alpine] = await Promise.all([pushDebianNode(registry.host), pushAlpine(registry.host)])
  seeded = seedAdvisories(debian.status)
  dbRepository = await pushTrivyDb(registry.host, buildTrivyDb(seeded.advisories, UPDATED_AT))
})
afterAll(async () => {
  await registry?.stop()
})

/** The real Trivy first on PATH, Node 24 for anything the action spawns, and a known RUNNER_TEMP. */
function realTrivyEnv(extra: Record<string, string> = {}) {
  const temp = mkdtempSync(join(tmpdir(), 'peers-runner-temp-'))
  return {
    temp,
    env: {
      PATH: [trivyDir, NODE24_BIN, process.env.PATH ?? ''].join(delimiter),
      RUNNER_TEMP: temp,
      ...extra,
    },
  }
}

/** The action's inputs for a real scan against the seeded DB; every run downloads it afresh. */
function inputs(image: string, more: Record<string, string> = {}) {
  return {
    image,
    'trivy-version': TRIVY_VERSION,
    'db-repository': dbRepository,
    'cache-db': 'false',
    scanners: 'vuln',
    'base-image-policy': 'off',
    ...more,
  }
}

/** Trivy's own JSON, which the action keeps next to its report. */
function trivyJsonOf(r: ActionRun): TrivyJson {
  const report = JSON.parse(readFileSync(r.outputs.report as string, 'utf8'))
  const path = report.images[0].artifacts?.trivyJson as string | undefined
  if (!path)
    throw new Error(
      `the action's report names no Trivy JSON: ${JSON.stringify(report.images[0]).slice(0, 400)}`,
    )
  return JSON.parse(readFileSync(path, 'utf8'))
}

interface TrivyJson {
  Trivy?: { Version?: string }
  ArtifactName: string
  Metadata: {
    OS?: { Family: string; Name: string }
    RepoDigests?: string[]
    ImageConfig?: { architecture?: string }
  }
  Results?: {
    Target: string
    Class: string
    Type?: string
    Packages?: { Name: string; Version: string }[]
    Vulnerabilities?: {
      VulnerabilityID: string
      PkgName: string
      Severity: string
      Status?: string
      FixedVersion?: string
      [field: string]: unknown
    }[]
  }[]
}

function findingsOf(json: TrivyJson) {
  return (json.Results ?? []).flatMap((r) => r.Vulnerabilities ?? [])
}

function countOf(
  severity: string,
  ids: Record<string, { severity: string; packages: string[] }>,
  keep = (_id: string) => true,
) {
  return Object.entries(ids)
    .filter(([id, v]) => v.severity === severity && keep(id))
    .reduce((n, [, v]) => n + v.packages.length, 0)
}

describe('test/support/peers.ts', () => {
  it('a peer that is not built fails the test with what to run, never a skip', () => {
    const empty = mkdtempSync(join(tmpdir(), 'peers-none-'))
    expect(() => requirePeer('trivy', { SHIPGATE_PEERS_DIR: empty })).toThrow(
      new RegExp(
        `^trivy v${TRIVY_VERSION.replace(/\./g, '\\.')} is not built \\(no executable at ${empty}/trivy/v${TRIVY_VERSION}/trivy\\)\\. Run scripts/peers\\.sh`,
      ),
    )
  })

  it('scripts/peers.sh on a machine without Go says so and lets the suite run (exit 0), or fails when strict', async () => {
    const noGo = ['/usr/bin', '/bin'].join(delimiter)
    const lenient = await execa('bash', [PEERS_SCRIPT], {
      reject: false,
      env: { PATH: noGo, HOME: tmpdir() },
      extendEnv: false,
    })
    expect(lenient.stderr).toContain('go is not on PATH')
    expect(lenient.exitCode).toBe(0)
    const strict = await execa('bash', [PEERS_SCRIPT], {
      reject: false,
      env: { PATH: noGo, HOME: tmpdir(), SHIPGATE_PEERS_STRICT: '1' },
      extendEnv: false,
    })
    expect(strict.exitCode).toBe(1)
  })
})

describe('dist/index.js with the real Trivy on images in the local registry', () => {
  it('analyses the Debian + npm image for real: the seeded advisories, and only they, decide the verdict', async () => {
    const { env } = realTrivyEnv()
    const r = await runAction(inputs(debian.ref, { 'fail-on': 'critical' }), env)
    // The action reused the real binary from PATH (it never downloads in these tests).
    expect(r.stdout).toContain(`Trivy ${TRIVY_VERSION} from path: ${join(trivyDir, 'trivy')}`)
    const json = trivyJsonOf(r)
    expect(json.Trivy?.Version).toBe(TRIVY_VERSION)
    expect(json.Metadata.OS).toMatchObject({ Family: 'debian' })
    expect(json.Metadata.RepoDigests).toEqual([`${debian.ref.replace(/:1$/, '')}@${debian.digest}`])
    // Real analysis: the packages come from the image's dpkg status and node_modules.
    const packages = (json.Results ?? []).flatMap((x) => x.Packages ?? [])
    expect(packages.find((p) => p.Name === 'lodash')?.Version).toBe(LODASH_VERSION)
    const os = (json.Results ?? []).find((x) => x.Class === 'os-pkgs')
    expect(os?.Packages?.length).toBe(installedStanzas(debian.status).size)
    const found = findingsOf(json)
    const expectedIds = Object.entries(seeded.expected)
      .filter(([id]) => !id.startsWith('CVE-2099-01')) // the Alpine ones
      .flatMap(([id, v]) => v.packages.map((p) => `${id} ${p}`))
    expect(found.map((v) => `${v.VulnerabilityID} ${v.PkgName}`).sort()).toEqual(expectedIds.sort())
    for (const decoy of seeded.notExpected)
      expect(found.map((v) => v.VulnerabilityID)).not.toContain(decoy)
    expect(found.find((v) => v.VulnerabilityID === 'CVE-2099-0002')?.Status).toBe('affected')
    expect(found.find((v) => v.VulnerabilityID === 'CVE-2099-0001')).toMatchObject({
      Status: 'fixed',
      SeveritySource: 'debian',
      VendorIDs: ['DSA-9999-1'],
      CweIDs: ['CWE-787'],
      CVSS: { nvd: { V3Score: 9.8 } },
      DataSource: { ID: 'debian', Name: 'Debian Security Tracker' },
    })

    const debianOnly = (id: string) => !id.startsWith('CVE-2099-01')
    expect(r.exitCode).toBe(1)
    expect(r.outputs).toMatchObject({
      verdict: 'fail',
      critical: String(countOf('CRITICAL', seeded.expected, debianOnly)),
      high: String(countOf('HIGH', seeded.expected, debianOnly)),
      medium: '1',
      low: '0',
      unknown: '0',
    })
    expect(r.summary).toContain('CVE-2099-0001')
  })

  it('ignore-unfixed drops the unfixed glibc finding that the real Trivy marked "affected"', async () => {
    const { env } = realTrivyEnv()
    const r = await runAction(
      inputs(debian.ref, { 'fail-on': 'high', 'ignore-unfixed': 'true' }),
      env,
    )
    expect(r.outputs.high).toBe('0')
    expect(r.outputs.critical).toBe(String(seeded.expected['CVE-2099-0001']?.packages.length))
    expect(r.outputs.verdict).toBe('fail')
  })

  it('passes when nothing reaches the threshold: the Alpine decoy fixed at the installed version is not a finding', async () => {
    const { env } = realTrivyEnv()
    const r = await runAction(
      inputs(alpine.ref, { 'fail-on': 'critical', platform: 'linux/amd64' }),
      env,
    )
    expect(r.exitCode).toBe(0)
    expect(r.outputs).toMatchObject({ verdict: 'pass', critical: '0', high: '1' })
    const json = trivyJsonOf(r)
    expect(json.Metadata.OS).toMatchObject({ Family: 'alpine' })
    expect(findingsOf(json).map((v) => `${v.VulnerabilityID} ${v.PkgName}`)).toEqual([
      'CVE-2099-0101 busybox',
    ])
  })

  it.each([
    ['linux/amd64', 'fail', '1', ALPINE.busybox],
    ['linux/arm64', 'pass', '0', ALPINE.busyboxArm64],
  ])(
    'multi-platform: platform %s scans that image of the index (%s)',
    async (platform, verdict, high, busybox) => {
      const { env } = realTrivyEnv()
      const r = await runAction(inputs(alpine.ref, { 'fail-on': 'high', platform }), env)
      expect(r.outputs).toMatchObject({ verdict, high })
      const json = trivyJsonOf(r)
      expect(json.Metadata.ImageConfig?.architecture).toBe(platform.split('/')[1])
      const os = (json.Results ?? []).find((x) => x.Class === 'os-pkgs')
      expect(os?.Packages?.find((p) => p.Name === 'busybox')?.Version).toBe(busybox)
    },
  )

  it('SARIF and the CycloneDX SBOM come from `trivy convert` of the one real analysis', async () => {
    const { env } = realTrivyEnv()
    const r = await runAction(
      inputs(debian.ref, { 'fail-on': 'none', 'sbom-format': 'cyclonedx' }),
      env,
    )
    expect(r.outputs.verdict).toBe('pass')
    const sarif = expectValidSarif(r.outputs.sarif as string)
    expect(sarif.version).toBe('2.1.0')
    expect(sarif.runs[0].tool.driver).toMatchObject({ name: 'Trivy', version: TRIVY_VERSION })
    expect(sarif.runs[0].automationDetails.id).toBe(r.outputs['sarif-category'])
    const ruleIds = new Set(sarif.runs[0].results.map((x: { ruleId: string }) => x.ruleId))
    expect([...ruleIds].sort()).toEqual(
      Object.keys(seeded.expected)
        .filter((id) => !id.startsWith('CVE-2099-01'))
        .sort(),
    )
    const critical = sarif.runs[0].results.find(
      (x: { ruleId: string }) => x.ruleId === 'CVE-2099-0001',
    )
    expect(critical.level).toBe('error')
    // security-severity: Trivy takes the CVSS score only from the vendor that chose the severity
    // (pkg/report/sarif.go: vuln.CVSS[vuln.SeveritySource]); Debian publishes none, so the seeded
    // NVD 9.8 is not used and CRITICAL maps to 9.5. The NVD vector is still in the JSON.
    const rule = sarif.runs[0].tool.driver.rules.find(
      (x: { id: string }) => x.id === 'CVE-2099-0001',
    )
    expect(rule.properties['security-severity']).toBe('9.5')

    const bom = JSON.parse(readFileSync(r.outputs.sbom as string, 'utf8'))
    expect(bom.bomFormat).toBe('CycloneDX')
    expect(bom.specVersion).toBe('1.7')
    expect(bom.metadata.component.type).toBe('container')
    const purls: string[] = bom.components.map((c: { purl?: string }) => c.purl).filter(Boolean)
    expect(purls).toContain(`pkg:npm/lodash@${LODASH_VERSION}`)
    expect(purls.some((p) => p.startsWith('pkg:deb/debian/zlib1g@'))).toBe(true)
    // A pure SBOM: Shipgate converts a copy without findings (convert would embed them in CycloneDX).
    expect(bom.vulnerabilities ?? []).toEqual([])
  })

  it('an SPDX SBOM (sbom-format: spdx-json) from the same analysis', async () => {
    const { env } = realTrivyEnv()
    const r = await runAction(
      inputs(debian.ref, { 'fail-on': 'none', 'sbom-format': 'spdx-json' }),
      env,
    )
    const spdx = JSON.parse(readFileSync(r.outputs.sbom as string, 'utf8'))
    expect(spdx.spdxVersion).toBe('SPDX-2.3')
    expect(spdx.creationInfo.creators).toContain(`Tool: trivy-${TRIVY_VERSION}`)
    const names = spdx.packages.map((p: { name: string }) => p.name)
    expect(names).toContain('lodash')
    expect(names).toContain('zlib1g')
  })

  it('the DB age the action reports is the UpdatedAt of the DB it downloaded, as `trivy version --format json` reads it', async () => {
    const { env, temp } = realTrivyEnv()
    const r = await runAction(
      inputs(alpine.ref, { 'fail-on': 'none', platform: 'linux/amd64' }),
      env,
    )
    expect(r.outputs.verdict).toBe('pass')
    const cacheDir = join(temp, 'shipgate-trivy-cache')
    const version = await execa(join(trivyDir, 'trivy'), [
      'version',
      '--format',
      'json',
      '--cache-dir',
      cacheDir,
    ])
    const db = JSON.parse(version.stdout)
    expect(db.Version).toBe(TRIVY_VERSION)
    expect(new Date(db.VulnerabilityDB.UpdatedAt).toISOString()).toBe(UPDATED_AT.toISOString())
    expect(db.VulnerabilityDB.Version).toBe(2)
    const logged = /Vulnerability DB built ([\d.]+) h ago/.exec(r.stdout)?.[1]
    expect(logged).toBeDefined()
    // The action's figure is (its clock − UpdatedAt) in hours, one decimal: the DB is 3 h old.
    expect(Math.abs(Number(logged) - 3)).toBeLessThanOrEqual(0.1)
  })
})

/**
 * OpenVEX with the real Trivy: at the CLI level, through the action's `vex` input (issue 11 §3),
 * and a `TRIVY_VEX` in the step's environment, which Trivy would read behind Shipgate's back.
 */
describe('VEX with the real Trivy', () => {
  function openVex(): string {
    const dir = mkdtempSync(join(tmpdir(), 'peers-vex-'))
    const file = join(dir, 'shipgate.openvex.json')
    writeFileSync(
      file,
      JSON.stringify({
        '@context': 'https://openvex.dev/ns/v0.2.0',
        '@id': 'https://shipgate.invalid/vex/1',
        author: 'Shipgate tests',
        timestamp: '2026-11-01T00:00:00Z',
        version: 1,
        statements: [
          {
            vulnerability: { name: 'CVE-2099-0001' },
            products: [
              {
                '@id': 'pkg:oci/debian-node',
                subcomponents: (seeded.expected['CVE-2099-0001']?.packages ?? []).map((p) => ({
                  '@id': `pkg:deb/debian/${p}`,
                })),
              },
            ],
            status: 'not_affected',
            justification: 'vulnerable_code_not_in_execute_path',
          },
        ],
      }),
    )
    return file
  }

  it('trivy image --vex moves the finding to ExperimentalModifiedFindings (CLI level)', async () => {
    const { temp } = realTrivyEnv()
    const cacheDir = buildTrivyDb(seeded.advisories, UPDATED_AT)
    const out = join(temp, 'vex.json')
    const vex = openVex()
    await execa(
      join(trivyDir, 'trivy'),
      [
        'image',
        '--skip-db-update',
        '--skip-java-db-update',
        '--offline-scan',
        '--cache-dir',
        cacheDir,
        '--scanners',
        'vuln',
        '--vex',
        vex,
        '--show-suppressed',
        '--format',
        'json',
        '--output',
        out,
        '--quiet',
        debian.ref,
      ],
      { env: { TRIVY_DISABLE_TELEMETRY: 'true', TRIVY_SKIP_VERSION_CHECK: 'true' } },
    )
    const json = JSON.parse(readFileSync(out, 'utf8'))
    const ids = findingsOf(json).map((v) => v.VulnerabilityID)
    expect(ids).not.toContain('CVE-2099-0001')
    expect(ids).toContain('CVE-2099-0002')
    const modified = json.Results.flatMap(
      (x: { ExperimentalModifiedFindings?: unknown[] }) => x.ExperimentalModifiedFindings ?? [],
    )
    expect(modified).toHaveLength(seeded.expected['CVE-2099-0001']?.packages.length ?? -1)
    expect(modified[0]).toMatchObject({
      Type: 'vulnerability',
      Status: 'not_affected',
      Statement: 'vulnerable_code_not_in_execute_path',
      Source: vex,
      Finding: { VulnerabilityID: 'CVE-2099-0001' },
    })
  })

  it('through the action with `vex`: the suppressed critical no longer blocks and is listed as not affected', async () => {
    const { env } = realTrivyEnv()
    const file = openVex()
    const r = await runAction(inputs(debian.ref, { 'fail-on': 'critical', vex: file }), env)
    expect(r.outputs).toMatchObject({ verdict: 'pass', critical: '0' })
    const report = JSON.parse(readFileSync(r.outputs.report as string, 'utf8'))
    const suppressed = report.images[0].suppressed as {
      id: string
      status: string
      statement: string
      document: number
    }[]
    const packages = seeded.expected['CVE-2099-0001']?.packages.length ?? -1
    expect(suppressed.filter((s) => s.id === 'CVE-2099-0001')).toHaveLength(packages)
    expect(suppressed[0]).toMatchObject({
      status: 'not_affected',
      statement: 'vulnerable_code_not_in_execute_path',
      document: 0,
    })
    expect(report.vex.sources[0]).toMatchObject({ source: file, format: 'openvex', applied: true })
    expect(r.summary).toContain(`Not affected by VEX: ${packages} (not counted)`)
  })

  it('Trivy v0.74 refuses a CycloneDX VEX document for an image scan (why Shipgate carries it over to OpenVEX)', async () => {
    const { temp } = realTrivyEnv()
    const cacheDir = buildTrivyDb(seeded.advisories, UPDATED_AT)
    const cdx = join(temp, 'app.cdx.json')
    writeFileSync(
      cdx,
      JSON.stringify({
        bomFormat: 'CycloneDX',
        specVersion: '1.6',
        version: 1,
        vulnerabilities: [{ id: 'CVE-2099-0001', analysis: { state: 'not_affected' } }],
      }),
    )
    const r = await execa(
      join(trivyDir, 'trivy'),
      [
        'image',
        '--skip-db-update',
        '--skip-java-db-update',
        '--offline-scan',
        '--cache-dir',
        cacheDir,
        '--scanners',
        'vuln',
        '--vex',
        cdx,
        '--format',
        'json',
        '--output',
        join(temp, 'cdx-out.json'),
        '--quiet',
        debian.ref,
      ],
      { reject: false, env: { TRIVY_DISABLE_TELEMETRY: 'true', TRIVY_SKIP_VERSION_CHECK: 'true' } },
    )
    expect(r.exitCode).not.toBe(0)
    expect(r.stderr).toContain('CycloneDX VEX can be used with CycloneDX SBOM')
  })

  it('a CycloneDX 1.6 VEX document (Trivy refuses it for images) applies through its OpenVEX carry-over', async () => {
    const { env, temp } = realTrivyEnv()
    const packages = seeded.expected['CVE-2099-0001']?.packages ?? []
    const file = join(temp, 'app.cdx.json')
    writeFileSync(
      file,
      JSON.stringify({
        bomFormat: 'CycloneDX',
        specVersion: '1.6',
        serialNumber: 'urn:uuid:5f0e8c57-1b7a-4c8e-9d55-0d1f5a0c4b21',
        version: 1,
        metadata: { authors: [{ name: 'Shipgate tests' }] },
        vulnerabilities: [
          {
            id: 'CVE-2099-0001',
            analysis: { state: 'not_affected', justification: 'code_not_reachable' },
            affects: packages.map((p) => ({ ref: `pkg:deb/debian/${p}` })),
          },
        ],
      }),
    )
    const r = await runAction(inputs(debian.ref, { 'fail-on': 'critical', vex: file }), env)
    expect(r.outputs).toMatchObject({ verdict: 'pass', critical: '0' })
    const report = JSON.parse(readFileSync(r.outputs.report as string, 'utf8'))
    expect(report.vex.sources[0]).toMatchObject({ format: 'cyclonedx', applied: true })
    const suppressed = report.images[0].suppressed as { id: string; statement: string }[]
    expect(suppressed.filter((s) => s.id === 'CVE-2099-0001')).toHaveLength(packages.length)
    expect(suppressed[0]?.statement).toBe('vulnerable_code_not_in_execute_path')
  })

  it("TRIVY_VEX in the environment cannot suppress behind Shipgate's back: the finding counts, with a warning", async () => {
    const { env } = realTrivyEnv({ TRIVY_VEX: openVex(), TRIVY_SHOW_SUPPRESSED: 'true' })
    const r = await runAction(inputs(debian.ref, { 'fail-on': 'critical' }), env)
    const packages = seeded.expected['CVE-2099-0001']?.packages.length ?? -1
    expect(r.outputs).toMatchObject({ verdict: 'fail', critical: String(packages) })
    expect(r.warnings.join('\n')).toMatch(
      /Trivy set CVE-2099-0001 in .* aside citing ".*shipgate\.openvex\.json", which is none of the VEX documents Shipgate gave it: it counts\./,
    )
  })
})
