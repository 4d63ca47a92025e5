/**
 * A world for the real Trivy: images built here and pushed to the local registry, a
 * vulnerability DB whose advisories match packages those images really contain, and that DB
 * published as an OCI artifact the way mirror.gcr.io/aquasec/trivy-db:2 publishes it, so the
 * action's own download path (`trivy image --download-db-only --db-repository …`) fetches it.
 *
 * Versions are read from what was built (the debootstrap'd dpkg status), never typed in, so a
 * Debian point release cannot silently turn a seeded finding into a miss.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { RegistryClient } from '../../src/registry/client.js'
import { MediaType } from '../../src/registry/media-types.js'
import { parseReference } from '../../src/registry/reference.js'
import { requirePeer } from '../support/peers.js'
import { debianLayer, FixtureBuilder, installedStanzas, tarOf } from '../support/registry/images.js'

/** One advisory as test/trivy-db/main.go reads it. */
export interface Advisory {
  id: string
  ecosystem: 'debian' | 'alpine' | 'npm'
  release?: string
  package: string
  fixedVersion?: string
  vulnerableVersions?: string[]
  patchedVersions?: string[]
  severity: 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW' | 'UNKNOWN'
  title?: string
  description?: string
  vendorIds?: string[]
  cweIds?: string[]
  cvssV3Vector?: string
  cvssV3Score?: number
}

