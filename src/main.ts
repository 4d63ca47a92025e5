import * as core from '@actions/core'
import { workflowEvent } from './action/event.js'
import type { RenderedSummary } from './action/summary.js'
import { escapeLog } from './github/workflow-commands.js'
import { SEVERITIES } from './model.js'
import type { PipelineResult } from './pipeline.js'
import { PolicyFileError } from './policy-file/errors.js'
import { PolicyEventError, pullRequestContext } from './policy-file/event.js'
import type { PullRequestContext } from './policy-file/load.js'
import { redact, registerSecret } from './redact.js'
import { InputError } from './settings/origin.js'
import { policyFileLazily } from './settings/policy-lazy.js'
import { actionSource, resolveSettings } from './settings/resolve.js'

/*
 * Only what every run needs is imported here: resolving the inputs and reporting a failure.
 * The policy loader (YAML, zod), the GitHub API client (Octokit, TLS), the report parser, the
 * renderers, the scan, verification, signing, registry and Trivy installation are loaded with
 * import() on the paths that use them, so a run that stops at a bad input loads none of them,
 * and a run that judges a report offline loads no network client (issue 13;
 * test/e2e/dist-fresh.test.ts checks what loads at start).
 */

const info = (message: string) => core.info(escapeLog(message))

/** Errors that already say what to do (bad inputs, unreadable reports, refused binaries). */
async function isExplained(error: unknown): Promise<boolean> {
  if ([InputError, PolicyFileError, PolicyEventError].some((t) => error instanceof t)) return true
  // An error of a type whose module never loaded cannot be an instance of it; loading them
  // here costs time only on this failure path.
  const [contents, baseImage, db, install, parse, ignoreFile, identity, signSettings, trustRoot] =
    await Promise.all([
      import('./policy-file/contents.js'),
      import('../scanners/base-image/index.js'),
      import('../scanners/trivy/db.js'),
      import('../scanners/trivy/install.js'),
      import('../scanners/trivy/parse.js'),
      import('./policy/ignore-file.js'),
      import('./sign/identity.js'),
      import('./sign/settings.js'),
      import('./sign/trust-root.js'),
    ])
  return [
    contents.ContentsError,
    signSettings.SigningInputError,
    baseImage.PolicyInputError,
    identity.MissingIdTokenPermissionError,
    trustRoot.TrustRootError,
    install.TrivyInstallError,
    db.TrivyDbError,
    parse.TrivyReportError,
    ignoreFile.IgnoreFileError,
  ].some((type) => error instanceof type)
}

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
  // One line per SARIF file, and its code-scanning category on the same line of sarif-category.
  const sarif = result.sarif ?? []
  core.setOutput('sarif', sarif.map((s) => s.path).join('\n'))
  core.setOutput('sarif-category', sarif.map((s) => s.category).join('\n'))
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

async function writeSummary(summary: RenderedSummary): Promise<void> {
  try {
    if ('error' in summary) throw summary.error
    await core.summary.addRaw(summary.markdown).write()
  } catch (error) {
    // The summary is a convenience; the outputs and the report file still carry everything.
    core.warning(`Could not write the job summary: ${(error as Error).message}`)
  }
}

/** The base commit on pull requests; an event without one is an error once a policy is needed. */
function basePolicyCommit(): PullRequestContext | Error | undefined {
  try {
    const { eventName, payload } = workflowEvent()
    return pullRequestContext(eventName, payload)
  } catch (error) {
    return error as Error
  }
}

export async function run(): Promise<void> {
  try {
    const source = actionSource((name) => core.getInput(name))
    const token = core.getInput('github-token')
    // Masked before any request: the policy may be read through the API before anything else.
    if (token) core.setSecret(token)
    registerSecret(token)
    const policy = await policyFileLazily(source, {
      workspace: process.env.GITHUB_WORKSPACE || process.cwd(),
      // Central policies and, on pull requests, the base branch's policy are read through the API.
      contents: async () =>
        token
          ? (await import('./policy-file/contents.js')).octokitContentsReader({
              token,
              apiUrl: process.env.GITHUB_API_URL,
            })
          : undefined,
      pullRequest: basePolicyCommit(),
      now: new Date(),
    })
    const settings = resolveSettings(source, policy)
    if (settings.policy)
      info(`Policy file: ${settings.policy.file} (sha256 ${settings.policy.sha256})`)
    for (const note of settings.notes) core.warning(note)
    if (settings.mode === 'verify') {
      const { verifyMode } = await import('./modes/verify.js')
      return await verifyMode(settings.verify)
    }
    // Validates `registry` and masks the registry password before any work can print it.
    const { actionRegistryLogin } = await import('./action/context.js')
    actionRegistryLogin()
    if (settings.mode === 'rescan') {
      const { actionRescan } = await import('./modes/action-rescan.js')
      return await actionRescan(settings)
    }
    const { actionScan } = await import('./modes/action-scan.js')
    const result = await actionScan(settings)
    for (const [name, value] of Object.entries(result.signingOutputs)) core.setOutput(name, value)
    setOutputs(result)
    await writeSummary(result.summary)

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
    let explained = false
    try {
      explained = await isExplained(error)
    } catch {
      // Could not tell: the message below still says what happened.
    }
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
