/**
 * A multi-platform image as buildx pushes one, built without Docker into the local registry:
 * two Alpine child images that differ in one package (arm64 also has zlib), and a buildx
 * attestation manifest (`unknown/unknown`, `vnd.docker.reference.type: attestation-manifest`)
 * that a scanner must skip. Plus hostile variants for the tests that attack the listing.
 */
import { createHash } from 'node:crypto'
import { gzipSync } from 'node:zlib'
import { MediaType } from '../../../src/registry/media-types.js'
import { parseReference } from '../../../src/registry/reference.js'
import { FixtureBuilder, tarOf } from './images.js'

export interface PlatformChild {
  platform: string
  digest: string
  /** `host/repo@sha256:…`: what Trivy is asked to scan. */
  ref: string
}

export interface PlatformIndex {
  ref: string
  digest: string
  amd64: PlatformChild
  arm64: PlatformChild
  attestation: { digest: string }
}

/** An Alpine filesystem whose apk database lists `packages` (name → version). */
export async function alpineLayer(arch: string, packages: Record<string, string>): Promise<Buffer> {
  const stanza = (name: string, version: string) =>
    [
      `P:${name}`,
      `V:${version}`,
      `A:${arch}`,
      `T:${name} (Shipgate test image)`,
      `o:${name}`,
      '',
    ].join('\n')
  return gzipSync(
    await tarOf([
      { name: 'etc/', type: 'directory' },
      { name: 'etc/alpine-release', type: 'file', content: '3.10.2\n' },
      {
        name: 'etc/os-release',
        type: 'file',
        content: 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.10.2\n',
      },
      { name: 'lib/', type: 'directory' },
      { name: 'lib/apk/', type: 'directory' },
      { name: 'lib/apk/db/', type: 'directory' },
      {
        name: 'lib/apk/db/installed',
        type: 'file',
        content: Object.entries(packages)
          .map(([n, v]) => stanza(n, v))
          .join('\n'),
      },
    ]),
  )
}

const COMMON = { musl: '1.1.22-r3', libcrypto1_1: '1.1.1c-r0', libssl1_1: '1.1.1c-r0' }
const packages = (extra: Record<string, string> = {}) =>
  Object.fromEntries(
    Object.entries({ ...COMMON, ...extra }).map(([n, v]) => [n.replace('1_1', '1.1'), v]),
  )

const sha256 = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`

const desc = (m: { digest: string; manifest: Buffer; mediaType: string }) => ({
  mediaType: m.mediaType,
  digest: m.digest,
  size: m.manifest.length,
})

/** The two-platform index with its attestation, at `host/repo:tag`. */
export async function pushPlatformIndex(
  host: string,
  repo = 'e2e/multi',
  tag = 'v1',
): Promise<PlatformIndex> {
  const b = new FixtureBuilder(host)
  const amd64 = await b.push({
    repo,
    tag: `${tag}-amd64`,
    architecture: 'amd64',
    layers: [{ bytes: await alpineLayer('x86_64', packages()), mediaType: MediaType.ociLayerGzip }],
    config: { config: { User: 'nobody' } },
  })
  const arm64 = await b.push({
    repo,
    tag: `${tag}-arm64`,
    architecture: 'arm64',
    layers: [
      {
        bytes: await alpineLayer('aarch64', packages({ zlib: '1.2.11-r1' })),
        mediaType: MediaType.ociLayerGzip,
      },
    ],
    config: { variant: 'v8', config: { User: 'nobody' } },
  })
  // What buildx writes beside each platform: an in-toto layer, platform unknown/unknown.
  const attestation = await b.push({
    repo,
    tag: `${tag}-att`,
    architecture: 'unknown',
    layers: [
      {
        bytes: Buffer.from('{"_type":"https://in-toto.io/Statement/v0.1"}'),
        mediaType: 'application/vnd.in-toto+json',
      },
    ],
    config: { os: 'unknown' },
  })
  const index = {
    schemaVersion: 2,
    mediaType: MediaType.ociIndex,
    manifests: [
      { ...desc(amd64), platform: { os: 'linux', architecture: 'amd64' } },
      { ...desc(arm64), platform: { os: 'linux', architecture: 'arm64', variant: 'v8' } },
      {
        ...desc(attestation),
        platform: { os: 'unknown', architecture: 'unknown' },
        annotations: {
          'vnd.docker.reference.type': 'attestation-manifest',
          'vnd.docker.reference.digest': amd64.digest,
        },
      },
    ],
  }
  const ref = `${host}/${repo}:${tag}`
  const digest = await b.client.putManifest(
    parseReference(ref),
    tag,
    Buffer.from(JSON.stringify(index)),
    MediaType.ociIndex,
  )
  const child = (platform: string, d: string): PlatformChild => ({
    platform,
    digest: d,
    ref: `${host}/${repo}@${d}`,
  })
  return {
    ref,
    digest,
    amd64: child('linux/amd64', amd64.digest),
    arm64: child('linux/arm64/v8', arm64.digest),
    attestation: { digest: attestation.digest },
  }
}

/**
 * An index listing `count` distinct platform images (`linux/fake0` …): what a hostile or broken
 * registry could hand a scanner to make it run Trivy for hours.
 */
export async function pushHugeIndex(
  host: string,
  count: number,
  repo = 'e2e/huge',
): Promise<{ ref: string; digest: string; children: string[] }> {
  const b = new FixtureBuilder(host)
  const layer = await alpineLayer('x86_64', packages())
  const base = await b.push({
    repo,
    tag: 'base',
    layers: [{ bytes: layer, mediaType: MediaType.ociLayerGzip }],
    config: {},
  })
  const parsed = JSON.parse(base.manifest.toString('utf8'))
  const r = parseReference(`${host}/${repo}:base`)
  const manifests: Record<string, unknown>[] = []
  const children: string[] = []
  // Same config and layer, a different annotation: a distinct manifest digest each. Pushed by
  // digest, 25 at a time.
  for (let start = 0; start < count; start += 25) {
    const batch = Array.from({ length: Math.min(25, count - start) }, (_, k) => start + k)
    const pushed = await Promise.all(
      batch.map(async (i) => {
        const bytes = Buffer.from(JSON.stringify({ ...parsed, annotations: { n: String(i) } }))
        const d = await b.client.putManifest(r, sha256(bytes), bytes, MediaType.ociManifest)
        return { i, d, size: bytes.length }
      }),
    )
    for (const { i, d, size } of pushed) {
      children.push(d)
      manifests.push({
        mediaType: MediaType.ociManifest,
        digest: d,
        size,
        platform: { os: 'linux', architecture: `fake${i}` },
      })
    }
  }
  const ref = `${host}/${repo}:v1`
  const digest = await b.client.putManifest(
    parseReference(ref),
    'v1',
    Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: MediaType.ociIndex, manifests })),
    MediaType.ociIndex,
  )
  return { ref, digest, children }
}
