/**
 * `mode: scan` in the action: the shared scan, then what only a workflow run does: sign a
 * passing image, post the sticky comment, rewrite the report with what happened.
 */
import { randomBytes } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as core from '@actions/core'
import { commentOnPullRequest } from '../action/comment.js'
import { actionLogger } from '../action/context.js'
import { readSigning, vulnerabilityDbFromCache } from '../action/signing.js'
import { type RenderedSummary, renderSummary } from '../action/summary.js'
import { trivyProvider } from '../action/trivy.js'
import { commentKeys } from '../github/comment-key.js'
import { describePlatforms } from '../inputs.js'
import type { PipelineResult } from '../pipeline.js'
import { redactDeepForJson, registerSecret } from '../redact.js'
import { LONG_ARRAY, writeJsonFile, writeJsonFilePausing } from '../report/write.js'
import { type SettingsRecord, settingsRecord } from '../settings/record.js'
import type { ScanSettings, Settings } from '../settings/resolve.js'
import type { ArtifactUploader } from '../sign/sbom-artifact.js'
import { runScan } from './scan.js'

export interface ActionScanResult extends PipelineResult {
  /** Signing failures: they fail the step. */
  signingFailures: { image: string; message: string }[]
  /** Outputs the signing step set (digest, sbom, signature, attestations). */
  signingOutputs: Record<string, string>
  /** The settings the gate decided with, as the report file records them. */
  settings: SettingsRecord
  /** The job summary, rendered for the final report (main.ts writes it after the outputs). */
  summary: RenderedSummary
}

