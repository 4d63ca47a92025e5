import { randomBytes } from 'node:crypto'
import { writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as core from '@actions/core'
import * as github from '@actions/github'
import {
  createActionsCacheAdapter,
  parseDbRepositories,
  prepareTrivyDb,
} from '../scanners/trivy/db.js'
import { createToolCacheAdapter, execaExec, installTrivy } from '../scanners/trivy/install.js'
import { publishComment, shouldComment } from './github/comment.js'
import { commentMarker } from './github/marker.js'
import { createOctokitCommenter } from './github/octokit.js'
import {
  type CommentInputs,
  commentKey,
  InputError,
  parseBoolean,
  readCommentInputs,
  readScanInputs,
} from './inputs.js'
import type { Logger } from './logger.js'
import { SEVERITIES, type ShipgateReport } from './model.js'
import { type PipelineResult, runPipeline, type TrivyHandle } from './pipeline.js'
import {
  COMMENT_MAX_LENGTH,
  renderReportMarkdown,
  SUMMARY_MAX_LENGTH,
} from './render/report-markdown.js'
import { VERSION } from './version.js'

const actionLogger: Logger = {
  debug: (m) => core.debug(m),
  info: (m) => core.info(m),
  warning: (m) => core.warning(m),
}

const getInput = (name: string) => core.getInput(name)

/** Install (or find) Trivy and prepare its DB once for the whole job, on first use. */
function trivyProvider(): () => Promise<TrivyHandle | undefined> {
  let handle: Promise<TrivyHandle> | undefined
  return () => {
    handle ??= (async () => {
      const installed = await core.group('Install Trivy', () =>
        installTrivy(
          { version: getInput('trivy-version'), checksum: getInput('trivy-checksum') },
          {
            toolCache: createToolCacheAdapter(),
            exec: execaExec,
            logger: actionLogger,
            env: process.env,
          },
        ),
      )
      core.info(`Trivy ${installed.version} from ${installed.source}: ${installed.path}`)
      const cacheDir = join(process.env.RUNNER_TEMP || tmpdir(), 'shipgate-trivy-cache')
      // A report-only run needs no DB: `trivy convert` works offline.
      if (getInput('trivy-report')) return { path: installed.path, skipDbUpdate: false, cacheDir }
      const db = await core.group('Prepare the vulnerability DB', () =>
        prepareTrivyDb(
          {
            trivyPath: installed.path,
            cacheDir,
            repositories: parseDbRepositories(getInput('db-repository')),
            useCache: parseBoolean(getInput('cache-db'), 'cache-db', true),
          },
          {
            cache: createActionsCacheAdapter(),
            exec: execaExec,
            logger: actionLogger,
            now: new Date(),
          },
        ),
      )
      if (db.dbAgeHours !== undefined) core.info(`Vulnerability DB built ${db.dbAgeHours} h ago`)
      return { path: installed.path, skipDbUpdate: db.ready, cacheDir: db.cacheDir }
    })()
    return handle
  }
}

function setOutputs(result: PipelineResult): void {
  const { report } = result
  core.setOutput('verdict', report.verdict)
  for (const s of SEVERITIES) core.setOutput(s.toLowerCase(), String(report.totals[s]))
  core.setOutput('report', result.reportPath)
  core.setOutput('sarif', result.sarifPath ?? '')
  core.setOutput('reason', report.reason)
}

/** Where the full result can be read: the run page shows every job summary. */
function runUrl(): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run } = process.env
  if (!server || !repo || !run) return undefined
  const attempt = process.env.GITHUB_RUN_ATTEMPT
  return `${server}/${repo}/actions/runs/${run}${attempt ? `/attempts/${attempt}` : ''}`
}

/**
 * Post or update the sticky comment. Never throws and never changes the exit status: a
 * failure becomes a warning that the summary and the report carry.
 */
async function comment(report: ShipgateReport, inputs: CommentInputs, key: string): Promise<void> {
  const decision =
    inputs.pullRequest !== undefined && inputs.when !== 'never'
      ? {
          comment: true,
          issueNumber: inputs.pullRequest,
          fromFork: false,
          why: `\`pull-request\` is ${inputs.pullRequest}.`,
        }
      : shouldComment(inputs.when, github.context.eventName, github.context.payload)
  core.info(`Pull-request comment: ${decision.why}`)
  if (!decision.comment || decision.issueNumber === undefined) {
    core.setOutput('comment-status', 'disabled')
    return
  }
  try {
    const { owner, repo } = github.context.repo
    const commenter = createOctokitCommenter({
      token: inputs.token,
      apiUrl: process.env.GITHUB_API_URL,
      owner,
      repo,
      issueNumber: decision.issueNumber,
      logger: actionLogger,
    })
    const body = renderReportMarkdown(report, {
      maxLength: COMMENT_MAX_LENGTH,
      summaryUrl: runUrl(),
      marker: commentMarker(key),
    })
    const result = await publishComment(
      { body, key, mode: inputs.mode, fromFork: decision.fromFork },
      { github: commenter, logger: actionLogger },
    )
    core.setOutput('comment-status', result.status)
    if (result.status === 'failed') {
      core.warning(result.reason)
      report.warnings.push(result.reason)
    } else {
      core.setOutput('comment-url', result.url ?? '')
      core.info(`Pull-request comment ${result.status}${result.url ? `: ${result.url}` : ''}`)
    }
  } catch (error) {
    const reason = `The pull-request comment was not written: ${(error as Error).message}`
    core.setOutput('comment-status', 'failed')
    core.warning(reason)
    report.warnings.push(reason)
  }
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
    const inputs = readScanInputs(getInput)
    const commentInputs = readCommentInputs(getInput, inputs.images.length)
    if (commentInputs.token) core.setSecret(commentInputs.token)
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
      },
      { logger: actionLogger, trivy: trivyProvider(), now: () => new Date(), version: VERSION },
    )
    for (const warning of result.report.warnings) core.warning(warning)
    const key = commentKey(
      commentInputs.key,
      inputs.images,
      result.report.images[0]?.image ?? 'report',
    )
    await comment(result.report, commentInputs, key)
    // The comment's outcome is part of the record: rewrite the report with its warnings.
    await writeFile(result.reportPath, `${JSON.stringify(result.report, null, 2)}\n`)
    setOutputs(result)
    await writeSummary(result.report)

    if (result.errors.length) {
      core.setFailed(result.errors.join('\n'))
    } else if (result.report.verdict === 'fail') {
      core.setFailed(result.report.reason)
    } else {
      core.info(result.report.reason)
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    core.setFailed(
      error instanceof InputError ? message : `Shipgate could not complete: ${message}`,
    )
  }
}
