import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { DbFreshness } from '../scanners/trivy/db-age.js'
import { TrivyInstallError, type TrivyInstallErrorCode } from '../scanners/trivy/install.js'
import {
  exactIdentity,
  filterReport,
  packagesOnly,
  toImageScan,
} from '../scanners/trivy/normalize.js'
import { isVerbatim, readTrivyReport } from '../scanners/trivy/parse.js'
import type { JavaDbGate } from '../scanners/trivy/run.js'
import { convertReport, scanImage } from '../scanners/trivy/run.js'
import type { TrivyReport } from '../scanners/trivy/schema.js'
import type { TrivyServer } from '../scanners/trivy/server.js'
import { type BaselineSource, baselineFindings } from './baseline.js'
import type { Logger } from './logger.js'
import type {
  BaseImageReport,
  BaselineRecord,
  Evaluation,
  FailOn,
  Finding,
  GateScope,
  IgnoreRule,
  ImageReport,
  ImageScan,
  ShipgateReport,
  UnscannedImage,
} from './model.js'
import { evaluate, finalVerdict } from './policy/evaluate.js'
import type { RegistryLogin } from './registry/login.js'
import { compareFindings } from './render/compare.js'
import { imageReportOf, shipgateReport } from './report/assemble.js'
import { isSarifLog, mergeSarif, type SarifLog } from './report/sarif.js'
import { writeJsonFile } from './report/write.js'

export type SbomFormat = 'cyclonedx' | 'spdx-json'

/** What to scan and how to judge it: already validated (see inputs.ts / cli.ts). */
export interface ScanRequest {
  /** Image references; with `reportFile`, at most one (it names the report's image). */
  images: string[]
  /** An existing Trivy JSON report: Trivy is not run to scan. */
  reportFile?: string
  failOn: FailOn
  ignoreUnfixed: boolean
  ignoreFile?: string
  /** More ignore rules (the policy file's exceptions), applied with the ignore file's. */
  ignoreRules?: IgnoreRule[]
  /** warn-expiry-days of the policy file: how far ahead expiring ignore rules are listed. */
  expiringDays?: number
  scanners: string[]
  timeout: string
  platform?: string
  /** Where the merged SARIF goes; none when undefined. */
  sarifPath?: string
  /** SBOMs derived from the same analysis, one per image. */
  sbomFormat?: SbomFormat
  /** Working directory for per-image files and Shipgate's JSON report. */
  outputDir: string
  /** How many images Trivy analyses at once. */
  concurrency: number
  /** Kill Trivy this long after its own `timeout` (default 60 s). */
  graceMs?: number
  /**
   * Baselines for "what this change does": one per image (or one for a single image), each a
   * report file (Shipgate or Trivy JSON) or the base branch's image reference, scanned once.
   * Classified by `classifyBaseline` from the value's syntax, never from the file system.
   */
  compareTo?: BaselineSource[]
  /** `new`: only findings missing from the baseline fail the gate (needs `compareTo`). */
  gateScope?: GateScope
  /**
   * The caller writes `reportPath` itself once it has added what happened after the gate
   * (the action: signing, comment), so the report is written once.
   */
  deferReportFile?: boolean
}

/** A Trivy binary ready to run. `skipDbUpdate` once the DB was prepared for the whole job. */
export interface TrivyHandle {
  path: string
  skipDbUpdate: boolean
  cacheDir?: string
  /** Environment for Trivy processes (the CLI passes its own; the action inherits the runner's). */
  env?: NodeJS.ProcessEnv
  /** registry-username/password and their host: given to Trivy only for images on that host. */
  login?: RegistryLogin
  /** Client mode (`trivy-server`): analyses go to this server, no DB on the runner. */
  server?: TrivyServer
  /** The Java DB, fetched once per job when an image needs it. */
  javaDb?: JavaDbGate
  /** Age of the vulnerability DB, checked against `max-db-age` before any scan. */
  db?: DbFreshness
}

export interface PipelineDeps {
  logger: Logger
  /** Installs or finds Trivy the first time it is needed; `undefined` when none can be had. */
  trivy: () => Promise<TrivyHandle | undefined>
  /** The minimal-base-image check; omitted when the check is off. */
  baseImage?: BaseImageStage
  now: () => Date
  version: string
}

