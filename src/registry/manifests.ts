/**
 * Manifests and indexes: resolve a reference to one platform's image, fetch and digest-check
 * (4 MiB at most), HEAD, push with subject, delete, list tags and referrers.
 */
import { sha256 } from './blobs.js'
import { RegistryError } from './errors.js'
import { nextLink, type RegistryTransport } from './http.js'
import {
  type Descriptor,
  formatPlatform,
  type ImageIndex,
  type ImageManifest,
  INDEX_TYPES,
  isIndex,
  MANIFEST_ACCEPT,
  MAX_MANIFEST_BYTES,
  type Manifest,
  MediaType,
  type Platform,
  parsePlatform,
  platformMatches,
} from './media-types.js'
import {
  formatReference,
  formatRepository,
  type ImageReference,
  manifestReference,
  type RepositoryRef,
} from './reference.js'

export interface FetchedManifest {
  digest: string
  mediaType: string
  size: number
  bytes: Buffer
  manifest: Manifest
}

export interface ResolvedImage {
  /** Digest of the image manifest (after index resolution). */
  digest: string
  mediaType: string
  manifest: ImageManifest
  size: number
  /** The index it was picked from, when the reference named a multi-platform index. */
  index?: { digest: string; mediaType: string; platform: Platform }
}

/**
 * The image manifest a reference names. An index is resolved to `platform` (default
 * linux/amd64); a single-platform image is returned as it is.
 */
export async function resolve(
  t: RegistryTransport,
  ref: ImageReference,
  platform: Platform | string = 'linux/amd64',
): Promise<ResolvedImage> {
  const want = typeof platform === 'string' ? parsePlatform(platform) : platform
  const top = await getManifest(t, ref, manifestReference(ref))
  if (!isIndex(top.mediaType, top.manifest)) {
    assertImageManifest(top, ref)
    return {
      digest: top.digest,
      mediaType: top.mediaType,
      manifest: top.manifest as ImageManifest,
      size: top.size,
    }
  }
  const index = top.manifest as ImageIndex
  const candidates = (index.manifests ?? []).filter(
    (m) => m.annotations?.['vnd.docker.reference.type'] !== 'attestation-manifest',
  )
  const chosen = candidates.find((m) => platformMatches(want, m.platform))
  if (!chosen) {
    const available = candidates
      .map((m) => (m.platform ? formatPlatform(m.platform) : '?'))
      .join(', ')
    throw new RegistryError(
      'not-found',
      `${formatReference(ref)} has no image for platform ${formatPlatform(want)} (available: ${available || 'none'}). Set the platform input to one of those.`,
    )
  }
  const child = await getManifest(t, ref, chosen.digest)
  assertImageManifest(child, ref)
  return {
    digest: child.digest,
    mediaType: child.mediaType,
    manifest: child.manifest as ImageManifest,
    size: child.size,
    index: { digest: top.digest, mediaType: top.mediaType, platform: chosen.platform ?? want },
  }
}

/** Manifests kept per job by `getManifest`: at most this many (≤ 4 MiB each, usually ~1 KiB). */
const MAX_CACHED_MANIFESTS = 512

