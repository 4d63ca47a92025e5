import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { DbFreshness } from '../scanners/trivy/db-age.js'
import { TrivyInstallError, type TrivyInstallErrorCode } from '../scanners/trivy/install-error.js'
import {
  exactIdentity,
  filterReport,
  packagesOnly,
  type SuppressionSources,
  toImageScan,
} from '../scanners/trivy/normalize.js'
import { holdsEverything, isVerbatim, readTrivyReport } from '../scanners/trivy/parse.js'
import type { JavaDbGate } from '../scanners/trivy/run.js'
import { scanImage } from '../scanners/trivy/run.js'
import type { TrivyReport } from '../scanners/trivy/schema.js'
import type { TrivyServer } from '../scanners/trivy/server.js'
import { type BaselineSource, baselineFindings } from './baseline.js'
import { type DerivationPlan, type ImagePlan, runDerivation } from './derive/run.js'
import { collectParsedReports } from './heap.js'
import { type PlatformSelection, singlePlatform } from './inputs.js'
import { attributeLayers, type LayerStage } from './layers/index.js'
import type { Logger } from './logger.js'
import type {
  BaseImageReport,
  BaselineRecord,
  FailOn,
  Finding,
  GateScope,
  IgnoreRule,
  ImageReport,
  ImageScan,
  PlatformResult,
  PolicySettings,
  ShipgateReport,
  UnscannedImage,
} from './model.js'
import {
  mergedScan,
  mergeReports,
  type PlatformScanned,
  relabel,
  repositoryOf,
} from './platforms/merge.js'
import { evaluate, finalVerdict, setAside } from './policy/evaluate.js'
import { scopeHas } from './policy/scope.js'
import { RegistryError } from './registry/errors.js'
import type { RegistryLogin } from './registry/login.js'
import type { ImagePlatforms } from './registry/platforms.js'
import { compareFindings } from './render/compare.js'
import { imageReportOf, shipgateReport } from './report/assemble.js'
import { ruleFactsOf, type SarifSourceLocation } from './report/sarif.js'
import { type SarifName, type SarifSubject, sarifNames } from './report/sarif-category.js'
import { dockerfileLocation } from './report/sarif-location.js'
import { openSarifTarget, type SarifSink, sarifTarget } from './report/sarif-write.js'
import { writeJsonFile } from './report/write.js'
import { notFixedByVex } from './vex/comparison.js'
import type { VexStage } from './vex/stage.js'

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
  /** Which platforms of a multi-platform image to scan (undefined: Trivy's pick, as before `all`). */
  platform?: PlatformSelection
  /**
   * Where the SARIF goes (none when undefined): one file for one image, a directory of one file
   * per image when it ends with `/` or several images are written (report/sarif-write.ts).
   */
  sarifPath?: string
  sarif?: SarifOptions
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
  /** VEX documents for Trivy's `--vex` (src/vex/); with `reportFile`, the report's own are shown. */
  vex?: VexStage
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
  /** Labels each finding with its layer and whether the base image brought it (issue 11 §4). */
  layers?: LayerStage
  now: () => Date
  version: string
  /**
   * Lists the platforms of an image in its registry (registry/platforms.ts); without it every
   * image is handed to Trivy as it is (report mode, tests of the engine alone).
   */
  platforms?: (image: string, platforms: string[] | undefined) => Promise<ImagePlatforms>
}

export interface BaseImageStage {
  mode: 'warn' | 'enforce'
  /** Starts reading `image` now, alongside its Trivy analysis; `check` then uses that read. */
  prefetch?: (image: string) => void
  check: (scan: ImageScan) => Promise<BaseImageReport>
}

/** How SARIF is placed: the location code scanning shows, and where files may be written. */
export interface SarifOptions {
  /** The Dockerfile that built the images: vulnerabilities point at its final `FROM`. */
  dockerfile?: string
  /** The repository root the Dockerfile's path is made relative to (default: cwd). */
  root?: string
  /** Directories the SARIF files must really land in (the action: workspace, runner temp). */
  confineTo?: string[]
}

/** One SARIF file written: for the `sarif` and `sarif-category` outputs. */
export interface SarifOutput {
  image: string
  platform?: string
  category: string
  path: string
}

