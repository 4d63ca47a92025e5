/**
 * DEPENDS ON THE GATE VERDICT ATTESTATION (issue 10 §4, the "signing" helper's work): fails until
 * Shipgate signs `https://shipgate.dev/attestation/gate/v1` verdicts in both layouts (the tester
 * reads the classic `.att`).
 *
 * examples/policy-controller-gate.yaml, Rego on the verdict included, through policy-controller's
 * tester v0.15.1 (offline, see ./policy-tester-run.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { requirePeer } from '../support/peers.js'
import { type RunningRegistry, startRegistry } from '../support/registry/server.js'
import { type MockSigstore, startMockSigstore } from '../support/sigstore/mock-sigstore.js'
import { policyTesterHarness } from './policy-tester-run.js'
import { pushImage, type SignedImage, signedImage } from './signed-image.js'

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

describe('[needs the verdict attestation] policy-controller tester on examples/policy-controller-gate.yaml', () => {
  it('admits the image Shipgate signed with a PASSED verdict (Rego on the predicate)', async () => {
    const r = await pc.test(pc.localized('policy-controller-gate.yaml'), signed.pinned)
    expect(r.exitCode, r.out).toBe(0)
    expect(r.out).toContain('Verification was successful')
  })

  it('rejects it when the Rego asks for a verdict it does not carry (the predicate is really read)', async () => {
    const policy = pc.localized('policy-controller-gate.yaml', (cip) => {
      const a = cip.spec.authorities[0] as unknown as {
        attestations: { policy: { data: string } }[]
      }
      for (const at of a.attestations)
        at.policy.data = at.policy.data.replace('== "PASSED"', '== "PASSED-NOT"')
    })
    const r = await pc.test(policy, signed.pinned)
    expect(r.exitCode, r.out).toBe(1)
  })

  it('rejects an unsigned image', async () => {
    const r = await pc.test(pc.localized('policy-controller-gate.yaml'), unsignedPinned)
    expect(r.exitCode, r.out).toBe(1)
  })
})
