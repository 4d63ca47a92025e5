import { mkdtempSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Command, CommanderError, Option } from 'commander'
import { execa } from 'execa'
import { commentMarker } from './github/marker.js'
import {
  commentKey,
  InputError,
  parseFailOn,
  parseImages,
  parsePlatform,
  parseScanners,
  parseTimeout,
} from './inputs.js'
import type { Logger } from './logger.js'
import { runPipeline, type TrivyHandle } from './pipeline.js'
import { COMMENT_MAX_LENGTH, renderReportMarkdown } from './render/report-markdown.js'
import { renderTable } from './render/table.js'
import { VERSION } from './version.js'

/** Exit statuses: the contract scripts rely on. Never 0 when the scan did not complete. */
export const EXIT = { pass: 0, policy: 1, error: 2 } as const

export interface CliIo {
  stdout: (text: string) => void
  stderr: (text: string) => void
  env: NodeJS.ProcessEnv
}

const defaultIo: CliIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  env: process.env,
}

function stderrLogger(io: CliIo, verbose: boolean): Logger {
  return {
    debug: (m) => verbose && io.stderr(`debug: ${m}\n`),
    info: (m) => verbose && io.stderr(`${m}\n`),
    warning: (m) => io.stderr(`warning: ${m}\n`),
  }
}

/** The CLI uses the trivy on PATH (or --trivy); it does not download binaries. */
function findTrivy(
  explicit: string | undefined,
  io: CliIo,
): () => Promise<TrivyHandle | undefined> {
  let found: Promise<TrivyHandle | undefined> | undefined
  return () => {
    found ??= (async () => {
      const path = explicit ?? 'trivy'
      const r = await execa(path, ['--version'], { reject: false, env: io.env, stdin: 'ignore' })
      if (r.exitCode !== 0) return undefined
      return { path, skipDbUpdate: false, env: io.env }
    })()
    return found
  }
}

interface ScanOptions {
  report?: string
  failOn: string
  ignoreUnfixed?: boolean
  ignoreFile?: string
  format: 'table' | 'json' | 'markdown' | 'sarif'
  sarif?: string
  scanners: string
  timeout: string
  platform?: string
  trivy?: string
  outputDir?: string
  maxParallel: string
  verbose?: boolean
  compareTo?: string[]
  commentKey?: string
  maxLength: string
}

async function scan(images: string[], o: ScanOptions, io: CliIo): Promise<number> {
  const imageList = parseImages(images.join('\n'), 'IMAGE')
  if (!imageList.length && !o.report) {
    throw new InputError(
      'IMAGE',
      'nothing to scan: give one or more images, or --report FILE with an existing Trivy JSON report.',
    )
  }
  if (o.report && imageList.length > 1) {
    throw new InputError(
      '--report',
      'a report describes one image; give at most one IMAGE with it.',
    )
  }
  const outputDir = o.outputDir ?? mkdtempSync(join(tmpdir(), 'shipgate-'))
  const wantSarif = o.format === 'sarif' || o.sarif !== undefined
  const sarifPath = wantSarif ? (o.sarif ?? join(outputDir, 'shipgate.sarif')) : undefined
  const logger = stderrLogger(io, Boolean(o.verbose))
  const result = await runPipeline(
    {
      images: imageList,
      reportFile: o.report,
      failOn: parseFailOn(o.failOn, '--fail-on'),
      ignoreUnfixed: Boolean(o.ignoreUnfixed),
      ignoreFile: o.ignoreFile,
      scanners: parseScanners(o.scanners, '--scanners'),
      timeout: parseTimeout(o.timeout, '--timeout'),
      platform: parsePlatform(o.platform ?? '', '--platform'),
      sarifPath,
      outputDir,
      concurrency: Number(o.maxParallel) || 2,
      compareTo: o.compareTo,
    },
    { logger, trivy: findTrivy(o.trivy, io), now: () => new Date(), version: VERSION },
  )
  for (const w of result.report.warnings) logger.warning(w)
  switch (o.format) {
    case 'json':
      io.stdout(`${JSON.stringify(result.report, null, 2)}\n`)
      break
    case 'markdown': {
      // Exactly the body the action posts: same key, same marker, same limit.
      const key = commentKey(o.commentKey, imageList, result.report.images[0]?.image ?? 'report')
      io.stdout(
        renderReportMarkdown(result.report, {
          maxLength: Number(o.maxLength) || COMMENT_MAX_LENGTH,
          marker: commentMarker(key),
        }),
      )
      break
    }
    case 'sarif':
      if (!result.sarifPath) {
        io.stderr('error: --format sarif needs trivy (on PATH or --trivy) to convert the report.\n')
        return EXIT.error
      }
      io.stdout(await readFile(result.sarifPath, 'utf8'))
      break
    default:
      io.stdout(renderTable(result.report))
  }
  if (result.errors.length) {
    for (const e of result.errors) io.stderr(`error: ${e}\n`)
    return EXIT.error
  }
  io.stderr(`${result.report.reason}\nShipgate report: ${result.reportPath}\n`)
  return result.report.verdict === 'pass' ? EXIT.pass : EXIT.policy
}

export function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command('shipgate')
    .description('Gate container images: Trivy scan, severity policy, reports.')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })

  program
    .command('scan')
    .description(
      'Scan images with Trivy (or read an existing report) and judge them against the policy.',
    )
    .argument('[image...]', 'image references')
    .option('--report <file>', 'existing Trivy JSON report: Trivy is not run')
    .option('--fail-on <severity>', 'critical|high|medium|low|unknown|none', 'high')
    .option('--ignore-unfixed', 'findings without a fixed version do not count')
    .option('--ignore-file <file>', '.trivyignore or .trivyignore.yaml (entries may expire)')
    .addOption(
      new Option('--format <format>', 'output on stdout')
        .choices(['table', 'json', 'markdown', 'sarif'])
        .default('table'),
    )
    .option('--sarif <file>', 'also write SARIF here')
    .option('--scanners <list>', 'Trivy scanners', 'vuln,secret')
    .option('--timeout <duration>', 'Trivy timeout per image', '10m')
    .option('--platform <os/arch>', 'platform of multi-platform images')
    .option('--trivy <path>', 'trivy binary (default: trivy on PATH)')
    .option('--output-dir <dir>', 'where reports are written (default: a new temp dir)')
    .option('--max-parallel <n>', 'images scanned at once', '2')
    .option(
      '--compare-to <baseline...>',
      'base-branch image or report (Shipgate/Trivy JSON) to diff against',
    )
    .option('--comment-key <key>', 'key of the comment marker (default: the images)')
    .option('--max-length <n>', 'size limit of --format markdown', String(65_536))
    .option('-v, --verbose', 'log Trivy commands to stderr')
    .action(async (images: string[], options: ScanOptions) => {
      setExit(await scan(images, options, io))
    })

  return program
}

/** Runs the CLI and returns its exit status; never throws. */
export async function main(argv: string[], io: CliIo = defaultIo): Promise<number> {
  let code: number = EXIT.pass
  const program = buildProgram(io, (c) => {
    code = c
  })
  try {
    await program.parseAsync(argv, { from: 'user' })
    return code
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.pass : EXIT.error
    }
    io.stderr(`error: ${error instanceof Error ? error.message : String(error)}\n`)
    return EXIT.error
  }
}