export interface PipelineResult {
  report: ShipgateReport
  /** Path of Shipgate's JSON report. */
  reportPath: string
  /** The first SARIF file (the only one for one image). */
  sarifPath?: string
  /** Every SARIF file, one per image (and platform), with its code-scanning category. */
  sarif?: SarifOutput[]
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
  /** The VEX files Shipgate handed Trivy: the only sources a suppression may cite. */
  suppressions?: SuppressionSources
  /** A multi-platform image: each platform's own analysis, relabelled to the image's name. */
  platforms?: PlatformScanned[]
}

/** The one Trivy analysis of one image, normalized. */
async function analyse(
  image: string,
  outputDir: string,
  trivy: TrivyHandle,
  req: ScanRequest,
  deps: PipelineDeps,
  /** `--platform` for Trivy: only for an image Shipgate did not resolve to one platform itself. */
  platform: string | undefined = singlePlatform(req.platform),
): Promise<Scanned> {
  await mkdir(outputDir, { recursive: true })
  const vexFiles = (await req.vex?.filesFor(image, outputDir)) ?? []
  const { jsonPath, report } = await scanImage(
    {
      trivyPath: trivy.path,
      image,
      outputDir,
      scanners: req.scanners,
      timeout: req.timeout,
      platform,
      cacheDir: trivy.cacheDir,
      skipDbUpdate: trivy.skipDbUpdate,
      graceMs: req.graceMs,
      env: trivy.env,
      ...(trivy.login ? { login: trivy.login } : {}),
      ...(trivy.server ? { server: trivy.server } : {}),
      ...(trivy.javaDb ? { javaDb: trivy.javaDb } : {}),
      ...(vexFiles.length ? { vex: vexFiles.map((f) => f.path) } : {}),
      ...(readsWhole(req) ? { readAll: true } : {}),
    },
    deps.logger,
  )
  // Shipgate ran Trivy: a suppression citing anything but these files is not one it asked for.
  const suppressions = {
    kind: 'scan',
    files: new Map(vexFiles.map((f) => [f.path, f.source])),
  } as const
  const artifacts = { trivyJson: jsonPath }
  return { scan: toImageScan(report, { image, artifacts, suppressions }), report, suppressions }
}

/**
 * A platform's own directory: named by platform and digest, since an index may list one
 * platform twice (two images) and two analyses must never share Trivy's output file.
 */
function platformDir(c: { platform: string; digest: string }): string {
  return `${c.platform.replace(/\//g, '_')}-${c.digest.replace(/^sha256:/, '').slice(0, 16)}`
}

/** One Trivy analysis to run: an image as given, or one platform of an index by digest. */
interface Target {
  /** Index in `req.images`. */
  image: number
  ref: string
  dir: string
  child?: { platform: string; digest: string }
}

/**
 * Registry answers that mean "not an image Shipgate can read" rather than "a registry that
 * answered wrongly": an image only in the local Docker daemon (`docker build --load`, whose
 * name Docker Hub then does not know or refuses), a registry off the runner's network, one
 * only Trivy holds credentials for. Trivy then scans the image it resolves, as before
 * platforms were listed, and a warning in the report and summary says the other platforms, if
 * any, were not scanned. Anything else (wrong digest, oversized or malformed index, a platform
 * the input names that the index lacks) leaves the image not scanned.
 */
const UNLISTED: ReadonlySet<string> = new Set([
  'not-found',
  'unreachable',
  'unauthorized',
  'denied',
])

function unlisted(error: unknown): boolean {
  return error instanceof RegistryError && UNLISTED.has(error.kind)
}

