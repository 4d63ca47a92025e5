/**
 * OCI 1.1 referrers with the fallback the spec defines for registries without the API
 * (distribution 2.8, many others): an index tagged `sha256-<hex>` listing the referrers.
 */
import { type RegistryClient, sha256 } from './client.js'
import { RegistryError } from './errors.js'
import { type Descriptor, type ImageIndex, MediaType } from './media-types.js'
import type { RepositoryRef } from './reference.js'

/** The referrers tag schema's tag for a subject digest: `sha256:abc…` → `sha256-abc…`. */
export function referrersTag(subjectDigest: string): string {
  const m = /^([a-z0-9]+):([a-f0-9]+)$/.exec(subjectDigest)
  if (!m) throw new Error(`Not a digest: ${JSON.stringify(subjectDigest)}`)
  return `${m[1]}-${m[2]}`.slice(0, 128)
}

/** The tag-schema index for a subject, or undefined when none exists yet. */
export async function readReferrersTagIndex(
  client: RegistryClient,
  repo: RepositoryRef,
  subjectDigest: string,
): Promise<{ digest: string; index: ImageIndex } | undefined> {
  const tag = referrersTag(subjectDigest)
  const head = await client.headManifest(repo, tag, [MediaType.ociIndex])
  if (!head) return undefined
  const got = await client.getManifest(repo, tag, [MediaType.ociIndex])
  const index = got.manifest as ImageIndex
  if (!Array.isArray(index.manifests)) {
    throw new RegistryError(
      'invalid-response',
      `${repo.registry}/${repo.repository}:${tag} exists but is not an OCI index; it cannot hold referrers. Remove or rename that tag.`,
    )
  }
  return { digest: got.digest, index }
}

/**
 * Adds a referrer's descriptor to the subject's tag-schema index (creating it), keeping the
 * existing entries. The referrer manifest must already be pushed (registries check that).
 * Returns the new index digest. Not atomic: concurrent writers can lose an entry, as the spec warns.
 */
export async function addToReferrersTagIndex(
  client: RegistryClient,
  repo: RepositoryRef,
  subjectDigest: string,
  referrer: Descriptor,
): Promise<string> {
  if (!referrer.artifactType) {
    throw new Error(
      'A referrer descriptor needs an artifactType (the spec requires it in referrers lists).',
    )
  }
  const existing = await readReferrersTagIndex(client, repo, subjectDigest)
  const manifests = (existing?.index.manifests ?? []).filter((d) => d.digest !== referrer.digest)
  manifests.push(referrer)
  const index: ImageIndex = { schemaVersion: 2, mediaType: MediaType.ociIndex, manifests }
  const bytes = Buffer.from(JSON.stringify(index))
  return client.putManifest(repo, referrersTag(subjectDigest), bytes, MediaType.ociIndex)
}

/**
 * Pushes an artifact manifest that has a `subject` and makes it discoverable: when the
 * registry does not acknowledge the subject (no OCI-Subject header), records it in the tag schema.
 */
export async function pushReferrer(
  client: RegistryClient,
  repo: RepositoryRef,
  manifestBytes: Buffer,
  opts: {
    mediaType?: string
    artifactType: string
    subjectDigest: string
    annotations?: Record<string, string>
  },
): Promise<{ digest: string; via: 'referrers-api' | 'tag-schema' }> {
  const mediaType = opts.mediaType ?? MediaType.ociManifest
  const pushed = await client.putManifestWithSubject(
    repo,
    // Push by digest: the tag schema (or the API) is what makes it findable, not a tag.
    sha256(manifestBytes),
    manifestBytes,
    mediaType,
  )
  if (pushed.subject) return { digest: pushed.digest, via: 'referrers-api' }
  const descriptor: Descriptor = {
    mediaType,
    digest: pushed.digest,
    size: manifestBytes.length,
    artifactType: opts.artifactType,
  }
  if (opts.annotations && Object.keys(opts.annotations).length > 0)
    descriptor.annotations = opts.annotations
  await addToReferrersTagIndex(client, repo, opts.subjectDigest, descriptor)
  return { digest: pushed.digest, via: 'tag-schema' }
}

/** Referrers of a subject: the API when the registry has it, else the tag-schema index. */
export async function listReferrers(
  client: RegistryClient,
  repo: RepositoryRef,
  subjectDigest: string,
  artifactType?: string,
): Promise<{ via: 'referrers-api' | 'tag-schema'; referrers: Descriptor[] }> {
  const api = await client.referrers(repo, subjectDigest, artifactType)
  if (api !== 'unsupported') return { via: 'referrers-api', referrers: api }
  const tagged = await readReferrersTagIndex(client, repo, subjectDigest)
  const all = tagged?.index.manifests ?? []
  return {
    via: 'tag-schema',
    referrers: artifactType ? all.filter((d) => d.artifactType === artifactType) : all,
  }
}
