/**
 * `rekor-version: 2` end to end through dist/index.js: the action's default signature format
 * becomes `bundle`, the outputs name the verified bundle referrer, and `signature-format: both`
 * with it fails the step before anything is signed, naming both inputs. Run `npm run bundle` first.
 */
import { writeFileSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MediaType } from '../../src/registry/media-types.js'
import { eventFile, reportFor, runAction } from '../support/e2e/runner.js'
import { fixturePath } from '../support/fixtures.js'
import { FixtureBuilder, tarOf } from '../support/registry/images.js'
import { type RunningRegistry, startRegistry } from '../support/registry/server.js'
import { type MockSigstore, startMockSigstore } from '../support/sigstore/mock-sigstore.js'
import { standIn } from '../support/trivy-stand-in/index.js'

let registry: RunningRegistry
let sigstore: MockSigstore
let trustedRoot: string

beforeAll(async () => {
  ;[registry, sigstore] = await Promise.all([startRegistry('none'), startMockSigstore()])
  trustedRoot = join(await mkdtemp(join(tmpdir(), 'rekor-v2-root-')), 'trusted_root.json')
  writeFileSync(trustedRoot, JSON.stringify(sigstore.trustedRoot))
})
afterAll(async () => {
  await Promise.all([registry?.stop(), sigstore?.close()])
})

async function run(tag: string, inputs: Record<string, string>) {
  const layer = gzipSync(await tarOf([{ name: 'a.txt', type: 'file', content: `v2 ${tag}` }]))
  const image = await new FixtureBuilder(registry.host).push({
    repo: 'octo-org/app',
    tag,
    layers: [{ bytes: layer, mediaType: MediaType.ociLayerGzip }],
    config: {},
  })
  const trivy = standIn({
    [image.ref]: reportFor(fixturePath('alpine-310.json.golden'), image.ref, image.digest),
  })
  const result = await runAction(
    {
      image: image.ref,
      'fail-on': 'high',
      'cache-db': 'false',
      sign: 'true',
      'rekor-version': '2',
      'fulcio-url': sigstore.fulcioURL,
      'rekor-url': sigstore.rekorV2URL,
      'tsa-url': sigstore.tsaURL,
      'trusted-root': trustedRoot,
      ...inputs,
    },
    {
      ...trivy.env,
      STANDIN_VERSION: '0.75.0',
      GITHUB_EVENT_PATH: eventFile({
        ref: 'refs/heads/main',
        repository: { full_name: 'octo-org/app', private: false, visibility: 'public' },
      }),
      ACTIONS_ID_TOKEN_REQUEST_URL: sigstore.oidcRequestURL,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: sigstore.oidcRequestToken,
    },
  )
  return { result, digest: image.digest }
}

describe('rekor-version: 2 through dist/index.js', () => {
  it('signs bundles only, logged in the Rekor v2 log, and says so in its outputs', async () => {
    const v1 = sigstore.calls.rekor
    const v2 = sigstore.rekorV2.entries.length
    const { result, digest } = await run('v2-ok', {})
    expect(result.errors, result.stdout).toEqual([])
    expect(result.exitCode).toBe(0)
    expect(result.outputs['signature-verified']).toBe('true')
    expect(result.outputs.signature).toMatch(
      new RegExp(`^${registry.host.replaceAll('.', '\\.')}/octo-org/app@sha256:[0-9a-f]{64}$`),
    )
    const attestations = JSON.parse(result.outputs.attestations ?? '[]') as { format: string }[]
    expect(attestations.length).toBe(3)
    expect(attestations.every((a) => a.format === 'bundle')).toBe(true)
    expect(result.outputs.digest).toBe(digest)
    // Signature, SBOM, vuln report and verdict: four entries in the v2 log, none in v1.
    expect(sigstore.rekorV2.entries.length - v2).toBe(4)
    expect(sigstore.calls.rekor).toBe(v1)
  })

  it('signature-format: both with rekor-version: 2 fails before signing, naming both inputs', async () => {
    const v2 = sigstore.rekorV2.entries.length
    const fulcio = sigstore.calls.fulcio
    const { result } = await run('v2-both', { 'signature-format': 'both' })
    expect(result.exitCode).not.toBe(0)
    const error = result.errors.join('\n')
    expect(error).toContain("'signature-format: both'")
    expect(error).toContain("'rekor-version: 2'")
    expect(error).toContain('SignedEntryTimestamp')
    expect(sigstore.rekorV2.entries.length).toBe(v2)
    expect(sigstore.calls.fulcio).toBe(fulcio)
  })
})
