/**
 * `mode: rescan` in the action: scan the watched images with a fresh DB, keep one issue per
 * image, write one job summary across all of them, and fail the step by `rescan-fail` (and
 * always when an image could not be scanned or its issue not updated).
 */
import { randomBytes } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as core from '@actions/core'
import { actionLogger, getInput, info, runUrl } from '../action/context.js'
import { registryClient } from '../action/registry-client.js'
import { trivyProvider } from '../action/trivy.js'
import { safeJson } from '../github/workflow-commands.js'
import { registerSecret } from '../redact.js'
import { createIssuesApi } from '../rescan/github.js'
import { rescanSummary } from '../rescan/render.js'
import { InputError } from '../settings/origin.js'
import { settingsMarkdown } from '../settings/record.js'
import type { Settings } from '../settings/resolve.js'
import { rescanSettingsRecord, runRescanMode } from './rescan.js'

export async function actionRescan(settings: Extract<Settings, { mode: 'rescan' }>): Promise<void> {
  const s = settings.rescan
  // github-token is masked in main.ts before anything reads it (the policy may be read through the API).
  const token = s.githubToken.value
  const password = getInput('registry-password')
  if (password) core.setSecret(password)
  for (const secret of [token, password, process.env.GITHUB_TOKEN]) registerSecret(secret)
  const [owner, repo] = (process.env.GITHUB_REPOSITORY ?? '').split('/')
  if (!token) {
    throw new InputError(
      'github-token',
      'rescan keeps one issue per image and needs a token: leave `github-token` at its default (the workflow token) and give the job `permissions: issues: write`.',
    )
  }
  if (!owner || !repo) {
    throw new Error(
      'GITHUB_REPOSITORY is not set: rescan opens issues in the repository the workflow runs in.',
    )
  }
  const outputDir = join(
    process.env.RUNNER_TEMP || tmpdir(),
    `shipgate-rescan-${process.env.GITHUB_RUN_ID ?? 'local'}-${randomBytes(4).toString('hex')}`,
  )
  await mkdir(outputDir, { recursive: true })
  const url = runUrl()
  const { result, reports } = await runRescanMode(s, {
    logger: actionLogger,
    trivy: trivyProvider(undefined, { requireFreshDb: true }),
    registryClient,
    outputDir,
    secrets: [token, password].filter(Boolean),
    github: {
      api: createIssuesApi({
        token,
        apiUrl: process.env.GITHUB_API_URL,
        owner,
        repo,
        logger: actionLogger,
      }),
      expectedAuthor: s.commentAuthor.value,
      runUrl: url,
    },
  })
  const reportPath = join(outputDir, 'shipgate-rescan.json')
  const record = rescanSettingsRecord(settings)
  await writeFile(reportPath, `${safeJson({ ...result, settings: record })}\n`)
  core.setOutput('verdict', result.verdict)
  core.setOutput('reason', result.reason)
  core.setOutput('report', reportPath)
  for (const w of result.warnings) core.warning(w)
  try {
    await core.summary
      .addRaw(rescanSummary(result, reports, { runUrl: url }))
      .addRaw(`\n\n${settingsMarkdown(record)}\n`)
      .write()
  } catch (error) {
    core.warning(`Could not write the job summary: ${(error as Error).message}`)
  }
  for (const o of result.images) {
    const issue = o.issue.number
      ? ` (issue #${o.issue.number}, ${o.issue.action})`
      : ` (${o.issue.action})`
    info(`${o.image}${o.digest ? ` @ ${o.digest}` : ''}: ${o.verdict}${issue}. ${o.reason}`)
  }
  if (result.failed) {
    const lines = [
      result.reason,
      ...result.images.flatMap((o) => o.errors.map((e) => `${o.image}: ${e}`)),
      ...result.notUpdated.map((n) => `${n.image}: issue not updated: ${n.reason}`),
    ]
    core.setFailed(lines.join('\n'))
  } else info(result.reason)
}
