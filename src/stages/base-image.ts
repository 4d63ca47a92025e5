import type { BaseImageFacts } from '../../scanners/base-image/facts.js'
import { factsFromScan } from '../../scanners/base-image/offline.js'
import { type BaseImagePolicy, judgeBaseImage } from '../../scanners/base-image/policy.js'
import type { Logger } from '../logger.js'
import type { ImageScan } from '../model.js'
import type { BaseImageStage } from '../pipeline.js'
import { BlobCache } from '../registry/blob-cache.js'
import type { RegistryClient } from '../registry/client.js'

/**
 * The minimal-base-image check for the pipeline: reads the image from its registry, or, when
 * only a Trivy report was given, judges what the report holds and contacts no registry.
 *
 * The registry read starts with the image's Trivy analysis (`prefetch`) rather than after it,
 * under the same `timeout`, so the two together take as long as the longer one. One blob cache
 * serves the whole job: images on one base read their shared layers once.
 *
 * The registry reader (layers, tar) loads on the first read: a report judged offline only
 * needs the judgement (issue 13).
 */
export function baseImageStage(
  policy: BaseImagePolicy,
  opts: {
    client: () => RegistryClient | Promise<RegistryClient>
    platform?: string
    dockerfile?: string
    logger: Logger
    /** No image reference was given: a report alone, judged offline. */
    offline: boolean
    /** The user's `timeout`: the whole read of one image must finish within it. */
    timeoutMs?: number
    /** The job's blob cache (a fresh one, removed at exit, when omitted). */
    blobCache?: BlobCache
  },
): BaseImageStage {
  let client: Promise<RegistryClient> | undefined
  const cache = opts.blobCache ?? new BlobCache()
  const reads = new Map<string, Promise<BaseImageFacts>>()
  const read = (image: string): Promise<BaseImageFacts> => {
    let facts = reads.get(image)
    if (!facts) {
      client ??= Promise.resolve(opts.client()).then((c) => c.withBlobCache(cache))
      facts = Promise.all([import('../../scanners/base-image/index.js'), client]).then(
        ([{ inspectImage }, c]) =>
          inspectImage(image, {
            platform: opts.platform,
            client: c,
            logger: opts.logger,
            dockerfile: opts.dockerfile,
            ...(opts.timeoutMs === undefined ? {} : { timeoutMs: opts.timeoutMs }),
          }),
      )
      // Trivy may fail for this image and nobody then asks for the facts: not an unhandled rejection.
      facts.catch(() => undefined)
      reads.set(image, facts)
    }
    return facts
  }
  return {
    mode: policy.mode,
    prefetch(image: string) {
      if (!opts.offline) void read(image)
    },
    async check(scan: ImageScan) {
      if (opts.offline) return judgeBaseImage(factsFromScan(scan), policy)
      // Started with Trivy (`prefetch`); else read now, pinned to what Trivy analysed.
      const pinned =
        scan.digest && !scan.image.includes('@')
          ? `${scan.image.replace(/:[^/:]+$/, '')}@${scan.digest}`
          : scan.image
      const facts = await (reads.has(scan.image) ? read(scan.image) : read(pinned))
      assertSameImage(scan, facts)
      // rpm-based images: the package count Trivy read is better than none.
      facts.packages ??= scan.packages.os
      return judgeBaseImage(facts, policy)
    },
  }
}

/**
 * Read alongside Trivy, both resolved the tag themselves: when the tag moved in between, the
 * facts describe another image than the findings, and the check must not claim to cover it.
 */
function assertSameImage(scan: ImageScan, facts: BaseImageFacts): void {
  if (!scan.digest || !facts.digest) return
  if (scan.digest === facts.digest || scan.digest === facts.indexDigest) return
  throw new Error(
    `${scan.image} changed while it was scanned: Trivy analysed ${scan.digest}, the base-image check read ${facts.digest}. Scan an image pinned by digest (${scan.image.replace(/[:@][^/]*$/, '')}@sha256:…), or re-run once the tag stops moving.`,
  )
}
