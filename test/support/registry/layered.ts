/**
 * A base image and images built on it, pushed to a test registry (issue 11 §4), with the real
 * Trivy report of OWASP Juice Shop v10.2.0 (test/fixtures/trivy/securecodebox__…) rewritten to
 * describe them. That report's image has 8 layers: the first 4 are node:12-alpine's (its
 * history says so: `CMD ["node"]` closes them), the last 4 Juice Shop's own; its findings sit in
 * layers 1-3 (alpine packages, node's bundled npm) and 7 (the app's node_modules). Each of our
 * images has 8 layers too, and the report's layer i becomes our image's layer i, so every
 * finding keeps the layer Trivy found it in. Nothing else in the report changes.
 */
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { MediaType } from '../../../src/registry/media-types.js'
import { parseReference } from '../../../src/registry/reference.js'
import { fixturePath } from '../fixtures.js'
import { FixtureBuilder, tarOf } from './images.js'

export const JUICE_SHOP = 'securecodebox__juice-shop-v10.2.0.json'

export interface Pushed {
  ref: string
  digest: string
  diffIds: string[]
}

export interface LayeredImages {
  base: Pushed
  /** Base layers + 4 of its own, annotated with the base's name and digest. */
  app: Pushed
  /** The same layers as `app`, no annotation, and the report's (node:12-alpine-like) history. */
  plain: Pushed
  /** 8 layers of its own, annotated as built on `base`: a false claim. */
  liar: Pushed
  /** Like `app`, but its annotation names a base that does not exist in the registry. */
  orphan: Pushed
  /** Like `app`, but its annotation's base name carries a workflow command and HTML. */
  forged: Pushed
  /** Like `app`, annotated with the digest of an index holding the base (amd64) and an arm64 image, as buildx records it. */
  viaIndex: Pushed
  /** An index over `plain` whose own annotations (not the child's) name the base. */
  appIndex: Pushed
}

/** What `forged` claims as its base's name. */
export const FORGED_NAME = 'evil\n::error::pwned-by-annotation <img src=x onerror=alert(1)> `x`'

