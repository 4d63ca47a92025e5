/**
 * `rescan`: watch shipped images. Each watched reference is pinned to its current digest,
 * each distinct digest gets one Trivy analysis through the same pipeline as a scan (no build,
 * no signing), and each image's GitHub issue is brought in line with the result. One image or
 * API call failing never stops the others; the result says which images were not measured and
 * which issues were not updated, and the step fails then too.
 */
import { join } from 'node:path'
import { type OwnAuthor, resolveOwnAuthor } from '../github/authorship.js'
import { GitHubApiError } from '../github/commenter.js'
import type { PlatformSelection } from '../inputs.js'
import type { Logger } from '../logger.js'
import type { FailOn, Finding, ShipgateReport } from '../model.js'
import { type PipelineDeps, type PipelineResult, runPipeline } from '../pipeline.js'
import { isBlocking } from '../policy/evaluate.js'
import type { RegistryClient } from '../registry/index.js'
import { parseReference } from '../registry/reference.js'
import type { IssuesApi, RepoIssue } from './github.js'
import { findingHash, type IssueState, remember } from './marker.js'
import { redact } from './redact.js'
import type { ImageOutcome, NamedFinding, RescanFail, RescanResult } from './result.js'
import { type ResolvedTarget, resolveTargets, type WatchedImage } from './targets.js'
import { LABEL, ownIssues, previousOf, syncIssue, type TrackerContext } from './tracker.js'

export interface RescanRequest {
  /** Watched images, already parsed into keys (watchList). */
  images: WatchedImage[]
  failOn: FailOn
  ignoreUnfixed: boolean
  ignoreFile?: string
  scanners: string[]
  timeout: string
  platform?: PlatformSelection
  /** Digests analysed at once. */
  concurrency: number
  outputDir: string
  rescanFail: RescanFail
}

export interface RescanGitHub {
  api: IssuesApi
  /** `comment-author`: the login Shipgate writes as, when not the token's own. */
  expectedAuthor?: string
  runUrl?: string
}

export interface RescanDeps extends Pick<PipelineDeps, 'trivy' | 'now' | 'version'> {
  logger: Logger
  registry: () => RegistryClient
  /** Without it (the CLI), nothing on GitHub is read or written. */
  github?: RescanGitHub
  /** Values to blank out of any error text (tokens, passwords). */
  secrets: string[]
}

export interface RescanRun {
  result: RescanResult
  /** Each scanned image's Shipgate report, by key: for the summary. */
  reports: Map<string, ShipgateReport>
}

function slug(text: string, index: number): string {
  return `${index + 1}-${text.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80)}`
}

/** Run `work` over `items` with at most `limit` at a time, keeping order. */
async function pool<T, R>(items: T[], limit: number, work: (item: T, i: number) => Promise<R>) {
  const results: R[] = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      results[i] = await work(items[i] as T, i)
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker))
  return results
}

function blockingFindings(report: ShipgateReport, failOn: FailOn): Finding[] {
  const image = report.images[0]
  if (!image) return []
  return image.findings
    .filter((f) => f.ignored === undefined && isBlocking(f.finding.severity, failOn))
    .map((f) => f.finding)
}

function nameOf(f: Finding): NamedFinding {
  return {
    id: f.id,
    severity: f.severity,
    ...(f.kind === 'vulnerability' ? { pkg: f.pkgName } : {}),
  }
}

/** Compare this scan's blocking findings with what the image's issue recorded. */
function diff(outcome: ImageOutcome, blocking: Finding[], previous: IssueState | undefined) {
  const known = new Set(previous?.findings.map((f) => f.hash))
  const now = new Set(blocking.map((f) => findingHash(f.key)))
  // Two findings can share a key (one package in two targets): name each once.
  const seen = new Set<string>()
  outcome.newSince = blocking
    .filter((f) => {
      const h = findingHash(f.key)
      if (known.has(h) || seen.has(h)) return false
      seen.add(h)
      return true
    })
    .map(nameOf)
  const gone = (previous?.findings ?? []).filter((f) => !now.has(f.hash))
  outcome.fixedSince = gone.flatMap((f) =>
    f.id ? [{ id: f.id, ...(f.pkg ? { pkg: f.pkg } : {}) }] : [],
  )
  outcome.fixedUnnamed = gone.length - outcome.fixedSince.length
}