async function scanAll(
  req: ScanRequest,
  deps: PipelineDeps,
): Promise<{
  scanned: Scanned[]
  notScanned: UnscannedImage[]
  errors: string[]
  warnings: string[]
}> {
  if (req.reportFile) {
    const report = await readTrivyReport(req.reportFile, { all: readsWhole(req) })
    const scan = toImageScan(report, {
      image: req.images[0],
      artifacts: { trivyJson: req.reportFile },
    })
    return { scanned: [{ scan, report }], notScanned: [], errors: [], warnings: [] }
  }
  const trivy = await deps.trivy()
  if (!trivy) {
    throw new Error(
      'Trivy is not available: install it, or pass an existing report with `trivy-report`.',
    )
  }
  const errors: string[] = []
  const warnings: string[] = []
  const failed = new Map<number, string>()
  const named = req.platform?.kind === 'some' ? req.platform.platforms : undefined
  const listing = deps.platforms
  const listed = listing
    ? await pool(req.images, req.concurrency, (image) => listing(image, named))
    : []
  const indexes = new Map<number, string>()
  const targets: Target[] = []
  for (const [i, image] of req.images.entries()) {
    const dir = join(req.outputDir, slug(image, i))
    const l = listed[i]
    if (l?.status === 'rejected') {
      const error = l.reason as Error
      if (!unlisted(error)) {
        failed.set(i, `${image}: ${error.message}`)
        continue
      }
      // Several platforms asked for by name: Trivy alone analyses one, so they cannot be had.
      if (named && named.length > 1) {
        failed.set(
          i,
          `${image}: its platforms could not be listed (${error.message.split('\n')[0]}), so ${named.join(', ')} cannot each be scanned. Give Shipgate read access to the registry (registry-username/password or docker login), or scan one platform per job.`,
        )
        continue
      }
      warnings.push(
        `${image}: its platforms could not be listed (${error.message.split('\n')[0]}); Trivy scanned the image it resolves${named?.length === 1 ? ` for ${named[0]}` : ''}. If this is a multi-platform image, its other platforms were not scanned.`,
      )
    }
    if (l?.status === 'fulfilled' && l.value.kind === 'index') {
      indexes.set(i, l.value.digest)
      for (const c of l.value.children) {
        targets.push({
          image: i,
          ref: `${repositoryOf(image)}@${c.digest}`,
          dir: join(dir, platformDir(c)),
          child: c,
        })
      }
      continue
    }
    targets.push({ image: i, ref: image, dir })
  }
  const settled = await pool(targets, req.concurrency, (t) => {
    // The base-image read runs beside Trivy, not after it: scan and check together take as
    // long as the longer of the two, both bounded by the same `timeout`.
    deps.baseImage?.prefetch?.(t.ref)
    // A platform is pinned by digest: Trivy pulls exactly the image listed, no --platform.
    return analyse(
      t.ref,
      t.dir,
      trivy,
      req,
      deps,
      t.child ? undefined : singlePlatform(req.platform),
    )
  })
  const byImage = new Map<number, { target: Target; result: PromiseSettledResult<Scanned> }[]>()
  for (const [n, t] of targets.entries()) {
    byImage.set(t.image, [
      ...(byImage.get(t.image) ?? []),
      { target: t, result: settled[n] as PromiseSettledResult<Scanned> },
    ])
  }
  const scanned: Scanned[] = []
  const notScanned: UnscannedImage[] = []
  for (const [i, image] of req.images.entries()) {
    const early = failed.get(i)
    const runs = byImage.get(i) ?? []
    // One platform not analysed leaves the image not scanned: the others' results must not
    // read as the whole image's.
    const broken = runs.filter((r) => r.result.status === 'rejected')
    if (early || broken.length || runs.length === 0) {
      const reasons = early
        ? [early]
        : broken.map((r) => {
            const reason = (r.result as PromiseRejectedResult).reason
            const message = (reason as Error)?.message ?? String(reason)
            return r.target.child ? `${r.target.child.platform}: ${message}` : message
          })
      errors.push(...reasons)
      notScanned.push({
        image,
        reason:
          broken.length && runs.some((r) => r.target.child)
            ? `${broken.length} of ${runs.length} platforms not scanned: ${reasons.join('; ')}`
            : reasons.join('; '),
      })
      continue
    }
    const indexDigest = indexes.get(i)
    const only = runs[0]?.result
    if (indexDigest === undefined && only?.status === 'fulfilled') {
      scanned.push(only.value)
      continue
    }
    if (indexDigest === undefined) continue
    scanned.push(
      await mergePlatforms(
        image,
        indexDigest,
        runs.map(({ target, result }) => {
          const { report, scan, suppressions } = (result as PromiseFulfilledResult<Scanned>).value
          const child = target.child as { platform: string; digest: string }
          return {
            platform: child.platform,
            digest: child.digest,
            ref: target.ref,
            report: relabel(report, target.ref, image),
            trivyJson: scan.artifacts.trivyJson,
            ...(suppressions ? { suppressions } : {}),
          }
        }),
        join(req.outputDir, slug(image, i)),
      ),
    )
  }
  return { scanned, notScanned, errors, warnings }
}

