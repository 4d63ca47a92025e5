/**
 * Sigstore bundles as OCI 1.1 referrers, laid out like `@sigstore/oci`, actions/attest and
 * cosign v3 (`specs/BUNDLE_SPEC.md`): an image manifest with the bundle as its only layer,
 * the empty config, the image as `subject`. Registries without a referrers API (distribution
 * 2.8, ECR…) get the referrers tag schema: an index at tag `sha256-<hex>` listing them.
 */
import { type Bundle, bundleFromJSON, bundleToJSON } from '@sigstore/bundle'
import type { Descriptor, ImageIndex, ImageManifest } from '../registry/media-types.js'
import type { RepositoryRef } from '../registry/reference.js'
import { type CertificateIdentity, identityFromPem, sameIdentity } from './certificate.js'
import { leafCertificatePem, OCI_MANIFEST, sha256 } from './cosign-format.js'
import type { OciStore } from './oci-store.js'

export const BUNDLE_ARTIFACT_PREFIX = 'application/vnd.dev.sigstore.bundle'
export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json'
export const OCI_EMPTY = 'application/vnd.oci.empty.v1+json'
export const EMPTY_BLOB = Buffer.from('{}')

export const BundleAnnotation = {
  content: 'dev.sigstore.bundle.content',
  predicateType: 'dev.sigstore.bundle.predicateType',
  created: 'org.opencontainers.image.created',
  /** Not written by cosign 3.1; Trivy's `--vex oci` and other in-toto readers look only at this. */
  intotoPredicateType: 'in-toto.io/predicate-type',
} as const

/** cosign 3.1: `time.Now().UTC().Format(time.RFC3339)`, whole seconds. */
export function createdAnnotation(now: Date): string {
  return now.toISOString().replace(/\.\d+Z$/, 'Z')
}

/** The manifest annotations of a bundle referrer: cosign 3.1's three, plus in-toto's. */
export function referrerAnnotations(predicateType: string, now: Date): Record<string, string> {
  return {
    [BundleAnnotation.created]: createdAnnotation(now),
    [BundleAnnotation.content]: 'dsse-envelope',
    [BundleAnnotation.predicateType]: predicateType,
    [BundleAnnotation.intotoPredicateType]: predicateType,
  }
}

/** `sha256:abc…` → `sha256-abc…`: the referrers tag schema's tag. */
export function referrersTag(digest: string): string {
  return digest.replace(':', '-')
}

export function bundleMediaType(bundle: Bundle): string {
  // @sigstore/sign writes the current form; the media type is what verifiers key on.
  return bundle.mediaType
}

export interface AttachedReferrer {
  digest: string
  via: 'referrers-api' | 'tag-schema'
  /** Earlier referrers of the same predicate type and signer that this one replaced. */
  replaced: number
  /** Why an earlier one could not be removed (the registry refused the delete). */
  notReplaced?: string
}

/** Same predicate type, a bundle, and not `keep`: a candidate for "our earlier one". */
function sameKind(entry: Descriptor, predicateType: string, keep: string): boolean {
  return (
    entry.digest !== keep &&
    Boolean(entry.artifactType?.startsWith(BUNDLE_ARTIFACT_PREFIX)) &&
    entry.annotations?.[BundleAnnotation.predicateType] === predicateType
  )
}

export function referrerManifest(
  bundleBlob: Buffer,
  mediaType: string,
  subject: Descriptor,
  predicateType: string,
  created: Date,
): Buffer {
  const manifest: ImageManifest & { mediaType: string } = {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    artifactType: mediaType,
    // cosign 3.1's WriteReferrer also puts the artifactType on the empty config.
    config: {
      mediaType: OCI_EMPTY,
      artifactType: mediaType,
      digest: sha256(EMPTY_BLOB),
      size: EMPTY_BLOB.length,
    },
    layers: [{ mediaType, digest: sha256(bundleBlob), size: bundleBlob.length }],
    subject: { mediaType: subject.mediaType, digest: subject.digest, size: subject.size },
    annotations: referrerAnnotations(predicateType, created),
  }
  return Buffer.from(JSON.stringify(manifest))
}

/** Who signed a bundle referrer: read from its layer. Undefined when unreadable. */
async function referrerSigner(
  store: OciStore,
  repo: RepositoryRef,
  descriptor: Descriptor,
): Promise<CertificateIdentity | undefined> {
  try {
    const fetched = await store.getManifest(repo, descriptor.digest)
    if (!fetched) return undefined
    const manifest = JSON.parse(Buffer.from(fetched.bytes).toString('utf8')) as ImageManifest
    const layer = manifest.layers?.[0]
    if (!layer) return undefined
    const blob = await store.getBlob(repo, layer.digest)
    const bundle = bundleFromJSON(JSON.parse(Buffer.from(blob).toString('utf8')))
    return identityFromPem(leafCertificatePem(bundle))
  } catch {
    return undefined
  }
}

/**
 * Pushes `bundle` as a referrer of `subject`. On a registry without the referrers API the
 * tag-schema index is updated, replacing an earlier referrer with the same predicate type
 * from the same signer so that re-runs do not pile up.
 */
