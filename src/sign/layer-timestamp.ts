/**
 * cosign's check of the `dev.sigstore.cosign/rfc3161timestamp` annotation on classic layers:
 * the RFC 3161 timestamp is over the layer bytes (for `.att`, the DSSE envelope JSON; cosign
 * pkg/cosign/verify.go `VerifyRFC3161Timestamp` is handed the layer payload), it must chain to
 * a timestamp authority of the trusted root, and the signing certificate must have been valid
 * at the stamped time. A bundle's own timestamps cover the signature instead, so
 * @sigstore/verify cannot check this one from a rebuilt bundle; its TSA check itself is reused.
 */
import { RFC3161Timestamp, X509Certificate } from '@sigstore/core'
import type { TrustedRoot } from '@sigstore/protobuf-specs'
import { toTrustMaterial } from '@sigstore/verify'
// Not re-exported by @sigstore/verify's index; the package has no exports map. This is the
// exact check it applies to bundle timestamps (message imprint, signature, chain to a
// trusted TSA valid at the time), rather than a second implementation of it.
import { verifyRFC3161Timestamp } from '@sigstore/verify/dist/timestamp/tsa.js'

export class LayerTimestampError extends Error {
  override name = 'LayerTimestampError'
}

/** Returns the stamped time, or throws LayerTimestampError saying what does not hold. */
export function checkLayerTimestamp(
  annotation: string,
  layerBytes: Uint8Array,
  leafCertificatePem: string,
  timestampAuthorities: ReturnType<typeof toTrustMaterial>['timestampAuthorities'],
): Date {
  const fail = (why: string): never => {
    throw new LayerTimestampError(`the RFC 3161 timestamp annotation ${why}`)
  }
  let der: Buffer<ArrayBuffer> | undefined
  try {
    const parsed = JSON.parse(annotation) as { SignedRFC3161Timestamp?: unknown }
    if (typeof parsed.SignedRFC3161Timestamp === 'string')
      der = Buffer.from(parsed.SignedRFC3161Timestamp, 'base64')
  } catch {
    // reported below
  }
  if (!der?.length) return fail('is not {"SignedRFC3161Timestamp": "<base64>"}')
  let timestamp: RFC3161Timestamp
  try {
    timestamp = RFC3161Timestamp.parse(der)
  } catch (error) {
    return fail(`is not an RFC 3161 timestamp (${(error as Error).message})`)
  }
  try {
    verifyRFC3161Timestamp(timestamp, Buffer.from(layerBytes), timestampAuthorities)
  } catch (error) {
    return fail(
      `does not verify over this layer against the trusted timestamp authorities (${(error as Error).message})`,
    )
  }
  const time = timestamp.signingTime
  if (!X509Certificate.parse(leafCertificatePem).validForDate(time))
    return fail(`dates the signature at ${time.toISOString()}, outside the certificate's validity`)
  return time
}

export function timestampAuthoritiesOf(root: TrustedRoot) {
  return toTrustMaterial(root).timestampAuthorities
}