/** The image from its platforms: one merged report (written beside theirs) and scan. */
async function mergePlatforms(
  image: string,
  indexDigest: string,
  platforms: PlatformScanned[],
  dir: string,
): Promise<Scanned> {
  const report = mergeReports(
    image,
    indexDigest,
    platforms.map((p) => p.report),
  )
  await mkdir(dir, { recursive: true })
  const trivyJson = join(dir, 'trivy.merged.json')
  await writeFile(trivyJson, JSON.stringify(report))
  // The merged report is judged like each platform's: a suppression must cite a VEX file
  // Shipgate handed Trivy for one of them (a TRIVY_VEX in the step's environment does not count).
  const files = new Map<string, number>()
  for (const p of platforms) {
    if (p.suppressions?.kind === 'scan') for (const [k, v] of p.suppressions.files) files.set(k, v)
  }
  const suppressions: SuppressionSources | undefined = platforms.some((p) => p.suppressions)
    ? { kind: 'scan', files }
    : undefined
  const scan = mergedScan(image, indexDigest, platforms, report, trivyJson, suppressions)
  return { scan, report, platforms, ...(suppressions ? { suppressions } : {}) }
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
function ignoredIdentities(scan: ImageScan, settings: IgnoreSettings): Set<string> {
  return new Set(setAside(scan, settings).map(exactIdentity))
}

type IgnoreSettings = Pick<PolicySettings, 'ignoreRules' | 'ignoreUnfixed' | 'now'>

/**
 * Whether the Trivy reports are read with every member: when the SARIF's input may be a copy
 * of the report without what policy sets aside (`planAndStart`), which Trivy converts with the
 * advisories' text. Otherwise `trivy convert` reads the file itself, and the members nothing
 * here reads are left out of the parse (scanners/trivy/unread-fields.ts; issue 13). A report
 * read without them that must be written again after all is read again whole.
 */
function readsWhole(req: ScanRequest): boolean {
  return (
    req.sarifPath !== undefined &&
    (req.ignoreUnfixed || req.ignoreFile !== undefined || (req.ignoreRules?.length ?? 0) > 0)
  )
}

/**
 * What each SARIF file is about: one file per image, a multi-platform image's platforms merged
 * into it (each result names its platforms), so one category covers the image whatever its
 * platforms; a platform only when exactly one was asked for.
 */
function sarifSubjects(scanned: Scanned[], req: ScanRequest): SarifSubject[] {
  const platform = singlePlatform(req.platform)
  return scanned.map(({ scan }) => ({ image: scan.image, ...(platform ? { platform } : {}) }))
}

/** What `derive` started: settled once every file is written (or the first failure), never rejecting. */
interface Derivation {
  sarif: SarifOutput[]
  warnings: string[]
  error?: string
}

/** A promise in an object: an async function returning the promise itself would await it. */
interface Started {
  done: Promise<Derivation>
}

const derivationError = (message: string) =>
  `Could not derive SARIF/SBOM from the Trivy report: ${message}`

/**
 * Plans the SARIF and SBOM files of every image (paths checked, inputs written) and starts
 * converting and shaping them (src/derive/run.ts), so Trivy's conversions run while the
 * findings are judged and the report assembled. Returns once started; throws only for a
 * refused Trivy, which stops the run.
 */
async function derive(
  scanned: Scanned[],
  policy: IgnoreSettings,
  req: ScanRequest,
  deps: PipelineDeps,
): Promise<Started> {
  const warnings: string[] = []
  const settled = (d: Derivation) => ({ done: Promise.resolve(d) })
  if (!req.sarifPath && !req.sbomFormat) return settled({ sarif: [], warnings })
  let trivy: TrivyHandle | undefined
  try {
    trivy = await deps.trivy()
  } catch (error) {
    // A refused version or a wrong checksum is the user's input, and a download that fails
    // its checksum or signature is an attack: never swallow either as a warning.
    if (error instanceof TrivyInstallError && (error.input || TAMPERED.has(error.code))) {
      throw error
    }
    warnings.push(`Trivy could not be installed for the conversions: ${(error as Error).message}`)
  }
  if (!trivy) {
    warnings.push(
      'SARIF and SBOM files were not written: they are converted from the report by `trivy convert`, and no trivy binary is available.',
    )
    return settled({ sarif: [], warnings })
  }
  try {
    return await planAndStart(scanned, policy, req, deps, trivy, warnings)
  } catch (error) {
    return settled({ sarif: [], warnings, error: derivationError((error as Error).message) })
  }
}

async function planAndStart(
  scanned: Scanned[],
  policy: IgnoreSettings,
  req: ScanRequest,
  deps: PipelineDeps,
  trivy: TrivyHandle,
  warnings: string[],
): Promise<Started> {
  const subjects = sarifSubjects(scanned, req)
  const names: SarifName[] = sarifNames(subjects)
  let location: SarifSourceLocation | undefined
  if (req.sarifPath && req.sarif?.dockerfile) {
    const found = await dockerfileLocation(req.sarif.dockerfile, req.sarif.root ?? process.cwd())
    if ('warning' in found) warnings.push(found.warning)
    else location = found
  }
  // A bad `sarif` path stops the SARIF, not the SBOMs: it is reported once they are written.
  let sink: SarifSink | undefined
  let sarifError: unknown
  if (req.sarifPath && scanned.length) {
    const target = sarifTarget(req.sarifPath, scanned.length)
    sink = await openSarifTarget(target, req.sarifPath, req.sarif?.confineTo).catch((error) => {
      sarifError = error
      return undefined
    })
  }
  const plan: DerivationPlan = { trivyPath: trivy.path, images: [] }
  for (const [i, { scan, report }] of scanned.entries()) {
    const dir = join(req.outputDir, slug(scan.image, i))
    await mkdir(dir, { recursive: true })
    const image: ImagePlan = {}
    plan.images.push(image)
    if (req.sbomFormat) {
      // The SBOM is converted from the report's packages alone.
      const input = join(dir, 'trivy.packages.json')
      await writeFile(input, JSON.stringify(packagesOnly(report)))
      const ext = req.sbomFormat === 'cyclonedx' ? 'cdx.json' : 'spdx.json'
      image.sbom = { input, format: req.sbomFormat, output: join(dir, `sbom.${ext}`) }
    }
    if (sink) {
      const ignored = ignoredIdentities(scan, policy)
      // Nothing set aside and the file says what was judged: convert the file itself rather
      // than serialising the whole report again.
      let input = scan.artifacts.trivyJson
      let judged = report
      if (ignored.size > 0 || !isVerbatim(report) || !input) {
        // Written for Trivy, so with the advisories' text it converts (see `readsWhole`).
        const whole = holdsEverything(report) ? report : await readWhole(input)
        judged = filterReport(whole, (f) => ignored.has(exactIdentity(f)))
        input = join(dir, 'trivy.policy.json')
        await writeFile(input, JSON.stringify(judged))
      }
      const name = names[i] as SarifName
      image.sarif = {
        convert: { input, format: 'sarif', output: join(dir, 'trivy.sarif') },
        shape: {
          category: name.category,
          image: scan.image,
          ...(subjects[i]?.platform ? { platform: subjects[i].platform } : {}),
          facts: ruleFactsOf(judged),
          ...(location ? { location } : {}),
        },
        path: sink.place(name.file),
      }
    }
  }
  // What the outcome needs of each image, taken now: the parsed Trivy reports are let go
  // before the conversions finish (collectParsedReports, src/heap.ts).
  const scans = scanned.map((s) => s.scan)
  const listsPackages = scanned.map((s) => s.report.Results?.some((r) => r.Packages?.length))
  const done = runDerivation(plan, deps.logger).then((outcome): Derivation => {
    const sarif: SarifOutput[] = []
    for (const [i, written] of outcome.images.entries()) {
      const scan = scans[i] as ImageScan
      const platform = subjects[i]?.platform
      if (written.sarif) {
        scan.artifacts.sarif = written.sarif
        sarif.push({
          image: scan.image,
          ...(platform ? { platform } : {}),
          category: (names[i] as SarifName).category,
          path: written.sarif,
        })
      }
      if (written.sbom) {
        if (req.sbomFormat === 'cyclonedx') scan.artifacts.cyclonedx = written.sbom
        else scan.artifacts.spdx = written.sbom
        if (!listsPackages[i]) {
          warnings.push(
            `${scan.image}: the Trivy report lists no packages (made with --list-all-pkgs=false?), so its SBOM has no components.`,
          )
        }
      }
    }
    const failure =
      outcome.error ?? (sarifError === undefined ? undefined : (sarifError as Error).message)
    return { sarif, warnings, ...(failure ? { error: derivationError(failure) } : {}) }
  })
  return { done }
}

/** The report at `path` read again with every member (`readsWhole`). */
async function readWhole(path: string | undefined): Promise<TrivyReport> {
  if (!path) throw new Error('internal: a report read in part has no file to read whole')
  return readTrivyReport(path, { all: true })
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
  // A multi-platform baseline is compared platform by platform's union, as the image is:
  // otherwise an arm64 finding both branches have would read as introduced.
  const named = req.platform?.kind === 'some' ? req.platform.platforms : undefined
  const listed = deps.platforms
    ? await deps.platforms(source.image, named).catch((error: unknown) => {
        if (unlisted(error)) return undefined
        throw error
      })
    : undefined
  if (listed?.kind === 'index') {
    const findings: Finding[] = []
    for (const c of listed.children) {
      const ref = `${repositoryOf(source.image)}@${c.digest}`
      const { scan } = await analyse(ref, join(dir, platformDir(c)), trivy, req, deps, undefined)
      findings.push(...scan.findings)
    }
    return { findings, record: { kind: 'image', image: source.image, digest: listed.digest } }
  }
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

/** The base-image check of one image (or one platform); a failure is an error when enforced. */
async function checkBaseImage(
  stage: BaseImageStage,
  scan: ImageScan,
  errors: string[],
  warnings: string[],
): Promise<BaseImageReport | undefined> {
  try {
    return await stage.check(scan)
  } catch (error) {
    const message = `Base-image check for ${scan.image} failed: ${(error as Error).message}`
    // Enforced, a check that could not run is an error, never a silent pass; in warn mode
    // it is reported and the severity gate alone decides.
    if (stage.mode === 'enforce') errors.push(message)
    else warnings.push(message)
    return undefined
  }
}

/**
 * Each platform judged on its own (counts, verdict, base image), for the report; the image's
 * own verdict is the merge, which fails when any platform fails. The image's `baseImage` is
 * the platform report with the most violations, so an enforced rule broken on one platform
 * fails the image.
 */
async function platformResults(
  image: ImageReport,
  platforms: PlatformScanned[],
  policy: PolicySettings,
  baselineKeys: ReadonlySet<string> | undefined,
  scopeNew: boolean,
  deps: PipelineDeps,
  errors: string[],
  warnings: string[],
): Promise<PlatformResult[]> {
  const scans = platforms.map((p) =>
    toImageScan(p.report, { image: image.image, artifacts: { trivyJson: p.trivyJson } }),
  )
  // Without a baseline every finding counts (stricter), as for the image itself.
  const evaluation = evaluate(scans, policy, scopeNew ? scans.map(() => baselineKeys) : undefined)
  const out: PlatformResult[] = []
  for (const [n, p] of platforms.entries()) {
    const e = evaluation.images[n]
    const scan = scans[n]
    if (!e || !scan) continue
    const result: PlatformResult = {
      platform: p.platform,
      digest: p.digest,
      verdict: e.blocking > 0 ? 'fail' : 'pass',
      counts: e.counts,
      gated: e.gated,
      blocking: e.blocking,
      trivyJson: p.trivyJson,
      ...(scan.metadata.os ? { os: scan.metadata.os } : {}),
    }
    if (deps.baseImage) {
      // Checked as the platform's own image, pinned to the digest Trivy analysed.
      const own: ImageScan = { ...scan, image: p.ref, digest: p.digest }
      const base = await checkBaseImage(deps.baseImage, own, errors, warnings)
      if (base) result.baseImage = { ...base, platform: p.platform } as BaseImageReport
    }
    out.push(result)
  }
  const worst = out
    .map((r) => r.baseImage)
    .filter((b): b is BaseImageReport => b !== undefined)
    .sort((a, b) => b.violations.length - a.violations.length)[0]
  if (worst) image.baseImage = worst
  return out
}

/** Scan -> evaluate policy -> derive formats -> base-image facts -> Shipgate's report. */
export async function runPipeline(req: ScanRequest, given: PipelineDeps): Promise<PipelineResult> {
  // One Trivy for the run however many steps ask; for a given report, found (or installed)
  // while the report is read and judged rather than after, since the conversions need it.
  let trivyOnce: ReturnType<PipelineDeps['trivy']> | undefined
  const deps: PipelineDeps = { ...given, trivy: () => (trivyOnce ??= given.trivy()) }
  if (req.reportFile && (req.sarifPath || req.sbomFormat)) {
    deps.trivy().catch(() => undefined) // its failure is handled where it is awaited
  }
  const now = deps.now()
  const ignoreRules = [
    // The YAML parser loads only for runs that have an ignore file (issue 13).
    ...(req.ignoreFile
      ? await (await import('./policy/ignore-file.js')).readIgnoreFile(req.ignoreFile)
      : []),
    ...(req.ignoreRules ?? []),
  ]
  await mkdir(req.outputDir, { recursive: true })
  const { scanned, notScanned, errors, warnings } = await scanAll(req, deps)
  const scans = scanned.map((s) => s.scan)
  for (const scan of scans) {
    for (const w of scan.warnings ?? []) warnings.push(`${scan.image}: ${w}`)
    if (scan.licenseFindings) {
      warnings.push(
        `${scan.image}: the report holds ${scan.licenseFindings} licence finding(s); Shipgate does not evaluate licences, so they neither pass nor fail the gate.`,
      )
    }
  }
  // SARIF and SBOMs: Trivy converts them while the findings are judged and the report is
  // assembled; awaited before the verdict, which an incomplete derivation changes. `done` never
  // rejects: a failure is an error of the run, reported where it always was.
  const derivation = await derive(
    scanned,
    { ignoreRules, ignoreUnfixed: req.ignoreUnfixed, now },
    req,
    deps,
  )
  const baselines = await loadBaselines(scans, req, deps, warnings)
  const scope = req.gateScope ?? 'all'
  const layers = deps.layers
    ? await attributeLayers(scanned, deps.layers, {
        app: scopeHas(scope, 'app'),
        logger: deps.logger,
        warnings,
      })
    : []
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
    scopeHas(scope, 'new')
      ? baselines.map((b) => (b ? new Set(b.findings.map((f) => f.key)) : undefined))
      : undefined,
    { app: scopeHas(scope, 'app') },
  )
  const images: ImageReport[] = []
  for (const [i, scan] of scans.entries()) {
    const evaluated = evaluation.images[i]
    if (!evaluated) continue
    const image = imageReportOf(scan, evaluated)
    if (layers[i]) image.layerAttribution = layers[i]
    const baseline = baselines[i]
    if (baseline) {
      image.comparison = notFixedByVex(
        compareFindings(scan.findings, baseline.findings, baseline.name, baseline.record),
        scan.suppressed,
      )
    }
    const platforms = scanned[i]?.platforms
    if (platforms) {
      const policy: PolicySettings = {
        failOn: req.failOn,
        ignoreUnfixed: req.ignoreUnfixed,
        ignoreRules,
        now,
        expiringDays: req.expiringDays,
      }
      const keys =
        req.gateScope === 'new' ? new Set(baseline?.findings.map((f) => f.key) ?? []) : undefined
      image.platforms = await platformResults(
        image,
        platforms,
        policy,
        keys && baseline ? keys : undefined,
        req.gateScope === 'new',
        deps,
        errors,
        warnings,
      )
    } else if (deps.baseImage) {
      image.baseImage = await checkBaseImage(deps.baseImage, scan, errors, warnings)
    }
    images.push(image)
  }

  // Nothing below reads the Trivy reports as parsed: let them, and a large report's text, go
  // before the SARIF step allocates its own (src/heap.ts).
  const scannedImages = scanned.length
  scanned.length = 0
  collectParsedReports(deps.logger)
  const derived = await derivation.done
  warnings.push(...derived.warnings)
  if (derived.error) errors.push(derived.error)
  const sarif = derived.sarif

  if (req.vex) warnings.push(...req.vex.warnings)
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
  if (req.vex) {
    report.vex = { sources: req.vex.records }
    if (req.vex.requiredAuthors) report.vex.requiredAuthors = req.vex.requiredAuthors
  }
  // The DB that produced the findings, as old as it was (checked against max-db-age).
  const db = scannedImages && !req.reportFile ? (await deps.trivy())?.db : undefined
  if (db) report.vulnerabilityDb = db
  const reportPath = join(req.outputDir, 'shipgate-report.json')
  if (!req.deferReportFile) await writeJsonFile(reportPath, report)
  return {
    report,
    reportPath,
    ...(sarif[0] ? { sarifPath: sarif[0].path, sarif } : {}),
    errors,
  }
}