export interface BaseImageStage {
  mode: 'warn' | 'enforce'
  /** Starts reading `image` now, alongside its Trivy analysis; `check` then uses that read. */
  prefetch?: (image: string) => void
  check: (scan: ImageScan) => Promise<BaseImageReport>
}

export interface PipelineResult {
  report: ShipgateReport
  /** Path of Shipgate's JSON report. */
  reportPath: string
  sarifPath?: string
  /** Operational failures: the scan did not complete, so the verdict cannot be pass. */
  errors: string[]
}

/** Run `work` over `items` with at most `limit` at a time, keeping the order of results. */
async function pool<T, R>(items: T[], limit: number, work: (item: T, index: number) => Promise<R>) {
  const results: PromiseSettledResult<R>[] = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      results[i] = await work(items[i] as T, i).then(
        (value) => ({ status: 'fulfilled', value }) as const,
        (reason) => ({ status: 'rejected', reason }) as const,
      )
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker))
  return results
}

function slug(image: string, index: number): string {
  return `${index + 1}-${image.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80)}`
}

interface Scanned {
  scan: ImageScan
  report: TrivyReport
}

/** The one Trivy analysis of one image, normalized. */
async function analyse(
  image: string,
  outputDir: string,
  trivy: TrivyHandle,
  req: ScanRequest,
  deps: PipelineDeps,
): Promise<Scanned> {
  await mkdir(outputDir, { recursive: true })
  const { jsonPath, report } = await scanImage(
    {
      trivyPath: trivy.path,
      image,
      outputDir,
      scanners: req.scanners,
      timeout: req.timeout,
      platform: req.platform,
      cacheDir: trivy.cacheDir,
      skipDbUpdate: trivy.skipDbUpdate,
      graceMs: req.graceMs,
      env: trivy.env,
      ...(trivy.login ? { login: trivy.login } : {}),
      ...(trivy.server ? { server: trivy.server } : {}),
      ...(trivy.javaDb ? { javaDb: trivy.javaDb } : {}),
    },
    deps.logger,
  )
  return { scan: toImageScan(report, { image, artifacts: { trivyJson: jsonPath } }), report }
}

async function scanAll(
  req: ScanRequest,
  deps: PipelineDeps,
): Promise<{ scanned: Scanned[]; notScanned: UnscannedImage[]; errors: string[] }> {
  if (req.reportFile) {
    const report = await readTrivyReport(req.reportFile)
    const scan = toImageScan(report, {
      image: req.images[0],
      artifacts: { trivyJson: req.reportFile },
    })
    return { scanned: [{ scan, report }], notScanned: [], errors: [] }
  }
  const trivy = await deps.trivy()
  if (!trivy) {
    throw new Error(
      'Trivy is not available: install it, or pass an existing report with `trivy-report`.',
    )
  }
  const settled = await pool(req.images, req.concurrency, (image, i) => {
    // The base-image read runs beside Trivy, not after it: scan and check together take as
    // long as the longer of the two, both bounded by the same `timeout`.
    deps.baseImage?.prefetch?.(image)
    return analyse(image, join(req.outputDir, slug(image, i)), trivy, req, deps)
  })
  const scanned: Scanned[] = []
  const notScanned: UnscannedImage[] = []
  const errors: string[] = []
  for (const [i, s] of settled.entries()) {
    if (s.status === 'fulfilled') {
      scanned.push(s.value)
      continue
    }
    const reason = (s.reason as Error)?.message ?? String(s.reason)
    errors.push(reason)
    notScanned.push({ image: req.images[i] as string, reason })
  }
  return { scanned, notScanned, errors }
}

/** Install failures that mean the download was not what Trivy released: fatal in every mode. */
const TAMPERED: ReadonlySet<TrivyInstallErrorCode> = new Set([
  'compromised-version',
  'checksum-mismatch',
  'broken-archive',
  'binary-check-failed',
  'signature-malformed',
  'signature-invalid',
  'signature-identity',
])

/** Exact identities of the findings policy set aside, to drop them from the SARIF Trivy converts. */
function ignoredIdentities(evaluation: Evaluation, index: number): Set<string> {
  const findings = evaluation.images[index]?.findings ?? []
  return new Set(findings.filter((f) => f.ignored).map((f) => exactIdentity(f.finding)))
}

