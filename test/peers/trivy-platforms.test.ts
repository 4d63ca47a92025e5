/**
 * Issue 11 §1 with the real Trivy (v0.74.0, scripts/peers.sh): dist/index.js on a two-platform
 * Alpine index in the local registry, whose amd64 image has the busybox the seeded DB calls
 * vulnerable and whose arm64 image has the fixed one, plus a buildx attestation manifest.
 * `platform: all` (the default) must analyse both platform images, each by digest, skip the
 * attestation, fail the image on amd64 alone, and say the finding is amd64's.
 */
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MediaType } from '../../src/registry/media-types.js'
import { parseReference } from '../../src/registry/reference.js'
import { runAction } from '../support/e2e/runner.js'
import { peerBinDir, requirePeer } from '../support/peers.js'
import { FixtureBuilder } from '../support/registry/images.js'
import { type RunningRegistry, startRegistry } from '../support/registry/server.js'
import { NODE24_BIN } from '../support/trivy-stand-in/index.js'
import { ALPINE, buildTrivyDb, pushAlpine, pushTrivyDb } from '../trivy-db/seed.js'

const UPDATED_AT = new Date(Math.floor(Date.now() / 1000) * 1000 - 3 * 3_600_000)

let registry: RunningRegistry
let alpine: Awaited<ReturnType<typeof pushAlpine>>
let withAttestation: { ref: string; digest: string; attestation: string }
let dbRepository: string
let trivyDir: string

beforeAll(async () => {
  trivyDir = peerBinDir('trivy')
  requirePeer('trivy-db-build')
  registry = await startRegistry('none')
  alpine = await pushAlpine(registry.host)
  // The same two platform images, as buildx pushes them: with an attestation manifest beside.
  const b = new FixtureBuilder(registry.host)
  const att = await b.push({
    repo: 'peers/alpine',
    tag: 'att',
    architecture: 'unknown',
    layers: [
      {
        bytes: Buffer.from('{"_type":"https://in-toto.io/Statement/v0.1"}'),
        mediaType: 'application/vnd.in-toto+json',
      },
    ],
    config: { os: 'unknown' },
  })
  const top = await b.client.getManifest(parseReference(alpine.ref), ALPINE.release)
  const index = JSON.parse(top.bytes.toString('utf8'))
  index.manifests.push({
    mediaType: att.mediaType,
    digest: att.digest,
    size: att.manifest.length,
    platform: { os: 'unknown', architecture: 'unknown' },
    annotations: {
      'vnd.docker.reference.type': 'attestation-manifest',
      'vnd.docker.reference.digest': alpine.amd64,
    },
  })
  const ref = `${registry.host}/peers/alpine:buildx`
  const digest = await b.client.putManifest(
    parseReference(ref),
    'buildx',
    Buffer.from(JSON.stringify(index)),
    MediaType.ociIndex,
  )
  withAttestation = { ref, digest, attestation: att.digest }
  dbRepository = await pushTrivyDb(
    registry.host,
    buildTrivyDb(
      [
        {
          id: 'CVE-2099-0101',
          ecosystem: 'alpine',
          release: ALPINE.release,
          package: 'busybox',
          fixedVersion: ALPINE.busyboxArm64,
          severity: 'HIGH',
          title: 'busybox: seeded high',
        },
      ],
      UPDATED_AT,
    ),
  )
}, 300_000)
afterAll(async () => {
  await registry?.stop()
})

describe('platform: all with the real Trivy', () => {
  it('analyses both platform images of the index, skips the attestation, fails on amd64 alone', async () => {
    const r = await runAction(
      {
        image: withAttestation.ref,
        'trivy-version': '0.74.0',
        'db-repository': dbRepository,
        'cache-db': 'false',
        scanners: 'vuln',
        'fail-on': 'high',
        'base-image-policy': 'warn',
      },
      {
        PATH: [trivyDir, NODE24_BIN, process.env.PATH ?? ''].join(delimiter),
        RUNNER_TEMP: mkdtempSync(join(tmpdir(), 'peers-runner-temp-')),
      },
    )
    expect(r.outputs.verdict, r.stdout).toBe('fail')
    expect(r.outputs.high).toBe('1')
    // Each analysis was Trivy's own, of the digest it was given.
    const commands = r.stdout.split('\n').filter((l) => /\[command\].*trivy image .*-- /.test(l))
    const scanned = commands
      .filter((l) => !l.includes('--download'))
      .map((l) => l.split(' -- ').at(-1)?.trim())
    expect(scanned.sort()).toEqual(
      [
        `${registry.host}/peers/alpine@${alpine.amd64}`,
        `${registry.host}/peers/alpine@${alpine.arm64}`,
      ].sort(),
    )
    expect(r.stdout).not.toContain(withAttestation.attestation)
    const report = JSON.parse(readFileSync(r.outputs.report as string, 'utf8'))
    const image = report.images[0]
    expect(image.digest).toBe(withAttestation.digest)
    expect(
      image.platforms.map((p: { platform: string; verdict: string; digest: string }) => [
        p.platform,
        p.digest,
        p.verdict,
      ]),
    ).toEqual([
      ['linux/amd64', alpine.amd64, 'fail'],
      ['linux/arm64/v8', alpine.arm64, 'pass'],
    ])
    // What Trivy itself read from each platform image: its own busybox, its own architecture.
    const own = image.platforms.map((p: { trivyJson: string }) =>
      JSON.parse(readFileSync(p.trivyJson, 'utf8')),
    )
    expect(
      own.map(
        (j: { Metadata: { ImageConfig: { architecture: string } } }) =>
          j.Metadata.ImageConfig.architecture,
      ),
    ).toEqual(['amd64', 'arm64'])
    const finding = image.findings.find(
      (f: { finding: { id: string } }) => f.finding.id === 'CVE-2099-0101',
    )
    expect(finding.finding.platforms).toEqual(['linux/amd64'])
    const row = r.summary
      .split('\n')
      .filter((l) => l.startsWith('|') && l.includes('CVE-2099-0101'))
    expect(row).toHaveLength(1)
    expect(row[0]).toContain('<code>linux/amd64</code>')
    expect(row[0]).not.toContain('arm64')
    // The base-image check read each platform image.
    expect(
      image.platforms.map((p: { baseImage?: { platform?: string } }) => p.baseImage?.platform),
    ).toEqual(['linux/amd64', 'linux/arm64/v8'])
  }, 300_000)
})
