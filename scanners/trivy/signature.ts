/**
 * Checks a Trivy release asset against its own Sigstore bundle (`<asset>.sigstore.json`,
 * published for every asset since v0.68.1): the certificate chains to the trusted Fulcio, the
 * signature covers these exact bytes, the Rekor entry is there, and the signer is Trivy's
 * release workflow for this very tag.
 *
 * A signature proves origin, not innocence: in March 2026 a malicious release came out of the
 * genuine pipeline. That is why refused versions stay refused whatever they are signed with,
 * and why Shipgate's checksum table stays a second, independent check.
 */
import type { Bundle } from '@sigstore/bundle'
import type { TrustedRoot } from '../../src/sign/trust-root.js'
import { versionAtLeast } from './versions.js'

export const TRIVY_SIGNING_ISSUER = 'https://token.actions.githubusercontent.com'

/** The first release whose assets carry `.sigstore.json` bundles (earlier ones had `.sig`/`.pem`). */
export const FIRST_BUNDLED_TRIVY_VERSION = '0.68.1'

/** The certificate SAN of Trivy's release workflow when it runs for tag `v<version>`. */
export function trivyReleaseIdentity(version: string): string {
  return `https://github.com/aquasecurity/trivy/.github/workflows/reusable-release.yaml@refs/tags/v${version}`
}

export function bundleName(assetName: string): string {
  return `${assetName}.sigstore.json`
}

export function hasSigstoreBundle(version: string): Promise<boolean> {
  return versionAtLeast(version, FIRST_BUNDLED_TRIVY_VERSION)
}

export type SignatureFailure = 'signature-malformed' | 'signature-invalid' | 'signature-identity'

export class TrivySignatureError extends Error {
  override name = 'TrivySignatureError'
  constructor(
    readonly code: SignatureFailure,
    message: string,
  ) {
    super(message)
  }
}

export interface VerifiedTrivySignature {
  identity: string
  issuer: string
  logIndex?: string
}

/**
 * Throws TrivySignatureError naming what failed; returns who signed when everything holds.
 * `artifact` is the downloaded asset's bytes, `bundleText` the `.sigstore.json` next to it.
 */
export async function verifyTrivySignature(input: {
  version: string
  assetName: string
  artifact: Buffer
  bundleText: string
  trustedRoot: TrustedRoot
}): Promise<VerifiedTrivySignature> {
  // The Sigstore verifier loads only when a download is checked, not with the installer (issue 13).
  const [{ bundleFromJSON }, { toSignedEntity }, { bundleVerifier, verificationPolicy }] =
    await Promise.all([
      import('@sigstore/bundle'),
      import('@sigstore/verify'),
      import('../../src/sign/bundle-verify.js'),
    ])
  const { version, assetName } = input
  const identity = trivyReleaseIdentity(version)
  let bundle: Bundle
  try {
    bundle = bundleFromJSON(JSON.parse(input.bundleText))
  } catch (error) {
    throw new TrivySignatureError(
      'signature-malformed',
      `${bundleName(assetName)} is not a Sigstore bundle (${(error as Error).message}); ` +
        `nothing was installed.`,
    )
  }
  if (bundle.content.$case !== 'messageSignature') {
    throw new TrivySignatureError(
      'signature-malformed',
      `${bundleName(assetName)} holds a ${bundle.content.$case} bundle, not the blob signature ` +
        `Trivy's release workflow publishes; nothing was installed.`,
    )
  }
  const verifier = bundleVerifier(input.trustedRoot)
  try {
    const signer = verifier.verify(
      // The signed entity is the asset itself, so any changed byte breaks the signature.
      toSignedEntity(bundle, input.artifact),
      verificationPolicy({ identity: { exact: identity }, issuer: TRIVY_SIGNING_ISSUER }),
    )
    const logIndex = bundle.verificationMaterial.tlogEntries[0]?.logIndex
    return {
      identity: signer.identity?.subjectAlternativeName ?? identity,
      issuer: signer.identity?.extensions?.issuer ?? TRIVY_SIGNING_ISSUER,
      ...(logIndex !== undefined ? { logIndex: String(logIndex) } : {}),
    }
  } catch (error) {
    const e = error as { name?: string; code?: string; message?: string }
    if (e.name === 'PolicyError') {
      throw new TrivySignatureError(
        'signature-identity',
        `Refusing ${assetName}: its signature is valid but was not made by Trivy's release workflow ` +
          `for v${version} (expected ${identity}, issuer ${TRIVY_SIGNING_ISSUER}; ${e.message}). ` +
          'Someone other than Trivy signed these bytes; nothing was installed.',
      )
    }
    throw new TrivySignatureError(
      'signature-invalid',
      `Refusing ${assetName}: its Sigstore bundle does not verify (${e.code ? `${e.code}: ` : ''}${e.message ?? String(error)}). ` +
        'The download may have been tampered with, or the bundle belongs to other bytes; nothing was installed.',
    )
  }
}
