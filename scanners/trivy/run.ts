import { writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { childEnv } from '../../src/child-env.js'
import type { Logger } from '../../src/logger.js'
import { SEVERITIES } from '../../src/model.js'
import { failureOf, runProgram } from '../../src/program.js'
import { type RegistryLogin, trivyLoginEnv } from '../../src/registry/login.js'
import { DEFAULT_JAVA_DB_REPOSITORIES } from './db.js'
import { checkDbAge, parseVersionInfo } from './db-age.js'
import { readTrivyReport } from './parse.js'
import { command, TrivyRunError, tail } from './process.js'
import type { TrivyReport } from './schema.js'
import { clientArgs, type TrivyServer } from './server.js'

export { TrivyRunError } from './process.js'

export interface TrivyScanOptions {
  trivyPath: string
  image: string
  /** Where this image's files go; one directory per image. */
  outputDir: string
  scanners: string[]
  /** Trivy duration syntax: `5m`, `10m0s`. */
  timeout: string
  platform?: string
  cacheDir?: string
  /** The DB was prepared once for the job: scans must not download it again. */
  skipDbUpdate: boolean
  env?: NodeJS.ProcessEnv
  /** The explicit registry login: set in Trivy's env only when `image` is on its host. */
  login?: RegistryLogin
  /** How long after Trivy's own timeout the process is killed; Trivy normally stops itself first. */
  graceMs?: number
  /** Client mode: the analysis goes to this Trivy server, which holds the vulnerability DB. */
  server?: TrivyServer
  /**
   * The job's Java DB: scans skip its update and, when an image holds jars and no Java DB is
   * cached yet, Trivy fails the scan; then `ensure` fetches it once and the scan runs again.
   */
  javaDb?: JavaDbGate
  /**
   * VEX files Shipgate read, hashed and checked (src/vex/), in priority order: absolute paths in
   * its own directory, never a URL or `oci` (Trivy verifies no signature and would fetch again).
   */
  vex?: string[]
  /** Read the report with every member, for a run that writes it again (`readTrivyReport`). */
  readAll?: boolean
}

/** Fetches Trivy's Java DB once per job (mirrors, cache, retries: db.ts). */
export interface JavaDbGate {
  ensure(): Promise<void>
}

/**
 * How Trivy v0.74.0 fails a scan of an image with jars under `--skip-java-db-update` before any
 * Java DB was downloaded (pkg/javadb/client.go, pkg/fanal/analyzer/language/java/jar/jar.go).
 */
const JAVA_DB_NEEDED =
  /'--skip-java-db-update' cannot be specified on the first run|The first run cannot skip downloading Java DB/

/** Converts Trivy's duration syntax to milliseconds, for a hard stop slightly after Trivy's own. */
export function durationMs(value: string): number {
  const re = /(\d+(?:\.\d+)?)(ms|h|m|s)/g
  let total = 0
  let consumed = ''
  for (const m of value.matchAll(re)) {
    const n = Number(m[1])
    total += m[2] === 'h' ? n * 3_600_000 : m[2] === 'm' ? n * 60_000 : m[2] === 's' ? n * 1000 : n
    consumed += m[0]
  }
  if (!total || consumed !== value) {
    throw new TrivyRunError(`timeout "${value}" is not a duration; write it like 5m, 90s or 1h30m.`)
  }
  return total
}

/** Turn Trivy's stderr into what the user should do next. */
function hintFor(stderr: string, image: string): string {
  if (
    /MANIFEST_UNKNOWN|manifest unknown|unable to find the specified image|not found/i.test(stderr)
  ) {
    return `Check that ${image} exists and was pushed before this step, and that the runner is logged in to its registry (docker/login-action).`
  }
  if (/UNAUTHORIZED|DENIED|401|403|authentication required/i.test(stderr)) {
    return `The registry refused access to ${image}: log in first (docker/login-action) or give the job \`packages: read\`.`
  }
  if (/TOOMANYREQUESTS|rate limit/i.test(stderr)) {
    return 'The registry rate-limited the download; retry later or set `db-repository` to another mirror.'
  }
  if (/context deadline exceeded|timeout/i.test(stderr)) {
    return 'Trivy ran out of time: raise the `timeout` input (large images often need 10m or more).'
  }
  return 'See the Trivy output above.'
}

/** Arguments of the one analysis of an image: everything Trivy knows, nothing filtered, exit code 0. */
export function scanArgs(opts: TrivyScanOptions, output: string, ignoreFile: string): string[] {
  const args = [
    'image',
    '--format',
    'json',
    '--output',
    output,
    '--list-all-pkgs',
    '--severity',
    SEVERITIES.join(','),
    '--exit-code',
    '0',
    '--scanners',
    opts.scanners.join(','),
    '--timeout',
    opts.timeout,
    // An empty ignore file, so a stray .trivyignore in the workspace cannot filter the report
    // behind Shipgate's back: Shipgate applies the ignore file itself and reports expiries.
    '--ignorefile',
    ignoreFile,
    '--no-progress',
  ]
  // Client mode: the server holds the vulnerability DB; the client downloads none.
  if (opts.server) args.push(...clientArgs(opts.server).args)
  else if (opts.skipDbUpdate) args.push('--skip-db-update')
  // The Java DB is prepared once per job, only when an image needs it (see JavaDbGate); the
  // mirrors stay listed in case a scan ever runs without the gate.
  if (opts.javaDb) args.push('--skip-java-db-update')
  for (const repo of JAVA_DB_REPOSITORIES) args.push('--java-db-repository', repo)
  if (opts.cacheDir) args.push('--cache-dir', opts.cacheDir)
  if (opts.platform) args.push('--platform', opts.platform)
  // The suppressed findings come back in ExperimentalModifiedFindings: shown, never lost.
  if (opts.vex?.length) {
    for (const file of opts.vex) args.push('--vex', file)
    args.push('--show-suppressed')
  }
  // `--`: an image reference can never be read as a flag, whatever the input held.
  args.push('--', opts.image)
  return args
}

/**
 * Run Trivy once for one image. The JSON report it writes is the single source of every
 * other format (`convertReport`).
 */
export async function scanImage(
  opts: TrivyScanOptions,
  logger: Logger,
): Promise<{ jsonPath: string; report: TrivyReport }> {
  // Trivy reads trivy.yaml, trivy-secret.yaml and more from its working directory; in the
  // checkout, a pull request could ship them and hide its own findings. So it runs in
  // Shipgate's own output directory, and every path it gets is absolute.
  const outputDir = resolve(opts.outputDir)
  const jsonPath = join(outputDir, 'trivy.json')
  const ignoreFile = join(outputDir, 'empty.trivyignore')
  await writeFile(ignoreFile, '')
  const args = scanArgs(
    { ...opts, outputDir, cacheDir: opts.cacheDir && resolve(opts.cacheDir) },
    jsonPath,
    ignoreFile,
  )
  logger.info(`[command]${opts.trivyPath} ${args.join(' ')}`)
  const grace = opts.graceMs ?? 60_000
  const limit = durationMs(opts.timeout) + grace
  const started = Date.now()
  // A second run (after fetching the Java DB) gets what is left of the same budget.
  const run = (timeout = limit) =>
    runProgram(command(opts.trivyPath), args, {
      timeoutMs: Math.max(1000, timeout),
      // Not the runner's job tokens or the action's inputs: Trivy needs neither (child-env.ts).
      env: {
        ...childEnv(),
        TRIVY_DISABLE_TELEMETRY: 'true',
        TRIVY_SKIP_VERSION_CHECK: 'true',
        ...opts.env,
        // The server token in the environment only: argv is logged and visible to `ps`.
        ...(opts.server ? clientArgs(opts.server).env : {}),
        // Last, so neither the handle's env nor the runner's can send them to another host.
        ...trivyLoginEnv(opts.image, opts.login),
      },
      cwd: outputDir,
    })
  let result = await run()
  if (result.failed && opts.javaDb && JAVA_DB_NEEDED.test(result.stderr ?? '')) {
    logger.info(`${opts.image} holds Java archives: fetching Trivy's Java DB once for the job.`)
    await opts.javaDb.ensure()
    result = await run(limit - (Date.now() - started))
  }
  if (result.failed) {
    if (result.timedOut) {
      throw new TrivyRunError(
        `Trivy did not finish scanning ${opts.image} within ${opts.timeout} (+${Math.round(grace / 1000)}s grace) and was stopped. Raise the \`timeout\` input.`,
      )
    }
    const why = failureOf(result)
    const stderr = tail(result.stderr ?? '')
    throw new TrivyRunError(
      `Trivy ${why} while scanning ${opts.image}. ${hintFor(stderr, opts.image)}${stderr ? `\nLast lines of Trivy's output:\n${stderr}` : ''}`,
    )
  }
  if (result.stderr) logger.debug(result.stderr)
  let report: TrivyReport
  try {
    report = await readTrivyReport(jsonPath, { all: opts.readAll === true })
  } catch (error) {
    const stderr = tail(result.stderr ?? '')
    throw new TrivyRunError(
      `Trivy exited 0 but its report for ${opts.image} is unusable: ${(error as Error).message}${stderr ? `\nLast lines of Trivy's output:\n${stderr}` : ''}`,
    )
  }
  if (opts.server?.maxDbAgeMs !== undefined) checkServerDb(report, opts.server.maxDbAgeMs)
  return { jsonPath, report }
}

/** The DB the server used for this report, when the report names it (Trivy v0.70+). */
function checkServerDb(report: TrivyReport, maxAgeMs: number): void {
  const server = (report.Trivy as { Server?: unknown } | undefined)?.Server
  if (server === undefined) return
  const meta = parseVersionInfo(JSON.stringify(server)).vulnerabilityDb
  if (!meta) return
  try {
    checkDbAge(meta, maxAgeMs, new Date(), 'server')
  } catch (error) {
    throw new TrivyRunError(`${report.ArtifactName}: ${(error as Error).message}`)
  }
}

/** Mirrors of Trivy's Java DB, tried in order (Trivy falls back on 429/5xx only). */
export const JAVA_DB_REPOSITORIES = DEFAULT_JAVA_DB_REPOSITORIES
