/**
 * Round trips against Debian's docker-registry (distribution 2.8): without a referrers API
 * (the tag schema fallback, the normal path there) and behind a referrers-API shim.
 */
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RegistryClient } from '../../src/registry/client.js'
import { MediaType } from '../../src/registry/media-types.js'
import { parseReference } from '../../src/registry/reference.js'
import { PredicateType } from '../../src/sign/payloads.js'
import { registryStore } from '../../src/sign/registry-store.js'
import { signAndAttest } from '../../src/sign/step.js'
import { trustedRootFromJSON } from '../../src/sign/trust-root.js'
import { verifyImage } from '../../src/sign/verify.js'
import { FixtureBuilder, tarOf } from '../support/registry/images.js'
import { type RunningRegistry, startRegistry } from '../support/registry/server.js'
import {
  GITHUB_ISSUER,
  identityOf,
  type MockSigstore,
  startMockSigstore,
} from '../support/sigstore/mock-sigstore.js'
import { type ReferrersShim, startReferrersShim } from '../support/sigstore/referrers-shim.js'
import { CYCLONEDX, mockDeps, mockSettings, SPDX, TRIVY_JSON } from '../support/sigstore/session.js'

let registry: RunningRegistry
let shim: ReferrersShim
let sigstore: MockSigstore
const client = new RegistryClient({ insecure: true, retries: 0 })

beforeAll(async () => {
  ;[registry, sigstore] = await Promise.all([startRegistry('none'), startMockSigstore()])
  shim = await startReferrersShim(registry.host)
})
afterAll(async () => {
  await shim?.close()
  await registry?.stop()
  await sigstore?.close()
})

async function pushImage(host: string, repo: string, tag: string) {
  const layer = gzipSync(
    await tarOf([{ name: 'app/hello.txt', type: 'file', content: `hello ${repo}:${tag}` }]),
  )
  return new FixtureBuilder(host).push({
    repo,
    tag,
    layers: [{ bytes: layer, mediaType: MediaType.ociLayerGzip }],
  } as Parameters<FixtureBuilder['push']>[0])
}

const policy = () => ({ identity: { exact: identityOf(sigstore.claims) }, issuer: GITHUB_ISSUER })

describe.each([
  {
    name: 'plain registry (referrers tag schema)',
    host: () => registry.host,
    via: 'tag-schema',
    ns: 'plain',
  },
  {
    name: 'registry behind a referrers API',
    host: () => shim.host,
    via: 'referrers-api',
    ns: 'api',
  },
])('$name', ({ host, via, ns }) => {
  it('signs a tag by its digest, pushes both formats and verifies them back', async () => {
    const pushed = await pushImage(host(), `${ns}/app`, 'v1')
    const store = registryStore(client)
    const report = await signAndAttest(
      { image: `${host()}/${ns}/app:v1`, sbomPath: SPDX, vuln: { trivyJsonPath: TRIVY_JSON } },
      mockSettings(sigstore, { 'sbom-format': 'spdx-json' }),
      mockDeps(sigstore, store),
    )
    expect(report.digest).toBe(pushed.digest)
    // The classic signature is where cosign looks for it, on the real registry.
    const repo = parseReference(`${host()}/${ns}/app`)
    const sig = await client.getManifest(repo, `${pushed.digest.replace(':', '-')}.sig`)
    expect((sig.manifest as { layers: unknown[] }).layers).toHaveLength(1)

    const result = await verifyImage(
      {
        image: `${host()}/${ns}/app:v1`,
        policy: policy(),
        require: 'both',
        requireAttestations: [PredicateType.spdx, PredicateType.vuln],
      },
      {
        store,
        trustedRoot: trustedRootFromJSON(sigstore.trustedRoot),
        logger: mockDeps(sigstore, store).logger,
      },
    )
    expect(result.rejected).toEqual([])
    expect(result.referrersVia).toBe(via)
    expect(result.ok).toBe(true)
    expect(
      result.verified.map((v) => `${v.format}/${v.kind}/${v.predicateType ?? ''}`).sort(),
    ).toEqual(
      [
        'bundle/attestation/https://cosign.sigstore.dev/attestation/vuln/v1',
        'bundle/attestation/https://spdx.dev/Document',
        'bundle/signature/https://sigstore.dev/cosign/sign/v1',
        'cosign/attestation/https://cosign.sigstore.dev/attestation/vuln/v1',
        'cosign/attestation/https://spdx.dev/Document',
        'cosign/signature/',
      ].sort(),
    )
  })

  it('a re-run replaces its own signature instead of stacking duplicates, and keeps others', async () => {
    const pushed = await pushImage(host(), `${ns}/rerun`, 'v1')
    const store = registryStore(client)
    const image = `${host()}/${ns}/rerun@${pushed.digest}`
    const settings = mockSettings(sigstore, { 'attest-vulnerabilities': 'false' })
    await signAndAttest({ image, sbomPath: CYCLONEDX }, settings, mockDeps(sigstore, store))
    // Someone else (another workflow) signs the same digest.
    const other = await startMockSigstore({
      claims: { job_workflow_ref: 'octo-org/app/.github/workflows/other.yml@refs/heads/main' },
    })
    try {
      await signAndAttest(
        { image, sbomPath: CYCLONEDX },
        mockSettings(other, { 'attest-vulnerabilities': 'false' }),
        mockDeps(other, store),
      )
    } finally {
      await other.close()
    }
    await signAndAttest({ image, sbomPath: CYCLONEDX }, settings, mockDeps(sigstore, store))

    const repo = parseReference(`${host()}/${ns}/rerun`)
    const tag = pushed.digest.replace(':', '-')
    const sigLayers = (await client.getManifest(repo, `${tag}.sig`)).manifest as {
      layers: unknown[]
    }
    const attLayers = (await client.getManifest(repo, `${tag}.att`)).manifest as {
      layers: unknown[]
    }
    expect(sigLayers.layers).toHaveLength(2) // ours (once) + the other workflow's
    expect(attLayers.layers).toHaveLength(2)
    const result = await verifyImage(
      { image, policy: policy(), require: 'both' },
      {
        store,
        trustedRoot: trustedRootFromJSON(sigstore.trustedRoot),
        logger: mockDeps(sigstore, store).logger,
      },
    )
    // The other workflow's signatures are rejected by our policy, ours verify once per format.
    expect(
      result.verified.filter((v) => v.format === 'cosign' && v.kind === 'signature'),
    ).toHaveLength(1)
    if (via === 'tag-schema') {
      expect(
        result.verified.filter((v) => v.format === 'bundle' && v.kind === 'signature'),
      ).toHaveLength(1)
    }
    expect(result.ok).toBe(true)
  })
})