const sha = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`

async function layer(name: string, content: string) {
  const tar = await tarOf([{ name, type: 'file', content, mode: 0o755 }])
  return { bytes: gzipSync(tar), mediaType: MediaType.ociLayerGzip, diffId: sha(tar) }
}

/** The report's own history: node:12-alpine's steps, then Juice Shop's. */
export function juiceShopHistory(): unknown[] {
  const report = JSON.parse(readFileSync(fixturePath(JUICE_SHOP), 'utf8'))
  return report.Metadata.ImageConfig.history
}

export async function pushLayeredImages(host: string): Promise<LayeredImages> {
  const b = new FixtureBuilder(host)
  const baseLayers = [
    await layer(
      'etc/os-release',
      'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.11.5\nPRETTY_NAME="Alpine Linux v3.11"\n',
    ),
    await layer('usr/local/bin/node', 'node 12.16.2'),
    await layer('opt/yarn-v1.22.4/bin/yarn', 'yarn 1.22.4'),
    await layer('usr/local/bin/docker-entrypoint.sh', '#!/bin/sh\nexec "$@"\n'),
  ]
  const appLayers = [
    await layer('juice-shop/.keep', ''),
    await layer('juice-shop/package.json', '{"name":"juice-shop","version":"10.2.0"}'),
    await layer('juice-shop/node_modules/express/package.json', '{"version":"4.17.1"}'),
    await layer('juice-shop/build/app.js', 'console.log("juice")'),
  ]
  const strip = (l: { bytes: Buffer; mediaType: string }) => ({
    bytes: l.bytes,
    mediaType: l.mediaType,
  })
  const push = async (
    repo: string,
    tag: string,
    layers: { bytes: Buffer; mediaType: string; diffId: string }[],
    annotations?: Record<string, string>,
    config: Record<string, unknown> = {},
  ): Promise<Pushed> => {
    const pushed = await b.push({
      repo,
      tag,
      layers: layers.map(strip),
      config,
      ...(annotations ? { annotations } : {}),
    })
    return { ref: pushed.ref, digest: pushed.digest, diffIds: layers.map((l) => l.diffId) }
  }
  const base = await push('layers/node', '12-alpine', baseLayers, undefined, {
    config: { Cmd: ['node'] },
  })
  const claim = (name: string, digest: string) => ({
    'org.opencontainers.image.base.name': name,
    'org.opencontainers.image.base.digest': digest,
  })
  const app = await push(
    'layers/juice-shop',
    'v10.2.0',
    [...baseLayers, ...appLayers],
    claim(base.ref, base.digest),
  )
  const plain = await push('layers/juice-shop', 'plain', [...baseLayers, ...appLayers], undefined, {
    history: juiceShopHistory(),
  })
  const ownLayers = [
    await layer('etc/os-release', 'ID=alpine\nVERSION_ID=3.11.5\n# not the base\n'),
    await layer('usr/local/bin/node', 'node 12.16.2 (rebuilt)'),
    await layer('opt/yarn/bin/yarn', 'yarn (rebuilt)'),
    await layer('entrypoint.sh', '#!/bin/sh\n'),
  ]
  const liar = await push(
    'layers/liar',
    'v1',
    [...ownLayers, ...appLayers],
    claim(base.ref, base.digest),
  )
  const orphan = await push(
    'layers/orphan',
    'v1',
    [...baseLayers, ...appLayers],
    claim(`${host}/layers/gone:1`, `sha256:${'0'.repeat(64)}`),
  )
  const forged = await push(
    'layers/forged',
    'v1',
    [...baseLayers, ...appLayers],
    claim(FORGED_NAME, base.digest),
  )
  const arm = await b.push({
    repo: 'layers/node',
    tag: '12-alpine-arm64',
    architecture: 'arm64',
    layers: [strip(await layer('etc/os-release', 'ID=alpine\nVERSION_ID=3.11.5\n# arm64\n'))],
    config: { variant: 'v8' },
  })
  const baseManifest = await b.client.getManifest(parseReference(base.ref), base.digest)
  const indexDigest = await b.client.putManifest(
    parseReference(`${host}/layers/node:12`),
    '12',
    Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: MediaType.ociIndex,
        manifests: [
          {
            mediaType: MediaType.ociManifest,
            digest: arm.digest,
            size: arm.manifest.length,
            platform: { os: 'linux', architecture: 'arm64', variant: 'v8' },
          },
          {
            mediaType: MediaType.ociManifest,
            digest: base.digest,
            size: baseManifest.size,
            platform: { os: 'linux', architecture: 'amd64' },
          },
        ],
      }),
    ),
    MediaType.ociIndex,
  )
  const viaIndex = await push(
    'layers/juice-shop',
    'via-index',
    [...baseLayers, ...appLayers],
    claim(`${host}/layers/node:12`, indexDigest),
  )
  const plainManifest = await b.client.getManifest(parseReference(plain.ref), plain.digest)
  const appIndexDigest = await b.client.putManifest(
    parseReference(`${host}/layers/juice-shop:index`),
    'index',
    Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: MediaType.ociIndex,
        manifests: [
          {
            mediaType: MediaType.ociManifest,
            digest: plain.digest,
            size: plainManifest.size,
            platform: { os: 'linux', architecture: 'amd64' },
          },
        ],
        annotations: claim(base.ref, base.digest),
      }),
    ),
    MediaType.ociIndex,
  )
  const appIndex = {
    ref: `${host}/layers/juice-shop:index`,
    digest: appIndexDigest,
    diffIds: plain.diffIds,
  }
  return { base, app, plain, liar, orphan, forged, viaIndex, appIndex }
}

/**
 * The Juice Shop report rewritten for `image`: layer i of the report is `image.diffIds[i]`.
 * `appFindings: false` drops the findings of the app's own layers (5-8), as for an image whose
 * own layers add nothing vulnerable.
 */
export function layeredReport(
  image: Pushed,
  opts: { appFindings?: boolean; dropLayerOf?: string } = {},
): string {
  const report = JSON.parse(readFileSync(fixturePath(JUICE_SHOP), 'utf8'))
  const original: string[] = report.Metadata.DiffIDs
  const map = new Map(original.map((d, i) => [d, image.diffIds[i] as string]))
  const ownLayer = (d: string | undefined) => original.indexOf(d ?? '') >= 4
  for (const result of report.Results ?? []) {
    for (const list of ['Vulnerabilities', 'Secrets'] as const) {
      const entries = result[list] as { Layer?: { DiffID?: string }; VulnerabilityID?: string }[]
      if (!entries) continue
      result[list] = entries.filter((v) => opts.appFindings !== false || !ownLayer(v.Layer?.DiffID))
      for (const v of result[list]) {
        if (v.Layer?.DiffID) v.Layer.DiffID = map.get(v.Layer.DiffID)
        if (opts.dropLayerOf && v.VulnerabilityID === opts.dropLayerOf) delete v.Layer
      }
    }
  }
  report.Metadata.DiffIDs = image.diffIds
  report.Metadata.ImageConfig.rootfs.diff_ids = image.diffIds
  const repo = image.ref.replace(/:[^/:]+$/, '')
  report.ArtifactName = image.ref
  report.Metadata.RepoTags = [image.ref]
  report.Metadata.RepoDigests = [`${repo}@${image.digest}`]
  const file = join(mkdtempSync(join(tmpdir(), 'layers-report-')), 'trivy.json')
  writeFileSync(file, JSON.stringify(report))
  return file
}

/** Findings of the original report by layer index (1-based), for expectations. */
export function juiceShopFindingsByLayer(): Map<number, number> {
  const report = JSON.parse(readFileSync(fixturePath(JUICE_SHOP), 'utf8'))
  const original: string[] = report.Metadata.DiffIDs
  const out = new Map<number, number>()
  for (const result of report.Results ?? []) {
    for (const v of [...(result.Vulnerabilities ?? []), ...(result.Secrets ?? [])]) {
      const i = original.indexOf(v.Layer?.DiffID) + 1
      out.set(i, (out.get(i) ?? 0) + 1)
    }
  }
  return out
}