function stateOf(digest: string, blocking: Finding[]): IssueState {
  const byHash = new Map(blocking.map((f) => [findingHash(f.key), f]))
  return { digest, total: byHash.size, findings: [...byHash.values()].map(remember) }
}

function newOutcome(image: WatchedImage): ImageOutcome {
  return {
    image: image.reference,
    key: image.key,
    verdict: 'error',
    reason: 'Not scanned',
    blocking: 0,
    previous: 'none',
    newSince: [],
    fixedSince: [],
    fixedUnnamed: 0,
    issue: { action: 'offline' },
    errors: [],
  }
}

/** What GitHub said, in words that say what to do; never the token. */
export function describeApiFailure(error: unknown, secrets: string[]): string {
  if (!(error instanceof GitHubApiError))
    return redact(`${(error as Error)?.message ?? String(error)}`, secrets)
  const said = redact(
    `GitHub answered ${error.status} to ${error.request}: ${error.message}`,
    secrets,
  )
  if (error.status === 0)
    return `Could not reach the GitHub API (${redact(error.message, secrets)}) for ${error.request}. Check GITHUB_API_URL and the runner's network.`
  if (error.status === 401)
    return `${said}. The token was rejected: check the \`github-token\` input.`
  if (error.status === 403 && /rate limit/i.test(error.message))
    return `${said}. Rate-limited even after retrying; the next rescan will update it.`
  if (error.status === 403 || error.status === 404)
    return `${said}. Give the job \`permissions: issues: write\`.`
  return `${said}.`
}

export async function runRescan(req: RescanRequest, deps: RescanDeps): Promise<RescanRun> {
  const { logger } = deps
  const createdAt = deps.now().toISOString()
  const warnings: string[] = []
  const outcomes = req.images.map(newOutcome)
  const reports = new Map<string, ShipgateReport>()

  // 1. Pin every watched image to its digest.
  const targets = await resolveTargets(req.images, deps.registry, logger)
  const resolved = new Map<string, ResolvedTarget>()
  for (const [i, t] of targets.entries()) {
    const o = outcomes[i] as ImageOutcome
    if (t.ok) {
      o.digest = t.target.digest
      o.via = t.target.via
      resolved.set(o.key, t.target)
    } else o.errors.push(redact(t.error, deps.secrets))
  }

  // 2. One analysis per distinct digest.
  const scanRefs = [...new Set([...resolved.values()].map((t) => t.scanRef))]
  const results = new Map<string, PipelineResult | Error>()
  await pool(scanRefs, req.concurrency, async (scanRef, i) => {
    try {
      results.set(
        scanRef,
        await runPipeline(
          {
            images: [scanRef],
            failOn: req.failOn,
            ignoreUnfixed: req.ignoreUnfixed,
            ignoreFile: req.ignoreFile,
            scanners: req.scanners,
            timeout: req.timeout,
            platform: req.platform,
            outputDir: join(req.outputDir, slug(scanRef, i)),
            concurrency: 1,
          },
          {
            logger,
            trivy: deps.trivy,
            now: deps.now,
            version: deps.version,
            // Every platform of a watched index, as a scan does (issue 11 §1).
            platforms: (image, named) => deps.registry().platforms(parseReference(image), named),
          },
        ),
      )
    } catch (error) {
      results.set(scanRef, error as Error)
    }
  })

  const states = new Map<string, IssueState>()
  const blockingByKey = new Map<string, Finding[]>()
  for (const o of outcomes) {
    const target = resolved.get(o.key)
    if (!target) continue
    const r = results.get(target.scanRef)
    if (!r || r instanceof Error) {
      o.errors.push(
        redact(`Scanning ${target.scanRef} failed: ${r?.message ?? 'no result'}`, deps.secrets),
      )
      continue
    }
    warnings.push(...r.report.warnings.map((w) => redact(w, deps.secrets)))
    const image = r.report.images[0]
    if (r.errors.length || !image) {
      o.errors.push(...r.errors.map((e) => redact(e, deps.secrets)))
      if (!image && !r.errors.length)
        o.errors.push(`Scanning ${target.scanRef} produced no result.`)
      continue
    }
    o.reportPath = r.reportPath
    o.verdict = image.blocking > 0 ? 'fail' : 'pass'
    o.reason = r.report.reason
    o.counts = image.counts
    o.blocking = image.blocking
    reports.set(o.key, r.report)
    const blocking = blockingFindings(r.report, req.failOn)
    blockingByKey.set(o.key, blocking)
    states.set(o.key, stateOf(target.digest, blocking))
  }
  for (const o of outcomes) if (o.errors.length) o.reason = `Not scanned: ${o.errors[0]}`

  // 3. Issues.
  const notUpdated: { image: string; reason: string }[] = []
  if (deps.github) {
    await trackIssues(
      deps.github,
      outcomes,
      { reports, states, blockingByKey },
      deps,
      notUpdated,
      createdAt,
    )
  } else {
    // Without GitHub there is no previous state: every blocking finding is reported as new.
    for (const o of outcomes)
      if (o.verdict !== 'error') diff(o, blockingByKey.get(o.key) ?? [], undefined)
  }

  const failing = outcomes.filter((o) => o.verdict === 'fail')
  const unmeasured = outcomes.filter((o) => o.verdict === 'error')
  const verdict = failing.length || unmeasured.length ? 'fail' : 'pass'
  const policyFails =
    req.rescanFail === 'any'
      ? failing.length > 0
      : req.rescanFail === 'new'
        ? failing.some((o) => o.newSince.length > 0)
        : false
  const reason = [
    failing.length
      ? `${failing.length} of ${outcomes.length} watched image(s) fail the policy (threshold ${req.failOn.toLowerCase()})`
      : `all ${outcomes.length} watched image(s) pass the policy (threshold ${req.failOn.toLowerCase()})`,
    unmeasured.length ? `${unmeasured.length} could not be scanned` : '',
    notUpdated.length ? `${notUpdated.length} issue(s) not updated` : '',
  ]
    .filter(Boolean)
    .join('; ')
  const result: RescanResult = {
    schema: 'shipgate.rescan/v1',
    createdAt,
    failOn: req.failOn,
    rescanFail: req.rescanFail,
    verdict,
    failed: policyFails || unmeasured.length > 0 || notUpdated.length > 0,
    reason: `${reason[0]?.toUpperCase() ?? ''}${reason.slice(1)}`,
    images: outcomes,
    notUpdated,
    warnings: [...new Set(warnings)],
  }
  return { result, reports }
}

