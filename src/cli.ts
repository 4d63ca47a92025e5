import { mkdtempSync } from 'node:fs'
import { copyFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Command, CommanderError, Option } from 'commander'
import { inspectImage, inspectJson, inspectTable } from '../scanners/base-image/index.js'
import { checkDbAge, DbAgeError, localVersionInfo, maxDbAgeMs } from '../scanners/trivy/db-age.js'
import { durationMs, type JavaDbGate } from '../scanners/trivy/run.js'
import {
  serverDbMetadata,
  type TrivyServer,
  trivyServerWithToken,
} from '../scanners/trivy/server.js'
import { commentKeys } from './github/comment-key.js'
import { commentMarker } from './github/marker.js'
import { escapeStrings, neutraliseCommands, safeJson } from './github/workflow-commands.js'
import { describePlatforms, parsePlatform, parsePositiveInt, parseTimeout } from './inputs.js'
import type { Logger } from './logger.js'
import { rescanSettingsRecord, runRescanMode } from './modes/rescan.js'
import { runScan } from './modes/scan.js'
import type { TrivyHandle } from './pipeline.js'
import { octokitContentsReader } from './policy-file/index.js'
import { type ExecAdapter, programExecWith, runProgram } from './program.js'
import {
  defaultCredentials,
  RegistryClient,
  type RegistryLogin,
  registryLogin,
} from './registry/index.js'
import { COMMENT_MAX_LENGTH, renderReportMarkdown } from './render/report-markdown.js'
import { renderTable } from './render/table.js'
import { sarifForStdout } from './report/sarif-write.js'
import { rescanTable } from './rescan/render.js'
import {
  cliSource,
  type PolicyContext,
  policyFileOf,
  resolveSettings,
  type ScanSettings,
} from './settings/index.js'
import { settingsRecord } from './settings/record.js'
import { registryStore } from './sign/registry-store.js'
import { runVerify } from './sign/verify-command.js'
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

/** Registry access: REGISTRY_USERNAME/REGISTRY_PASSWORD, then docker config, then GITHUB_TOKEN for ghcr.io. */
/** REGISTRY_USERNAME/REGISTRY_PASSWORD belong to the first image's registry only. */
function cliLogin(io: CliIo, images: string[]): RegistryLogin | undefined {
  return registryLogin({
    username: io.env.REGISTRY_USERNAME,
    password: io.env.REGISTRY_PASSWORD,
    images,
  })
}

function registryClient(io: CliIo, logger: Logger, images: string[]): RegistryClient {
  const login = cliLogin(io, images)
  return new RegistryClient({
    credentials: defaultCredentials({
      ...(login ?? {}),
      ...(login ? { registry: login.host } : {}),
      env: io.env,
    }),
    logger,
    insecure: true, // plain HTTP is only ever used for loopback registries
  })
}

/**
 * How the CLI's scans get their vulnerability DB (issue 13): from a Trivy server
 * (`--trivy-server`, token from TRIVY_TOKEN), or the local trivy's own DB, whose age is checked
 * against `--max-db-age` when that is given (flag or policy file). Not used with --report.
 */
interface CliDbOptions {
  server?: TrivyServer
  /** The maximum age and its text; `checkLocal`: the user asked for it (not the default). */
  maxDbAge: { ms: number; text: string; checkLocal: boolean }
  javaDb: 'auto' | 'always'
}

/** The user's own shell environment, with what the caller sets on top. */
function cliExec(io: CliIo): ExecAdapter {
  return programExecWith((env) => ({ ...process.env, ...(env ?? io.env) }))
}

/** `--java-db always`: Trivy's Java DB fetched once, before the first scan; scans skip its update. */
function cliJavaDb(path: string, exec: ExecAdapter): JavaDbGate {
  let ready: Promise<void> | undefined
  return {
    ensure() {
      ready ??= (async () => {
        const r = await exec(path, ['image', '--download-java-db-only'], { timeoutMs: 30 * 60_000 })
        if (r.exitCode !== 0)
          throw new Error(
            `--java-db always: trivy image --download-java-db-only failed (exit ${r.exitCode}): ${r.stderr.slice(-300)}`,
          )
      })()
      return ready
    },
  }
}

