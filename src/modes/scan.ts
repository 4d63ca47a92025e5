/**
 * `scan`: Trivy analysis (or an existing report), the severity gate, the base-image check and
 * Shipgate's report, from resolved settings. Shared by the action and `shipgate scan`; what
 * each does with the result (sign, comment, print) stays with them.
 */

import { durationMs } from '../../scanners/trivy/run.js'
import { singlePlatform } from '../inputs.js'
import type { Logger } from '../logger.js'
import type { IgnoreRule } from '../model.js'
import { type PipelineResult, runPipeline, type SbomFormat, type TrivyHandle } from '../pipeline.js'
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
  /** Where the merged SARIF goes; none when undefined. */
  sarifPath?: string
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
            offline: s.images.length === 0,
            // The whole read of an image, retries included, stops at the user's timeout.
            timeoutMs: durationMs(s.timeout),
          })
        : undefined,
    },
  )
}
