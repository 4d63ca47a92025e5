/**
 * DEPENDS ON THE GATE VERDICT ATTESTATION (issue 10 §4, the "signing" helper's work): fails until
 * Shipgate signs `https://shipgate.dev/attestation/gate/v1` verdicts in both layouts.
 *
 * The whole examples/kyverno-image-validating-policy.yaml, CEL on the verdict included, through
 * the real Kyverno CLI v1.19.1 (see kyverno.test.ts for how it runs offline).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { requirePeer, trustedRootPems } from '../support/peers.js'
import { type RunningRegistry, startRegistry } from '../support/registry/server.js'
import { type MockSigstore, startMockSigstore } from '../support/sigstore/mock-sigstore.js'
import { kyvernoHarness } from './kyverno-run.js'
import { pushImage, type SignedImage, signedImage } from './signed-image.js'
import { startTufRepo, type TufRepo } from './tuf-repo.js'

let registry: RunningRegistry
let sigstore: MockSigstore
let tuf: TufRepo
let signed: SignedImage
let unsignedPinned: string
let kv: ReturnType<typeof kyvernoHarness>

beforeAll(async () => {
  const kyverno = requirePeer('kyverno').path
  ;[registry, sigstore] = await Promise.all([startRegistry('none'), startMockSigstore()])
  tuf = await startTufRepo(sigstore.trustedRoot)
  signed = await signedImage(registry.host, sigstore)
  const unsigned = await pushImage(registry.host, 'octo-org/app', 'unsigned')
  unsignedPinned = `${unsigned.ref.replace(/:[^:/]+$/, '')}@${unsigned.digest}`
  kv = kyvernoHarness({
    kyverno,
    registryHost: registry.host,
    rekorURL: sigstore.rekorURL,
    tuf,
    pems: trustedRootPems(sigstore.trustedRoot),
  })
})
afterAll(async () => {
  await registry?.stop()
  await sigstore?.close()
  await tuf?.close()
})

describe('[needs the verdict attestation] kyverno apply with the whole ImageValidatingPolicy example', () => {
  it('admits the image Shipgate signed with a PASSED verdict: every validation, CEL on the predicate included', async () => {
    const r = await kv.apply(kv.localized('kyverno-image-validating-policy.yaml'), signed.pinned)
    expect({ pass: r.pass, fail: r.fail, error: r.error }, r.out).toEqual({
      pass: 1,
      fail: 0,
      error: 0,
    })
    expect(r.exitCode).toBe(0)
  })

  it('denies the same image when the CEL asks for a verdict it does not carry (the predicate is really read)', async () => {
    const r = await kv.apply(
      kv.localized('kyverno-image-validating-policy.yaml', (p) => {
        for (const v of p.spec.validations)
          v.expression = v.expression.replace("== 'PASSED'", "== 'PASSED-NOT'")
      }),
      signed.pinned,
    )
    expect(r.pass, r.out).toBe(0)
    expect(r.exitCode).toBe(1)
  })

  it('denies an unsigned image', async () => {
    const r = await kv.apply(kv.localized('kyverno-image-validating-policy.yaml'), unsignedPinned)
    expect(r.pass, r.out).toBe(0)
    expect(r.exitCode).toBe(1)
  })
})
