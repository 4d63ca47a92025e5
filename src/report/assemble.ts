import type {
  Evaluation,
  ImageEvaluation,
  ImageReport,
  ImageScan,
  ShipgateReport,
  UnscannedImage,
  Verdict,
} from '../model.js'
import { fixFirst } from '../policy/fixes.js'

/** One image's part of the report: its evaluation plus the facts its scan carried. */
export function imageReportOf(scan: ImageScan, evaluated: ImageEvaluation): ImageReport {
  return {
    ...evaluated,
    os: scan.metadata.os,
    artifactType: scan.artifactType,
    trivyVersion: scan.trivyVersion,
    scannedAt: scan.scannedAt,
    packages: scan.packages,
    suppressed: scan.suppressed,
    artifacts: scan.artifacts,
    fixFirst: fixFirst(evaluated.findings),
  }
}

/** Shipgate's JSON report. `verdict`/`reason` default to the gate's; the pipeline passes the final ones. */
export function shipgateReport(opts: {
  evaluation: Evaluation
  images: ImageReport[]
  /** Images that were not scanned: with any, the totals are unknown and left out. */
  notScanned?: UnscannedImage[]
  version: string
  createdAt: Date
  ignoreUnfixed: boolean
  warnings?: string[]
  final?: { verdict: Verdict; reason: string }
}): ShipgateReport {
  const { evaluation } = opts
  const notScanned = opts.notScanned ?? []
  return {
    schema: 'shipgate.report/v1',
    tool: { name: 'shipgate', version: opts.version },
    createdAt: opts.createdAt.toISOString(),
    verdict: opts.final?.verdict ?? evaluation.verdict,
    reason: opts.final?.reason ?? evaluation.reason,
    failOn: evaluation.failOn,
    gateScope: evaluation.scope,
    ignoreUnfixed: opts.ignoreUnfixed,
    // A sum over some of the images would read as the job's total: leave it out instead.
    ...(notScanned.length ? {} : { totals: evaluation.totals }),
    images: opts.images,
    notScanned,
    expiredRules: evaluation.expiredRules,
    unusedRules: evaluation.unusedRules,
    expiringRules: evaluation.expiringRules,
    warnings: opts.warnings ?? [],
  }
}