/** Writes `<cacheDir>/db/{trivy.db,metadata.json}` with the real trivy-db packages. */
export function buildTrivyDb(advisories: Advisory[], updatedAt: Date): string {
  const builder = requirePeer('trivy-db-build')
  const dir = mkdtempSync(join(tmpdir(), 'trivy-db-'))
  const input = join(dir, 'advisories.json')
  writeFileSync(input, JSON.stringify(advisories))
  const cacheDir = join(dir, 'cache')
  execFileSync(
    builder.path,
    [
      '-advisories',
      input,
      '-updated-at',
      updatedAt.toISOString().replace(/\.\d+Z$/, 'Z'),
      '-out',
      cacheDir,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  )
  return cacheDir
}

const DB_LAYER = 'application/vnd.aquasec.trivy.db.layer.v1.tar+gzip'

/**
 * Publishes `<cacheDir>/db` as Trivy's DB artifact: one gzip'd tar layer of trivy.db and
 * metadata.json with the media type and title annotation Trivy's OCI download requires
 * (trivy pkg/oci/artifact.go). Returns the repository reference for `db-repository`.
 */
export async function pushTrivyDb(
  host: string,
  cacheDir: string,
  repo = 'aquasec/trivy-db',
): Promise<string> {
  const dbDir = join(cacheDir, 'db')
  const layer = gzipSync(
    await tarOf([
      { name: 'trivy.db', type: 'file', content: readFileSync(join(dbDir, 'trivy.db')) },
      { name: 'metadata.json', type: 'file', content: readFileSync(join(dbDir, 'metadata.json')) },
    ]),
  )
  const client = new RegistryClient({ insecure: true, retries: 0 })
  const ref = parseReference(`${host}/${repo}:2`)
  const layerDesc = await client.putBlob(ref, layer, DB_LAYER)
  const config = await client.putBlob(
    ref,
    Buffer.from('{}'),
    'application/vnd.aquasec.trivy.config.v1+json',
  )
  const manifest = {
    schemaVersion: 2,
    mediaType: MediaType.ociManifest,
    config,
    layers: [{ ...layerDesc, annotations: { 'org.opencontainers.image.title': 'db.tar.gz' } }],
  }
  await client.putManifest(ref, '2', Buffer.from(JSON.stringify(manifest)), MediaType.ociManifest)
  return `${host}/${repo}:2`
}

export interface SeededImage {
  ref: string
  digest: string
}

/** Source package → (source version, installed binary packages), from a dpkg status file. */
export function sourcesOf(status: string): Map<string, { version: string; binaries: string[] }> {
  const out = new Map<string, { version: string; binaries: string[] }>()
  for (const [name, stanza] of installedStanzas(status)) {
    const version = /^Version:\s*(\S+)/m.exec(stanza)?.[1] ?? ''
    const source = /^Source:\s*(\S+)(?:\s+\((\S+)\))?/m.exec(stanza)
    const src = source?.[1] ?? name
    const srcVersion = source?.[2] ?? version
    const entry = out.get(src) ?? { version: srcVersion, binaries: [] }
    entry.binaries.push(name)
    out.set(src, entry)
  }
  return out
}

export const LODASH_VERSION = '4.17.20'

/**
 * Debian bookworm (debootstrap minbase) plus an npm package installed the way `npm i -g` lays
 * it out, which Trivy's node-pkg analyzer reads in images.
 */
export async function pushDebianNode(host: string): Promise<SeededImage & { status: string }> {
  const debian = await debianLayer()
  const node = gzipSync(
    await tarOf([
      { name: 'usr/local/lib/node_modules/lodash/', type: 'directory' },
      {
        name: 'usr/local/lib/node_modules/lodash/package.json',
        type: 'file',
        content: JSON.stringify({ name: 'lodash', version: LODASH_VERSION, license: 'MIT' }),
      },
    ]),
  )
  const pushed = await new FixtureBuilder(host).push({
    repo: 'peers/debian-node',
    tag: '1',
    layers: [
      { bytes: readFileSync(debian.file), mediaType: MediaType.ociLayerGzip },
      { bytes: node, mediaType: MediaType.ociLayerGzip },
    ],
    config: { config: { Cmd: ['bash'] } },
  })
  return { ref: pushed.ref, digest: pushed.digest, status: debian.status }
}

export const ALPINE = {
  release: '3.20',
  busybox: '1.36.1-r29',
  busyboxArm64: '1.36.1-r30',
  musl: '1.2.5-r0',
}

/** A minimal Alpine 3.20 filesystem: release files and an apk database of busybox and musl. */
async function alpineLayer(busybox: string, arch: string): Promise<Buffer> {
  const apk = (name: string, version: string) =>
    [
      'C:Q1AAAAAAAAAAAAAAAAAAAAAAAAAAA=',
      `P:${name}`,
      `V:${version}`,
      `A:${arch}`,
      'S:1000',
      'I:2000',
      `T:${name} for the Shipgate peer tests`,
      'U:https://alpinelinux.org/',
      'L:MIT',
      `o:${name}`,
      't:1700000000',
      '',
    ].join('\n')
  return gzipSync(
    await tarOf([
      { name: 'etc/', type: 'directory' },
      { name: 'etc/alpine-release', type: 'file', content: `${ALPINE.release}.3\n` },
      {
        name: 'etc/os-release',
        type: 'file',
        content: `NAME="Alpine Linux"\nID=alpine\nVERSION_ID=${ALPINE.release}.3\nPRETTY_NAME="Alpine Linux v${ALPINE.release}"\n`,
      },
      { name: 'lib/', type: 'directory' },
      { name: 'lib/apk/', type: 'directory' },
      { name: 'lib/apk/db/', type: 'directory' },
      {
        name: 'lib/apk/db/installed',
        type: 'file',
        content: `${apk('busybox', busybox)}\n${apk('musl', ALPINE.musl)}\n`,
      },
    ]),
  )
}

/**
 * A two-platform Alpine index: linux/amd64 has the vulnerable busybox, linux/arm64 the fixed
 * one, so only the platform Trivy really picks decides the verdict.
 */
export async function pushAlpine(
  host: string,
): Promise<SeededImage & { amd64: string; arm64: string }> {
  const b = new FixtureBuilder(host)
  const amd64 = await b.push({
    repo: 'peers/alpine',
    tag: `${ALPINE.release}-amd64`,
    layers: [
      { bytes: await alpineLayer(ALPINE.busybox, 'x86_64'), mediaType: MediaType.ociLayerGzip },
    ],
    config: {},
    architecture: 'amd64',
  })
  const arm64 = await b.push({
    repo: 'peers/alpine',
    tag: `${ALPINE.release}-arm64`,
    layers: [
      {
        bytes: await alpineLayer(ALPINE.busyboxArm64, 'aarch64'),
        mediaType: MediaType.ociLayerGzip,
      },
    ],
    config: {},
    architecture: 'arm64',
  })
  const desc = (m: { digest: string; manifest: Buffer }) => ({
    mediaType: MediaType.ociManifest,
    digest: m.digest,
    size: m.manifest.length,
  })
  const index = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MediaType.ociIndex,
      manifests: [
        { ...desc(amd64), platform: { os: 'linux', architecture: 'amd64' } },
        { ...desc(arm64), platform: { os: 'linux', architecture: 'arm64', variant: 'v8' } },
      ],
    }),
  )
  const ref = `${host}/peers/alpine:${ALPINE.release}`
  const digest = await b.client.putManifest(
    parseReference(ref),
    ALPINE.release,
    index,
    MediaType.ociIndex,
  )
  return { ref, digest, amd64: amd64.digest, arm64: arm64.digest }
}

