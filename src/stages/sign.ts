import { readFile } from 'node:fs/promises'
import type { Logger } from '../logger.js'
import type { ImageReport, ShipgateReport } from '../model.js'
import { redact, redactDeep } from '../redact.js'
import type { GitHubAttestations, GitHubTarget } from '../sign/github-attestations.js'
import type { IdentityProvider } from '../sign/identity.js'
import type { OciStore } from '../sign/oci-store.js'
import { type ArtifactUploader, uploadSbom } from '../sign/sbom-artifact.js'
import type { SigningSettings } from '../sign/settings.js'
import { publicGoodEndpoints } from '../sign/signing-config.js'
import type { TrustedRoot } from '../sign/trust-root.js'
import {
  dbFromTrivyReport,
  type GatePolicy,
  gateVerdictPredicate,
  type VulnerabilityDbInfo,
} from '../sign/verdict.js'
import { VERSION } from '../version.js'

export interface SignStageDeps {
  store: () => OciStore
  identity: () => IdentityProvider
  trustedRoot: () => Promise<TrustedRoot | undefined>
  uploader?: ArtifactUploader
  logger: Logger
  /** Trivy's DB metadata (`db/metadata.json` of the cache the scan used), for the verdict. */
  vulnerabilityDb?: () => Promise<VulnerabilityDbInfo | undefined>
  now?: () => Date
  /** For `github-attestations`: the token and repository the runner gives. */
  github?: GitHubTarget
}

export interface SignStageResult {
  /** Signing was asked for and did not complete for these images: the step must fail. */
  failed: { image: string; message: string }[]
  outputs: {
    digest: string
    signature: string
    attestations: string
    'signature-verified': string
    sbom: string
    /** JSON array of what GitHub's attestations API stored: [{digest, predicateType, id, url}]. */
    'github-attestations': string
  }
}

/**
 * After the verdict: upload each SBOM, then sign and attest each image's digest. Failures are
 * recorded in the report (partial results kept), never thrown, so the summary still shows all.
 */
export async function signStage(
  report: ShipgateReport,
  settings: SigningSettings,
  deps: SignStageDeps,
): Promise<SignStageResult> {
  const failed: SignStageResult['failed'] = []
  let githubAttestations: GitHubAttestations | undefined
  const sboms = report.images
    .map((i) => ({ image: i.image, path: i.artifacts.cyclonedx ?? i.artifacts.spdx }))
    .filter((s): s is { image: string; path: string } => Boolean(s.path))
  if (deps.uploader && settings.sbomFormat !== 'none') {
    for (const s of sboms)
      await uploadSbom(deps.uploader, s.path, s.image, settings.sbomFormat, deps.logger)
  }

  if (!settings.sign && settings.skipped) {
    deps.logger.warning(settings.skipped)
    report.warnings.push(settings.skipped)
  }
  // Sigstore loads only when signing (issue 13: a run that does not sign never loads it).
  const step = settings.sign ? await import('../sign/step.js') : undefined
  if (settings.sign && step) {
    const { SigningError, signingSession } = step
    // Images that failed to scan are not in the report: they are never signed.
    let trustedRoot: TrustedRoot | undefined
    try {
      trustedRoot = await deps.trustedRoot()
    } catch (error) {
      const message = redact(
        `The Sigstore trust root could not be loaded (${(error as Error).message}); signatures are pushed without the pre-push check.`,
      )
      deps.logger.warning(message)
      report.warnings.push(message)
    }
    let session: ReturnType<typeof signingSession> | undefined
    const warn = (message: string) => {
      const clean = redact(message)
      deps.logger.warning(clean)
      report.warnings.push(clean)
    }
    githubAttestations = settings.githubAttestations
      ? await githubAttestationsFor(deps, warn)
      : undefined
    for (const image of report.images) {
      try {
        session ??= signingSession(settings, {
          store: deps.store(),
          identity: deps.identity(),
          logger: deps.logger,
          trustedRoot,
          signingConfig: () => publicGoodEndpoints({ rekorVersion: settings.rekorVersion }),
          ...(githubAttestations
            ? { onVerified: githubAttestations.publish.bind(githubAttestations) }
            : {}),
        })
        image.signing = await session.sign({
          image: image.image,
          digest: image.digest,
          sbomPath: settings.attestSbom
            ? (image.artifacts.cyclonedx ?? image.artifacts.spdx)
            : undefined,
          vuln: settings.attestVulnerabilities
            ? {
                trivyJsonPath: image.artifacts.trivyJson,
                trivyVersion: image.trivyVersion,
                scannedAt: image.scannedAt,
              }
            : undefined,
          verdict: settings.attestVerdict ? await verdictFor(report, image, deps) : undefined,
        })
        if (image.signing) image.digest ??= image.signing.digest
      } catch (error) {
        if (error instanceof SigningError && error.partial)
          image.signing = redactDeep(error.partial)
        // Service error text can echo the OIDC token: redacted before it reaches any output.
        const message = redact(`Signing ${image.image} failed: ${(error as Error).message}`)
        failed.push({ image: image.image, message })
        report.warnings.push(message)
      }
    }
  }
  // Without signing nothing was signed: signingOutputs([]) (test/sign/stage-lazy.test.ts).
  const signed = step
    ? step.signingOutputs(report.images.flatMap((i) => (i.signing ? [i.signing] : [])))
    : { digest: '', signature: '', attestations: '[]', 'signature-verified': '' }
  return {
    failed,
    outputs: {
      ...signed,
      sbom: sboms[0]?.path ?? '',
      'github-attestations': JSON.stringify(githubAttestations?.posted ?? []),
    },
  }
}

