/**
 * Checking one Sigstore bundle the way admission controllers do: certificate chain to the
 * trusted Fulcio, SCT, Rekor entry (SET or inclusion proof), signature, then the policy
 * (identity matched exactly, issuer exactly) and the claim (it is about this digest).
 */
import type { Bundle } from '@sigstore/bundle'
import { X509Certificate } from '@sigstore/core'
import {
  toSignedEntity,
  toTrustMaterial,
  type VerificationPolicy,
  Verifier,
} from '@sigstore/verify'
import { type CertificateIdentity, certificateIdentity } from './certificate.js'
import { leafCertificatePem } from './cosign-format.js'
import { IN_TOTO_PAYLOAD_TYPE, type Statement } from './payloads.js'
import type { TrustedRoot } from './trust-root.js'

export type IdentityMatcher = { exact: string } | { regexp: string }

export interface IdentityPolicy {
  identity: IdentityMatcher
  /** OIDC issuer, matched exactly: `https://token.actions.githubusercontent.com` for GitHub Actions. */
  issuer: string
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')

/** @sigstore/verify treats SAN strings as unanchored regexes: always hand it an anchored RegExp. */
export function sanPattern(identity: IdentityMatcher): RegExp {
  return 'exact' in identity
    ? new RegExp(`^${escapeRegExp(identity.exact)}$`)
    : new RegExp(`^(?:${identity.regexp})$`)
}

export function verificationPolicy(policy: IdentityPolicy): VerificationPolicy {
  return {
    subjectAlternativeName: sanPattern(policy.identity),
    extensions: { issuer: policy.issuer },
  }
}

export function bundleVerifier(root: TrustedRoot): Verifier {
  return new Verifier(toTrustMaterial(root), {
    tlogThreshold: 1,
    ctlogThreshold: 1,
    // Rekor's integrated time counts as a timestamp; a TSA timestamp is extra, not required.
    timestampThreshold: 1,
  })
}

export class ClaimError extends Error {
  override name = 'ClaimError'
}

export interface VerifiedBundle {
  signer: CertificateIdentity
  /** Set for DSSE bundles: the in-toto statement they carry. */
  statement?: Statement
  logIndex?: string
}

function describe(error: unknown): string {
  const e = error as { code?: string; message?: string }
  return e.code ? `${e.code}: ${e.message}` : String(e.message ?? error)
}

export class BundleRejected extends Error {
  override name = 'BundleRejected'
}

/**
 * Verifies `bundle` against the trust root and policy, and that it speaks about `digest`.
 * `payload` is the signed artifact for message-signature bundles (the simple-signing JSON).
 * Throws BundleRejected with the reason otherwise.
 */
export function verifyBundle(
  verifier: Verifier,
  bundle: Bundle,
  policy: IdentityPolicy | undefined,
  digest: string,
  payload?: Uint8Array,
): VerifiedBundle {
  try {
    verifier.verify(
      toSignedEntity(bundle, payload ? Buffer.from(payload) : undefined),
      policy ? verificationPolicy(policy) : undefined,
    )
  } catch (error) {
    throw new BundleRejected(describe(error))
  }
  const signer = certificateIdentity(X509Certificate.parse(leafCertificatePem(bundle)))
  const logIndex = bundle.verificationMaterial.tlogEntries[0]?.logIndex
  const result: VerifiedBundle = { signer }
  if (logIndex !== undefined) result.logIndex = String(logIndex)

  if (bundle.content.$case === 'dsseEnvelope') {
    const envelope = bundle.content.dsseEnvelope
    if (envelope.payloadType !== IN_TOTO_PAYLOAD_TYPE) {
      throw new BundleRejected(
        `DSSE payload type is ${envelope.payloadType}, not an in-toto statement`,
      )
    }
    let statement: Statement
    try {
      statement = JSON.parse(Buffer.from(envelope.payload).toString('utf8')) as Statement
    } catch {
      throw new BundleRejected('the DSSE payload is not JSON')
    }
    const [algorithm, hex] = digest.split(':') as [string, string]
    if (!statement.subject?.some((s) => s.digest?.[algorithm] === hex)) {
      throw new BundleRejected(`the statement is about another artifact, not ${digest}`)
    }
    result.statement = statement
    return result
  }

  if (!payload) throw new BundleRejected('message signature without its payload')
  let simple: { critical?: { image?: { 'docker-manifest-digest'?: string }; type?: string } }
  try {
    simple = JSON.parse(Buffer.from(payload).toString('utf8'))
  } catch {
    throw new BundleRejected('the signed payload is not JSON')
  }
  if (simple.critical?.type !== 'cosign container image signature') {
    throw new BundleRejected('the signed payload is not a cosign container image signature')
  }
  if (simple.critical.image?.['docker-manifest-digest'] !== digest) {
    throw new BundleRejected(
      `the signature is for ${simple.critical.image?.['docker-manifest-digest'] ?? 'no digest'}, not ${digest}`,
    )
  }
  return result
}
