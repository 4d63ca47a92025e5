/**
 * The real Kyverno CLI (kubectl-kyverno v1.19.1, built by scripts/peers.sh) runs
 * examples/kyverno-image-validating-policy.yaml with `kyverno apply --registry` against a Pod that
 * names an image Shipgate signed into the local registry with the mock Fulcio/Rekor/TSA.
 *
 * Offline, with one limitation worked around: Kyverno v1.19.1 initialises TUF for every keyless
 * cosign attestor (pkg/image/verifiers/ivpol/cosign/opts.go, `checkOptions` calls
 * `initTUFAndFetch` unless the attestor is key/certificate-based with the tlog ignored); there is
 * no way to hand it a trusted_root.json file directly (`trustedRoot` is only read after TUF was
 * initialised). So the test serves a TUF repository on 127.0.0.1 whose one target is the mock's
 * trusted_root.json (./tuf-repo.ts) and points the attestor's `tuf.mirror`/`tuf.root.path` at it.
 * That, `ctlog.url` (the mock Rekor) and the glob naming the local registry are the only changes
 * made to the example; identities, attestations and CEL are the example's own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { requirePeer, trustedRootPems } from '../support/peers.js'
import { type RunningRegistry, startRegistry } from '../support/registry/server.js'
import { type MockSigstore, startMockSigstore } from '../support/sigstore/mock-sigstore.js'
import { type Ivpol, kyvernoHarness } from './kyverno-run.js'
import { EXAMPLE_IDENTITY, pushImage, type SignedImage, signedImage } from './signed-image.js'
import { startTufRepo, type TufRepo } from './tuf-repo.js'

let kyverno: string
let registry: RunningRegistry
let sigstore: MockSigstore
let tuf: TufRepo
let signed: SignedImage
let unsignedPinned: string
let kv: ReturnType<typeof kyvernoHarness>

beforeAll(async () => {
  kyverno = requirePeer('kyverno').path
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

/** The example's signature rule alone (its verdict rules are in kyverno-verdict.test.ts). */
const signatureOnly = (p: Ivpol) => {
  p.spec.validations = p.spec.validations.filter((v) =>
    v.expression.includes('verifyImageSignatures('),
  )
  expect(p.spec.validations).toHaveLength(1)
}

describe('kyverno apply (v1.19.1) with the ImageValidatingPolicy example', () => {
  it("admits the image Shipgate signed: the example's attestor verifies Shipgate's keyless signature", async () => {
    const r = await kv.apply(
      kv.localized('kyverno-image-validating-policy.yaml', signatureOnly),
      signed.pinned,
    )
    expect({ pass: r.pass, fail: r.fail, error: r.error }, r.out).toEqual({
      pass: 1,
      fail: 0,
      error: 0,
    })
    expect(r.exitCode).toBe(0)
    // The trust root really came from the local TUF repository.
    expect(tuf.requests).toContain('/timestamp.json')
  })

  it('denies an unsigned image of the same repository', async () => {
    const r = await kv.apply(
      kv.localized('kyverno-image-validating-policy.yaml', signatureOnly),
      unsignedPinned,
    )
    expect(r.pass, r.out).toBe(0)
    expect(r.fail + r.error).toBeGreaterThan(0)
    expect(r.exitCode).toBe(1)
  })

  it('denies the signed image when the attestor expects another workflow identity', async () => {
    const other = EXAMPLE_IDENTITY.replace('release.yml', 'other.yml')
    const r = await kv.apply(
      kv.localized('kyverno-image-validating-policy.yaml', (p) => {
        signatureOnly(p)
        for (const a of p.spec.attestors)
          for (const id of a.cosign.keyless.identities) id.subject = other
      }),
      signed.pinned,
    )
    expect(r.pass, r.out).toBe(0)
    expect(r.exitCode).toBe(1)
  })
})

describe('kyverno apply (v1.19.1) with the ClusterPolicy examples (for Kyverno before its removal)', () => {
  it('kyverno-cosign.yaml admits the image Shipgate signed: classic .sig plus the vulnerability .att', async () => {
    const r = await kv.apply(kv.localizedClusterPolicy('kyverno-cosign.yaml'), signed.pinned)
    // One rule, two results: the digest mutation and the verification.
    expect({ fail: r.fail, error: r.error }, r.out).toEqual({ fail: 0, error: 0 })
    expect(r.pass).toBeGreaterThan(0)
    expect(r.exitCode).toBe(0)
  })

  it('kyverno-cosign.yaml denies an unsigned image', async () => {
    const r = await kv.apply(kv.localizedClusterPolicy('kyverno-cosign.yaml'), unsignedPinned)
    expect(r.pass, r.out).toBe(0)
    expect(r.exitCode).toBe(1)
  })

  it('kyverno-cosign.yaml denies the signed image when the entries expect another workflow identity', async () => {
    const other = EXAMPLE_IDENTITY.replace('release.yml', 'other.yml')
    const r = await kv.apply(
      kv.localizedClusterPolicy('kyverno-cosign.yaml', (p) => {
        for (const rule of p.spec.rules)
          for (const v of rule.verifyImages)
            for (const a of [v.attestors, ...(v.attestations ?? []).map((x) => x.attestors)])
              for (const e of a) for (const en of e.entries) en.keyless.subject = other
      }),
      signed.pinned,
    )
    expect(r.fail + r.error, r.out).toBeGreaterThan(0)
    expect(r.exitCode).toBe(1)
  })
})
