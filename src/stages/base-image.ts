import {
  type BaseImagePolicy,
  factsFromScan,
  inspectImage,
  judgeBaseImage,
} from '../../scanners/base-image/index.js'
import type { Logger } from '../logger.js'
import type { ImageScan } from '../model.js'
import type { BaseImageStage } from '../pipeline.js'
import type { RegistryClient } from '../registry/client.js'

/**
 * The minimal-base-image check for the pipeline: reads the image from its registry, or, when
 * only a Trivy report was given, judges what the report holds and contacts no registry.
 */
export function baseImageStage(
  policy: BaseImagePolicy,
  opts: {
    client: () => RegistryClient
    platform?: string
    dockerfile?: string
    logger: Logger
    /** No image reference was given: a report alone, judged offline. */
    offline: boolean
    /** The user's `timeout`: the whole read of one image must finish within it. */
    timeoutMs?: number
  },
): BaseImageStage {
  return {
    mode: policy.mode,
    async check(scan: ImageScan) {
      if (opts.offline) return judgeBaseImage(factsFromScan(scan), policy)
      // Pin what Trivy analysed when its report names the digest.
      const ref =
        scan.digest && !scan.image.includes('@')
          ? `${scan.image.replace(/:[^/:]+$/, '')}@${scan.digest}`
          : scan.image
      const facts = await inspectImage(ref, {
        platform: opts.platform,
        client: opts.client(),
        logger: opts.logger,
        dockerfile: opts.dockerfile,
        ...(opts.timeoutMs === undefined ? {} : { timeoutMs: opts.timeoutMs }),
      })
      // rpm-based images: the package count Trivy read is better than none.
      facts.packages ??= scan.packages.os
      return judgeBaseImage(facts, policy)
    },
  }
}
