/**
 * cosign's classic storage: signatures as layers of the `sha256-<hex>.sig` image and
 * attestations as layers of `sha256-<hex>.att`, with the certificate, chain and Rekor
 * SignedEntryTimestamp in layer annotations (sigstore/cosign specs/SIGNATURE_SPEC.md,
 * ATTESTATION_SPEC.md). Converts our Sigstore bundles into that form and back.
 */
import { createHash } from 'node:crypto'
import {
  type Bundle,
  type BundleWithDsseEnvelope,
  type BundleWithMessageSignature,
  bundleFromJSON,
  envelopeToJSON,
} from '@sigstore/bundle'
import { pem } from '@sigstore/core'
import type { Descriptor } from '../registry/media-types.js'
import { toPem } from './certificate.js'

export const SIMPLESIGNING_MEDIA_TYPE = 'application/vnd.dev.cosign.simplesigning.v1+json'
export const DSSE_LAYER_MEDIA_TYPE = 'application/vnd.dsse.envelope.v1+json'
export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json'
export const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json'

export const Annotation = {
  signature: 'dev.cosignproject.cosign/signature',
  certificate: 'dev.sigstore.cosign/certificate',
  chain: 'dev.sigstore.cosign/chain',
  bundle: 'dev.sigstore.cosign/bundle',
  timestamp: 'dev.sigstore.cosign/rfc3161timestamp',
  predicateType: 'predicateType',
} as const

export type Suffix = 'sig' | 'att'

/** `sha256:abc…` → `sha256-abc….sig` */
export function cosignTag(digest: string, suffix: Suffix): string {
  return `${digest.replace(':', '-')}.${suffix}`
}

export const sha256 = (data: Uint8Array | string): string =>
  `sha256:${createHash('sha256').update(data).digest('hex')}`

/** A layer to add: its blob and descriptor. */
export interface CosignLayer {
  blob: Buffer
  descriptor: Descriptor
}

function leafCertificate(bundle: Bundle): Uint8Array {
  const content = bundle.verificationMaterial.content
  switch (content.$case) {
    case 'x509CertificateChain': {
      const first = content.x509CertificateChain.certificates[0]
      if (!first) throw new Error('bundle has an empty certificate chain')
      return first.rawBytes
    }
    case 'certificate':
      return content.certificate.rawBytes
    default:
      throw new Error('bundle is not signed with a certificate (keyless signing expected)')
  }
}

export function leafCertificatePem(bundle: Bundle): string {
  return toPem(leafCertificate(bundle))
}

function commonAnnotations(bundle: Bundle, chainPem: string): Record<string, string> {
  const entry = bundle.verificationMaterial.tlogEntries[0]
  if (!entry?.inclusionPromise) {
    // Rekor v2 entries carry no SET: the classic format cannot represent them.
    throw new Error('the bundle has no Rekor v1 inclusion promise (SignedEntryTimestamp)')
  }
  const annotations: Record<string, string> = {
    [Annotation.certificate]: leafCertificatePem(bundle),
    [Annotation.chain]: chainPem,
    [Annotation.bundle]: JSON.stringify({
      SignedEntryTimestamp: Buffer.from(entry.inclusionPromise.signedEntryTimestamp).toString(
        'base64',
      ),
      Payload: {
        body: Buffer.from(entry.canonicalizedBody).toString('base64'),
        integratedTime: Number(entry.integratedTime),
        logIndex: Number(entry.logIndex),
        logID: Buffer.from(entry.logId?.keyId ?? []).toString('hex'),
      },
    }),
  }
  const timestamp = bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps[0]
  if (timestamp) {
    annotations[Annotation.timestamp] = JSON.stringify({
      SignedRFC3161Timestamp: Buffer.from(timestamp.signedTimestamp).toString('base64'),
    })
  }
  return annotations
}

/** The `.sig` layer: the exact signed payload as blob, signature and proofs as annotations. */
export function signatureLayer(
  bundle: BundleWithMessageSignature,
  payload: Buffer,
  chainPem: string,
): CosignLayer {
  return {
    blob: payload,
    descriptor: {
      mediaType: SIMPLESIGNING_MEDIA_TYPE,
      size: payload.length,
      digest: sha256(payload),
      annotations: {
        [Annotation.signature]: Buffer.from(bundle.content.messageSignature.signature).toString(
          'base64',
        ),
        ...commonAnnotations(bundle, chainPem),
      },
    },
  }
}

/**
 * The `.att` layer: the DSSE envelope, byte-identical to what Rekor hashed (cosign compares
 * the entry's envelopeHash with sha256 of this blob).
 */
