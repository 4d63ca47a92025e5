/**
 * Issue 11 §4 with the real Trivy (v0.74.0, scripts/peers.sh) and the seeded DB (test/trivy-db):
 * a Debian base image and, on top of it, the Debian + npm image of the peer tests, both in the
 * local registry. Trivy itself writes each finding's Layer.DiffID; the base is named by a
 * Dockerfile's FROM and read from the registry. Nothing here is rewritten by hand: if Trivy's
 * DiffID were not the config's diff_id, or Shipgate read the wrong layers, these fail.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MediaType } from '../../src/registry/media-types.js'
import { runAction } from '../support/e2e/runner.js'
import { peerBinDir, requirePeer } from '../support/peers.js'
import { debianLayer, FixtureBuilder } from '../support/registry/images.js'
import { type RunningRegistry, startRegistry } from '../support/registry/server.js'
import { NODE24_BIN } from '../support/trivy-stand-in/index.js'
import {
  buildTrivyDb,
  pushDebianNode,
  pushTrivyDb,
  type Seeded,
  seedAdvisories,
} from '../trivy-db/seed.js'

const TRIVY_VERSION = '0.74.0'
const UPDATED_AT = new Date(Math.floor(Date.now() / 1000) * 1000 - 3 * 3_600_000)

let registry: RunningRegistry
let seeded: Seeded
let base: { ref: string; digest: string }
let app: Awaited<ReturnType<typeof pushDebianNode>>
let dbRepository: string
let trivyDir: string
let dockerfile: string

beforeAll(async () => {
  trivyDir = peerBinDir('trivy')
  requirePeer('trivy-db-build')
  registry = await startRegistry('none')
  app = await pushDebianNode(registry.host)
  const debian = await debianLayer()
  base = await new FixtureBuilder(registry.host).push({
    repo: 'peers/debian',
    tag: 'bookworm',
    layers: [{ bytes: readFileSync(debian.file), mediaType: MediaType.ociLayerGzip }],
    config: { config: { Cmd: ['bash'] } },
  })
  seeded = seedAdvisories(app.status)
  dbRepository = await pushTrivyDb(registry.host, buildTrivyDb(seeded.advisories, UPDATED_AT))
  const dir = mkdtempSync(join(tmpdir(), 'peers-layers-'))
  dockerfile = join(dir, 'Dockerfile')
  writeFileSync(dockerfile, `FROM ${base.ref}\nCOPY node_modules /usr/local/lib/node_modules\n`)
}, 300_000)
afterAll(async () => {
  await registry?.stop()
})

function run(more: Record<string, string>) {
  const temp = mkdtempSync(join(tmpdir(), 'peers-runner-temp-'))
  return runAction(
    {
      image: app.ref,
      'trivy-version': TRIVY_VERSION,
      'db-repository': dbRepository,
      'cache-db': 'false',
      scanners: 'vuln',
      'base-image-policy': 'off',
      dockerfile,
      ...more,
    },
    { PATH: [trivyDir, NODE24_BIN, process.env.PATH ?? ''].join(delimiter), RUNNER_TEMP: temp },
  )
}

interface Report {
  images: {
    layerAttribution?: {
      base: { how: string; layers: number } | null
      fromBase: number
      fromApp: number
    }
    artifacts: { trivyJson: string }
    findings: {
      finding: { id: string; layer?: { diffId: string | null; fromBase: boolean | null } }
    }[]
  }[]
}

describe('the real Trivy’s layers, attributed through dist/index.js', () => {
  it('Debian findings are the base’s, lodash’s is the image’s own: app fails on medium, passes on high', async () => {
    const medium = await run({ 'fail-on': 'medium', 'fail-on-scope': 'app' })
    const report = JSON.parse(readFileSync(medium.outputs.report as string, 'utf8')) as Report
    const img = report.images[0]
    expect(img?.layerAttribution?.base).toMatchObject({ how: 'dockerfile', layers: 1 })
    // Trivy's own JSON: the layer it names is the config's diff_id, not the compressed digest.
    const trivy = JSON.parse(readFileSync(img?.artifacts.trivyJson as string, 'utf8'))
    const diffIds: string[] = trivy.Metadata.DiffIDs
    expect(diffIds).toHaveLength(2)
    const byId = new Map(img?.findings.map((f) => [f.finding.id, f.finding.layer]))
    expect(byId.get('CVE-2099-0001')).toEqual({ diffId: diffIds[0], fromBase: true })
    expect(byId.get('CVE-2099-0002')).toEqual({ diffId: diffIds[0], fromBase: true })
    expect(byId.get('GHSA-shgt-0004-lodh')).toEqual({ diffId: diffIds[1], fromBase: false })
    // The one app-layer finding is medium: it fails the step at medium…
    expect(medium.exitCode).toBe(1)
    expect(medium.errors[0]).toMatch(/^Blocked: 1 medium in the image's own layers/)

    // …and at high only the base's critical and high are left, which app does not gate.
    const high = await run({ 'fail-on': 'high', 'fail-on-scope': 'app' })
    expect(high.errors, high.stdout).toEqual([])
    expect(high.exitCode).toBe(0)
    const all = await run({ 'fail-on': 'high' })
    expect(all.exitCode).toBe(1)
  })
})