/** The CLI uses the trivy on PATH (or --trivy); it does not download binaries. */
function findTrivy(
  explicit: string | undefined,
  io: CliIo,
  login?: RegistryLogin,
  db?: CliDbOptions,
): () => Promise<TrivyHandle | undefined> {
  let found: Promise<TrivyHandle | undefined> | undefined
  return () => {
    found ??= (async () => {
      const path = explicit ?? 'trivy'
      const r = await runProgram(path, ['--version'], { env: { ...process.env, ...io.env } })
      if (r.exitCode !== 0) {
        throw new Error(
          `Trivy is not available (${explicit ? `--trivy ${explicit} did not run` : 'no trivy on PATH'}): install it or pass --trivy PATH, or judge an existing report with --report FILE.`,
        )
      }
      const handle: TrivyHandle = {
        path,
        skipDbUpdate: false,
        env: io.env,
        ...(login ? { login } : {}),
      }
      if (!db) return handle
      const exec = cliExec(io)
      if (db.server) {
        // The server holds the DB: its age is what the findings get (checked like the action).
        const server = { ...db.server, maxDbAgeMs: db.maxDbAge.ms }
        handle.server = server
        handle.db = checkDbAge(
          await serverDbMetadata(server),
          server.maxDbAgeMs,
          new Date(),
          'server',
        )
      } else if (db.maxDbAge.checkLocal) {
        // The DB the local trivy has now; the scans then use exactly it (no update mid-scan).
        const info = await localVersionInfo(path, undefined, exec)
        try {
          handle.db = checkDbAge(info.vulnerabilityDb, db.maxDbAge.ms, new Date(), 'local')
        } catch (error) {
          if (!(error instanceof DbAgeError)) throw error
          throw new DbAgeError(
            `--max-db-age ${db.maxDbAge.text}: ${error.message.replace(/ Clear the cached DB \(cache-db: false\) so it is downloaded again\.$/, '')} Refresh it with \`${path} image --download-db-only\`, or scan through a fresh --trivy-server.`,
          )
        }
        handle.skipDbUpdate = true
      }
      // After the age checks: a stale DB fails before a download of several hundred MB.
      if (db.javaDb === 'always') {
        handle.javaDb = cliJavaDb(path, exec)
        await handle.javaDb.ensure()
      }
      return handle
    })()
    return found
  }
}

/** The DB options of a scan's settings; undefined for --report (no DB is used). */
function cliDbOptions(s: ScanSettings, io: CliIo): CliDbOptions | undefined {
  if (s.trivyReport.value) return undefined
  const token = io.env.TRIVY_TOKEN
  const url = s.trivyServer.value
  return {
    ...(url
      ? {
          server: trivyServerWithToken(url, token || undefined, s.trivyServerTokenHeader.value, {
            server: s.trivyServer.origin,
            token: 'the TRIVY_TOKEN environment variable',
          }),
        }
      : {}),
    maxDbAge: {
      ms: maxDbAgeMs(s.maxDbAge.value),
      text: s.maxDbAge.value,
      checkLocal: s.maxDbAge.origin.kind !== 'default',
    },
    javaDb: s.javaDb.value,
  }
}

/** Commander's options of `scan`: raw text, validated by the settings (src/settings/spec.ts). */
interface ScanOptions {
  report?: string
  failOn?: string
  ignoreUnfixed?: boolean
  ignoreFile?: string
  format: 'table' | 'json' | 'markdown' | 'sarif'
  sarif?: string
  sbom?: 'cyclonedx' | 'spdx-json'
  sbomOutput?: string
  scanners?: string
  timeout?: string
  platform?: string
  trivy?: string
  outputDir?: string
  maxParallel?: string
  verbose?: boolean
  compareTo?: string[]
  failOnScope?: string
  commentKey?: string
  maxLength: string
  baseImagePolicy?: string
  allowedBaseImages?: string
  forbid?: string
  maxImageSize?: string
  dockerfile?: string
  policy?: string
  policyAllowMutable?: boolean
  vex?: string[]
  vexRequiredAuthor?: string[]
  certificateIdentity?: string
  certificateIdentityRegexp?: string
  certificateOidcIssuer?: string
  trustedRoot?: string
  trivyServer?: string
  trivyServerTokenHeader?: string
  maxDbAge?: string
  javaDb?: string
}

