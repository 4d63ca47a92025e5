/**
 * Tags are pinned to the digest the registry serves now, computed from the manifest bytes;
 * one image that cannot be resolved does not stop the others. Against Debian's docker-registry.
 */
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { recordingLogger } from '../../src/logger.js'
import { MediaType, RegistryClient } from '../../src/registry/index.js'
import { resolveTargets, watchList } from '../../src/rescan/targets.js'
import { FixtureBuilder, tarOf } from '../support/registry/images.js'
import { type RunningRegistry, startRegistry } from '../support/registry/server.js'

let registry: RunningRegistry
beforeAll(async () => {
  registry = await startRegistry('none')
}, 60_000)
afterAll(async () => {
  await registry?.stop()
})

async function push(repo: string, tag: string, content: string) {
  const layer = gzipSync(
    await tarOf([{ name: 'hello.txt', type: 'file', content: Buffer.from(content), mode: 0o644 }]),
  )
  return new FixtureBuilder(registry.host).push({
    repo,
    tag,
    layers: [{ bytes: layer, mediaType: MediaType.ociLayerGzip }],
    config: {},
  })
}

describe('resolveTargets', () => {
  it('pins a tag to its current digest, follows it when it moves, keeps a digest as given', async () => {
    const v1 = await push('rescan/app', '1', 'one')
    const client = () => new RegistryClient({ insecure: true, retries: 0 })
    const images = watchList(
      [
        `${registry.host}/rescan/app:1`,
        `${registry.host}/rescan/app@${v1.digest}`,
        `${registry.host}/rescan/missing:1`,
      ],
      undefined,
    )
    const first = await resolveTargets(images, client, recordingLogger())
    expect(first[0]).toMatchObject({
      ok: true,
      target: {
        digest: v1.digest,
        via: 'tag',
        scanRef: `${registry.host}/rescan/app@${v1.digest}`,
        key: `${registry.host}/rescan/app:1`,
      },
    })
    expect(first[1]).toMatchObject({ ok: true, target: { digest: v1.digest, via: 'pinned' } })
    expect(first[2]).toMatchObject({
      ok: false,
      error: expect.stringContaining(`Could not resolve ${registry.host}/rescan/missing:1`),
    })

    const v2 = await push('rescan/app', '1', 'two')
    expect(v2.digest).not.toBe(v1.digest)
    const second = await resolveTargets(images, client, recordingLogger())
    expect(second[0]).toMatchObject({
      ok: true,
      target: { digest: v2.digest, key: `${registry.host}/rescan/app:1` },
    })
    expect(second[1]).toMatchObject({ ok: true, target: { digest: v1.digest } })
  })

  it('watchList names each image once, canonically, with the platform in the key', () => {
    expect(
      watchList(
        ['nginx', 'docker.io/library/nginx:latest', `ghcr.io/a/b@sha256:${'c'.repeat(64)}`],
        'linux/arm64',
      ).map((w) => w.key),
    ).toEqual([
      'docker.io/library/nginx:latest linux/arm64',
      `ghcr.io/a/b@sha256:${'c'.repeat(64)} linux/arm64`,
    ])
  })
})
