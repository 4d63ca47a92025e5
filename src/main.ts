import { randomBytes } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as core from '@actions/core'
import {
  createActionsCacheAdapter,
  parseDbRepositories,
  prepareTrivyDb,
} from '../scanners/trivy/db.js'
import { createToolCacheAdapter, execaExec, installTrivy } from '../scanners/trivy/install.js'
import { InputError, parseBoolean, readScanInputs } from './inputs.js'
import type { Logger } from './logger.js'
import { SEVERITIES, type ShipgateReport } from './model.js'
import { type PipelineResult, runPipeline, type TrivyHandle } from './pipeline.js'
import { renderReportMarkdown, SUMMARY_MAX_LENGTH } from './render/report-markdown.js'
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

async function writeSummary(report: ShipgateReport): Promise<void> {
  try {
    await core.summary
      .addRaw(renderReportMarkdown(report, { maxLength: SUMMARY_MAX_LENGTH }))
      .write()
  } catch (error) {
    // The summary is a convenience; the outputs and the report file still carry everything.
    core.warning(`Could not write the job summary: ${(error as Error).message}`)
  }
}

export async function run(): Promise<void> {
  try {
    const inputs = readScanInputs(getInput)
    const token = getInput('github-token')
    if (token) core.setSecret(token)
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
      },
      { logger: actionLogger, trivy: trivyProvider(), now: () => new Date(), version: VERSION },
    )
    for (const warning of result.report.warnings) core.warning(warning)
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