/** Fetches and digest-checks a manifest or index by tag or digest; refuses bodies over 4 MiB. */
export async function getManifest(
  t: RegistryTransport,
  repo: RepositoryRef,
  reference: string,
  accept: readonly string[] = MANIFEST_ACCEPT,
): Promise<FetchedManifest> {
  const what = `pull ${describe(repo, reference)}`
  // By digest, the bytes cannot change: read once per job (a tag is asked again every time).
  const key = reference.includes(':') ? `${repo.registry}/${repo.repository}@${reference}` : ''
  let fetched = key ? t.manifestsByDigest.get(key) : undefined
  if (!fetched) {
    const res = await t.request({
      repo,
      method: 'GET',
      path: `manifests/${reference}`,
      action: 'pull',
      headers: { accept: accept.join(', ') },
      what,
      limit: { bytes: MAX_MANIFEST_BYTES, error: (size) => tooLarge(what, size) },
    })
    fetched = {
      bytes: Buffer.from(await res.arrayBuffer()),
      contentType: res.headers.get('content-type') ?? '',
    }
  }
  const { bytes } = fetched
  const digest = sha256(bytes)
  if (reference.includes(':') && reference !== digest) {
    throw new RegistryError(
      'digest-mismatch',
      `${what}: the registry returned content with digest ${digest}, not the requested ${reference}. The registry or a proxy is corrupting content; do not trust this image.`,
    )
  }
  let manifest: Manifest
  try {
    manifest = JSON.parse(bytes.toString('utf8')) as Manifest
  } catch {
    throw new RegistryError('invalid-response', `${what}: the manifest is not valid JSON.`)
  }
  // Kept only once verified, and bounded (an index lists at most a few dozen children).
  if (key && t.manifestsByDigest.size < MAX_CACHED_MANIFESTS) t.manifestsByDigest.set(key, fetched)
  const headerType = fetched.contentType.split(';')[0]?.trim() ?? ''
  // umoci writes manifests without mediaType: trust the body first, then the header.
  const mediaType =
    manifest.mediaType ||
    (MANIFEST_ACCEPT.includes(headerType)
      ? headerType
      : isIndex(undefined, manifest)
        ? MediaType.ociIndex
        : MediaType.ociManifest)
  // A copy: the cached bytes are the job's, not the caller's.
  return { digest, mediaType, size: bytes.length, bytes: Buffer.from(bytes), manifest }
}

/** The descriptor of a manifest, or undefined when the tag or digest does not exist. */
export async function headManifest(
  t: RegistryTransport,
  repo: RepositoryRef,
  reference: string,
  accept: readonly string[] = MANIFEST_ACCEPT,
): Promise<Descriptor | undefined> {
  const res = await t.request({
    repo,
    method: 'HEAD',
    path: `manifests/${reference}`,
    action: 'pull',
    headers: { accept: accept.join(', ') },
    what: `check ${describe(repo, reference)}`,
    accept: [404],
  })
  if (res.status === 404) return undefined
  const digest = res.headers.get('docker-content-digest')
  if (!digest) {
    // Without the header a HEAD tells us nothing reliable: ask for the content.
    const full = await getManifest(t, repo, reference, accept)
    return { mediaType: full.mediaType, digest: full.digest, size: full.size }
  }
  return {
    mediaType:
      (res.headers.get('content-type') ?? '').split(';')[0]?.trim() || MediaType.ociManifest,
    digest,
    size: Number(res.headers.get('content-length') ?? 0),
  }
}

/** All tags of a repository (follows `Link` pagination where a registry uses it), sorted. */
export async function listTags(t: RegistryTransport, repo: RepositoryRef): Promise<string[]> {
  const tags: string[] = []
  let path = 'tags/list'
  for (let page = 0; page < 1000; page++) {
    const res = await t.request({
      repo,
      method: 'GET',
      path,
      action: 'pull',
      what: `list tags of ${formatRepository(repo)}`,
    })
    const body = (await res.json()) as { tags?: string[] | null }
    tags.push(...(body.tags ?? []))
    const next = nextLink(res.headers.get('link'))
    if (!next) break
    path = new URL(next, t.baseUrl(repo)).toString()
  }
  return [...new Set(tags)].sort()
}

/**
 * Referrers of a manifest through the OCI 1.1 referrers API, or `'unsupported'` when the
 * registry does not implement it (distribution 2.8: plain-text 404). Use
 * `listReferrers` in referrers.ts for the tag-schema fallback.
 */
