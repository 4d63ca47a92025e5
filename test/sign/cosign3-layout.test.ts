/**
 * Issue 10 §1: with `signature-format: bundle`, Shipgate writes what `cosign sign` 3.1 writes,
 * field by field against a golden made from cosign's source (test/sign/golden, provenance
 * inside), on the real local registry with and without the referrers API. Plus the
 * `in-toto.io/predicate-type` annotation Trivy reads, and re-runs that do not pile up.
 */
import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RegistryClient } from '../../src/registry/client.js'
import { MediaType } from '../../src/registry/media-types.js'
import { parseReference } from '../../src/registry/reference.js'
import { sha256 } from '../../src/sign/cosign-format.js'
import { PredicateType } from '../../src/sign/payloads.js'
import { findBundleReferrers } from '../../src/sign/referrers.js'
import { registryStore } from '../../src/sign/registry-store.js'
import { signAndAttest } from '../../src/sign/step.js'
import { FixtureBuilder, tarOf } from '../support/registry/images.js'
import { type RunningRegistry, startRegistry } from '../support/registry/server.js'
import { type MockSigstore, startMockSigstore } from '../support/sigstore/mock-sigstore.js'
import { type ReferrersShim, startReferrersShim } from '../support/sigstore/referrers-shim.js'
import { mockDeps, mockSettings, TRIVY_JSON } from '../support/sigstore/session.js'

const golden = JSON.parse(
  readFileSync(new URL('./golden/cosign-3.1-sign-referrer.json', import.meta.url), 'utf8'),
)

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
  const layer = gzipSync(await tarOf([{ name: 'a.txt', type: 'file', content: `${repo}:${tag}` }]))
  return new FixtureBuilder(host).push({
    repo,
    tag,
    layers: [{ bytes: layer, mediaType: MediaType.ociLayerGzip }],
  } as Parameters<FixtureBuilder['push']>[0])
}

/** Golden values in <angle brackets> are placeholders: the caller checks them. */
function expectLike(actual: unknown, want: unknown, path: string): void {
  if (typeof want === 'string' && want.startsWith('<')) {
    expect(actual, path).toBeDefined()
    return
  }
  if (want && typeof want === 'object' && !Array.isArray(want)) {
    expect(actual, path).toBeTypeOf('object')
    for (const [k, v] of Object.entries(want))
      expectLike((actual as Record<string, unknown>)[k], v, `${path}.${k}`)
    return
  }
  if (Array.isArray(want)) {
    expect(Array.isArray(actual), path).toBe(true)
    expect((actual as unknown[]).length, `${path}.length`).toBe(want.length)
    want.forEach((w, i) => {
      expectLike((actual as unknown[])[i], w, `${path}[${i}]`)
    })
    return
  }
  expect(actual, path).toEqual(want)
}

