/**
 * Sigstore policy-controller's own tester (cmd/tester v0.15.1, built by scripts/peers.sh) runs the
 * ClusterImagePolicy example from examples/ against an image Shipgate signed into the local
 * registry with the mock Fulcio/Rekor/TSA, offline (see ./policy-tester-run.ts for how).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadCrd, validateAgainstCrd } from '../fixtures/crds/schema.js'
import { policyControllerTrustRoot, requirePeer } from '../support/peers.js'
import { type RunningRegistry, startRegistry } from '../support/registry/server.js'
import { type MockSigstore, startMockSigstore } from '../support/sigstore/mock-sigstore.js'
import { policyTesterHarness, TRUST_ROOT } from './policy-tester-run.js'
import { EXAMPLE_IDENTITY, pushImage, type SignedImage, signedImage } from './signed-image.js'

let registry: RunningRegistry
let sigstore: MockSigstore
let signed: SignedImage
let unsignedPinned: string
let pc: ReturnType<typeof policyTesterHarness>

beforeAll(async () => {
  const tester = requirePeer('policy-tester').path
  ;[registry, sigstore] = await Promise.all([startRegistry('none'), startMockSigstore()])
  signed = await signedImage(registry.host, sigstore)
  const unsigned = await pushImage(registry.host, 'octo-org/app', 'unsigned')
  unsignedPinned = `${unsigned.ref.replace(/:[^:/]+$/, '')}@${unsigned.digest}`
  pc = policyTesterHarness({ tester, registryHost: registry.host, sigstore })
})
afterAll(async () => {
  await registry?.stop()
  await sigstore?.close()
})

describe('policy-controller tester v0.15.1 on examples/policy-controller.yaml (signature + vulnerability attestation)', () => {
  it('the TrustRoot handed to the tester is valid against policy-controller’s own CRD', () => {
    const crd = loadCrd('policy-controller-0.15.1.trustroots.policy.sigstore.dev.json')
    expect(validateAgainstCrd(crd, pc.trustRoot)).toEqual([])
  })

  it('admits the image Shipgate signed (classic .sig and .att: the legacy signatureFormat)', async () => {
    const r = await pc.test(pc.localized('policy-controller.yaml'), signed.pinned)
    expect(r.exitCode, r.out).toBe(0)
    expect(r.out).toContain('Verification was successful')
  })

  it('rejects an unsigned image of the same repository', async () => {
    const r = await pc.test(pc.localized('policy-controller.yaml'), unsignedPinned)
    expect(r.exitCode, r.out).toBe(1)
    expect(r.out).not.toContain('Verification was successful')
  })

  it('rejects the signed image when the policy expects another workflow identity', async () => {
    const other = EXAMPLE_IDENTITY.replace('release.yml', 'other.yml')
    const policy = pc.localized('policy-controller.yaml', (cip) => {
      for (const a of cip.spec.authorities)
        for (const id of a.keyless.identities) id.subject = other
    })
    const r = await pc.test(policy, signed.pinned)
    expect(r.exitCode, r.out).toBe(1)
    expect(r.out).not.toContain('Verification was successful')
  })

  it('rejects the signed image when the trust root is another Sigstore instance', async () => {
    const stranger = await startMockSigstore()
    try {
      const root = pc.trustRootFile(policyControllerTrustRoot(TRUST_ROOT, stranger.trustedRoot))
      const r = await pc.test(pc.localized('policy-controller.yaml'), signed.pinned, root)
      expect(r.exitCode, r.out).toBe(1)
    } finally {
      await stranger.close()
    }
  })

  it('refuses a whole TrustRoot that lists a Rekor v2 log’s Ed25519 key (why rekor-version 2 is not for its clusters)', async () => {
    // The limitation the README's compatibility table states: v0.15.1 reads every
    // transparency-log key as ECDSA. If a later version accepts the key, this fails: update both.
    const root = pc.trustRootFile(
      policyControllerTrustRoot(TRUST_ROOT, sigstore.trustedRoot, { keepEd25519: true }),
    )
    const r = await pc.test(pc.localized('policy-controller.yaml'), signed.pinned, root)
    expect(r.exitCode, r.out).toBe(1)
    expect(r.out).toContain('is not ecdsa.PublicKey')
  })
})
