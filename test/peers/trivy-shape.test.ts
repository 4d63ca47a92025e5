/**
 * The stored Trivy reports in test/fixtures/trivy (goldens from Trivy's integration tests and one
 * real-DB report from secureCodeBox) against what the real Trivy v0.74.0 writes for images in
 * the local registry: the same field names at the same places, with the same JSON types.
 *
 * Contents differ by nature (other images, another DB), so a field one side never populated is
 * not a contradiction; those differences are listed exactly below, and the test fails when a new
 * one appears or a listed one disappears. A field both sides have must have the same type.
 */
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { execa } from 'execa'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixturePath } from '../support/fixtures.js'
import { requirePeer } from '../support/peers.js'
import { type RunningRegistry, startRegistry } from '../support/registry/server.js'
import { buildTrivyDb, pushAlpine, pushDebianNode, seedAdvisories } from '../trivy-db/seed.js'

/** Objects whose keys are data (vendor names, label names), not schema. */
const MAP_PATHS = [
  /\.VendorSeverity$/,
  /\.CVSS$/,
  /\.Labels$/,
  /\.ExposedPorts$/,
  /\.Volumes$/,
  /\.Annotations$/,
]

/** Every path (`Results[].Vulnerabilities[].Severity`) with the JSON types seen there. */
function shapeOf(value: unknown, path = '', out = new Map<string, Set<string>>()) {
  const add = (type: string) => {
    const set = out.get(path) ?? new Set<string>()
    set.add(type)
    out.set(path, set)
  }
  if (value === null) add('null')
  else if (Array.isArray(value)) {
    add('array')
    for (const v of value) shapeOf(v, `${path}[]`, out)
  } else if (typeof value === 'object') {
    add('object')
    const isMap = MAP_PATHS.some((re) => re.test(path))
    for (const [k, v] of Object.entries(value as Record<string, unknown>))
      shapeOf(v, `${path}.${isMap ? '*' : k}`, out)
  } else add(typeof value === 'number' ? 'number' : typeof value)
  return out
}

let registry: RunningRegistry
const real = new Map<string, Set<string>>()

beforeAll(async () => {
  const trivy = requirePeer('trivy').path
  registry = await startRegistry('none')
  const [debian, alpine] = await Promise.all([
    pushDebianNode(registry.host),
    pushAlpine(registry.host),
  ])
  const cacheDir = buildTrivyDb(
    seedAdvisories(debian.status).advisories,
    new Date('2026-11-01T00:00:00Z'),
  )
  const dir = mkdtempSync(join(tmpdir(), 'peers-shape-'))
  for (const [i, image] of [
    debian.ref,
    `${alpine.ref.replace(/:[^:/]+$/, '')}@${alpine.amd64}`,
  ].entries()) {
    const out = join(dir, `${i}.json`)
    await execa(
      trivy,
      [
        'image',
        '--skip-db-update',
        '--skip-java-db-update',
        '--offline-scan',
        '--cache-dir',
        cacheDir,
        '--scanners',
        'vuln,secret',
        '--list-all-pkgs',
        '--format',
        'json',
        '--output',
        out,
        '--quiet',
        image,
      ],
      { env: { TRIVY_DISABLE_TELEMETRY: 'true', TRIVY_SKIP_VERSION_CHECK: 'true' } },
    )
    shapeOf(JSON.parse(readFileSync(out, 'utf8')), '', real)
  }
})
afterAll(async () => {
  await registry?.stop()
})

function compare(fixture: string | object) {
  const report =
    typeof fixture === 'string' ? JSON.parse(readFileSync(fixturePath(fixture), 'utf8')) : fixture
  const stored = shapeOf(report)
  const conflicts: string[] = []
  for (const [path, types] of stored) {
    const seen = real.get(path)
    if (!seen) continue
    const a = [...types]
      .filter((t) => t !== 'null')
      .sort()
      .join('|')
    const b = [...seen]
      .filter((t) => t !== 'null')
      .sort()
      .join('|')
    if (a && b && a !== b) conflicts.push(`${path}: stored ${a}, real ${b}`)
  }
  return {
    conflicts,
    onlyStored: [...stored.keys()].filter((p) => !real.has(p)).sort(),
    onlyReal: [...real.keys()].filter((p) => !stored.has(p)).sort(),
  }
}

