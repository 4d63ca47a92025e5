/**
 * Issue 10 §2 `rekor-version: 2`: bundles only, DSSE logged as the hashedrekord v0.0.2 that
 * Rekor v2 (rekor-tiles) accepts, a TSA timestamp always, and v0.3 bundles that verify.
 * The log is test/support/sigstore/rekor-v2.ts, which refuses what rekor-tiles refuses.
 */
import { createHash } from 'node:crypto'
import type { BundleWithDsseEnvelope } from '@sigstore/bundle'
import { dsse } from '@sigstore/core'
import { RekorWitness } from '@sigstore/sign'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bundleVerifier, verifyBundle } from '../../src/sign/bundle-verify.js'
import { asHashedRekord } from '../../src/sign/rekor-v2.js'
import { readSigningSettings, SigningInputError } from '../../src/sign/settings.js'
import { endpointsFromSigningConfig } from '../../src/sign/signing-config.js'
import { keylessSigner } from '../../src/sign/sigstore-signer.js'
import { signAndAttest, signingOutputs } from '../../src/sign/step.js'
import { trustedRootFromJSON } from '../../src/sign/trust-root.js'
import { memoryStore } from '../support/sigstore/memory-store.js'
import {
  GITHUB_ISSUER,
  identityOf,
  type MockSigstore,
  startMockSigstore,
} from '../support/sigstore/mock-sigstore.js'
import { CYCLONEDX, mockDeps, mockSettings, TRIVY_JSON } from '../support/sigstore/session.js'

const pub = { repositoryVisibility: 'public' as const }
const repo = { registry: '127.0.0.1:5000', repository: 'octo-org/app' }

function inputError(raw: Record<string, string>): SigningInputError {
  try {
    readSigningSettings(raw, pub)
  } catch (error) {
    if (error instanceof SigningInputError) return error
    throw error
  }
  throw new Error('expected a SigningInputError')
}

describe('rekor-version input', () => {
  it('defaults to 1 with both formats', () => {
    const s = readSigningSettings({ sign: 'true' }, pub)
    expect(s.sign && [s.rekorVersion, s.signatureFormat]).toEqual([1, 'both'])
  })

  it('2 means bundles only, and the bundle format becomes the default', () => {
    const s = readSigningSettings({ sign: 'true', 'rekor-version': '2' }, pub)
    expect(s.sign && [s.rekorVersion, s.signatureFormat, s.useSigningConfig]).toEqual([
      2,
      'bundle',
      true,
    ])
  })

  it.each(['both', 'cosign'])(
    'refuses signature-format %s with rekor-version 2, naming both inputs and the missing SET',
    (format) => {
      const error = inputError({ sign: 'true', 'rekor-version': '2', 'signature-format': format })
      expect(error.input).toBe('signature-format')
      expect(error.message).toContain(`'signature-format: ${format}'`)
      expect(error.message).toContain("'rekor-version: 2'")
      expect(error.message).toContain('SignedEntryTimestamp')
      expect(error.message).toContain("'signature-format: bundle'")
    },
  )

  it('refuses a version that is not 1 or 2', () => {
    const error = inputError({ sign: 'true', 'rekor-version': 'v3' })
    expect(error.input).toBe('rekor-version')
    expect(error.message).toBe('Input \'rekor-version\' must be one of 1, 2, got "v3".')
  })

  it('needs a timestamp authority when the services are given by hand', () => {
    const error = inputError({
      sign: 'true',
      'rekor-version': '2',
      'rekor-url': 'https://log2025-1.rekor.sigstore.dev',
    })
    expect(error.input).toBe('tsa-url')
    expect(error.message).toContain('RFC 3161')
  })

  it('takes the public-good Rekor v2 shard for the public instance (no mixed-instance error)', () => {
    const s = readSigningSettings(
      {
        sign: 'true',
        'rekor-version': '2',
        'rekor-url': 'https://log2025-1.rekor.sigstore.dev',
        'tsa-url': 'https://timestamp.sigstore.dev/api/v1/timestamp',
      },
      pub,
    )
    expect(s.sign && s.publicTransparencyLog).toBe(true)
  })

  it('picks the Rekor v2 log (and requires a TSA) from a signing config', () => {
    const config = {
      mediaType: 'application/vnd.dev.sigstore.signingconfig.v0.2+json',
      caUrls: [{ url: 'https://fulcio.sigstore.dev', majorApiVersion: 1 }],
      rekorTlogUrls: [
        {
          url: 'https://log2025-1.rekor.sigstore.dev',
          majorApiVersion: 2,
          validFor: { start: '2026-01-01T00:00:00Z' },
        },
        { url: 'https://rekor.sigstore.dev', majorApiVersion: 1 },
      ],
      tsaUrls: [{ url: 'https://timestamp.sigstore.dev/api/v1/timestamp', majorApiVersion: 1 }],
    }
    const now = new Date('2026-11-30T00:00:00Z')
    expect(endpointsFromSigningConfig(config, now, 2).rekorURL).toBe(
      'https://log2025-1.rekor.sigstore.dev',
    )
    expect(endpointsFromSigningConfig(config, now, 1).rekorURL).toBe('https://rekor.sigstore.dev')
    expect(() => endpointsFromSigningConfig({ ...config, tsaUrls: [] }, now, 2)).toThrow(
      /no valid timestamp authority/,
    )
  })
})

