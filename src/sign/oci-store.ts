/**
 * The registry calls signing needs, and nothing more. `RegistryClient` (src/registry) satisfies
 * it through `registryStore()`; tests use a small in-memory store. Keeping it narrow means the
 * signing code can be read without knowing how tokens, retries or chunked uploads work.
 */
import type { Descriptor } from '../registry/media-types.js'
import type { RepositoryRef } from '../registry/reference.js'

export type { Descriptor } from '../registry/media-types.js'
export type { RepositoryRef } from '../registry/reference.js'

export interface FetchedManifest {
  /** Exact bytes as served: digests are computed over these, never over a re-serialization. */
  bytes: Uint8Array
  mediaType: string
  digest: string
}

export interface PutManifestResult {
  digest: string
  /** The `OCI-Subject` response header: present only when the registry indexed the subject. */
  ociSubject?: string
}

export interface OciStore {
  /** Descriptor of a manifest by tag or digest; undefined when it does not exist. */
  headManifest(repo: RepositoryRef, tagOrDigest: string): Promise<Descriptor | undefined>
  /** A manifest by tag or digest; undefined when it does not exist (404). */
  getManifest(repo: RepositoryRef, tagOrDigest: string): Promise<FetchedManifest | undefined>
  getBlob(repo: RepositoryRef, digest: string): Promise<Uint8Array>
  /** Uploads a blob (a no-op when it exists) and returns its digest. */
  putBlob(repo: RepositoryRef, bytes: Uint8Array): Promise<string>
  putManifest(
    repo: RepositoryRef,
    tagOrDigest: string,
    bytes: Uint8Array,
    mediaType: string,
  ): Promise<PutManifestResult>
  /**
   * Deletes a manifest by digest (a superseded referrer). Registries may refuse (405/403): the
   * caller treats that as "could not tidy up", never as a signing failure.
   */
  deleteManifest?(repo: RepositoryRef, digest: string): Promise<void>
  /** The referrers API; `'unsupported'` when the registry has none (distribution 2.8: 404). */
  referrers(
    repo: RepositoryRef,
    digest: string,
    artifactType?: string,
  ): Promise<Descriptor[] | 'unsupported'>
}
