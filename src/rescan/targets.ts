/**
 * What `mode: rescan` watches: image references as the user listed them, each pinned to the
 * digest it names right now. A tag is resolved through the registry (the manifest is fetched
 * and its SHA-256 computed here, never taken from a header); a digest is used as given. The
 * digest is what gets scanned and reported, so a tag moving mid-run cannot mix two images.
 */
import type { Logger } from '../logger.js'
import {
  formatReference,
  type ImageReference,
  parseReference,
  type RegistryClient,
} from '../registry/index.js'

export interface WatchedImage {
  /** As the user wrote it, for messages. */
  given: string
  /** Identifies the image's issue across runs: the canonical reference, plus the platform. */
  key: string
  /** The canonical reference the user watches (`docker.io/library/nginx:latest`). */
  reference: string
}

export interface ResolvedTarget extends WatchedImage {
  digest: string
  /** `registry/repository@digest`: what Trivy scans. */
  scanRef: string
  /** How the digest was found. */
  via: 'pinned' | 'tag'
}

export type TargetResult =
  | { ok: true; target: ResolvedTarget }
  | { ok: false; image: WatchedImage; error: string }

/** Parse the watch list; a bad reference is the user's input and stops the run before any work. */
export function watchList(images: string[], platform: string | undefined): WatchedImage[] {
  const seen = new Map<string, WatchedImage>()
  for (const given of images) {
    const ref = parseReference(given)
    const reference = formatReference(ref.digest ? ref : { ...ref, tag: ref.tag ?? 'latest' })
    const key = platform ? `${reference} ${platform}` : reference
    if (!seen.has(key)) seen.set(key, { given, key, reference })
  }
  return [...seen.values()]
}

/** Pin each watched image to its digest; one that cannot be resolved does not stop the others. */
export async function resolveTargets(
  images: WatchedImage[],
  registry: () => RegistryClient,
  logger: Logger,
): Promise<TargetResult[]> {
  const out: TargetResult[] = []
  let client: RegistryClient | undefined
  for (const image of images) {
    const ref: ImageReference = parseReference(image.reference)
    const repo = `${ref.registry}/${ref.repository}`
    if (ref.digest) {
      out.push({
        ok: true,
        target: { ...image, digest: ref.digest, scanRef: `${repo}@${ref.digest}`, via: 'pinned' },
      })
      continue
    }
    try {
      // The top-level manifest (an index for multi-platform images): the digest deployments pin.
      client ??= registry()
      const manifest = await client.getManifest(ref, ref.tag ?? 'latest')
      logger.info(`${image.reference} is ${manifest.digest}`)
      out.push({
        ok: true,
        target: {
          ...image,
          digest: manifest.digest,
          scanRef: `${repo}@${manifest.digest}`,
          via: 'tag',
        },
      })
    } catch (error) {
      out.push({
        ok: false,
        image,
        error: `Could not resolve ${image.reference} to a digest: ${(error as Error).message}`,
      })
    }
  }
  return out
}
