/**
 * Builds a ShipgateReport from plain findings, for renderer and publisher tests that
 * should not depend on the Trivy parser or the policy engine.
 */
import {
  type Comparison,
  type EvaluatedFinding,
  emptyCounts,
  type FailOn,
  type Finding,
  type IgnoreRule,
  type ImageReport,
  type SecretFinding,
  type Severity,
  type ShipgateReport,
  severityRank,
  type VulnerabilityFinding,
} from '../../src/model.js'

export function vuln(
  id: string,
  severity: Severity,
  extra: Partial<VulnerabilityFinding> = {},
): VulnerabilityFinding {
  const pkgName = extra.pkgName ?? 'openssl'
  const installedVersion = extra.installedVersion ?? '1.1.1d-0+deb10u1'
  return {
    kind: 'vulnerability',
    id,
    severity,
    target: 'img (debian 12.5)',
    key: `${id}|${pkgName}|${installedVersion}`,
    pkgName,
    pkgId: `${pkgName}@${installedVersion}`,
    pkgClass: 'os-pkgs',
    installedVersion,
    fixable: extra.fixedVersion !== undefined,
    url: `https://avd.aquasec.com/nvd/${id.toLowerCase()}`,
    title: `${pkgName}: problem ${id}`,
    ...extra,
  }
}

export function secret(id: string, extra: Partial<SecretFinding> = {}): SecretFinding {
  return {
    kind: 'secret',
    id,
    severity: 'CRITICAL',
    target: '/app/config.env',
    key: `${id}|/app/config.env|${extra.startLine ?? 1}`,
    title: 'AWS Access Key ID',
    category: 'AWS',
    startLine: 1,
    ...extra,
  }
}

export interface ImageInput {
  image: string
  digest?: string
  findings: Finding[]
  /** Keys of findings policy set aside, with why. */
  ignored?: Record<string, EvaluatedFinding['ignored']>
  comparison?: Comparison
  extra?: Partial<ImageReport>
}

export function imageReport(input: ImageInput, failOn: FailOn = 'HIGH'): ImageReport {
  const counts = emptyCounts()
  const fixable = emptyCounts()
  const ignored = emptyCounts()
  let blocking = 0
  const findings: EvaluatedFinding[] = input.findings.map((finding) => {
    const reason = input.ignored?.[finding.key]
    if (reason) {
      ignored[finding.severity]++
      return { finding, ignored: reason }
    }
    counts[finding.severity]++
    if (finding.kind === 'vulnerability' && finding.fixable) fixable[finding.severity]++
    if (failOn !== 'NONE' && severityRank(finding.severity) <= severityRank(failOn)) blocking++
    return { finding }
  })
  return {
    image: input.image,
    digest: input.digest,
    counts,
    fixable,
    ignored,
    findings,
    gated: counts,
    blocking,
    packages: {},
    suppressed: [],
    artifacts: { trivyJson: '/tmp/trivy.json' },
    comparison: input.comparison,
    ...input.extra,
  }
}

export interface ReportInput {
  images: ImageInput[]
  failOn?: FailOn
  reason?: string
  expiredRules?: IgnoreRule[]
  unusedRules?: IgnoreRule[]
  expiringRules?: IgnoreRule[]
  warnings?: string[]
  ignoreUnfixed?: boolean
}

export function makeReport(input: ReportInput): ShipgateReport {
  const failOn = input.failOn ?? 'HIGH'
  const images = input.images.map((i) => imageReport(i, failOn))
  const totals = emptyCounts()
  for (const image of images) {
    for (const s of Object.keys(totals) as Severity[]) totals[s] += image.counts[s]
  }
  const blocking = images.reduce((n, i) => n + i.blocking, 0)
  const verdict = blocking > 0 ? 'fail' : 'pass'
  const reason =
    input.reason ??
    (verdict === 'fail'
      ? `Blocked: ${blocking} findings at or above ${failOn.toLowerCase()}`
      : `Passed: nothing at or above ${failOn.toLowerCase()}`)
  return {
    schema: 'shipgate.report/v1',
    tool: { name: 'shipgate', version: '0.1.0-test' },
    createdAt: '2026-08-21T12:00:00.000Z',
    verdict,
    reason,
    failOn,
    gateScope: 'all',
    ignoreUnfixed: input.ignoreUnfixed ?? false,
    totals,
    images,
    notScanned: [],
    expiredRules: input.expiredRules ?? [],
    unusedRules: input.unusedRules ?? [],
    expiringRules: input.expiringRules ?? [],
    warnings: input.warnings ?? [],
  }
}

/**
 * The real pipeline from a Trivy JSON file to a ShipgateReport: parseTrivyReport,
 * toImageScan and evaluate, assembled as src/pipeline.ts does (without scanning).
 */
export async function reportFromTrivyFile(
  file: string,
  settings: Partial<import('../../src/model.js').PolicySettings> = {},
): Promise<ShipgateReport> {
  const { readTrivyReport } = await import('../../scanners/trivy/parse.js')
  const { toImageScan } = await import('../../scanners/trivy/normalize.js')
  const { evaluate } = await import('../../src/policy/evaluate.js')
  const trivy = await readTrivyReport(file)
  const scan = toImageScan(trivy, { artifacts: { trivyJson: file } })
  const now = settings.now ?? new Date('2026-08-21T12:00:00Z')
  const evaluation = evaluate([scan], {
    failOn: settings.failOn ?? 'HIGH',
    ignoreUnfixed: settings.ignoreUnfixed ?? false,
    ignoreRules: settings.ignoreRules ?? [],
    now,
  })
  const { imageReportOf, shipgateReport } = await import('../../src/report/assemble.js')
  return shipgateReport({
    evaluation,
    images: evaluation.images.map((image) => imageReportOf(scan, image)),
    version: '0.1.0-test',
    createdAt: now,
    ignoreUnfixed: settings.ignoreUnfixed ?? false,
  })
}
