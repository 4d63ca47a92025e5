/**
 * The runnable images of a reference: every platform of an image index, without the manifests
 * that only ride along in it (buildx attestations, referrer artifacts), or the image itself when
 * the reference names a single-platform image.
 */
import { RegistryError } from './errors.js'
import type { RegistryTransport } from './http.js'
import { getManifest } from './manifests.js'
import {
  type Descriptor,
  formatPlatform,
  type ImageIndex,
  type ImageManifest,
  isIndex,
  MediaType,
  parsePlatform,
  platformMatches,
} from './media-types.js'
import { formatReference, type ImageReference, manifestReference } from './reference.js'

/**
 * How many platforms of one index Shipgate scans. Real indexes list a handful (Docker's official
 * images: 8 at most); an index listing hundreds is malformed or hostile, and each platform is a
 * full Trivy analysis, so the run refuses it instead of scanning for hours.
 */
export const MAX_PLATFORMS = 32

export interface PlatformImage {
  /** `linux/arm64/v8` */
  platform: string
  /** Digest of the platform's image manifest, checked against the bytes read. */
  digest: string
}

export type ImagePlatforms =
  /** A single-platform image: scanned as it is. */
  | { kind: 'image'; digest: string }
  /** An index: `children` are the platforms to scan (selected, runnable, digest-checked). */
  | { kind: 'index'; digest: string; children: PlatformImage[]; available: string[] }

/** `linux`, `arm64`, `v8`, `windows`, `ppc64le`: what OCI platform fields hold. */
const SAFE_PART = /^[A-Za-z0-9._-]{1,32}$/

const IMAGE_MANIFESTS: readonly string[] = [MediaType.ociManifest, MediaType.dockerManifest]
const IMAGE_CONFIGS: readonly string[] = [MediaType.ociConfig, MediaType.dockerConfig]

/**
 * An index entry that is a runnable image rather than something attached to one: buildx writes
 * attestations as `unknown/unknown` entries annotated `attestation-manifest`; OCI 1.1 referrers
 * carry `artifactType`; anything not an image manifest (nested index, artifact) is not run.
 */
function isRunnable(d: Descriptor): boolean {
  if (!IMAGE_MANIFESTS.includes(d.mediaType)) return false
  if (d.artifactType) return false
  if (d.annotations?.['vnd.docker.reference.type']) return false
  const p = d.platform
  if (!p?.os || !p.architecture) return false
  return p.os !== 'unknown' && p.architecture !== 'unknown'
}

/**
 * Lists what to scan for `ref`. `platforms` undefined means all of them; a named platform the
 * index lacks is an error naming the `platform` input and what the index has.
 */
export async function listPlatforms(
  t: RegistryTransport,
  ref: ImageReference,
  platforms: string[] | undefined,
  /** Who named the platforms, for the error: "Input `platform`", "Flag `--platform`". */
  label = 'Input `platform`',
): Promise<ImagePlatforms> {
  const top = await getManifest(t, ref, manifestReference(ref))
  if (!isIndex(top.mediaType, top.manifest)) return { kind: 'image', digest: top.digest }
  const index = top.manifest as ImageIndex
  const runnable = (Array.isArray(index.manifests) ? index.manifests : []).filter(isRunnable)
  for (const d of runnable) {
    const p = d.platform as NonNullable<Descriptor['platform']>
    // Platform names reach file names, logs and the comment: an index that names a platform
    // `../..` or with a line break is hostile, and skipping that image would leave it unscanned.
    if (
      ![p.os, p.architecture, p.variant ?? 'x'].every(
        (part) => SAFE_PART.test(String(part)) && !/^\.+$/.test(String(part)),
      )
    ) {
      throw new RegistryError(
        'invalid-response',
        `${formatReference(ref)} is an index listing a platform with an invalid name (${JSON.stringify(formatPlatform(p)).slice(0, 80)}); refusing to scan it.`,
      )
    }
  }
  const available = [
    ...new Set(
      runnable.map((d) => formatPlatform(d.platform as NonNullable<Descriptor['platform']>)),
    ),
  ]
  let chosen: Descriptor[]
  if (platforms) {
    chosen = []
    for (const name of platforms) {
      const want = parsePlatform(name)
      const found = runnable.find((d) => platformMatches(want, d.platform))
      if (!found) {
        // Not 'not-found': the image exists, the input asks for what it does not have.
        throw new RegistryError(
          'rejected',
          `${label}: ${formatReference(ref)} has no image for ${name} (available: ${available.join(', ') || 'none'}). Name platforms the index has, or scan them all (platform: all).`,
        )
      }
      chosen.push(found)
    }
  } else {
    chosen = runnable
  }
  // The same image listed twice (two descriptors, one digest) is analysed once.
  chosen = chosen.filter((d, i) => chosen.findIndex((o) => o.digest === d.digest) === i)
  if (chosen.length === 0) {
    throw new RegistryError(
      'invalid-response',
      `${formatReference(ref)} is an image index with no runnable image (only attestations or artifacts): nothing to scan.`,
    )
  }
  if (chosen.length > MAX_PLATFORMS) {
    throw new RegistryError(
      'too-large',
      `${formatReference(ref)} is an index of ${chosen.length} platform images, more than the ${MAX_PLATFORMS} Shipgate scans for one image. An index that large is malformed or hostile; if it is real, name the platforms to scan with the \`platform\` input (e.g. linux/amd64,linux/arm64).`,
    )
  }
  const children: PlatformImage[] = []
  for (const d of chosen) {
    // Read and digest-checked here, so what Trivy is asked to pull by digest is an image.
    const platform = formatPlatform(d.platform as NonNullable<Descriptor['platform']>)
    let child: Awaited<ReturnType<typeof getManifest>>
    try {
      child = await getManifest(t, ref, d.digest)
    } catch (error) {
      // The index was read: a platform it lists that cannot be read is the registry's fault,
      // never "not an image in a registry" (which would let Trivy pick a platform instead).
      throw new RegistryError(
        error instanceof RegistryError && error.kind === 'digest-mismatch'
          ? 'digest-mismatch'
          : 'invalid-response',
        `${formatReference(ref)}: the index lists ${platform} as ${d.digest}, which could not be read: ${(error as Error).message}`,
      )
    }
    const doc = child.manifest as Partial<ImageManifest> & { subject?: unknown }
    if (
      isIndex(child.mediaType, child.manifest) ||
      !doc.config ||
      !Array.isArray(doc.layers) ||
      doc.subject !== undefined ||
      (doc as { artifactType?: unknown }).artifactType !== undefined ||
      !IMAGE_CONFIGS.includes(doc.config.mediaType)
    ) {
      // Listed as a platform image but is an artifact: skipped only when the user did not ask
      // for this platform by name.
      if (platforms) {
        throw new RegistryError(
          'invalid-response',
          `${formatReference(ref)}: the entry for ${platform} (${d.digest}) is not a container image.`,
        )
      }
      continue
    }
    children.push({ platform, digest: child.digest })
  }
  if (children.length === 0) {
    throw new RegistryError(
      'invalid-response',
      `${formatReference(ref)} is an image index with no runnable image (only attestations or artifacts): nothing to scan.`,
    )
  }
  return { kind: 'index', digest: top.digest, children, available }
}