/** Config fields Docker writes and these images (built without Docker, no Env) do not have. */
const DOCKER_CONFIG = [
  '.Metadata.ImageConfig.config.ArgsEscaped',
  '.Metadata.ImageConfig.config.Env',
  '.Metadata.ImageConfig.config.Env[]',
  '.Metadata.ImageConfig.config.Image',
  '.Metadata.ImageConfig.container',
  '.Metadata.ImageConfig.docker_version',
  '.Metadata.ImageConfig.history[].empty_layer',
]
/** The seeded DB carries CVSS v3 only, as NVD publishes today. */
const CVSS_V2 = [
  '.Results[].Vulnerabilities[].CVSS.*.V2Score',
  '.Results[].Vulnerabilities[].CVSS.*.V2Vector',
]
/** Line locations exist for lockfile scans (fs/repo); node_modules in an image have none. */
const LOCATIONS = [
  '.Results[].Packages[].Locations',
  '.Results[].Packages[].Locations[]',
  '.Results[].Packages[].Locations[].EndLine',
  '.Results[].Packages[].Locations[].StartLine',
]
/** Config fields juice-shop's Dockerfile set, and the secret the image really contains. */
const JUICE_SHOP = [
  '.Metadata.ImageConfig.config.Entrypoint',
  '.Metadata.ImageConfig.config.Entrypoint[]',
  '.Metadata.ImageConfig.config.ExposedPorts',
  '.Metadata.ImageConfig.config.ExposedPorts.*',
  '.Metadata.ImageConfig.config.Labels',
  '.Metadata.ImageConfig.config.Labels.*',
  '.Metadata.ImageConfig.config.User',
  '.Metadata.ImageConfig.config.WorkingDir',
  '.Results[].Secrets',
  '.Results[].Secrets[]',
  '.Results[].Secrets[].Category',
  '.Results[].Secrets[].Code',
  '.Results[].Secrets[].Code.Lines',
  '.Results[].Secrets[].Code.Lines[]',
  '.Results[].Secrets[].Code.Lines[].Annotation',
  '.Results[].Secrets[].Code.Lines[].Content',
  '.Results[].Secrets[].Code.Lines[].FirstCause',
  '.Results[].Secrets[].Code.Lines[].Highlighted',
  '.Results[].Secrets[].Code.Lines[].IsCause',
  '.Results[].Secrets[].Code.Lines[].LastCause',
  '.Results[].Secrets[].Code.Lines[].Number',
  '.Results[].Secrets[].Code.Lines[].Truncated',
  '.Results[].Secrets[].EndLine',
  '.Results[].Secrets[].Layer',
  '.Results[].Secrets[].Layer.DiffID',
  '.Results[].Secrets[].Layer.Digest',
  '.Results[].Secrets[].Match',
  '.Results[].Secrets[].RuleID',
  '.Results[].Secrets[].Severity',
  '.Results[].Secrets[].StartLine',
  '.Results[].Secrets[].Title',
]

describe('stored Trivy reports have the shape the real Trivy v0.74.0 writes', () => {
  it.each([
    ['debian-buster.json.golden', [...DOCKER_CONFIG, ...CVSS_V2]],
    ['alpine-310.json.golden', [...DOCKER_CONFIG, ...CVSS_V2]],
    ['npm.json.golden', [...LOCATIONS, ...CVSS_V2]],
    [
      'securecodebox__juice-shop-v10.2.0.json',
      [...DOCKER_CONFIG, ...JUICE_SHOP, ...CVSS_V2].sort(),
    ],
  ])(
    '%s: same JSON type wherever both have a field; only explained fields missing from the real output',
    (fixture, explained) => {
      const { conflicts, onlyStored } = compare(fixture)
      expect(conflicts).toEqual([])
      expect(onlyStored).toEqual([...explained].sort())
    },
  )

  it('the real output has what the goldens lack: Packages (--list-all-pkgs), RepoDigests (registry, not tarball)', () => {
    for (const fixture of ['debian-buster.json.golden', 'alpine-310.json.golden']) {
      const { onlyReal } = compare(fixture)
      expect(onlyReal).toContain('.Results[].Packages[].Identifier.UID')
      expect(onlyReal).toContain('.Metadata.RepoDigests[]')
    }
  })

  it('the real output has the v0.68/v0.69 fields the older real-DB report (about Trivy 0.56) lacks', () => {
    const { onlyReal } = compare('securecodebox__juice-shop-v10.2.0.json')
    for (const field of [
      '.Trivy.Version',
      '.ReportID',
      '.ArtifactID',
      '.Metadata.Layers[]',
      '.Results[].Vulnerabilities[].Fingerprint',
    ]) {
      expect(onlyReal).toContain(field)
    }
  })

  it('the comparison catches a type change (a numeric Severity) and a field the real binary never writes', () => {
    const report = JSON.parse(readFileSync(fixturePath('alpine-310.json.golden'), 'utf8'))
    report.Results[0].Vulnerabilities[0].Severity = 4
    report.Results[0].Vulnerabilities[0].SeverityV3 = 'HIGH'
    const { conflicts, onlyStored } = compare(report)
    expect(conflicts).toEqual([
      '.Results[].Vulnerabilities[].Severity: stored number|string, real string',
    ])
    expect(onlyStored).toContain('.Results[].Vulnerabilities[].SeverityV3')
  })
})
