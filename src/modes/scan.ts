/**
 * `scan`: Trivy analysis (or an existing report), the severity gate, the base-image check and
 * Shipgate's report, from resolved settings. Shared by the action and `shipgate scan`; what
 * each does with the result (sign, comment, print) stays with them.
 */

import { durationMs } from '../../scanners/trivy/run.js'
import { singlePlatform } from '../inputs.js'
import type { LayerStage, LayerStageOptions } from '../layers/stage.js'
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
import { BlobCache } from '../registry/blob-cache.js'
import type { RegistryClient } from '../registry/client.js'
import { parseReference } from '../registry/reference.js'
import { InputError } from '../settings/origin.js'
import { type ScanSettings, valuesOf } from '../settings/resolve.js'
import { baseImagePolicyOf, describeOrigin } from '../settings/spec.js'
import { baseImageStage } from '../stages/base-image.js'
import { VERSION } from '../version.js'
import type { BaseReader } from '../vex/prepare.js'
import type { OciVexReader, VexStage } from '../vex/stage.js'

export interface ScanEnvironment {
  logger: Logger
  /** Installs or finds Trivy the first time it is needed. */
  trivy: () => Promise<TrivyHandle | undefined>
  /**
   * The registry client, made on first use: the action loads the registry code then, so a
   * report judged offline never loads it (issue 13).
   */
  registryClient: () => RegistryClient | Promise<RegistryClient>
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
  /** Where VEX paths are read, and on pull requests how they compare with the base commit. */
  vex?: { workspace: string; base?: BaseReader; oci?: OciVexReader }
}

/** The `vex` setting as the pipeline takes it; a given report carries its own suppressions. */
async function vexFor(settings: ScanSettings, env: ScanEnvironment) {
  const s = valuesOf(settings)
  if (!s.vex.length) return undefined
  if (s.trivyReport) {
    return {
      records: [],
      warnings: [
        "`vex` is not applied to a given Trivy report (`trivy-report`): Trivy applies VEX while it scans. The report's own suppressions are shown as they are.",
      ],
      filesFor: async () => [],
    } satisfies VexStage
  }
  // Loaded only when VEX is asked for (issue 13).
  const [{ VexSourceError }, { parseVexSources }, { vexStage }] = await Promise.all([
    import('../vex/prepare.js'),
    import('../vex/sources.js'),
    import('../vex/stage.js'),
  ])
  try {
    // Parsed again into sources: the setting holds them as given, for the settings record.
    const sources = parseVexSources(s.vex.join('\n'), settings.vex.origin)
    const oci = sources.some((v) => v.kind === 'oci') ? await ociReader(settings, env) : undefined
    return await vexStage(sources, {
      workspace: env.vex?.workspace ?? process.cwd(),
      outputDir: env.outputDir,
      requiredAuthors: s.vexRequiredAuthor,
      base: env.vex?.base,
      oci,
    })
  } catch (error) {
    // Named as the user set it: `Input \`vex\``, `Flag \`--vex\``, or the policy file's line.
    if (error instanceof VexSourceError) throw new InputError(settings.vex.origin, error.message)
    throw error
  }
}

/**
 * `vex: oci`: who must have signed the image's VEX attestations, checked before any work. The
 * Sigstore and registry modules load only here (issue 13: runs without `oci` never load them).
 */
async function ociReader(settings: ScanSettings, env: ScanEnvironment) {
  const s = valuesOf(settings)
  const need = (what: string) =>
    new InputError(
      settings.vex.origin,
      `\`oci\` keeps only VEX attestations signed by the expected identity: set ${what} (as for mode: verify).`,
    )
  if (s.vexCertificateIdentity && s.vexCertificateIdentityRegexp)
    throw new InputError(
      settings.vexCertificateIdentity.origin,
      'give either `certificate-identity` or `certificate-identity-regexp`, not both.',
    )
  const identity = s.vexCertificateIdentity
    ? { exact: s.vexCertificateIdentity }
    : s.vexCertificateIdentityRegexp
      ? { regexp: s.vexCertificateIdentityRegexp }
      : undefined
  if (!identity) throw need('`certificate-identity` (or `certificate-identity-regexp`)')
  if (!s.vexCertificateOidcIssuer) throw need('`certificate-oidc-issuer`')
  const [{ ociVexReader }, { registryStore }, { loadTrustedRoot }] = await Promise.all([
    import('../vex/oci.js'),
    import('../sign/registry-store.js'),
    import('../sign/trust-root.js'),
  ])
  const path = s.vexTrustedRoot
  const client = await env.registryClient()
  return ociVexReader({
    store: () => registryStore(client),
    trustedRoot: () => loadTrustedRoot(path ? { path } : {}),
    policy: { identity, issuer: s.vexCertificateOidcIssuer },
    requiredAuthors: s.vexRequiredAuthor,
  })
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
  // And one client: the platform listing, the base-image check and the attribution share its
  // tokens and the manifests it read by digest, instead of each asking the registry again.
  let client: Promise<RegistryClient> | undefined
  const registryClient = () => {
    client ??= Promise.resolve(env.registryClient())
    return client
  }
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
      // The VEX attestations are read with the scan's one client (its tokens, its manifests).
      vex: await vexFor(settings, { ...env, registryClient }),
    },
    {
      logger: env.logger,
      trivy: env.trivy,
      now: () => new Date(),
      version: VERSION,
      platforms: async (image, named) =>
        (await registryClient()).platforms(
          parseReference(image),
          named,
          describeOrigin(settings.platform.origin),
        ),
      baseImage: basePolicy
        ? baseImageStage(basePolicy, {
            client: registryClient,
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
        ? lazyLayerStage({
            client: registryClient,
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

/** The layer attribution, its code loaded on the first image it attributes (issue 13). */
function lazyLayerStage(opts: LayerStageOptions): LayerStage {
  let stage: Promise<LayerStage> | undefined
  return {
    async attribute(scan, report) {
      stage ??= import('../layers/stage.js').then(({ layerStage }) => layerStage(opts))
      return (await stage).attribute(scan, report)
    },
  }
}
