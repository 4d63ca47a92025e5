/**
 * A small OCI distribution client over fetch: pull (manifests, indexes resolved to a platform,
 * digest-verified blob streams) and push (monolithic blob upload, manifests, tags) with the
 * bearer/basic auth dance, retries and errors a user can act on.
 *
 * Written here rather than taken from npm: the JS clients there are either pull-only and
 * unmaintained, or (like @sigstore/oci) push-only internals without platform resolution,
 * streaming digest checks or custom CAs. Split like @sigstore/oci: auth.ts (challenges,
 * tokens, credentials), http.ts (requests, redirects, retries, deadlines), manifests.ts,
 * blobs.ts and uploads.ts; this class is the one entry point and keeps their state together.
 */

import type { Readable } from 'node:stream'
import type { Logger } from '../logger.js'
import { RegistryAuth } from './auth.js'
import type { BlobCache } from './blob-cache.js'
import * as blobs from './blobs.js'
import type { CredentialProvider } from './credentials.js'
import { RegistryTransport } from './http.js'
import type { FetchedManifest, ResolvedImage } from './manifests.js'
import * as manifests from './manifests.js'
import type { Descriptor, Platform } from './media-types.js'
import { MANIFEST_ACCEPT } from './media-types.js'
import { type ImagePlatforms, listPlatforms } from './platforms.js'
import { formatRepository, type ImageReference, type RepositoryRef } from './reference.js'
import * as uploads from './uploads.js'

export { parseChallenge } from './auth.js'
export { BlobCache, type BlobCacheOptions, DEFAULT_BLOB_CACHE_BYTES } from './blob-cache.js'
export { sha256 } from './blobs.js'
export { parseRetryAfter } from './http.js'
export type { FetchedManifest, ResolvedImage } from './manifests.js'

export interface RegistryClientOptions {
  credentials?: CredentialProvider
  logger?: Logger
  /** Allow plain HTTP, for loopback registries only (127.0.0.1, localhost, ::1). */
  insecure?: boolean
  /** Extra PEM CA certificate(s) to trust for TLS registries with private CAs. */
  caCert?: string | Buffer
  /** Retries after a 429, 5xx or network failure (default 3). */
  retries?: number
  /** First backoff delay in ms, doubled each retry (default 500). Retry-After wins when sent. */
  retryDelayMs?: number
  /** Longest wait between attempts, including Retry-After (default 30 s). */
  maxRetryDelayMs?: number
  /**
   * Per-attempt timeout in ms (default 30 s). Manifests, tag lists and tokens must arrive whole
   * within it. Blob downloads must start (response headers) within it and may then never go
   * quiet for longer, however long the whole layer takes. A timed-out attempt is retried like a
   * network failure.
   */
  timeoutMs?: number
}

export class RegistryClient {
  private readonly transport: RegistryTransport
  private readonly blobCache: BlobCache | undefined

  constructor(
    opts: RegistryClientOptions = {},
    transport?: RegistryTransport,
    blobCache?: BlobCache,
  ) {
    this.transport = transport ?? new RegistryTransport(opts, new RegistryAuth(opts.credentials))
    this.blobCache = blobCache
  }

  /**
   * The same client whose blob reads go through `cache`: a blob another image of the job
   * already read (same digest, bytes verified) comes from disk instead of the registry.
   */
  withBlobCache(cache: BlobCache): RegistryClient {
    return new RegistryClient({}, this.transport, cache)
  }

  /**
   * The same client (credentials, learnt challenges, cached tokens) under an overall deadline:
   * every request, retry wait and blob stream of the returned view stops when `signal` aborts,
   * with the signal's reason (give it a RegistryError that says what ran out). Per-attempt
   * timeouts bound one silence; this bounds the whole read, so a registry dripping a byte
   * every few seconds cannot hold a job.
   */
  withSignal(signal: AbortSignal): RegistryClient {
    return new RegistryClient({}, this.transport.withSignal(signal), this.blobCache)
  }

  /**
   * The image manifest a reference names. An index is resolved to `platform` (default
   * linux/amd64); a single-platform image is returned as it is.
   */
  resolve(
    ref: ImageReference,
    platform: Platform | string = 'linux/amd64',
  ): Promise<ResolvedImage> {
    return manifests.resolve(this.transport, ref, platform)
  }