async function derive(
  scanned: Scanned[],
  evaluation: Evaluation,
  req: ScanRequest,
  trivy: TrivyHandle | undefined,
  deps: PipelineDeps,
): Promise<{ sarifPath?: string; warnings: string[] }> {
  const warnings: string[] = []
  if (!req.sarifPath && !req.sbomFormat) return { warnings }
  if (!trivy) {
    warnings.push(
      'SARIF and SBOM files were not written: they are converted from the report by `trivy convert`, and no trivy binary is available.',
    )
    return { warnings }
  }
  const sarifs: SarifLog[] = []
  for (const [i, { scan, report }] of scanned.entries()) {
    const dir = join(req.outputDir, slug(scan.image, i))
    await mkdir(dir, { recursive: true })
    if (req.sarifPath) {
      const ignored = ignoredIdentities(evaluation, i)
      // Nothing set aside and the file says what was judged: convert the file itself rather
      // than serialising the whole report again.
      let input = scan.artifacts.trivyJson
      if (ignored.size > 0 || !isVerbatim(report) || !input) {
        const filtered = filterReport(report, (f) => ignored.has(exactIdentity(f)))
        input = join(dir, 'trivy.policy.json')
        await writeFile(input, JSON.stringify(filtered))
      }
      const out = await convertReport(
        trivy.path,
        input,
        'sarif',
        join(dir, 'trivy.sarif'),
        deps.logger,
      )
      scan.artifacts.sarif = out
      const parsed: unknown = JSON.parse(await readFile(out, 'utf8'))
      if (!isSarifLog(parsed)) throw new Error(`trivy convert wrote ${out}, which is not SARIF.`)
      sarifs.push(parsed)
    }
    if (req.sbomFormat) {
      const input = join(dir, 'trivy.packages.json')
      await writeFile(input, JSON.stringify(packagesOnly(report)))
      const ext = req.sbomFormat === 'cyclonedx' ? 'cdx.json' : 'spdx.json'
      const out = await convertReport(
        trivy.path,
        input,
        req.sbomFormat,
        join(dir, `sbom.${ext}`),
        deps.logger,
      )
      if (req.sbomFormat === 'cyclonedx') scan.artifacts.cyclonedx = out
      else scan.artifacts.spdx = out
      if (!report.Results?.some((r) => r.Packages?.length)) {
        warnings.push(
          `${scan.image}: the Trivy report lists no packages (made with --list-all-pkgs=false?), so its SBOM has no components.`,
        )
      }
    }
  }
  let sarifPath: string | undefined
  if (req.sarifPath && sarifs.length) {
    await writeFile(req.sarifPath, `${JSON.stringify(mergeSarif(sarifs), null, 2)}\n`)
    sarifPath = req.sarifPath
  }
  return { sarifPath, warnings }
}

/** The baseline's findings for one image: read from a report, or one Trivy analysis of the base image. */
async function loadBaseline(
  source: BaselineSource,
  image: string,
  index: number,
  req: ScanRequest,
  deps: PipelineDeps,
): Promise<{ findings: Finding[]; record: BaselineRecord }> {
  if (source.kind === 'report') return baselineFindings(source.path, image)
  const trivy = await deps.trivy()
  if (!trivy) throw new Error(`comparing with ${source.image} needs Trivy to scan it.`)
  const dir = join(req.outputDir, `baseline-${slug(source.image, index)}`)
  const { scan } = await analyse(source.image, dir, trivy, req, deps)
  return {
    findings: scan.findings,
    record: { kind: 'image', image: source.image, digest: scan.digest },
  }
}

interface LoadedBaseline {
  name: string
  findings: Finding[]
  record: BaselineRecord
}

function baselineName(source: BaselineSource): string {
  return source.kind === 'image' ? source.image : source.path
}

/** Each image's baseline findings, when `compareTo` names one and it can be read. */
async function loadBaselines(
  scans: ImageScan[],
  req: ScanRequest,
  deps: PipelineDeps,
  warnings: string[],
): Promise<(LoadedBaseline | undefined)[]> {
  const out: (LoadedBaseline | undefined)[] = []
  for (const [i, scan] of scans.entries()) {
    const source = req.compareTo?.[req.compareTo.length === 1 ? 0 : i]
    if (!source) {
      out.push(undefined)
      continue
    }
    const name = baselineName(source)
    try {
      out.push({ name, ...(await loadBaseline(source, scan.image, i, req, deps)) })
    } catch (error) {
      // The comparison is context for reviewers; without it every finding counts for the gate.
      warnings.push(`No comparison with ${name} for ${scan.image}: ${(error as Error).message}`)
      out.push(undefined)
    }
  }
  return out
}