describe.each([
  { name: 'plain registry (referrers tag schema)', host: () => registry.host, ns: 'g-plain' },
  { name: 'registry with the referrers API', host: () => shim.host, ns: 'g-api' },
])('cosign 3.1 layout on a $name', ({ host, ns }) => {
  it('the signature referrer matches cosign 3.1 field by field, plus in-toto.io/predicate-type', async () => {
    const pushed = await pushImage(host(), `${ns}/app`, 'v1')
    const store = registryStore(client)
    const before = Date.now()
    await signAndAttest(
      { image: `${host()}/${ns}/app:v1`, vuln: { trivyJsonPath: TRIVY_JSON } },
      mockSettings(sigstore, { 'signature-format': 'bundle', 'attest-sbom': 'false' }, true),
      mockDeps(sigstore, store),
    )
    const repo = parseReference(`${host()}/${ns}/app`)
    const { referrers } = await findBundleReferrers(store, repo, pushed.digest)
    const signature = referrers.find(
      (r) => r.annotations?.['dev.sigstore.bundle.predicateType'] === PredicateType.cosignSign,
    )
    expect(signature, JSON.stringify(referrers)).toBeDefined()
    const fetched = await store.getManifest(repo, signature?.digest as string)
    const manifest = JSON.parse(Buffer.from(fetched?.bytes as Uint8Array).toString('utf8'))

    // Exactly cosign's keys at the top level and in the annotations (plus Trivy's one).
    expect(Object.keys(manifest).sort()).toEqual(Object.keys(golden.manifest).sort())
    const { 'in-toto.io/predicate-type': intoto, ...cosignAnnotations } = manifest.annotations
    expect(Object.keys(cosignAnnotations).sort()).toEqual(
      Object.keys(golden.manifest.annotations).sort(),
    )
    expect(intoto).toBe(PredicateType.cosignSign)
    expect(Object.keys(manifest.config).sort()).toEqual(Object.keys(golden.manifest.config).sort())
    expectLike(manifest, golden.manifest, 'manifest')
    // The placeholders.
    const created = manifest.annotations['org.opencontainers.image.created'] as string
    expect(created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
    expect(Date.parse(created)).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000)
    expect(manifest.subject).toEqual({
      mediaType: MediaType.ociManifest,
      digest: pushed.digest,
      size: expect.any(Number),
    })
    const layer = manifest.layers[0]
    const blob = Buffer.from(await store.getBlob(repo, layer.digest))
    expect(layer.digest).toBe(sha256(blob))
    expect(layer.size).toBe(blob.length)

    const bundle = JSON.parse(blob.toString('utf8'))
    expectLike(bundle, golden.bundle, 'bundle')
    expect(bundle.verificationMaterial).not.toHaveProperty('x509CertificateChain')
    const statement = JSON.parse(Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString())
    expect(statement).toEqual({
      ...golden.statement,
      subject: [{ digest: { sha256: pushed.digest.replace('sha256:', '') } }],
    })
  })

  it('a re-run for the same digest leaves one referrer per predicate type, not two', async () => {
    const pushed = await pushImage(host(), `${ns}/rerun`, 'v1')
    const store = registryStore(client)
    const run = () =>
      signAndAttest(
        { image: `${host()}/${ns}/rerun@${pushed.digest}`, vuln: { trivyJsonPath: TRIVY_JSON } },
        mockSettings(sigstore, { 'signature-format': 'bundle', 'attest-sbom': 'false' }),
        mockDeps(sigstore, store),
      )
    await run()
    const second = await run()
    expect(second.verified).toBe(true)
    const repo = parseReference(`${host()}/${ns}/rerun`)
    const { referrers } = await findBundleReferrers(store, repo, pushed.digest)
    expect(
      referrers.map((r) => r.annotations?.['dev.sigstore.bundle.predicateType']).sort(),
    ).toEqual([PredicateType.cosignSign, PredicateType.vuln].sort())
    // The survivors are the second run's.
    expect(referrers.map((r) => r.digest).sort()).toEqual(
      second.signatures
        .concat(second.attestations)
        .map((s) => s.reference.split('@')[1])
        .sort(),
    )
  })

  it('every attestation referrer carries in-toto.io/predicate-type, in the index entry too', async () => {
    const pushed = await pushImage(host(), `${ns}/app`, 'v2')
    const store = registryStore(client)
    await signAndAttest(
      { image: `${host()}/${ns}/app:v2`, vuln: { trivyJsonPath: TRIVY_JSON } },
      mockSettings(sigstore, { 'signature-format': 'bundle', 'attest-sbom': 'false' }),
      mockDeps(sigstore, store),
    )
    const repo = parseReference(`${host()}/${ns}/app`)
    const { referrers } = await findBundleReferrers(store, repo, pushed.digest)
    expect(referrers.map((r) => r.annotations?.['in-toto.io/predicate-type']).sort()).toEqual(
      [PredicateType.cosignSign, PredicateType.vuln].sort(),
    )
    for (const r of referrers) {
      const m = JSON.parse(
        Buffer.from((await store.getManifest(repo, r.digest))?.bytes as Uint8Array).toString(),
      )
      expect(m.annotations['in-toto.io/predicate-type']).toBe(
        m.annotations['dev.sigstore.bundle.predicateType'],
      )
    }
  })
})
