/**
 * `scan`: Trivy analysis (or an existing report), the severity gate, the base-image check and
 * Shipgate's report, from resolved settings. Shared by the action and `shipgate scan`; what
 * each does with the result (sign, comment, print) stays with them.
 */

import { durationMs } from '../../scanners/trivy/run.js'
import { layerStage } from '../layers/index.js'
import { singlePlatform } from '../inputs.js'
import type { Logger } from '../logger.js'
import type { IgnoreRule } from '../model.js'
import {
  type PipelineResult,
  runPipeline,
  type SarifOptions,
  type SbomFormat,
  type TrivyHandle,
} from '../pipeline.js'
import { scopeHas } from '../policy/scope.js'
import { BlobCache } from '../registry/client.js'
import type { RegistryClient } from '../registry/index.js'
import { parseReference } from '../registry/reference.js'
import { type ScanSettings, valuesOf } from '../settings/resolve.js'
import { baseImagePolicyOf, describeOrigin } from '../settings/spec.js'
import { baseImageStage } from '../stages/base-image.js'
import { VERSION } from '../version.js'

export interface ScanEnvironment {
  logger: Logger
  /** Installs or finds Trivy the first time it is needed. */
  trivy: () => Promise<TrivyHandle | undefined>
  registryClient: () => RegistryClient
  /** Where per-image files and Shipgate's report are written. */
  outputDir: string
  /** Where the SARIF goes (a file for one image, else a directory); none when undefined. */
  sarifPath?: string
  /** Where SARIF may be written (the Dockerfile comes from the settings). */
  sarif?: Omit<SarifOptions, 'dockerfile'>
  sbomFormat?: SbomFormat
  /** The policy file's exceptions, as ignore rules, and its warn-expiry-days. */
  exceptions?: IgnoreRule[]
  expiringDays?: number
  /** The caller writes Shipgate's report file (see ScanRequest.deferReportFile). */
  deferReportFile?: boolean
}

export async function runScan(
  settings: ScanSettings,
  env: ScanEnvironment,
): Promise<PipelineResult> {
  const s = valuesOf(settings)
  const basePolicy = baseImagePolicyOf(s)
  const offline = s.images.length === 0
  // One blob cache for the job: the base-image check and the layer attribution share reads.
  const blobCache = new BlobCache()
  // Attribution reads the image's manifest and its base's config: always for `app` (the gate
  // needs it), else where the base-image check reads the image anyway.
  const attribute = scopeHas(s.failOnScope, 'app') || (basePolicy !== undefined && !offline)
  return runPipeline(
    {
      images: s.images,
      reportFile: s.trivyReport,
      failOn: s.failOn,
      ignoreUnfixed: s.ignoreUnfixed,
      ignoreFile: s.ignoreFile,
      ignoreRules: env.exceptions,
      expiringDays: env.expiringDays,
      scanners: s.scanners,
      timeout: s.timeout,
      platform: s.platform,
      sarifPath: env.sarifPath,
      sarif: { ...env.sarif, ...(s.dockerfile ? { dockerfile: s.dockerfile } : {}) },
      outputDir: env.outputDir,
      concurrency: s.maxParallel,
      compareTo: s.compareTo,
      gateScope: s.failOnScope,
      sbomFormat: env.sbomFormat,
      deferReportFile: env.deferReportFile,
    },
    {
      logger: env.logger,
      trivy: env.trivy,
      now: () => new Date(),
      version: VERSION,
      platforms: (image, named) =>
        env
          .registryClient()
          .platforms(parseReference(image), named, describeOrigin(settings.platform.origin)),
      baseImage: basePolicy
        ? baseImageStage(basePolicy, {
            client: env.registryClient,
            platform: singlePlatform(s.platform),
            dockerfile: s.dockerfile,
            logger: env.logger,
            offline,
            // The whole read of an image, retries included, stops at the user's timeout.
            timeoutMs: durationMs(s.timeout),
            blobCache,
          })
        : undefined,
      layers: attribute
        ? layerStage({
            client: env.registryClient,
            blobCache,
            platform: singlePlatform(s.platform),
            dockerfile: s.dockerfile,
            logger: env.logger,
            offline,
            timeoutMs: durationMs(s.timeout),
          })
        : undefined,
    },
  )
}