  /** The platforms to scan of a reference (all when `platforms` is undefined): registry/platforms.ts. */
  platforms(
    ref: ImageReference,
    platforms: string[] | undefined,
    label?: string,
  ): Promise<ImagePlatforms> {
    return listPlatforms(this.transport, ref, platforms, label)
  }

  /** Fetches and digest-checks a manifest or index by tag or digest; refuses bodies over 4 MiB. */
  getManifest(
    repo: RepositoryRef,
    reference: string,
    accept: readonly string[] = MANIFEST_ACCEPT,
  ): Promise<FetchedManifest> {
    return manifests.getManifest(this.transport, repo, reference, accept)
  }

  /** The descriptor of a manifest, or undefined when the tag or digest does not exist. */
  headManifest(
    repo: RepositoryRef,
    reference: string,
    accept: readonly string[] = MANIFEST_ACCEPT,
  ): Promise<Descriptor | undefined> {
    return manifests.headManifest(this.transport, repo, reference, accept)
  }

  /**
   * A blob as a stream. Bytes are hashed as they pass; the stream errors with a
   * `digest-mismatch` RegistryError at the end if they do not match `digest` (or `size`).
   */
  getBlob(repo: RepositoryRef, digest: string, opts: { size?: number } = {}): Promise<Readable> {
    const download = () => blobs.getBlob(this.transport, repo, digest, opts)
    if (!this.blobCache) return download()
    return this.blobCache.open(digest, opts.size, download, this.transport.signal)
  }

  /** A whole blob in memory (configs, small artifacts), digest-checked; refuses more than `maxBytes`. */
  getBlobBytes(
    repo: RepositoryRef,
    digest: string,
    opts: { maxBytes?: number } = {},
  ): Promise<Buffer> {
    return blobs.readBounded(
      () => this.getBlob(repo, digest),
      `download blob ${digest} of ${formatRepository(repo)}`,
      opts.maxBytes,
    )
  }

  /** Whether the repository already has a blob. */
  hasBlob(repo: RepositoryRef, digest: string): Promise<boolean> {
    return blobs.hasBlob(this.transport, repo, digest)
  }

  /** All tags of a repository (follows `Link` pagination where a registry uses it), sorted. */
  listTags(repo: RepositoryRef): Promise<string[]> {
    return manifests.listTags(this.transport, repo)
  }

  /**
   * Referrers of a manifest through the OCI 1.1 referrers API, or `'unsupported'` when the
   * registry does not implement it (distribution 2.8: plain-text 404). Use
   * `listReferrers` in referrers.ts for the tag-schema fallback.
   */
  referrers(
    repo: RepositoryRef,
    digest: string,
    artifactType?: string,
  ): Promise<Descriptor[] | 'unsupported'> {
    return manifests.referrers(this.transport, repo, digest, artifactType)
  }

  /** Uploads a blob (POST then PUT, monolithic); skipped when the registry already has it. */
  putBlob(
    repo: RepositoryRef,
    bytes: Buffer | Uint8Array,
    mediaType = 'application/octet-stream',
  ): Promise<Descriptor> {
    return uploads.putBlob(this.transport, repo, bytes, mediaType)
  }

  /** Uploads a manifest under a tag or its digest; returns its digest. */
  async putManifest(
    repo: RepositoryRef,
    tagOrDigest: string,
    bytes: Buffer | Uint8Array,
    mediaType: string,
  ): Promise<string> {
    return (await this.putManifestWithSubject(repo, tagOrDigest, bytes, mediaType)).digest
  }

  /**
   * Like putManifest, and reports whether the registry acknowledged the manifest's `subject`
   * (`OCI-Subject` header): when it did not, referrers must be recorded in the tag schema.
   */
  putManifestWithSubject(
    repo: RepositoryRef,
    tagOrDigest: string,
    bytes: Buffer | Uint8Array,
    mediaType: string,
  ): Promise<{ digest: string; subject?: string }> {
    return manifests.putManifestWithSubject(this.transport, repo, tagOrDigest, bytes, mediaType)
  }

  /** Deletes a manifest by digest (distribution refuses deletion by tag). */
  deleteManifest(repo: RepositoryRef, digest: string): Promise<void> {
    return manifests.deleteManifest(this.transport, repo, digest)
  }
}