/** The raw text of each flag the user gave, keyed as spec.ts names the flags. */
function scanFlags(images: string[], o: ScanOptions): Record<string, string | undefined> {
  return {
    IMAGE: images.length ? images.join('\n') : undefined,
    '--report': o.report,
    '--fail-on': o.failOn,
    '--fail-on-scope': o.failOnScope,
    '--ignore-unfixed': o.ignoreUnfixed === undefined ? undefined : String(o.ignoreUnfixed),
    '--ignore-file': o.ignoreFile,
    '--scanners': o.scanners,
    '--timeout': o.timeout,
    '--platform': o.platform,
    '--max-parallel': o.maxParallel,
    '--sarif': o.sarif,
    '--compare-to': o.compareTo?.join('\n'),
    '--comment-key': o.commentKey,
    '--base-image-policy': o.baseImagePolicy,
    '--allowed-base-images': o.allowedBaseImages,
    '--forbid': o.forbid,
    '--max-image-size': o.maxImageSize,
    '--dockerfile': o.dockerfile,
    '--policy': o.policy,
    '--policy-allow-mutable':
      o.policyAllowMutable === undefined ? undefined : String(o.policyAllowMutable),
    '--vex': o.vex?.join('\n'),
    '--vex-required-author': o.vexRequiredAuthor?.join('\n'),
    '--certificate-identity': o.certificateIdentity,
    '--certificate-identity-regexp': o.certificateIdentityRegexp,
    '--certificate-oidc-issuer': o.certificateOidcIssuer,
    '--trusted-root': o.trustedRoot,
    '--trivy-server': o.trivyServer,
    '--trivy-server-token-header': o.trivyServerTokenHeader,
    '--max-db-age': o.maxDbAge,
    '--java-db': o.javaDb,
  }
}

/** Where `--policy` (or .github/shipgate.yml under the working directory) is read from. */
function policyContext(io: CliIo): PolicyContext {
  // owner/repo/path@sha: public repositories need no token; private ones GITHUB_TOKEN or GH_TOKEN.
  const token = io.env.GITHUB_TOKEN || io.env.GH_TOKEN || ''
  return {
    workspace: process.cwd(),
    contents: octokitContentsReader({ token, apiUrl: io.env.GITHUB_API_URL }),
    now: new Date(),
  }
}

