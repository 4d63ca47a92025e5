/**
 * The admission policies in examples/ must parse and name exactly the identity and issuer that
 * Shipgate's signatures carry: sign with that workflow identity, verify, and compare.
 */
import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { parse } from 'yaml'
import { PredicateType } from '../../src/sign/payloads.js'
import { signAndAttest } from '../../src/sign/step.js'
import { trustedRootFromJSON } from '../../src/sign/trust-root.js'
import { verifyImage } from '../../src/sign/verify.js'
import { memoryStore } from '../support/sigstore/memory-store.js'
import { type MockSigstore, startMockSigstore } from '../support/sigstore/mock-sigstore.js'
import { CYCLONEDX, mockDeps, mockSettings, TRIVY_JSON } from '../support/sigstore/session.js'

const examples = new URL('../../examples/', import.meta.url).pathname
const read = (name: string) => readFile(`${examples}${name}`, 'utf8')

let sigstore: MockSigstore
let carried: { subject?: string; issuer?: string }
beforeAll(async () => {
  // The example identity: octo-org/app's release workflow on main.
  sigstore = await startMockSigstore({
    claims: {
      repository: 'octo-org/app',
      job_workflow_ref: 'octo-org/app/.github/workflows/release.yml@refs/heads/main',
    },
  })
  const store = memoryStore({ referrersApi: true })
  store.addImage({ registry: 'ghcr.io', repository: 'octo-org/app' }, 'v1')
  await signAndAttest(
    { image: 'ghcr.io/octo-org/app:v1', sbomPath: CYCLONEDX, vuln: { trivyJsonPath: TRIVY_JSON } },
    mockSettings(sigstore),
    mockDeps(sigstore, store),
  )
  // What a verifier sees in the certificates, whatever the policy would say.
  const result = await verifyImage(
    {
      image: 'ghcr.io/octo-org/app:v1',
      policy: { identity: { regexp: '.*' }, issuer: 'https://token.actions.githubusercontent.com' },
    },
    {
      store,
      trustedRoot: trustedRootFromJSON(sigstore.trustedRoot),
      logger: mockDeps(sigstore, store).logger,
    },
  )
  expect(result.verified).toHaveLength(6)
  carried = result.verified[0]?.signer ?? {}
})
afterAll(async () => {
  await sigstore?.close()
})

type Keyless = { subject: string; issuer: string }
function keylessEntries(
  verifyImages: {
    attestors: { entries: { keyless: Keyless }[] }[]
    attestations?: { attestors: { entries: { keyless: Keyless }[] }[] }[]
  }[],
): Keyless[] {
  return verifyImages.flatMap((v) => [
    ...v.attestors.flatMap((a) => a.entries.map((e) => e.keyless)),
    ...(v.attestations ?? []).flatMap((at) =>
      at.attestors.flatMap((a) => a.entries.map((e) => e.keyless)),
    ),
  ])
}

it.each([
  ['kyverno-cosign.yaml', 'Cosign', PredicateType.vuln],
  ['kyverno-sigstore-bundle.yaml', 'SigstoreBundle', PredicateType.cyclonedx],
])(
  '%s is a Kyverno ClusterPolicy of type %s keyed to the signing identity',
  async (file, type, predicate) => {
    const policy = parse(await read(file))
    expect(policy).toMatchObject({ apiVersion: 'kyverno.io/v1', kind: 'ClusterPolicy' })
    const verifyImages = policy.spec.rules[0].verifyImages
    expect(verifyImages[0].type).toBe(type)
    expect(verifyImages[0].attestations[0].type).toBe(predicate)
    const entries = keylessEntries(verifyImages)
    expect(entries.length).toBeGreaterThan(1)
    for (const k of entries) {
      expect(k.subject).toBe(carried.subject)
      expect(k.issuer).toBe(carried.issuer)
    }
  },
)

it('policy-controller ClusterImagePolicy names the identity, issuer and the vuln predicate', async () => {
  const policy = parse(await read('policy-controller.yaml'))
  expect(policy).toMatchObject({
    apiVersion: 'policy.sigstore.dev/v1beta1',
    kind: 'ClusterImagePolicy',
  })
  const authority = policy.spec.authorities[0]
  expect(authority.keyless.identities).toEqual([
    { issuer: carried.issuer, subject: carried.subject },
  ])
  expect(authority.attestations[0].predicateType).toBe(PredicateType.vuln)
})

it('the cosign command lines use the exact identity and issuer', async () => {
  const script = await read('cosign-verify.sh')
  expect(script).toContain(`IDENTITY='${carried.subject}'`)
  expect(script).toContain(`ISSUER='${carried.issuer}'`)
  expect(script.match(/--certificate-identity "\$IDENTITY"/g)?.length).toBe(5)
  expect(script).not.toContain('--certificate-identity-regexp')
})