/** What the seeded DB must make Trivy report, derived from the images as built. */
export interface Seeded {
  advisories: Advisory[]
  /** Findings per VulnerabilityID Trivy must report (one per affected binary package). */
  expected: Record<string, { severity: Advisory['severity']; packages: string[]; fixed: boolean }>
  /** Advisories that must NOT match (installed version already fixed). */
  notExpected: string[]
}

/**
 * Advisories against the Debian image's zlib and glibc (as built), the npm package and the
 * Alpine busybox, plus decoys whose fix is older than what is installed.
 */
export function seedAdvisories(status: string): Seeded {
  const sources = sourcesOf(status)
  const need = (name: string) => {
    const s = sources.get(name)
    if (!s) throw new Error(`the debootstrap image has no source package ${name}; pick another`)
    return s
  }
  const zlib = need('zlib')
  const glibc = need('glibc')
  need('bash') // the decoy below must name a package that is really installed
  const advisories: Advisory[] = [
    // Fixed upstream in a version newer than installed: Trivy reports it with FixedVersion.
    {
      id: 'CVE-2099-0001',
      ecosystem: 'debian',
      release: '12',
      package: 'zlib',
      fixedVersion: `${zlib.version}+shipgate1`,
      severity: 'CRITICAL',
      title: 'zlib: seeded critical',
      description: 'A heap overflow seeded for the Shipgate peer tests.',
      vendorIds: ['DSA-9999-1'],
      cweIds: ['CWE-787'],
      cvssV3Vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
      cvssV3Score: 9.8,
    },
    // No fix yet: status "affected"; ignore-unfixed drops it.
    {
      id: 'CVE-2099-0002',
      ecosystem: 'debian',
      release: '12',
      package: 'glibc',
      severity: 'HIGH',
      title: 'glibc: seeded unfixed high',
    },
    // Decoy: fixed long before the installed version.
    {
      id: 'CVE-2099-0003',
      ecosystem: 'debian',
      release: '12',
      package: 'bash',
      fixedVersion: '1.0-1',
      severity: 'CRITICAL',
      title: 'bash: decoy, already fixed',
    },
    {
      id: 'GHSA-shgt-0004-lodh',
      ecosystem: 'npm',
      package: 'lodash',
      vulnerableVersions: ['<4.17.21'],
      patchedVersions: ['>=4.17.21'],
      severity: 'MEDIUM',
      title: 'lodash: seeded medium',
      description: 'Prototype pollution seeded for the Shipgate peer tests.',
      cweIds: ['CWE-1321'],
      cvssV3Vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:L/A:N',
      cvssV3Score: 5.3,
    },
    {
      id: 'GHSA-shgt-0005-lodh',
      ecosystem: 'npm',
      package: 'lodash',
      vulnerableVersions: ['<4.0.0'],
      patchedVersions: ['>=4.0.0'],
      severity: 'CRITICAL',
      title: 'lodash: decoy, older range',
    },
    {
      id: 'CVE-2099-0101',
      ecosystem: 'alpine',
      release: ALPINE.release,
      package: 'busybox',
      fixedVersion: '1.36.1-r30',
      severity: 'HIGH',
      title: 'busybox: seeded high',
    },
    {
      id: 'CVE-2099-0102',
      ecosystem: 'alpine',
      release: ALPINE.release,
      package: 'musl',
      fixedVersion: ALPINE.musl,
      severity: 'CRITICAL',
      title: 'musl: decoy, fixed at the installed version',
    },
  ]
  return {
    advisories,
    expected: {
      'CVE-2099-0001': { severity: 'CRITICAL', packages: zlib.binaries, fixed: true },
      'CVE-2099-0002': { severity: 'HIGH', packages: glibc.binaries, fixed: false },
      'GHSA-shgt-0004-lodh': { severity: 'MEDIUM', packages: ['lodash'], fixed: true },
      'CVE-2099-0101': { severity: 'HIGH', packages: ['busybox'], fixed: true },
    },
    notExpected: ['CVE-2099-0003', 'GHSA-shgt-0005-lodh', 'CVE-2099-0102'],
  }
}
