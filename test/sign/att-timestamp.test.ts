/**
 * Issue 10 §3/§1: `shipgate verify` checks the RFC 3161 timestamp of a classic `.att` layer
 * as cosign does: over the layer bytes (cosign pkg/cosign/verify.go VerifyRFC3161Timestamp
 * with the layer payload), against the trusted root's timestamp authorities, with the signing
 * certificate valid at the stamped time. A timestamp that does not hold rejects the layer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Annotation, cosignTag } from '../../src/sign/cosign-format.js'
import { PredicateType } from '../../src/sign/payloads.js'
import { signAndAttest } from '../../src/sign/step.js'
import { trustedRootFromJSON } from '../../src/sign/trust-root.js'
import { verifyImage } from '../../src/sign/verify.js'
import { memoryStore } from '../support/sigstore/memory-store.js'
import {
  GITHUB_ISSUER,
  identityOf,
  type MockSigstore,
  startMockSigstore,
} from '../support/sigstore/mock-sigstore.js'
import { mockDeps, mockSettings, TRIVY_JSON } from '../support/sigstore/session.js'

const repo = { registry: '127.0.0.1:5000', repository: 'octo-org/app' }
let sigstore: MockSigstore
let other: MockSigstore
beforeAll(async () => {
  ;[sigstore, other] = await Promise.all([startMockSigstore(), startMockSigstore()])
})
afterAll(async () => {
  await Promise.all([sigstore?.close(), other?.close()])
})

type Layer = { digest: string; annotations: Record<string, string> }

/** Signs (classic only, with a TSA), then lets `tamper` rewrite the `.att` layer annotations. */
async function signedThenTampered(
  tag: string,
  tamper?: (layer: Layer, store: ReturnType<typeof memoryStore>) => Promise<void> | void,
) {
  const store = memoryStore({ referrersApi: true })
  const image = store.addImage(repo, tag)
  const deps = mockDeps(sigstore, store)
  const report = await signAndAttest(
    { image: `127.0.0.1:5000/octo-org/app:${tag}`, vuln: { trivyJsonPath: TRIVY_JSON } },
    mockSettings(sigstore, { 'signature-format': 'cosign', 'attest-sbom': 'false' }, true),
    deps,
  )
  expect(report.verified).toBe(true)
  const attTag = cosignTag(image.digest, 'att')
  const fetched = await store.getManifest(repo, attTag)
  const manifest = JSON.parse(Buffer.from(fetched?.bytes ?? []).toString()) as { layers: Layer[] }
  const layer = manifest.layers[0] as Layer
  expect(layer.annotations[Annotation.timestamp]).toBeDefined()
  if (tamper) {
    await tamper(layer, store)
    await store.putManifest(
      repo,
      attTag,
      Buffer.from(JSON.stringify(manifest)),
      'application/vnd.oci.image.manifest.v1+json',
    )
  }
  return verifyImage(
    {
      image: `127.0.0.1:5000/octo-org/app:${tag}`,
      policy: { identity: { exact: identityOf(sigstore.claims) }, issuer: GITHUB_ISSUER },
      requireAttestations: [PredicateType.vuln],
    },
    { store, trustedRoot: trustedRootFromJSON(sigstore.trustedRoot), logger: deps.logger },
  )
}

/** A genuine timestamp from `tsa` over `data`, in cosign's annotation form. */
async function stampOver(tsa: MockSigstore, data: Buffer): Promise<string> {
  const { keylessSigner } = await import('../../src/sign/sigstore-signer.js')
  const signer = keylessSigner({
    endpoints: { fulcioURL: tsa.fulcioURL, rekorURL: tsa.rekorURL, tsaURL: tsa.tsaURL },
    getToken: async () => tsa.token(),
  })
  const stamp = await signer.timestamp(data)
  return JSON.stringify({ SignedRFC3161Timestamp: Buffer.from(stamp ?? []).toString('base64') })
}

describe('classic .att RFC 3161 timestamp', () => {
  it('as signed: verifies', async () => {
    const result = await signedThenTampered('ts-ok')
    expect(result.rejected).toEqual([])
    expect(result.ok).toBe(true)
  })

  it('a genuine timestamp over other bytes (e.g. the DSSE signature) is rejected', async () => {
    const result = await signedThenTampered('ts-other-bytes', async (layer) => {
      layer.annotations[Annotation.timestamp] = await stampOver(
        sigstore,
        Buffer.from('not the layer'),
      )
    })
    expect(result.ok).toBe(false)
    expect(result.rejected.map((r) => r.reason).join()).toMatch(/RFC 3161 timestamp/)
    expect(result.rejected[0]?.reference).toMatch(/\.att#0$/)
  })

  it('a timestamp over the layer from an authority outside the trusted root is rejected', async () => {
    const result = await signedThenTampered('ts-untrusted', async (layer, store) => {
      // The right bytes, the wrong TSA: `other` has its own TSA keys.
      const bytes = Buffer.from(await store.getBlob(repo, layer.digest))
      layer.annotations[Annotation.timestamp] = await stampOver(other, bytes)
    })
    expect(result.ok).toBe(false)
    expect(result.rejected.map((r) => r.reason).join()).toMatch(/RFC 3161 timestamp/)
  })

  it('a timestamp annotation that is not a timestamp is rejected', async () => {
    const result = await signedThenTampered('ts-garbage', (layer) => {
      layer.annotations[Annotation.timestamp] = JSON.stringify({
        SignedRFC3161Timestamp: Buffer.from('garbage').toString('base64'),
      })
    })
    expect(result.ok).toBe(false)
    expect(result.rejected.map((r) => r.reason).join()).toMatch(/RFC 3161 timestamp/)
  })
})