async function scan(images: string[], o: ScanOptions, io: CliIo): Promise<number> {
  const source = cliSource(scanFlags(images, o))
  const policy = await policyFileOf(source, policyContext(io))
  const settings = resolveSettings(source, policy)
  if (settings.mode !== 'scan') throw new Error('shipgate scan resolved to another mode')
  const s: ScanSettings = settings.scan
  if (settings.policy) {
    io.stderr(`Policy file: ${settings.policy.file} (sha256 ${settings.policy.sha256})\n`)
  }
  for (const note of settings.notes) io.stderr(`warning: ${note}\n`)
  const maxLength = parsePositiveInt(o.maxLength, '--max-length', COMMENT_MAX_LENGTH, 1_000_000)
  const outputDir = o.outputDir ?? mkdtempSync(join(tmpdir(), 'shipgate-'))
  const wantSarif = o.format === 'sarif' || s.sarif.value !== undefined
  const sarifPath = wantSarif ? (s.sarif.value ?? `${join(outputDir, 'sarif')}/`) : undefined
  const logger = stderrLogger(io, Boolean(o.verbose))
  // --sbom-output alone means the default format, as the action's `sbom-format` does.
  const sbomFormat = o.sbom ?? (o.sbomOutput ? 'cyclonedx' : undefined)
  const result = await runScan(s, {
    logger,
    trivy: findTrivy(o.trivy, io, cliLogin(io, s.images.value), cliDbOptions(s, io)),
    registryClient: () => registryClient(io, logger, s.images.value),
    outputDir,
    sarifPath,
    sbomFormat,
    exceptions: settings.exceptions,
    expiringDays: settings.policyReport?.warnExpiryDays,
  })
  if (settings.policyReport) {
    result.report.policy = settings.policyReport
    result.report.expiringDays = settings.policyReport.warnExpiryDays
  }
  for (const w of result.report.warnings) logger.warning(w)
  if (s.sarif.value !== undefined) {
    for (const f of result.sarif ?? []) io.stderr(`SARIF (${f.category}): ${f.path}\n`)
  }
  if (sbomFormat) {
    const written = await writeSboms(result.report.images, sbomFormat, o.sbomOutput)
    if (!written.length && !result.errors.length) {
      io.stderr(
        `error: --sbom ${sbomFormat}: no SBOM was written; it is converted from the Trivy report by \`trivy convert\`, so trivy must be on PATH (or --trivy PATH).\n`,
      )
      return EXIT.error
    }
    for (const file of written) io.stderr(`SBOM (${sbomFormat}): ${file}\n`)
  }
  switch (o.format) {
    case 'json':
      io.stdout(`${safeJson({ ...result.report, settings: settingsRecord(settings) })}\n`)
      break
    case 'markdown': {
      // Exactly the body the action posts: same key, same marker, same limit.
      const key = commentKeys({
        explicit: s.commentKey.value,
        images: s.images.value,
        fallback: result.report.images[0]?.image ?? 'report',
        platform: describePlatforms(s.platform.value),
      }).job
      io.stdout(
        renderReportMarkdown(escapeStrings(result.report), {
          maxLength,
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
      io.stdout(await sarifForStdout(result.sarif ?? []))
      break
    default:
      io.stdout(renderTable(escapeStrings(result.report)))
  }
  if (result.errors.length) {
    for (const e of result.errors) io.stderr(`error: ${e}\n`)
    return EXIT.error
  }
  io.stderr(`${result.report.reason}\nShipgate report: ${result.reportPath}\n`)
  return result.report.verdict === 'pass' ? EXIT.pass : EXIT.policy
}

/** Commander's options of `rescan`: raw text, validated by the settings (src/settings/spec.ts). */
interface RescanOptions {
  failOn?: string
  ignoreUnfixed?: boolean
  ignoreFile?: string
  scanners?: string
  timeout?: string
  platform?: string
  maxParallel?: string
  rescanFail?: string
  policy?: string
  trivy?: string
  outputDir?: string
  format: 'table' | 'json'
  verbose?: boolean
}

/**
 * `shipgate rescan`: the action's `mode: rescan` without GitHub. Each watched image is pinned
 * to its digest and scanned once; the per-image result is printed and nothing is written to
 * GitHub, so every blocking finding counts as new (`--rescan-fail new` fails like `any`).
 */
async function rescan(images: string[], o: RescanOptions, io: CliIo): Promise<number> {
  const source = cliSource({
    IMAGE: images.length ? images.join('\n') : undefined,
    '--fail-on': o.failOn,
    '--ignore-unfixed': o.ignoreUnfixed === undefined ? undefined : String(o.ignoreUnfixed),
    '--ignore-file': o.ignoreFile,
    '--scanners': o.scanners,
    '--timeout': o.timeout,
    '--platform': o.platform,
    '--max-parallel': o.maxParallel,
    '--rescan-fail': o.rescanFail,
    '--policy': o.policy,
  })
  const settings = resolveSettings(source, await policyFileOf(source, policyContext(io)), 'rescan')
  if (settings.mode !== 'rescan') throw new Error('shipgate rescan resolved to another mode')
  if (settings.policy) {
    io.stderr(`Policy file: ${settings.policy.file} (sha256 ${settings.policy.sha256})\n`)
  }
  for (const note of settings.notes) io.stderr(`warning: ${note}\n`)
  const logger = stderrLogger(io, Boolean(o.verbose))
  const { result } = await runRescanMode(settings.rescan, {
    logger,
    trivy: findTrivy(o.trivy, io),
    registryClient: () => registryClient(io, logger, settings.rescan.images.value),
    outputDir: o.outputDir ?? mkdtempSync(join(tmpdir(), 'shipgate-rescan-')),
    secrets: [io.env.REGISTRY_PASSWORD ?? '', io.env.GITHUB_TOKEN ?? ''].filter(Boolean),
  })
  for (const w of result.warnings) logger.warning(w)
  if (o.format === 'json')
    io.stdout(`${safeJson({ ...result, settings: rescanSettingsRecord(settings) })}\n`)
  else io.stdout(neutraliseCommands(rescanTable(result)))
  for (const image of result.images)
    for (const e of image.errors)
      io.stderr(`error: ${neutraliseCommands(`${image.image}: ${e}`)}\n`)
  io.stderr(`${neutraliseCommands(result.reason)}\n`)
  if (result.images.some((i) => i.verdict === 'error')) return EXIT.error
  return result.failed ? EXIT.policy : EXIT.pass
}

/**
 * Copies each scanned image's SBOM where the user asked: `path` itself for one image, a file
 * per image inside `path` for several. Without `path` they stay in the output directory.
 */
async function writeSboms(
  images: { image: string; artifacts: { cyclonedx?: string; spdx?: string } }[],
  format: 'cyclonedx' | 'spdx-json',
  path: string | undefined,
): Promise<string[]> {
  const made = images.flatMap((i) => {
    const file = format === 'cyclonedx' ? i.artifacts.cyclonedx : i.artifacts.spdx
    return file ? [{ image: i.image, file }] : []
  })
  if (!path) return made.map((m) => m.file)
  const ext = format === 'cyclonedx' ? 'cdx.json' : 'spdx.json'
  if (images.length <= 1) {
    const one = made[0]
    if (!one) return []
    await copyFile(one.file, path)
    return [path]
  }
  await mkdir(path, { recursive: true })
  const out: string[] = []
  for (const [n, m] of made.entries()) {
    // Image references hold `/`, `:` and `@`: a plain, numbered name never escapes the directory.
    const name = `${n + 1}-${m.image.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 120)}.${ext}`
    const target = join(path, name)
    await copyFile(m.file, target)
    out.push(target)
  }
  return out
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
    .option('--fail-on <severity>', 'critical|high|medium|low|unknown|none (default: high)')
    .option('--ignore-unfixed', 'findings without a fixed version do not count')
    .option('--no-ignore-unfixed', 'they count (overrides a policy file that says otherwise)')
    .option('--ignore-file <file>', '.trivyignore or .trivyignore.yaml (entries may expire)')
    .addOption(
      new Option('--format <format>', 'output on stdout')
        .choices(['table', 'json', 'markdown', 'sarif'])
        .default('table'),
    )
    .option(
      '--sarif <path>',
      'also write SARIF here: a file for one image, else (or ending in /) a directory of one file per image',
    )
    .addOption(
      new Option(
        '--sbom <format>',
        'also write an SBOM, converted from the same analysis (default format with --sbom-output: cyclonedx)',
      ).choices(['cyclonedx', 'spdx-json']),
    )
    .option(
      '--sbom-output <path>',
      'where the SBOM goes: a file for one image, a directory for several (default: --output-dir)',
    )
    .option('--scanners <list>', 'Trivy scanners (default: vuln,secret)')
    .option('--timeout <duration>', 'Trivy timeout per image, 1s to 6h (default: 10m)')
    .option(
      '--platform <list>',
      'platforms of multi-platform images: all (default), or os/arch[,os/arch…]',
    )
    .option('--trivy <path>', 'trivy binary (default: trivy on PATH)')
    .option('--output-dir <dir>', 'where reports are written (default: a new temp dir)')
    .option('--max-parallel <n>', 'images scanned at once, 1 to 64 (default: 2)')
    .option(
      '--compare-to <baseline...>',
      'base-branch image or report (Shipgate/Trivy JSON) to diff against',
    )
    .option(
      '--fail-on-scope <scope>',
      "all findings, only those new since --compare-to, only the image's own layers' (not its base's), or both: all|new|app|new,app (default: all)",
    )
    .option('--comment-key <key>', 'key of the comment marker (default: the repositories)')
    .option('--max-length <n>', 'size limit of --format markdown', String(65_536))
    .option('--base-image-policy <mode>', 'off|warn|enforce (default: warn)')
    .option('--allowed-base-images <globs>', 'allowed base images, comma separated')
    .option('--forbid <list>', 'any of shell, package-manager, root-user, unpinned-base')
    .option('--max-image-size <size>', 'largest compressed size, e.g. 200MB')
    .option('--dockerfile <path>', 'the Dockerfile that built the image')
    .option(
      '--policy <file>',
      'policy file (version: 1), or owner/repo/path@<commit SHA> read through the GitHub API (default .github/shipgate.yml if present)',
    )
    .option(
      '--policy-allow-mutable',
      'accept owner/repo/path@<tag or branch> for --policy (it can change without review)',
    )
    // Repeatable rather than variadic: `--vex a.json IMAGE` must not read IMAGE as a document.
    .option(
      '--vex <source>',
      'VEX document for Trivy (OpenVEX, CycloneDX or CSAF): a path or https URL; repeatable. Suppressed findings are listed, never counted',
      (v: string, prev?: string[]) => [...(prev ?? []), v],
    )
    .option(
      '--vex-required-author <name>',
      'apply only VEX documents whose author is exactly this; repeatable',
      (v: string, prev?: string[]) => [...(prev ?? []), v],
    )
    .option('--certificate-identity <id>', '--vex oci: the exact identity that must have signed')
    .option('--certificate-identity-regexp <re>', '--vex oci: or a regular expression for it')
    .option('--certificate-oidc-issuer <url>', '--vex oci: the OIDC issuer of that identity')
    .option('--trusted-root <file>', '--vex oci: Sigstore trusted root (default: public good, TUF)')
    .option(
      '--trivy-server <url>',
      'scan as a client of this Trivy server, which holds the DB; its token is read from the TRIVY_TOKEN environment variable, never from a flag (a flag shows in ps and shell history)',
    )
    .option(
      '--trivy-server-token-header <name>',
      'HTTP header that carries the TRIVY_TOKEN to the server (default: Trivy-Token)',
    )
    .option(
      '--max-db-age <duration>',
      "fail, before any scan, when the vulnerability DB is older, e.g. 24h (default with --trivy-server: 48h; without it, the local trivy's DB is checked only when this is given, and the scans then use exactly that DB)",
    )
    .option(
      '--java-db <when>',
      "Trivy's Java DB: auto (Trivy fetches it when an image has jars) or always (fetched once before the first scan) (default: auto)",
    )
    .option('-v, --verbose', 'log Trivy commands to stderr')
    .action(async (images: string[], options: ScanOptions) => {
      setExit(await scan(images, options, io))
    })

  program
    .command('rescan')
    .description(
      "Watch shipped images: pin each tag to its current digest, scan each digest once and judge it (the action's mode: rescan, without GitHub).",
    )
    .argument('[image...]', 'image references, by tag or digest')
    .option('--policy <file>', 'policy file (shipgate.yml)')
    .option('--fail-on <severity>', 'critical|high|medium|low|unknown|none (default high)')
    .option('--ignore-unfixed', 'findings without a fixed version do not count')
    .option('--no-ignore-unfixed', 'count them, whatever the policy file says')
    .option('--ignore-file <file>', '.trivyignore or .trivyignore.yaml (entries may expire)')
    .option('--rescan-fail <when>', 'never|new|any: when the exit status is 1 (default any)')
    .option('--scanners <list>', 'Trivy scanners (default vuln,secret)')
    .option('--timeout <duration>', 'Trivy timeout per image (default 10m)')
    .option(
      '--platform <list>',
      'platforms of multi-platform images: all (default), or os/arch[,os/arch…]',
    )
    .option('--max-parallel <n>', 'digests scanned at once (default 2)')
    .option('--trivy <path>', 'trivy binary (default: trivy on PATH)')
    .option('--output-dir <dir>', 'where reports are written (default: a new temp dir)')
    .addOption(
      new Option('--format <format>', 'output on stdout')
        .choices(['table', 'json'])
        .default('table'),
    )
    .option('-v, --verbose', 'log Trivy commands to stderr')
    .action(async (images: string[], options: RescanOptions) => {
      setExit(await rescan(images, options, io))
    })

  program
    .command('inspect')
    .description('Read an image from its registry and report how far it is from a minimal base.')
    .argument('<image>', 'image reference')
    .option('--platform <os/arch>', 'platform of multi-platform images', 'linux/amd64')
    .addOption(
      new Option('--format <format>', 'output').choices(['table', 'json']).default('table'),
    )
    .option('--dockerfile <path>', 'the Dockerfile that built the image')
    .option('--timeout <duration>', 'the whole read of the image must finish within it', '10m')
    .option('-v, --verbose', 'log registry requests to stderr')
    .action(
      async (
        image: string,
        o: {
          platform: string
          format: string
          dockerfile?: string
          timeout: string
          verbose?: boolean
        },
      ) => {
        const logger = stderrLogger(io, Boolean(o.verbose))
        const facts = await inspectImage(image, {
          platform: parsePlatform(o.platform, '--platform'),
          client: registryClient(io, logger, [image]),
          logger,
          dockerfile: o.dockerfile,
          timeoutMs: durationMs(parseTimeout(o.timeout, '--timeout')),
        })
        const json = inspectJson(facts)
        io.stdout(o.format === 'json' ? `${safeJson(json)}\n` : inspectTable(escapeStrings(json)))
        setExit(EXIT.pass)
      },
    )

  program
    .command('verify')
    .description(
      'Verify the Sigstore signatures and attestations of an image (cosign and bundle formats).',
    )
    .argument('<image>', 'image reference (a tag is resolved to its digest)')
    .option(
      '--certificate-identity <uri>',
      'exact signer identity, e.g. https://github.com/OWNER/REPO/.github/workflows/release.yml@refs/heads/main',
    )
    .option(
      '--certificate-identity-regexp <re>',
      'anchored regular expression for the signer identity',
    )
    .option('--certificate-oidc-issuer <url>', 'e.g. https://token.actions.githubusercontent.com')
    .option(
      '--require <what>',
      'any, cosign, bundle or both (which signature formats must verify), and/or verdict (a PASSED gate verdict), e.g. both,verdict',
      'any',
    )
    .option(
      '--max-db-age <duration>',
      "the verdict's vulnerability DB may be at most this old when the gate ran, e.g. 24h (implies --require verdict)",
    )
    .option(
      '--attestation <type...>',
      'predicate types that must be attested: cyclonedx, spdxjson, vuln or a URI',
    )
    .option('--trusted-root <file>', 'trusted_root.json (default: public Sigstore via TUF)')
    .action(
      async (
        image: string,
        o: {
          certificateIdentity?: string
          certificateIdentityRegexp?: string
          certificateOidcIssuer?: string
          require: string
          maxDbAge?: string
          attestation?: string[]
          trustedRoot?: string
        },
      ) => {
        const logger = stderrLogger(io, false)
        const printed: string[] = []
        const { exitCode, result } = await runVerify(
          {
            image,
            certificateIdentity: o.certificateIdentity,
            certificateIdentityRegexp: o.certificateIdentityRegexp,
            certificateOidcIssuer: o.certificateOidcIssuer,
            require: o.require,
            maxDbAge: o.maxDbAge,
            attestations: o.attestation,
            trustedRoot: o.trustedRoot,
          },
          {
            store: registryStore(registryClient(io, logger, [image])),
            logger,
            print: (t) => printed.push(t),
          },
        )
        // A result goes to stdout; an error (bad options, registry, trust root) to stderr like
        // every other CLI error, so `verify … > result.txt` never hides it.
        if (result) io.stdout(`${printed.join('\n')}\n`)
        else io.stderr(`${printed.map((l) => l.replace(/^Error: /, 'error: ')).join('\n')}\n`)
        setExit(exitCode)
      },
    )

  return program
}

/** Runs the CLI and returns its exit status; never throws. */
export async function main(argv: string[], given: CliIo = defaultIo): Promise<number> {
  // Every line reaches a runner's log when the CLI runs in a `run:` step: none of them may be
  // a workflow command (fields are escaped where they are printed; this is the last guard).
  const io: CliIo = {
    env: given.env,
    stdout: (t) => given.stdout(neutraliseCommands(t)),
    stderr: (t) => given.stderr(neutraliseCommands(t)),
  }
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