/** Scan -> evaluate policy -> derive formats -> base-image facts -> Shipgate's report. */
export async function runPipeline(req: ScanRequest, deps: PipelineDeps): Promise<PipelineResult> {
  const now = deps.now()
  const ignoreRules = [
    // The YAML parser loads only for runs that have an ignore file (issue 13).
    ...(req.ignoreFile
      ? await (await import('./policy/ignore-file.js')).readIgnoreFile(req.ignoreFile)
      : []),
    ...(req.ignoreRules ?? []),
  ]
  await mkdir(req.outputDir, { recursive: true })
  const { scanned, notScanned, errors } = await scanAll(req, deps)
  const scans = scanned.map((s) => s.scan)
  const warnings: string[] = []
  for (const scan of scans) {
    if (scan.licenseFindings) {
      warnings.push(
        `${scan.image}: the report holds ${scan.licenseFindings} licence finding(s); Shipgate does not evaluate licences, so they neither pass nor fail the gate.`,
      )
    }
  }
  const baselines = await loadBaselines(scans, req, deps, warnings)
  const evaluation = evaluate(
    scans,
    {
      failOn: req.failOn,
      ignoreUnfixed: req.ignoreUnfixed,
      ignoreRules,
      now,
      expiringDays: req.expiringDays,
    },
    // Without a baseline for an image, every finding of it counts: stricter, never looser.
    req.gateScope === 'new'
      ? baselines.map((b) => (b ? new Set(b.findings.map((f) => f.key)) : undefined))
      : undefined,
  )
  // Conversions need a trivy binary; in report mode it is optional (the local demo has none).
  const trivy =
    req.sarifPath || req.sbomFormat
      ? await deps.trivy().catch((error: Error) => {
          // A refused version or a wrong checksum is the user's input, and a download that fails
          // its checksum or signature is an attack: never swallow either as a warning.
          if (error instanceof TrivyInstallError && (error.input || TAMPERED.has(error.code)))
            throw error
          warnings.push(`Trivy could not be installed for the conversions: ${error.message}`)
          return undefined
        })
      : undefined
  let sarifPath: string | undefined
  try {
    const derived = await derive(scanned, evaluation, req, trivy, deps)
    sarifPath = derived.sarifPath
    warnings.push(...derived.warnings)
  } catch (error) {
    errors.push(`Could not derive SARIF/SBOM from the Trivy report: ${(error as Error).message}`)
  }

  const images: ImageReport[] = []
  for (const [i, scan] of scans.entries()) {
    const evaluated = evaluation.images[i]
    if (!evaluated) continue
    const image = imageReportOf(scan, evaluated)
    const baseline = baselines[i]
    if (baseline) {
      image.comparison = compareFindings(
        scan.findings,
        baseline.findings,
        baseline.name,
        baseline.record,
      )
    }
    if (deps.baseImage) {
      try {
        image.baseImage = await deps.baseImage.check(scan)
      } catch (error) {
        const message = `Base-image check for ${scan.image} failed: ${(error as Error).message}`
        // Enforced, a check that could not run is an error, never a silent pass; in warn mode
        // it is reported and the severity gate alone decides.
        if (deps.baseImage.mode === 'enforce') errors.push(message)
        else warnings.push(message)
      }
    }
    images.push(image)
  }

  const report = shipgateReport({
    evaluation,
    images,
    notScanned,
    version: deps.version,
    createdAt: now,
    ignoreUnfixed: req.ignoreUnfixed,
    warnings,
    final: finalVerdict(evaluation, images, errors),
  })
  // The DB that produced the findings, as old as it was (checked against max-db-age).
  const db = scanned.length && !req.reportFile ? (await deps.trivy())?.db : undefined
  if (db) report.vulnerabilityDb = db
  const reportPath = join(req.outputDir, 'shipgate-report.json')
  if (!req.deferReportFile) await writeJsonFile(reportPath, report)
  return { report, reportPath, sarifPath, errors }
}