export function attestationLayer(
  bundle: BundleWithDsseEnvelope,
  predicateType: string,
  chainPem: string,
  /** A timestamp over the layer bytes (see `attestationLayerBytes`); replaces the bundle's. */
  layerTimestamp?: Uint8Array,
): CosignLayer {
  const blob = attestationLayerBytes(bundle)
  const common = commonAnnotations(bundle, chainPem)
  if (layerTimestamp) {
    common[Annotation.timestamp] = JSON.stringify({
      SignedRFC3161Timestamp: Buffer.from(layerTimestamp).toString('base64'),
    })
  } else {
    // The bundle's timestamp covers the DSSE signature; cosign checks it over the layer and
    // would reject the attestation, so none is better than a wrong one.
    delete common[Annotation.timestamp]
  }
  return {
    blob,
    descriptor: {
      mediaType: DSSE_LAYER_MEDIA_TYPE,
      size: blob.length,
      digest: sha256(blob),
      annotations: {
        [Annotation.predicateType]: predicateType,
        [Annotation.signature]: '',
        ...common,
      },
    },
  }
}

/** The `.att` layer blob: the envelope exactly as sent to Rekor. */
export function attestationLayerBytes(bundle: BundleWithDsseEnvelope): Buffer {
  return Buffer.from(JSON.stringify(envelopeToJSON(bundle.content.dsseEnvelope)))
}

export interface CosignImage {
  manifest: Buffer
  config: Buffer
}

/**
 * The manifest and config of a `.sig`/`.att` image with these layers, shaped like
 * go-containerregistry's empty.Image + mutate.Append (what cosign writes).
 */
export function cosignImage(layers: Descriptor[]): CosignImage {
  const config = Buffer.from(
    JSON.stringify({
      architecture: '',
      created: '0001-01-01T00:00:00Z',
      history: layers.map(() => ({ created: '0001-01-01T00:00:00Z' })),
      os: '',
      rootfs: { type: 'layers', diff_ids: layers.map((l) => l.digest) },
      config: {},
    }),
  )
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: { mediaType: OCI_CONFIG, size: config.length, digest: sha256(config) },
      layers,
    }),
  )
  return { manifest, config }
}

interface CosignBundleAnnotation {
  SignedEntryTimestamp: string
  Payload: { body: string; integratedTime: number; logIndex: number; logID: string }
}

export class CosignLayerError extends Error {
  override name = 'CosignLayerError'
}

/**
 * Rebuilds a v0.1 Sigstore bundle (inclusion promise, no proof) from a classic layer so
 * @sigstore/verify can check it. `blob` is the layer content: the simple-signing payload or
 * the DSSE envelope.
 */
export function bundleFromCosignLayer(layer: Descriptor, blob: Uint8Array): Bundle {
  const a = layer.annotations ?? {}
  const certificate = a[Annotation.certificate]
  const rekor = a[Annotation.bundle]
  if (!certificate)
    throw new CosignLayerError('no certificate annotation (not a keyless signature)')
  if (!rekor) throw new CosignLayerError('no Rekor bundle annotation (not in a transparency log)')
  let set: CosignBundleAnnotation
  try {
    set = JSON.parse(rekor) as CosignBundleAnnotation
  } catch {
    throw new CosignLayerError('the Rekor bundle annotation is not JSON')
  }
  const body = JSON.parse(Buffer.from(set.Payload.body, 'base64').toString('utf8')) as {
    kind: string
    apiVersion: string
  }
  let der: Buffer
  try {
    der = pem.toDER(certificate)
  } catch {
    throw new CosignLayerError('the certificate annotation is not PEM')
  }
  const verificationMaterial: Record<string, unknown> = {
    x509CertificateChain: { certificates: [{ rawBytes: der.toString('base64') }] },
    tlogEntries: [
      {
        logIndex: String(set.Payload.logIndex),
        logId: { keyId: Buffer.from(set.Payload.logID, 'hex').toString('base64') },
        kindVersion: { kind: body.kind, version: body.apiVersion },
        integratedTime: String(set.Payload.integratedTime),
        inclusionPromise: { signedEntryTimestamp: set.SignedEntryTimestamp },
        canonicalizedBody: set.Payload.body,
      },
    ],
    timestampVerificationData: { rfc3161Timestamps: [] as unknown[] },
  }
  const ts = a[Annotation.timestamp]
  // On `.att` layers the timestamp covers the layer bytes (cosign's rule), not the DSSE
  // signature a bundle's timestamp covers: it cannot go into the rebuilt bundle. The Rekor SET
  // still dates the signature; verify.ts checks the timestamp over the layer (layer-timestamp.ts).
  if (ts && layer.mediaType !== DSSE_LAYER_MEDIA_TYPE) {
    const parsed = JSON.parse(ts) as { SignedRFC3161Timestamp: string }
    verificationMaterial.timestampVerificationData = {
      rfc3161Timestamps: [{ signedTimestamp: parsed.SignedRFC3161Timestamp }],
    }
  }
  const json: Record<string, unknown> = {
    mediaType: 'application/vnd.dev.sigstore.bundle+json;version=0.1',
    verificationMaterial,
  }
  if (layer.mediaType === DSSE_LAYER_MEDIA_TYPE) {
    json.dsseEnvelope = JSON.parse(Buffer.from(blob).toString('utf8'))
  } else {
    json.messageSignature = {
      messageDigest: {
        algorithm: 'SHA2_256',
        digest: createHash('sha256').update(blob).digest('base64'),
      },
      signature: a[Annotation.signature] ?? '',
    }
  }
  return bundleFromJSON(json)
}