export async function referrers(
  t: RegistryTransport,
  repo: RepositoryRef,
  digest: string,
  artifactType?: string,
): Promise<Descriptor[] | 'unsupported'> {
  const query = artifactType ? `?artifactType=${encodeURIComponent(artifactType)}` : ''
  let path = `referrers/${digest}${query}`
  const found: Descriptor[] = []
  let filtered = false
  for (let page = 0; page < 1000; page++) {
    const res = await t.request({
      repo,
      method: 'GET',
      path,
      action: 'pull',
      headers: { accept: MediaType.ociIndex },
      what: `list referrers of ${formatRepository(repo)}@${digest}`,
      accept: [404, 405, 501],
    })
    if (res.status !== 200) {
      await res.body?.cancel()
      return 'unsupported'
    }
    const type = (res.headers.get('content-type') ?? '').split(';')[0]?.trim()
    const text = await res.text()
    let body: ImageIndex
    try {
      body = JSON.parse(text) as ImageIndex
    } catch {
      // A 200 that is not an index comes from something that does not speak the API.
      return 'unsupported'
    }
    if (type && type !== MediaType.ociIndex && !Array.isArray(body.manifests)) return 'unsupported'
    filtered ||= (res.headers.get('oci-filters-applied') ?? '').includes('artifactType')
    found.push(...(body.manifests ?? []))
    const next = nextLink(res.headers.get('link'))
    if (!next) break
    path = new URL(next, t.baseUrl(repo)).toString()
  }
  return artifactType && !filtered ? found.filter((d) => d.artifactType === artifactType) : found
}

/**
 * Like putManifest, and reports whether the registry acknowledged the manifest's `subject`
 * (`OCI-Subject` header): when it did not, referrers must be recorded in the tag schema.
 */
export async function putManifestWithSubject(
  t: RegistryTransport,
  repo: RepositoryRef,
  tagOrDigest: string,
  bytes: Buffer | Uint8Array,
  mediaType: string,
): Promise<{ digest: string; subject?: string }> {
  const body = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes)
  const digest = sha256(body)
  const what = `push ${describe(repo, tagOrDigest)}`
  if (body.length > MAX_MANIFEST_BYTES) throw tooLarge(what, body.length)
  if (tagOrDigest.includes(':') && tagOrDigest !== digest) {
    throw new RegistryError(
      'rejected',
      `${what}: the manifest's digest is ${digest}, not ${tagOrDigest}.`,
    )
  }
  const res = await t.request({
    repo,
    method: 'PUT',
    path: `manifests/${tagOrDigest}`,
    action: 'pull,push',
    headers: { 'content-type': mediaType },
    body,
    what,
  })
  await res.body?.cancel()
  const returned = res.headers.get('docker-content-digest')
  if (returned && returned !== digest) {
    throw new RegistryError(
      'digest-mismatch',
      `${what}: the registry stored digest ${returned} but we sent ${digest}; it rewrote the manifest.`,
    )
  }
  const subject = res.headers.get('oci-subject') ?? undefined
  return subject ? { digest, subject } : { digest }
}

/** Deletes a manifest by digest (distribution refuses deletion by tag). */
export async function deleteManifest(
  t: RegistryTransport,
  repo: RepositoryRef,
  digest: string,
): Promise<void> {
  const res = await t.request({
    repo,
    method: 'DELETE',
    path: `manifests/${digest}`,
    action: 'pull,push',
    what: `delete ${describe(repo, digest)}`,
  })
  await res.body?.cancel()
}

function describe(repo: RepositoryRef, reference: string): string {
  return `${formatRepository(repo)}${reference.includes(':') ? '@' : ':'}${reference}`
}

function assertImageManifest(m: FetchedManifest, ref: ImageReference) {
  const doc = m.manifest as Partial<ImageManifest>
  if (!doc.config || !Array.isArray(doc.layers)) {
    throw new RegistryError(
      'invalid-response',
      `${formatReference(ref)} (${m.mediaType}) is not a container image manifest (no config or layers).`,
    )
  }
  if (INDEX_TYPES.includes(m.mediaType)) {
    throw new RegistryError(
      'invalid-response',
      `${formatReference(ref)}: nested index where an image was expected.`,
    )
  }
}

function tooLarge(what: string, size: number): RegistryError {
  return new RegistryError(
    'too-large',
    `${what}: the manifest is ${size} bytes, over the 4 MiB limit registries enforce; refusing it. A manifest this big is malformed or hostile.`,
  )
}
