import * as core from '@actions/core'
import * as github from '@actions/github'
import { PolicyInputError } from '../scanners/base-image/index.js'
import { TrivyDbError } from '../scanners/trivy/db.js'
import { TrivyInstallError } from '../scanners/trivy/install.js'
import { TrivyReportError } from '../scanners/trivy/parse.js'
import { actionRegistryLogin, getInput, info, runUrl } from './action/context.js'
import { SEVERITIES, type ShipgateReport } from './model.js'
import { actionRescan } from './modes/action-rescan.js'
import { actionScan } from './modes/action-scan.js'
import { verifyMode } from './modes/verify.js'
import type { PipelineResult } from './pipeline.js'
import { IgnoreFileError } from './policy/ignore-file.js'
import {
  ContentsError,
  octokitContentsReader,
  PolicyEventError,
  PolicyFileError,
  type PullRequestContext,
  pullRequestContext,
} from './policy-file/index.js'
import { redact, registerSecret } from './redact.js'
import { renderReportMarkdown, SUMMARY_MAX_LENGTH } from './render/report-markdown.js'
import { actionSource, InputError, policyFileOf, resolveSettings } from './settings/index.js'
import { type SettingsRecord, settingsMarkdown } from './settings/record.js'
import { MissingIdTokenPermissionError } from './sign/identity.js'
import { SigningInputError } from './sign/settings.js'
import { TrustRootError } from './sign/trust-root.js'

function setOutputs(result: PipelineResult): void {
  const { report } = result
  core.setOutput('verdict', report.verdict)
  // No totals when an image was not scanned: the outputs stay unset (empty), never `0`.
  const { totals } = report
  if (totals) for (const s of SEVERITIES) core.setOutput(s.toLowerCase(), String(totals[s]))
  core.setOutput('report', result.reportPath)
  // Trivy's own report of each scanned image: what a privileged workflow_run job judges again.
  const trivyReports = report.images.map((i) => ({ image: i.image, path: i.artifacts.trivyJson }))
  core.setOutput('trivy-report', trivyReports[0]?.path ?? '')
  core.setOutput('trivy-reports', JSON.stringify(trivyReports))
  core.setOutput('sarif', result.sarifPath ?? '')
  core.setOutput('reason', report.reason)
  const bases = report.images.flatMap((i) =>
    i.baseImage ? [{ image: i.image, ...i.baseImage }] : [],
  )
  core.setOutput('base-image', JSON.stringify(bases))
  // An image that was not scanned was not checked either: its violations are unknown, not 0.
  if (!report.notScanned.length) {
    core.setOutput(
      'base-image-violations',
      String(bases.reduce((n, b) => n + b.violations.length, 0)),
    )
  }
}

async function writeSummary(report: ShipgateReport, settings: SettingsRecord): Promise<void> {
  try {
    await core.summary
      .addRaw(renderReportMarkdown(report, { maxLength: SUMMARY_MAX_LENGTH, summaryUrl: runUrl() }))
      .addRaw(`\n\n${settingsMarkdown(settings)}\n`)
      .write()
  } catch (error) {
    // The summary is a convenience; the outputs and the report file still carry everything.
    core.warning(`Could not write the job summary: ${(error as Error).message}`)
  }
}

/** The base commit on pull requests; an event without one is an error once a policy is needed. */
function basePolicyCommit(): PullRequestContext | Error | undefined {
  try {
    return pullRequestContext(github.context.eventName, github.context.payload)
  } catch (error) {
    return error as Error
  }
}

export async function run(): Promise<void> {
  try {
    const source = actionSource(getInput)
    const token = getInput('github-token')
    // Masked before any request: the policy may be read through the API before anything else.
    if (token) core.setSecret(token)
    registerSecret(token)
    const policy = await policyFileOf(source, {
      workspace: process.env.GITHUB_WORKSPACE || process.cwd(),
      // Central policies and, on pull requests, the base branch's policy are read through the API.
      contents: token
        ? octokitContentsReader({ token, apiUrl: process.env.GITHUB_API_URL })
        : undefined,
      pullRequest: basePolicyCommit(),
      now: new Date(),
    })
    const settings = resolveSettings(source, policy)
    if (settings.policy)
      info(`Policy file: ${settings.policy.file} (sha256 ${settings.policy.sha256})`)
    for (const note of settings.notes) core.warning(note)
    if (settings.mode === 'verify') return await verifyMode(settings.verify)
    // Validates `registry` and masks the registry password before any work can print it.
    actionRegistryLogin()
    if (settings.mode === 'rescan') return await actionRescan(settings)
    const result = await actionScan(settings)
    for (const [name, value] of Object.entries(result.signingOutputs)) core.setOutput(name, value)
    setOutputs(result)
    await writeSummary(result.report, result.settings)

    if (result.errors.length || result.signingFailures.length) {
      core.setFailed(
        redact([...result.errors, ...result.signingFailures.map((f) => f.message)].join('\n')),
      )
    } else if (result.report.verdict === 'fail') {
      core.setFailed(result.report.reason)
    } else {
      info(result.report.reason)
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
      PolicyFileError,
      PolicyEventError,
      ContentsError,
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
