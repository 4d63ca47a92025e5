/**
 * Rekor v2 (rekor-tiles) accepts one entry type: `hashedrekord` v0.0.2 at
 * `POST /api/v2/log/entries` (rekor-tiles internal/server/service.go CreateEntry: anything
 * else is "invalid type, must be hashedrekord"; DSSE was dropped in v2.3.0). A DSSE
 * signature goes there as a hashedrekord over SHA-256 of the DSSE pre-authentication
 * encoding, with the envelope's signature (rekor-tiles CLIENTS.md "DSSE / signed
 * attestations"), which @sigstore/verify checks through `compareSignedDigest`.
 * @sigstore/sign 5.1.0's RekorWitness still sends the rejected `dsseRequestV002` for DSSE,
 * so this witness hands it the DSSE signature as the message signature it really is.
 */
import { createHash } from 'node:crypto'
import { dsse } from '@sigstore/core'
import { HashAlgorithm } from '@sigstore/protobuf-specs'
import {
  RekorWitness,
  type RekorWitnessOptions,
  type SignatureBundle,
  type VerificationMaterial,
  type Witness,
} from '@sigstore/sign'

/** rekor-tiles CLIENTS.md: "increase request timeouts when creating entries to at least 20 seconds". */
export const REKOR_V2_MIN_TIMEOUT_MS = 20_000

/** The hashedrekord form of a signature: DSSE becomes sha256(PAE) + its one signature. */
export function asHashedRekord(content: SignatureBundle): SignatureBundle {
  if (content.$case === 'messageSignature') return content
  const envelope = content.dsseEnvelope
  const [signature, ...more] = envelope.signatures
  if (!signature || more.length) {
    throw new Error(
      `a DSSE envelope with ${envelope.signatures.length} signatures cannot be logged in Rekor v2 (one signature per hashedrekord entry)`,
    )
  }
  const digest = createHash('sha256')
    .update(dsse.preAuthEncoding(envelope.payloadType, envelope.payload))
    .digest()
  return {
    $case: 'messageSignature',
    messageSignature: {
      messageDigest: { algorithm: HashAlgorithm.SHA2_256, digest },
      signature: signature.sig,
    },
  }
}

export class RekorV2Witness implements Witness {
  private readonly rekor: RekorWitness

  constructor(options: Omit<RekorWitnessOptions, 'majorApiVersion' | 'entryType'>) {
    this.rekor = new RekorWitness({
      ...options,
      majorApiVersion: 2,
      timeout: Math.max(options.timeout ?? 0, REKOR_V2_MIN_TIMEOUT_MS),
    })
  }

  testify(content: SignatureBundle, publicKey: string): Promise<VerificationMaterial> {
    return this.rekor.testify(asHashedRekord(content), publicKey)
  }
}
