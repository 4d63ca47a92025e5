/** Reading what a Fulcio certificate says about its signer, and finding its CA chain. */
import { pem, X509Certificate } from '@sigstore/core'

const OID_FULCIO_ISSUER_V1 = '1.3.6.1.4.1.57264.1.1'
const OID_FULCIO_ISSUER_V2 = '1.3.6.1.4.1.57264.1.8'

export interface CertificateIdentity {
  /** SAN: for GitHub Actions `https://github.com/<owner>/<repo>/.github/workflows/<file>@<ref>`. */
  subject?: string
  issuer?: string
}

export function certificateIdentity(certificate: X509Certificate): CertificateIdentity {
  const v2 = certificate.extension(OID_FULCIO_ISSUER_V2)
  const issuer = v2
    ? v2.valueObj.subs?.[0]?.value.toString('ascii')
    : certificate.extension(OID_FULCIO_ISSUER_V1)?.value.toString('ascii')
  const identity: CertificateIdentity = {}
  if (certificate.subjectAltName) identity.subject = certificate.subjectAltName
  if (issuer) identity.issuer = issuer
  return identity
}

export function identityFromPem(certificatePem: string): CertificateIdentity | undefined {
  try {
    return certificateIdentity(X509Certificate.parse(certificatePem))
  } catch {
    return undefined
  }
}

export function sameIdentity(
  a: CertificateIdentity | undefined,
  b: CertificateIdentity | undefined,
): boolean {
  return !!a?.subject && a.subject === b?.subject && a.issuer === b?.issuer
}

export const toPem = (der: Uint8Array): string => `${pem.fromDER(Buffer.from(der))}\n`

/** Trusted-root CA chains as DER lists: `certificateAuthorities[].certChain.certificates`. */
export type CaChains = Uint8Array[][]

/**
 * The chain above `leaf` (issuer first, root last) from the trusted root's CAs, as the
 * concatenated PEM cosign's `dev.sigstore.cosign/chain` annotation holds; '' when unknown,
 * which cosign, policy-controller and Kyverno accept (they load intermediates from TUF).
 */
export function chainPemFor(leafPem: string, chains: CaChains): string {
  const leaf = X509Certificate.parse(leafPem)
  for (const chain of chains) {
    const first = chain[0]
    if (!first) continue
    const issuer = X509Certificate.parse(Buffer.from(first))
    if (!issuer.subject.equals(leaf.issuer)) continue
    if (!leaf.verify(issuer)) continue
    return chain.map((der) => toPem(der)).join('')
  }
  return ''
}