/** The GitHub attestations publisher: skips (one warning) where the API cannot exist. */
async function githubAttestationsFor(deps: SignStageDeps, warn: (message: string) => void) {
  const { GitHubAttestations, attestationsApiUnavailable, octokitAttestationsApi } = await import(
    '../sign/github-attestations.js'
  )
  const target = deps.github ?? { token: '' }
  const unavailable = attestationsApiUnavailable(target)
  const api = unavailable ? undefined : await octokitAttestationsApi(target, deps.logger)
  return new GitHubAttestations(api, target, deps.logger, warn, unavailable)
}

/** The policy as the report records it: thresholds, scope, and every ignore rule in force. */
export function gatePolicyOf(report: ShipgateReport): GatePolicy {
  const rules = new Map<string, GatePolicy['ignores'][number]>()
  const add = (r: { id: string; source: string; expiresAt?: string }) => {
    rules.set(`${r.source}\u0000${r.id}`, {
      id: r.id,
      source: r.source,
      ...(r.expiresAt ? { expiresAt: r.expiresAt } : {}),
    })
  }
  for (const image of report.images)
    for (const f of image.findings) if (f.ignored?.by === 'ignore-file') add(f.ignored.rule)
  for (const r of report.unusedRules) add(r)
  return {
    failOn: report.failOn,
    scope: report.gateScope,
    ignoreUnfixed: report.ignoreUnfixed,
    ignores: [...rules.values()].sort((a, b) =>
      `${a.source} ${a.id}` < `${b.source} ${b.id}` ? -1 : 1,
    ),
    ...(report.vulnerabilityDb ? { maxDbAgeHours: report.vulnerabilityDb.maxAgeHours } : {}),
  }
}

async function verdictFor(report: ShipgateReport, image: ImageReport, deps: SignStageDeps) {
  // The DB that produced the findings: Trivy's own report (client/server) first, else the cache.
  let db: VulnerabilityDbInfo | undefined
  try {
    db = dbFromTrivyReport(JSON.parse(await readFile(image.artifacts.trivyJson, 'utf8')))
  } catch {
    db = undefined
  }
  db ??= (await deps.vulnerabilityDb?.().catch(() => undefined)) ?? {}
  const policy = gatePolicyOf(report)
  const time = (deps.now ?? (() => new Date()))()
  return (signed: { policyUri: string; repository: string; digest: string }) =>
    gateVerdictPredicate({
      repository: signed.repository,
      digest: signed.digest,
      passed: report.verdict === 'pass' && image.blocking === 0,
      policy,
      policyUri: signed.policyUri,
      shipgateVersion: VERSION,
      trivyVersion: image.trivyVersion,
      db: db ?? {},
      ...(report.vulnerabilityDb
        ? {
            measuredDb: {
              updatedAt: report.vulnerabilityDb.updatedAt,
              ageHours: report.vulnerabilityDb.ageHours,
            },
          }
        : {}),
      counts: image.counts,
      ignored: Object.values(image.ignored).reduce((a, b) => a + b, 0),
      suppressedByVex: image.suppressed.length,
      timeVerified: time,
    })
}