export async function attachBundleReferrer(
  store: OciStore,
  repo: RepositoryRef,
  subject: Descriptor,
  bundle: Bundle,
  predicateType: string,
  signer: CertificateIdentity,
  now: Date,
): Promise<AttachedReferrer> {
  const mediaType = bundleMediaType(bundle)
  const blob = Buffer.from(JSON.stringify(bundleToJSON(bundle)))
  await store.putBlob(repo, blob)
  await store.putBlob(repo, EMPTY_BLOB)
  const manifest = referrerManifest(blob, mediaType, subject, predicateType, now)
  const digest = sha256(manifest)
  const put = await store.putManifest(repo, digest, manifest, OCI_MANIFEST)
  if (put.ociSubject) {
    // A referrers API lists every manifest with this subject: a re-run's earlier referrer (same
    // predicate type, same signer) is deleted so they do not pile up; other signers' stay.
    const listed = await store.referrers(repo, subject.digest)
    let replaced = 0
    let notReplaced: string | undefined
    for (const entry of listed === 'unsupported' ? [] : listed) {
      if (!sameKind(entry, predicateType, digest)) continue
      if (!sameIdentity(await referrerSigner(store, repo, entry), signer)) continue
      try {
        if (!store.deleteManifest) throw new Error('this store cannot delete manifests')
        await store.deleteManifest(repo, entry.digest)
        replaced++
      } catch (error) {
        notReplaced = `could not remove the earlier referrer ${entry.digest}: ${(error as Error).message}`
      }
    }
    return { digest, via: 'referrers-api', replaced, ...(notReplaced ? { notReplaced } : {}) }
  }

  // Referrers tag schema (distribution-spec "Pushing Manifests with Subject"): a read-modify-
  // write of one shared index. Registries without the referrers API offer no conditional PUT,
  // so a concurrent signer can overwrite our entry; we read the index back after writing and
  // merge again until it holds ours (another signer doing the same restores theirs).
  const tag = referrersTag(subject.digest)
  const entry: Descriptor = {
    mediaType: OCI_MANIFEST,
    digest,
    size: manifest.length,
    artifactType: mediaType,
    annotations: referrerAnnotations(predicateType, now),
  }
  let replaced = 0
  for (let attempt = 1; ; attempt++) {
    const entries = await readIndex(store, repo, tag)
    const kept: Descriptor[] = []
    for (const e of entries) {
      if (e.digest === digest) continue
      const candidate = sameKind(e, predicateType, digest)
      if (candidate && sameIdentity(await referrerSigner(store, repo, e), signer)) continue
      kept.push(e)
    }
    replaced = Math.max(replaced, entries.filter((e) => e.digest !== digest).length - kept.length)
    const index: ImageIndex & { mediaType: string } = {
      schemaVersion: 2,
      mediaType: OCI_INDEX,
      manifests: [...kept, entry],
    }
    await store.putManifest(repo, tag, Buffer.from(JSON.stringify(index)), OCI_INDEX)
    const after = await readIndex(store, repo, tag)
    if (after.some((e) => e.digest === digest)) break
    if (attempt >= TAG_SCHEMA_ATTEMPTS) {
      throw new Error(
        `another writer kept replacing the referrers index ${repo.registry}/${repo.repository}:${tag} (${attempt} attempts); re-run, or use a registry with the referrers API`,
      )
    }
    // Let the other writer finish before merging again.
    await new Promise((r) => setTimeout(r, 20 + Math.floor(Math.random() * 80 * attempt)))
  }
  return { digest, via: 'tag-schema', replaced }
}

const TAG_SCHEMA_ATTEMPTS = 6

async function readIndex(store: OciStore, repo: RepositoryRef, tag: string): Promise<Descriptor[]> {
  const existing = await store.getManifest(repo, tag)
  if (!existing) return []
  const index = JSON.parse(Buffer.from(existing.bytes).toString('utf8')) as ImageIndex
  if (!Array.isArray(index.manifests)) {
    throw new Error(
      `${repo.registry}/${repo.repository}:${tag} exists but is not an OCI index, so the referrers tag schema cannot be updated; remove that tag or use a registry with the referrers API.`,
    )
  }
  return index.manifests
}

/** Bundle referrers of `digest`: the referrers API, else the tag-schema index. */
export async function findBundleReferrers(
  store: OciStore,
  repo: RepositoryRef,
  digest: string,
): Promise<{ referrers: Descriptor[]; via: 'referrers-api' | 'tag-schema' }> {
  const viaApi = await store.referrers(repo, digest)
  if (viaApi !== 'unsupported') {
    return {
      referrers: viaApi.filter((d) => d.artifactType?.startsWith(BUNDLE_ARTIFACT_PREFIX)),
      via: 'referrers-api',
    }
  }
  const index = await store.getManifest(repo, referrersTag(digest))
  if (!index) return { referrers: [], via: 'tag-schema' }
  const doc = JSON.parse(Buffer.from(index.bytes).toString('utf8')) as ImageIndex
  return {
    referrers: (doc.manifests ?? []).filter((d) =>
      d.artifactType?.startsWith(BUNDLE_ARTIFACT_PREFIX),
    ),
    via: 'tag-schema',
  }
}
