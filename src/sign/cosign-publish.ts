/**
 * Read-modify-write of cosign's `.sig`/`.att` images: existing layers are kept (other signers,
 * other tools), our earlier layer for the same content and identity is replaced, so a re-run
 * never stacks a duplicate. Racy by design of the format (SIGNATURE_SPEC.md says so too).
 */
import type { Descriptor, ImageManifest } from '../registry/media-types.js'
import type { RepositoryRef } from '../registry/reference.js'
import { type CertificateIdentity, identityFromPem, sameIdentity } from './certificate.js'
import {
  Annotation,
  type CosignLayer,
  cosignImage,
  cosignTag,
  OCI_MANIFEST,
  type Suffix,
} from './cosign-format.js'
import type { OciStore } from './oci-store.js'

/** True when `existing` is the same statement of the same signer as `ours` (so it is replaced). */
function duplicates(existing: Descriptor, ours: Descriptor, signer: CertificateIdentity): boolean {
  if (existing.mediaType !== ours.mediaType) return false
  const sameContent =
    existing.digest === ours.digest ||
    (ours.annotations?.[Annotation.predicateType] !== undefined &&
      existing.annotations?.[Annotation.predicateType] ===
        ours.annotations[Annotation.predicateType])
  if (!sameContent) return false
  return sameIdentity(identityFromPem(existing.annotations?.[Annotation.certificate] ?? ''), signer)
}

export async function appendCosignLayer(
  store: OciStore,
  repo: RepositoryRef,
  digest: string,
  suffix: Suffix,
  layer: CosignLayer,
  signer: CertificateIdentity,
): Promise<{ tag: string; manifestDigest: string; replaced: number }> {
  const tag = cosignTag(digest, suffix)
  const existing = await store.getManifest(repo, tag)
  let layers: Descriptor[] = []
  if (existing) {
    const manifest = JSON.parse(Buffer.from(existing.bytes).toString('utf8')) as ImageManifest
    if (!Array.isArray(manifest.layers)) {
      throw new Error(
        `${repo.registry}/${repo.repository}:${tag} exists but is not an image manifest; cosign signatures cannot be appended to it.`,
      )
    }
    layers = manifest.layers
  }
  const kept = layers.filter((l) => !duplicates(l, layer.descriptor, signer))
  const image = cosignImage([...kept, layer.descriptor])
  await store.putBlob(repo, layer.blob)
  await store.putBlob(repo, image.config)
  const put = await store.putManifest(repo, tag, image.manifest, OCI_MANIFEST)
  return { tag, manifestDigest: put.digest, replaced: layers.length - kept.length }
}
