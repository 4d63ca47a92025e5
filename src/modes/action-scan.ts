/**
 * `mode: scan` in the action: the shared scan, then what only a workflow run does: sign a
 * passing image, post the sticky comment, rewrite the report with what happened.
 */
import { randomBytes } from 'node:crypto'
import { writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as core from '@actions/core'
import { commentOnPullRequest } from '../action/comment.js'
import { actionLogger, registryClient } from '../action/context.js'
import { readSigning } from '../action/signing.js'
import { trivyProvider } from '../action/trivy.js'
import { commentKeys } from '../github/comment-key.js'
import type { PipelineResult } from '../pipeline.js'
import { type SettingsRecord, settingsRecord } from '../settings/record.js'
import type { Settings } from '../settings/resolve.js'
import { actionsArtifactUploader } from '../sign/actions-artifact.js'
import { githubIdentity } from '../sign/github-identity.js'
import { registryStore } from '../sign/registry-store.js'
import { loadTrustedRoot } from '../sign/trust-root.js'
import { signStage } from '../stages/sign.js'
import { runScan } from './scan.js'

export interface ActionScanResult extends PipelineResult {
  /** Signing failures: they fail the step. */
  signingFailures: { image: string; message: string }[]
  /** Outputs the signing step set (digest, sbom, signature, attestations). */
  signingOutputs: Record<string, string>
  /** The settings the gate decided with, as the report file records them. */
  settings: SettingsRecord
}

export async function actionScan(
  settings: Extract<Settings, { mode: 'scan' }>,
): Promise<ActionScanResult> {
  const { scan, comment } = settings
  const signing = readSigning()
  const token = comment.githubToken.value
  if (token) core.setSecret(token)
  const temp = process.env.RUNNER_TEMP || tmpdir()
  const outputDir = join(
    temp,
    `shipgate-${process.env.GITHUB_RUN_ID ?? 'local'}-${randomBytes(4).toString('hex')}`,
  )
  const result = await runScan(scan, {
    logger: actionLogger,
    trivy: trivyProvider(scan),
    registryClient,
    outputDir,
    sarifPath: scan.sarif.value ?? join(outputDir, 'shipgate.sarif'),
    sbomFormat: signing.sbomFormat === 'none' ? undefined : signing.sbomFormat,
  })
  const { report } = result
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
  const signed = await signStage(
    report,
    signable ? signing : { sign: false, sbomFormat: signing.sbomFormat },
    {
      store: () => registryStore(registryClient()),
      identity: () => githubIdentity(),
      trustedRoot: async () => {
        if (!signing.sign) return undefined
        return loadTrustedRoot(signing.trustedRootPath ? { path: signing.trustedRootPath } : {})
      },
      uploader: actionsArtifactUploader(),
      logger: actionLogger,
    },
  )
  if (signed.failed.length) {
    // The step fails; the verdict output must not say pass for an image left unsigned.
    report.verdict = 'fail'
    report.reason = `Not signed: ${signed.failed[0]?.message}${signed.failed.length > 1 ? ` (+${signed.failed.length - 1} more)` : ''}`
  }
  const keys = commentKeys({
    explicit: scan.commentKey.value,
    images: scan.images.value,
    fallback: report.images[0]?.image ?? 'report',
    platform: scan.platform.value,
  })
  await commentOnPullRequest(
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
  // The comment's outcome is part of the record: rewrite the report with its warnings, and
  // with the settings it was decided with.
  const record = settingsRecord(settings)
  await writeFile(
    result.reportPath,
    `${JSON.stringify({ ...report, settings: record }, null, 2)}\n`,
  )
  return {
    ...result,
    signingFailures: signed.failed,
    signingOutputs: signed.outputs,
    settings: record,
  }
}
