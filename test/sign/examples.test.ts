/**
 * The admission policies in examples/ must parse and name exactly the identity and issuer that
 * Shipgate's signatures carry: sign with that workflow identity, verify, and compare.
 */
import { readdirSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse, parseAllDocuments } from 'yaml'
import { PredicateType } from '../../src/sign/payloads.js'
import { signAndAttest } from '../../src/sign/step.js'
import { trustedRootFromJSON } from '../../src/sign/trust-root.js'
import { verifyImage } from '../../src/sign/verify.js'
import { loadCrd, validateAgainstCrd } from '../fixtures/crds/schema.js'
import { memoryStore } from '../support/sigstore/memory-store.js'
import { type MockSigstore, startMockSigstore } from '../support/sigstore/mock-sigstore.js'
import { CYCLONEDX, mockDeps, mockSettings, TRIVY_JSON } from '../support/sigstore/session.js'

/** The gate-verdict predicate type the examples require (sigstore-2026.md §5.3, issue 10 §4). */
const VERDICT_PREDICATE = 'https://shipgate.dev/attestation/gate/v1'

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
  expect(script.match(/--certificate-identity "\$IDENTITY"/g)?.length).toBe(6)
  expect(script).toContain(`--type ${VERDICT_PREDICATE}`)
  expect(script).not.toContain('--certificate-identity-regexp')
})

it('the ImageValidatingPolicy requires the keyless signature and a PASSED verdict from the identity', async () => {
  const policy = parse(await read('kyverno-image-validating-policy.yaml'))
  expect(policy).toMatchObject({
    apiVersion: 'policies.kyverno.io/v1',
    kind: 'ImageValidatingPolicy',
  })
  const attestor = policy.spec.attestors[0]
  expect(attestor.cosign.keyless.identities).toEqual([
    { issuer: carried.issuer, subject: carried.subject },
  ])
  expect(policy.spec.attestations).toEqual([{ name: 'gate', intoto: { type: VERDICT_PREDICATE } }])
  const expressions = policy.spec.validations
    .map((v: { expression: string }) => v.expression)
    .join('\n')
  expect(expressions).toContain(`verifyImageSignatures(image, [attestors.${attestor.name}])`)
  expect(expressions).toContain(
    `verifyAttestationSignatures(image, attestations.gate, [attestors.${attestor.name}])`,
  )
  expect(expressions).toContain(".predicate.verificationResult == 'PASSED'")
})

it('the verdict ClusterImagePolicy requires the verdict attestation from the identity, PASSED in Rego', async () => {
  const policy = parse(await read('policy-controller-gate.yaml'))
  expect(policy).toMatchObject({
    apiVersion: 'policy.sigstore.dev/v1beta1',
    kind: 'ClusterImagePolicy',
  })
  const authority = policy.spec.authorities[0]
  expect(authority.keyless.identities).toEqual([
    { issuer: carried.issuer, subject: carried.subject },
  ])
  const gate = authority.attestations[0]
  expect(gate.predicateType).toBe(VERDICT_PREDICATE)
  expect(gate.policy.type).toBe('rego')
  expect(gate.policy.data).toMatch(/^package sigstore$/m)
  expect(gate.policy.data).toContain('input.predicate.verificationResult == "PASSED"')
})

/** Each example's kind, by apiVersion and kind, to the CRD vendored for the version we test. */
const CRD_FOR: Record<string, string> = {
  'policies.kyverno.io/ImageValidatingPolicy':
    'kyverno-1.19.1.imagevalidatingpolicies.policies.kyverno.io.json',
  'kyverno.io/ClusterPolicy': 'kyverno-1.19.1.clusterpolicies.kyverno.io.json',
  'policy.sigstore.dev/ClusterImagePolicy':
    'policy-controller-0.15.1.clusterimagepolicies.policy.sigstore.dev.json',
  'policy.sigstore.dev/TrustRoot': 'policy-controller-0.15.1.trustroots.policy.sigstore.dev.json',
}

function crdFor(object: Record<string, unknown>) {
  const key = `${String(object.apiVersion).split('/')[0]}/${String(object.kind)}`
  const file = CRD_FOR[key]
  if (!file) throw new Error(`no vendored CRD for ${key}; add it to test/fixtures/crds`)
  return loadCrd(file)
}

describe("every YAML example validates against its CRD's OpenAPI schema", () => {
  // Kubernetes resources; GitHub workflows (rescan.yml, checked by test/rescan/example.test.ts)
  // are not admission policies.
  const files = readdirSync(examples).filter((f) => /\.ya?ml$/.test(f) && f !== 'rescan.yml')
  it('covers the examples there are', () => {
    expect(files.sort()).toEqual([
      'kyverno-cosign.yaml',
      'kyverno-image-validating-policy.yaml',
      'kyverno-sigstore-bundle.yaml',
      'policy-controller-gate.yaml',
      'policy-controller.yaml',
    ])
  })
  it.each(files)('%s', async (file) => {
    const docs = parseAllDocuments(await read(file)).map((d) => d.toJS())
    expect(docs.length).toBeGreaterThan(0)
    for (const doc of docs) expect(validateAgainstCrd(crdFor(doc), doc)).toEqual([])
  })
})

describe('the schema check rejects what the API server would reject or silently drop', () => {
  const ivpol = async () => parse(await read('kyverno-image-validating-policy.yaml'))
  const crd = loadCrd(CRD_FOR['policies.kyverno.io/ImageValidatingPolicy'] as string)

  it('a misspelled field (pruned by the API server: the check would silently vanish)', async () => {
    const p = await ivpol()
    p.spec.attestors[0].cosign.keyless.identitys = p.spec.attestors[0].cosign.keyless.identities
    delete p.spec.attestors[0].cosign.keyless.identities
    expect(validateAgainstCrd(crd, p)).toEqual([
      'spec.attestors[0].cosign.keyless: missing required field "identities"',
      'spec.attestors[0].cosign.keyless: unknown field "identitys" (the API server would drop it)',
    ])
  })

  it('a wrong type, a bad enum value, a missing required field and a oneOf violation', async () => {
    const p = await ivpol()
    p.spec.attestations[0].intoto.type = 42
    p.spec.validationActions = ['Block']
    delete p.spec.validations
    p.spec.matchImageReferences = [{ glob: 'a', expression: 'b' }]
    const errors = validateAgainstCrd(crd, p)
    expect(errors).toContain('spec.attestations[0].intoto.type: expected string, got integer')
    expect(
      errors.some((e) => e.startsWith('spec.validationActions[0]: "Block" is not one of')),
    ).toBe(true)
    expect(errors).toContain('spec: missing required field "validations"')
    expect(errors).toContain('spec.matchImageReferences[0]: matches 2 of oneOf, expected exactly 1')
  })

  it('the wrong apiVersion or kind for the CRD', async () => {
    const p = await ivpol()
    expect(validateAgainstCrd(crd, { ...p, apiVersion: 'policies.kyverno.io/v9' })[0]).toMatch(
      /^version v9 is not one of/,
    )
    expect(validateAgainstCrd(crd, { ...p, kind: 'ClusterPolicy' })).toEqual([
      'kind ClusterPolicy is not ImageValidatingPolicy',
    ])
  })
})