describe('signing against Rekor v2', () => {
  let sigstore: MockSigstore
  beforeAll(async () => {
    sigstore = await startMockSigstore()
  })
  afterAll(async () => {
    await sigstore?.close()
  })

  const v2Settings = () =>
    mockSettings(
      sigstore,
      { 'rekor-version': '2', 'rekor-url': sigstore.rekorV2URL, 'signature-format': 'bundle' },
      true,
    )

  it('the stand-in refuses what @sigstore/sign 5.1 sends for DSSE to Rekor v2 (dsseRequestV002), as rekor-tiles does', async () => {
    const before = sigstore.rekorV2.entries.length
    const witness = new RekorWitness({
      rekorBaseURL: sigstore.rekorV2URL,
      majorApiVersion: 2,
      retry: { retries: 0 },
    })
    const signer = keylessSigner({
      endpoints: { fulcioURL: sigstore.fulcioURL, rekorURL: sigstore.rekorURL },
      getToken: async () => sigstore.token(),
    })
    // A real DSSE bundle (from Rekor v1) supplies the envelope and certificate.
    const bundle = await signer.signStatement(Buffer.from('{"_type":"x"}'))
    const pem = certificatePem(bundle)
    await expect(witness.testify(bundle.content, pem)).rejects.toThrow(
      /invalid type, must be hashedrekord/,
    )
    // The same signature as Shipgate hands it over: accepted.
    const accepted = await witness.testify(asHashedRekord(bundle.content), pem)
    expect(accepted.tlogEntries?.[0]?.kindVersion).toEqual({
      kind: 'hashedrekord',
      version: '0.0.2',
    })
    expect(sigstore.rekorV2.entries.length).toBe(before + 1)
  })

  it('the stand-in refuses a hashedrekord whose digest is not what was signed', async () => {
    const signer = keylessSigner({
      endpoints: { fulcioURL: sigstore.fulcioURL, rekorURL: sigstore.rekorURL },
      getToken: async () => sigstore.token(),
    })
    const bundle = await signer.signStatement(Buffer.from('{"_type":"y"}'))
    const content = asHashedRekord(bundle.content)
    if (content.$case !== 'messageSignature') throw new Error('expected a message signature')
    const forged = {
      ...content,
      messageSignature: {
        ...content.messageSignature,
        // sha256 of the payload instead of the PAE: the old (wrong) encoding
        messageDigest: {
          algorithm: content.messageSignature.messageDigest?.algorithm ?? 1,
          digest: createHash('sha256').update(bundle.content.dsseEnvelope.payload).digest(),
        },
      },
    }
    const witness = new RekorWitness({
      rekorBaseURL: sigstore.rekorV2URL,
      majorApiVersion: 2,
      retry: { retries: 0 },
    })
    await expect(witness.testify(forged, certificatePem(bundle))).rejects.toThrow(
      /invalid hashedrekord request/,
    )
  })

  it('signs bundles only, sends hashedrekord v0.0.2 over the DSSE PAE, and reads back v0.3 bundles that verify', async () => {
    const store = memoryStore({ referrersApi: true })
    const image = store.addImage(repo, 'v2')
    const requests = sigstore.rekorV2.requests.length
    const v1Calls = sigstore.calls.rekor
    const tsaCalls = sigstore.calls.tsa
    const deps = mockDeps(sigstore, store)
    const report = await signAndAttest(
      {
        image: '127.0.0.1:5000/octo-org/app:v2',
        sbomPath: CYCLONEDX,
        vuln: { trivyJsonPath: TRIVY_JSON },
      },
      v2Settings(),
      deps,
    )
    expect(report.verified).toBe(true)
    expect(report.signatures.map((s) => s.format)).toEqual(['bundle'])
    expect(report.attestations.every((a) => a.format === 'bundle')).toBe(true)
    expect(report.transparencyLog).toMatch(/\(Rekor v2\) entry \d+$/)
    // Nothing went to Rekor v1, and no classic tags exist.
    expect(sigstore.calls.rekor).toBe(v1Calls)
    expect([...store.manifests.keys()].some((k) => /\.(sig|att)$/.test(k))).toBe(false)
    // One TSA timestamp per signature (image signature + SBOM + vuln report).
    expect(sigstore.calls.tsa - tsaCalls).toBe(3)

    // Exactly the shape rekor-tiles CLIENTS.md documents, for each of the three DSSE bundles.
    const sent = sigstore.rekorV2.requests.slice(requests) as Record<string, unknown>[]
    expect(sent).toHaveLength(3)
    const bundles = await referrerBundles(store, image.digest)
    expect(bundles).toHaveLength(3)
    for (const request of sent) {
      expect(Object.keys(request)).toEqual(['hashedRekordRequestV002'])
      const hr = request.hashedRekordRequestV002 as {
        digest: string
        signature: { content: string; verifier: Record<string, unknown> }
      }
      expect(Object.keys(hr.signature.verifier).sort()).toEqual(['keyDetails', 'x509Certificate'])
      expect(hr.signature.verifier.keyDetails).toBe('PKIX_ECDSA_P256_SHA_256')
      const bundle = bundles.find(
        (b) =>
          b.content.dsseEnvelope.signatures[0]?.sig.toString('base64') === hr.signature.content,
      )
      expect(bundle, 'every request matches a pushed bundle').toBeDefined()
      const envelope = (bundle as BundleWithDsseEnvelope).content.dsseEnvelope
      expect(hr.digest).toBe(
        createHash('sha256')
          .update(dsse.preAuthEncoding(envelope.payloadType, envelope.payload))
          .digest('base64'),
      )
    }
    for (const bundle of bundles) {
      expect(bundle.mediaType).toBe('application/vnd.dev.sigstore.bundle.v0.3+json')
      const [entry] = bundle.verificationMaterial.tlogEntries
      expect(entry?.kindVersion).toEqual({ kind: 'hashedrekord', version: '0.0.2' })
      expect(entry?.inclusionPromise).toBeUndefined()
      expect(entry?.inclusionProof?.checkpoint?.envelope).toMatch(
        new RegExp(`^${new URL(sigstore.rekorV2URL).hostname.replaceAll('.', '\\.')}\n`),
      )
      expect(bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps).toHaveLength(
        1,
      )
    }
    expect(signingOutputs([report])['signature-verified']).toBe('true')
  })

  it('a Rekor v2 bundle stripped of its TSA timestamp does not verify (no SET, no integrated time)', async () => {
    const store = memoryStore({ referrersApi: true })
    const image = store.addImage(repo, 'strip')
    const deps = mockDeps(sigstore, store)
    await signAndAttest(
      { image: '127.0.0.1:5000/octo-org/app:strip', vuln: { trivyJsonPath: TRIVY_JSON } },
      { ...v2Settings(), attestSbom: false },
      deps,
    )
    const verifier = bundleVerifier(trustedRootFromJSON(sigstore.trustedRoot))
    const policy = { identity: { exact: identityOf(sigstore.claims) }, issuer: GITHUB_ISSUER }
    const bundles = await referrerBundles(store, image.digest)
    expect(bundles).toHaveLength(2)
    for (const bundle of bundles) {
      // As pushed: verifies.
      expect(verifyBundle(verifier, bundle, policy, image.digest).signer.issuer).toBe(GITHUB_ISSUER)
      // The attack: the same bundle without its timestamp.
      const stripped = {
        ...bundle,
        verificationMaterial: {
          ...bundle.verificationMaterial,
          timestampVerificationData: undefined,
        },
      } as typeof bundle
      expect(() => verifyBundle(verifier, stripped, policy, image.digest)).toThrow(/TIMESTAMP/)
    }
  })
})

