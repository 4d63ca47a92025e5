import { randomBytes } from 'node:crypto'
import { writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as core from '@actions/core'
import { PolicyInputError, parseBaseImagePolicy } from '../scanners/base-image/index.js'
import { TrivyDbError } from '../scanners/trivy/db.js'
import { TrivyInstallError } from '../scanners/trivy/install.js'
import { TrivyReportError } from '../scanners/trivy/parse.js'
import { commentOnPullRequest } from './action/comment.js'
import { actionLogger, getInput, registryClient, runUrl } from './action/context.js'
import { readSigning, vulnerabilityDbFromCache } from './action/signing.js'
import { trivyProvider } from './action/trivy.js'
import { verifyMode } from './action/verify.js'
import { commentKey, InputError, readCommentInputs, readScanInputs } from './inputs.js'
import { SEVERITIES, type ShipgateReport } from './model.js'
import { type PipelineResult, runPipeline } from './pipeline.js'
import { IgnoreFileError } from './policy/ignore-file.js'
import { redact, redactDeep, registerSecret } from './redact.js'
import { renderReportMarkdown, SUMMARY_MAX_LENGTH } from './render/report-markdown.js'
import { actionsArtifactUploader } from './sign/actions-artifact.js'
import { githubIdentity } from './sign/github-identity.js'
import { MissingIdTokenPermissionError } from './sign/identity.js'
import { registryStore } from './sign/registry-store.js'
import { SigningInputError } from './sign/settings.js'
import { loadTrustedRoot, TrustRootError } from './sign/trust-root.js'
import { baseImageStage } from './stages/base-image.js'
import { signStage } from './stages/sign.js'
import { VERSION } from './version.js'

function setOutputs(result: PipelineResult): void {
  const { report } = result
  core.setOutput('verdict', report.verdict)
  for (const s of SEVERITIES) core.setOutput(s.toLowerCase(), String(report.totals[s]))
  core.setOutput('report', result.reportPath)
  core.setOutput('sarif', result.sarifPath ?? '')
  core.setOutput('reason', report.reason)
  const bases = report.images.flatMap((i) =>
    i.baseImage ? [{ image: i.image, ...i.baseImage }] : [],
  )
  core.setOutput('base-image', JSON.stringify(bases))
  core.setOutput(
    'base-image-violations',
    String(bases.reduce((n, b) => n + b.violations.length, 0)),
  )
}

async function writeSummary(report: ShipgateReport): Promise<void> {
  try {
    await core.summary
      .addRaw(renderReportMarkdown(report, { maxLength: SUMMARY_MAX_LENGTH, summaryUrl: runUrl() }))
      .write()
  } catch (error) {
    // The summary is a convenience; the outputs and the report file still carry everything.
    core.warning(`Could not write the job summary: ${(error as Error).message}`)
  }
}

export async function run(): Promise<void> {
  try {
    const mode = (getInput('mode') || 'scan').toLowerCase()
    if (mode === 'verify') return await verifyMode()
    if (mode !== 'scan')
      throw new InputError('mode', `"${mode}" is not a mode; use scan or verify.`)
    const inputs = readScanInputs(getInput)
    const signing = readSigning()
    const basePolicy = parseBaseImagePolicy({
      mode: getInput('base-image-policy'),
      allowedBaseImages: getInput('allowed-base-images'),
      forbid: getInput('forbid'),
      maxImageSize: getInput('max-image-size'),
    })
    const commentInputs = readCommentInputs(getInput, inputs.images.length)
    if (commentInputs.token) core.setSecret(commentInputs.token)
    // Known secrets are cut out of every message that reaches an output (src/redact.ts).
    for (const secret of [
      commentInputs.token,
      getInput('registry-password'),
      process.env.GITHUB_TOKEN,
    ])
      registerSecret(secret)
    const temp = process.env.RUNNER_TEMP || tmpdir()
    const outputDir = join(
      temp,
      `shipgate-${process.env.GITHUB_RUN_ID ?? 'local'}-${randomBytes(4).toString('hex')}`,
    )
    const sarifPath = inputs.sarif ?? join(outputDir, 'shipgate.sarif')

    const result = await runPipeline(
      {
        images: inputs.images,
        reportFile: inputs.trivyReport,
        failOn: inputs.failOn,
        ignoreUnfixed: inputs.ignoreUnfixed,
        ignoreFile: inputs.ignoreFile,
        scanners: inputs.scanners,
        timeout: inputs.timeout,
        platform: inputs.platform,
        sarifPath,
        outputDir,
        concurrency: inputs.maxParallel,
        compareTo: commentInputs.compareTo,
        gateScope: commentInputs.gateScope,
        sbomFormat: signing.sbomFormat === 'none' ? undefined : signing.sbomFormat,
      },
      {
        logger: actionLogger,
        trivy: trivyProvider(),
        now: () => new Date(),
        version: VERSION,
        baseImage: basePolicy
          ? baseImageStage(basePolicy, {
              client: registryClient,
              platform: inputs.platform,
              dockerfile: getInput('dockerfile') || undefined,
              logger: actionLogger,
              offline: inputs.images.length === 0,
            })
          : undefined,
      },
    )
    for (const warning of result.report.warnings) core.warning(warning)
    // `warn` reports violations without failing: as annotations on the run, not only in the
    // summary (enforced ones are in the failure line).
    for (const image of result.report.images) {
      const b = image.baseImage
      if (b?.mode === 'warn' && b.violations.length > 0) {
        core.warning(
          `Base image of ${image.image} (base-image-policy: warn, the step does not fail on it): ${b.violations.map((v) => v.message).join(' ')}`,
        )
      }
    }
    // A signature tells admission controllers "this passed the gate": sign only a passing,
    // complete scan. The SBOM is still uploaded.
    const signable = result.report.verdict === 'pass' && !result.errors.length
    if (signing.sign && !signable) {
      const note =
        'Not signed: the image did not pass the gate, and a signature would tell admission controllers it did.'
      core.warning(note)
      result.report.warnings.push(note)
    }
    const signed = await signStage(
      result.report,
      signable || !signing.sign ? signing : { sign: false, sbomFormat: signing.sbomFormat },
      {
        store: () => registryStore(registryClient()),
        identity: () => githubIdentity(),
        trustedRoot: async () => {
          if (!signing.sign) return undefined
          return loadTrustedRoot(signing.trustedRootPath ? { path: signing.trustedRootPath } : {})
        },
        uploader: actionsArtifactUploader(),
        logger: actionLogger,
        vulnerabilityDb: vulnerabilityDbFromCache,
      },
    )
    for (const [name, value] of Object.entries(signed.outputs)) core.setOutput(name, value)
    if (signed.failed.length) {
      // The step fails; the verdict output must not say pass for an image left unsigned.
      result.report.verdict = 'fail'
      result.report.reason = `Not signed: ${signed.failed[0]?.message}${signed.failed.length > 1 ? ` (+${signed.failed.length - 1} more)` : ''}`
    }
    // Nothing below (comment, report file, outputs, summary) may carry a secret.
    redactDeep(result.report)
    const key = commentKey(
      commentInputs.key,
      inputs.images,
      result.report.images[0]?.image ?? 'report',
    )
    await commentOnPullRequest(result.report, commentInputs, key, {
      // An incomplete scan gets one comment for the job: per-image verdicts would hide it.
      perImage: !result.errors.length,
      failures: signed.failed,
    })
    // The comment's outcome is part of the record: rewrite the report with its warnings.
    await writeFile(result.reportPath, `${JSON.stringify(result.report, null, 2)}\n`)
    setOutputs(result)
    await writeSummary(result.report)

    if (result.errors.length || signed.failed.length) {
      core.setFailed(redact([...result.errors, ...signed.failed.map((f) => f.message)].join('\n')))
    } else if (result.report.verdict === 'fail') {
      core.setFailed(result.report.reason)
    } else {
      core.info(result.report.reason)
    }
  } catch (error) {
    const message = redact(error instanceof Error ? error.message : String(error))
    // Errors that already say what to do (bad inputs, unreadable reports, refused binaries).
    const explained = [
      InputError,
      SigningInputError,
      PolicyInputError,
      MissingIdTokenPermissionError,
      TrustRootError,
      TrivyInstallError,
      TrivyDbError,
      TrivyReportError,
      IgnoreFileError,
    ].some((type) => error instanceof type)
    const reason = explained ? message : `Shipgate could not complete: ${message}`
    // Later steps reading `verdict` must never see a pass, or nothing at all.
    core.setOutput('verdict', 'fail')
    core.setOutput('reason', reason.split('\n')[0] ?? reason)
    try {
      await core.summary
        .addRaw(`### ❌ Shipgate did not complete\n\n`)
        .addCodeBlock(reason, 'text')
        .write()
    } catch {
      // The failure message below is what matters; a summary is a convenience.
    }
    core.setFailed(reason)
  }
}
