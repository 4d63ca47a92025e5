/**
 * `vex: oci`: an image's OpenVEX attestations, signed through a mock Sigstore and attached as
 * Sigstore bundle referrers in an in-memory registry, are kept only when the verify code accepts
 * them for the expected identity. Trivy never sees one that did not verify.
 */
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { attestationLayer } from '../../src/sign/cosign-format.js'
import { appendCosignLayer } from '../../src/sign/cosign-publish.js'
import { statement } from '../../src/sign/payloads.js'
import { attachBundleReferrer } from '../../src/sign/referrers.js'
import { keylessSigner } from '../../src/sign/sigstore-signer.js'
import { trustedRootFromJSON } from '../../src/sign/trust-root.js'
import { ociVexReader } from '../../src/vex/oci.js'
import { memoryStore } from '../support/sigstore/memory-store.js'
import {
  GITHUB_ISSUER,
  identityOf,
  type MockSigstore,
  startMockSigstore,
} from '../support/sigstore/mock-sigstore.js'
import { mockSettings } from '../support/sigstore/session.js'

const repo = { registry: '127.0.0.1:5000', repository: 'octo-org/app' }
const IMAGE = '127.0.0.1:5000/octo-org/app:v1'
const OPENVEX = JSON.parse(
  readFileSync(new URL('../fixtures/vex/alpine-310.openvex.json', import.meta.url), 'utf8'),
)

let sigstore: MockSigstore
beforeAll(async () => {
  sigstore = await startMockSigstore()
})
afterAll(async () => {
  await sigstore?.close()
})

/** An image with an OpenVEX attestation (predicate type `type`) signed by the mock's workflow. */
async function attestedImage(type = 'https://openvex.dev/ns/v0.2.0', predicate: unknown = OPENVEX) {
  const store = memoryStore({ referrersApi: true })
  const subject = store.addImage(repo, 'v1')
  const signer = keylessSigner({
    endpoints: mockSettings(sigstore).endpoints,
    getToken: async () => sigstore.token(),
  })
  const bundle = await signer.signStatement(statement(repo, subject.digest, type, predicate))
  await attachBundleReferrer(
    store,
    repo,
    subject,
    bundle,
    type,
    { subject: identityOf(sigstore.claims), issuer: GITHUB_ISSUER },
    new Date(),
  )
  return { store, subject }
}

function reader(
  store: ReturnType<typeof memoryStore>,
  identity: string,
  requiredAuthors?: string[],
) {
  return ociVexReader({
    store: () => store,
    trustedRoot: async () => trustedRootFromJSON(sigstore.trustedRoot),
    policy: { identity: { exact: identity }, issuer: GITHUB_ISSUER },
    requiredAuthors,
  })
}

describe('vex: oci', () => {
  it('an OpenVEX attestation signed by the expected identity is handed to Trivy as a file', async () => {
    const { store, subject } = await attestedImage()
    const dir = mkdtempSync(join(tmpdir(), 'oci-vex-'))
    const out = await reader(store, identityOf(sigstore.claims))(IMAGE, dir)
    expect(out.warnings).toEqual([])
    expect(out.files).toHaveLength(1)
    const file = out.files[0]?.path as string
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(OPENVEX)
    expect(out.records[0]).toMatchObject({
      kind: 'oci',
      image: IMAGE,
      format: 'openvex',
      applied: true,
      authors: ['octo-org security'],
      signer: { identity: identityOf(sigstore.claims), issuer: GITHUB_ISSUER },
      reference: expect.stringMatching(/^127\.0\.0\.1:5000\/octo-org\/app@sha256:/),
    })
    expect(subject.digest).toMatch(/^sha256:/)
  })

  it('signed by another identity: ignored with a warning naming why; no file, so the findings count', async () => {
    const { store } = await attestedImage()
    const dir = mkdtempSync(join(tmpdir(), 'oci-vex-'))
    const expected = 'https://github.com/octo-org/app/.github/workflows/deploy.yml@refs/heads/main'
    const out = await reader(store, expected)(IMAGE, dir)
    expect(out.files).toEqual([])
    expect(out.records).toEqual([])
    expect(out.warnings).toHaveLength(1)
    expect(out.warnings[0]).toMatch(
      /^127\.0\.0\.1:5000\/octo-org\/app:v1: OpenVEX attestation 127\.0\.0\.1:5000\/octo-org\/app@sha256:[0-9a-f]{64} ignored, its statements suppress nothing: .*(identity|SAN|subject)/i,
    )
  })

  it('a signed OpenVEX attestation whose author is not vex-required-author is listed, not applied', async () => {
    const { store } = await attestedImage()
    const dir = mkdtempSync(join(tmpdir(), 'oci-vex-'))
    const out = await reader(store, identityOf(sigstore.claims), ['octo-org platform'])(IMAGE, dir)
    expect(out.files).toEqual([])
    expect(out.records[0]).toMatchObject({ applied: false })
    expect(out.warnings[0]).toMatch(/is not applied: its author "octo-org security" is not one of/)
  })

  it('the cosign .att format is read too, and verified the same way', async () => {
    const store = memoryStore({ referrersApi: false })
    const subject = store.addImage(repo, 'v1')
    const signer = keylessSigner({
      endpoints: mockSettings(sigstore).endpoints,
      getToken: async () => sigstore.token(),
    })
    const type = 'https://openvex.dev/ns'
    const bundle = await signer.signStatement(statement(repo, subject.digest, type, OPENVEX))
    const identity = { subject: identityOf(sigstore.claims), issuer: GITHUB_ISSUER }
    await appendCosignLayer(
      store,
      repo,
      subject.digest,
      'att',
      attestationLayer(bundle, type, ''),
      identity,
    )
    const dir = mkdtempSync(join(tmpdir(), 'oci-vex-'))
    const ok = await reader(store, identityOf(sigstore.claims))(IMAGE, dir)
    expect(ok.warnings).toEqual([])
    expect(ok.records[0]).toMatchObject({
      applied: true,
      reference: expect.stringMatching(/:sha256-[0-9a-f]{64}\.att#0$/),
    })
    const wrong = await reader(
      store,
      'https://github.com/evil/app/.github/workflows/x.yml@refs/heads/main',
    )(IMAGE, dir)
    expect(wrong.files).toEqual([])
    expect(wrong.warnings[0]).toMatch(/\.att#0 ignored, its statements suppress nothing/)
  })

  it('other attestations (an SBOM) are not VEX: not read, not warned about', async () => {
    const { store } = await attestedImage('https://cyclonedx.org/bom', { bomFormat: 'CycloneDX' })
    const out = await reader(store, 'https://nobody.example')(
      IMAGE,
      mkdtempSync(join(tmpdir(), 'x-')),
    )
    expect(out).toEqual({ records: [], files: [], warnings: [] })
  })
})