function certificatePem(bundle: BundleWithDsseEnvelope): string {
  const vm = bundle.verificationMaterial.content
  const der =
    vm.$case === 'certificate'
      ? vm.certificate.rawBytes
      : vm.$case === 'x509CertificateChain'
        ? vm.x509CertificateChain.certificates[0]?.rawBytes
        : undefined
  if (!der) throw new Error('no certificate')
  return `-----BEGIN CERTIFICATE-----\n${Buffer.from(der)
    .toString('base64')
    .replace(/.{64}/g, '$&\n')
    .replace(/\n?$/, '\n')}-----END CERTIFICATE-----\n`
}

async function referrerBundles(
  store: ReturnType<typeof memoryStore>,
  digest: string,
): Promise<BundleWithDsseEnvelope[]> {
  const { bundleFromJSON } = await import('@sigstore/bundle')
  const { findBundleReferrers } = await import('../../src/sign/referrers.js')
  const { referrers } = await findBundleReferrers(store, repo, digest)
  const out: BundleWithDsseEnvelope[] = []
  for (const r of referrers) {
    const manifest = await store.getManifest(repo, r.digest)
    const layer = JSON.parse(Buffer.from(manifest?.bytes ?? []).toString()).layers[0]
    const blob = await store.getBlob(repo, layer.digest)
    out.push(bundleFromJSON(JSON.parse(Buffer.from(blob).toString())) as BundleWithDsseEnvelope)
  }
  return out
}