async function trackIssues(
  github: RescanGitHub,
  outcomes: ImageOutcome[],
  scans: {
    reports: Map<string, ShipgateReport>
    states: Map<string, IssueState>
    blockingByKey: Map<string, Finding[]>
  },
  deps: RescanDeps,
  notUpdated: { image: string; reason: string }[],
  scannedAt: string,
): Promise<void> {
  const { api } = github
  const { logger } = deps
  const skip = (o: ImageOutcome, reason: string) => {
    o.issue = { ...o.issue, action: 'not-updated' }
    o.notUpdated = reason
    notUpdated.push({ image: o.image, reason })
    logger.warning(`The issue for ${o.image} was not updated: ${reason}`)
  }
  let own: OwnAuthor
  let open: RepoIssue[]
  try {
    own = await resolveOwnAuthor(github.expectedAuthor, api, logger)
    open = await api.listOpenIssues(LABEL.name)
  } catch (error) {
    const reason = describeApiFailure(error, deps.secrets)
    for (const o of outcomes) {
      if (o.verdict !== 'error') diff(o, scans.blockingByKey.get(o.key) ?? [], undefined)
      skip(o, o.verdict === 'error' ? `${o.reason}.` : reason)
    }
    return
  }
  const ctx: TrackerContext = { api, own, logger, runUrl: github.runUrl, scannedAt, open }
  let labelReady = false
  for (const o of outcomes) {
    const existing = ownIssues(ctx.open, o.key, own, logger)
    const { previous, state } = previousOf(existing[0])
    o.previous = previous
    o.issue = existing[0]
      ? { action: 'not-updated', number: existing[0].number, url: existing[0].url }
      : { action: 'not-updated' }
    if (o.verdict === 'error') {
      // Not measured: the issue keeps saying what was last measured.
      skip(o, `${o.reason}.`)
      continue
    }
    diff(o, scans.blockingByKey.get(o.key) ?? [], state)
    const report = scans.reports.get(o.key)
    const current = scans.states.get(o.key)
    if (!report || !current) continue
    try {
      if (o.verdict === 'fail' && !existing.length && !labelReady) {
        const label = await api.ensureLabel(LABEL)
        logger.debug(`Label ${LABEL.name}: ${label}.`)
        labelReady = true
      }
      await syncIssue(ctx, o, report, current, existing)
    } catch (error) {
      skip(o, describeApiFailure(error, deps.secrets))
    }
  }
}