export async function actionScan(
  settings: Extract<Settings, { mode: 'scan' }>,
): Promise<ActionScanResult> {
  const { scan, comment } = settings
  const signing = readSigning()
  const token = comment.githubToken.value
  // Known secrets are cut out of every message that reaches an output (src/redact.ts).
  // (The registry password is registered where it is read: actionRegistryLogin.)
  for (const secret of [token, process.env.GITHUB_TOKEN]) registerSecret(secret)
  const temp = process.env.RUNNER_TEMP || tmpdir()
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd()
  const outputDir = join(
    temp,
    `shipgate-${process.env.GITHUB_RUN_ID ?? 'local'}-${randomBytes(4).toString('hex')}`,
  )
  const result = await runScan(scan, {
    logger: actionLogger,
    trivy: trivyProvider(scan),
    // The registry code loads on first use: a report judged offline never reads a registry.
    registryClient: async () => (await import('../action/registry-client.js')).registryClient(),
    outputDir,
    // One file per image in a directory unless `sarif` names one file for one image.
    sarifPath: scan.sarif.value ?? `${join(outputDir, 'sarif')}/`,
    sarif: {
      root: workspace,
      // The checkout is the pull request's: a link in it must not carry SARIF elsewhere.
      confineTo: [workspace, temp],
    },
    sbomFormat: signing.sbomFormat === 'none' ? undefined : signing.sbomFormat,
    exceptions: settings.exceptions,
    expiringDays: settings.policyReport?.warnExpiryDays,
    deferReportFile: true,
    // VEX paths are read in the checkout; on pull requests compared with the base commit.
    vex: await actionVex(scan, token),
  })
  const { report } = result
  if (settings.policyReport) {
    report.policy = settings.policyReport
    report.expiringDays = settings.policyReport.warnExpiryDays
  }
  for (const warning of report.warnings) core.warning(warning)
  // `warn` reports violations without failing: as annotations on the run, not only in the
  // summary (enforced ones are in the failure line).
  for (const image of report.images) {
    const b = image.baseImage
    if (b?.mode === 'warn' && b.violations.length > 0) {
      core.warning(
        `Base image of ${image.image} (base-image-policy: warn, the step does not fail on it): ${b.violations.map((v) => v.message).join(' ')}`,
      )
    }
  }
  // A signature tells admission controllers "this passed the gate": sign only a passing,
  // complete scan. The SBOM is still uploaded.
  const signable = report.verdict === 'pass' && !result.errors.length
  if (signing.sign && !signable) {
    const note =
      'Not signed: the image did not pass the gate, and a signature would tell admission controllers it did.'
    core.warning(note)
    report.warnings.push(note)
  }
  // Signing, the artifact client and TUF load only on the runs that sign or upload an SBOM.
  const willSign = signing.sign && signable
  const { signStage } = await import('../stages/sign.js')
  const signer = willSign ? await loadSigner() : undefined
  const using = () => {
    if (!signer) throw new Error('internal: signing modules used on a run that does not sign')
    return signer
  }
  const signed = await signStage(
    report,
    // A fork PR's skipped signing (sign: false with a reason) passes through as it is.
    signable || !signing.sign ? signing : { sign: false, sbomFormat: signing.sbomFormat },
    {
      store: () => using().registryStore(using().registryClient()),
      identity: () => using().githubIdentity(),
      trustedRoot: async () => {
        if (!signing.sign) return undefined
        return using().loadTrustedRoot(
          signing.trustedRootPath ? { path: signing.trustedRootPath } : {},
        )
      },
      uploader: lazyArtifactUploader(),
      logger: actionLogger,
      vulnerabilityDb: vulnerabilityDbFromCache,
      github: {
        token,
        apiUrl: process.env.GITHUB_API_URL,
        serverUrl: process.env.GITHUB_SERVER_URL,
        repository: process.env.GITHUB_REPOSITORY,
      },
    },
    { signPlatforms: scan.signPlatforms.value },
  )
  if (signed.failed.length) {
    // The step fails; the verdict output must not say pass for an image left unsigned.
    report.verdict = 'fail'
    report.reason = `Not signed: ${signed.failed[0]?.message}${signed.failed.length > 1 ? ` (+${signed.failed.length - 1} more)` : ''}`
  }
  // Nothing below (comment, report file, outputs, summary) may carry a secret. The findings'
  // JSON text, serialised to check it, is kept for the report file written below.
  const { texts } = redactDeepForJson(report, LONG_ARRAY)
  const keys = commentKeys({
    explicit: scan.commentKey.value,
    images: scan.images.value,
    fallback: report.images[0]?.image ?? 'report',
    platform: describePlatforms(scan.platform.value),
  })
  const record = settingsRecord(settings)
  const warnings = report.warnings.length
  const commenting = commentOnPullRequest(
    report,
    {
      when: comment.comment.value,
      mode: comment.commentMode.value,
      per: comment.commentPer.value,
      token,
      author: comment.commentAuthor.value,
      pullRequest: comment.pullRequest.value,
    },
    keys,
    {
      // An incomplete scan gets one comment for the job: per-image verdicts would hide it.
      perImage: !result.errors.length,
      failures: signed.failed,
    },
  )
  // Awaited below; a failure meanwhile must not count as an unhandled rejection.
  commenting.catch(() => undefined)
  // The report file, with the signing results and the settings it was decided with, is
  // written while the comment's requests are in flight (between stretches of a large file
  // their responses are handled). The record holds the comment's outcome: a comment that
  // failed added its warning, and the file is written again with it.
  // Nothing between the redaction and this write changes a finding or an upgrade (the comment
  // only reads them, and adds warnings, which are not kept as texts).
  await writeJsonFilePausing(result.reportPath, { ...report, settings: record }, texts)
  // The job summary too, while the comment's last requests are in flight (src/action/summary.ts).
  let summary = await renderSummary(report, record)
  await commenting
  if (report.warnings.length !== warnings) {
    await writeJsonFile(result.reportPath, { ...report, settings: record })
    summary = await renderSummary(report, record)
  }
  return {
    ...result,
    signingFailures: signed.failed,
    signingOutputs: signed.outputs,
    settings: record,
    summary,
  }
}

/** VEX context, loaded only when `vex` is set. */
async function actionVex(scan: ScanSettings, token: string) {
  if (!scan.vex.value.length) return undefined
  const { actionVexBase } = await import('../vex/action.js')
  return {
    workspace: process.env.GITHUB_WORKSPACE || process.cwd(),
    base: actionVexBase(token),
  }
}

/** The workflow-artifact client (and its storage SDK), loaded on the first upload. */
function lazyArtifactUploader(): ArtifactUploader {
  let uploader: Promise<ArtifactUploader> | undefined
  return {
    async upload(name, files, rootDirectory) {
      // Outside a workflow run there is no artifact service: say so as the client would,
      // without loading it.
      if (!process.env.ACTIONS_RUNTIME_TOKEN)
        throw new Error('Unable to get the ACTIONS_RUNTIME_TOKEN env variable')
      uploader ??= import('../sign/actions-artifact.js').then((m) => m.actionsArtifactUploader())
      return (await uploader).upload(name, files, rootDirectory)
    },
  }
}

/** Identity, registry store and trust root: loaded only by runs that sign (issue 13). */
async function loadSigner() {
  const [{ githubIdentity }, { registryStore }, { loadTrustedRoot }, { registryClient }] =
    await Promise.all([
      import('../sign/github-identity.js'),
      import('../sign/registry-store.js'),
      import('../sign/trust-root.js'),
      import('../action/registry-client.js'),
    ])
  return { githubIdentity, registryStore, loadTrustedRoot, registryClient }
}
