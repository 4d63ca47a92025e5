import type {
  Finding,
  ImageMetadata,
  ImageScan,
  MisconfigurationFinding,
  PackageInventory,
  ScanArtifacts,
  SecretFinding,
  VulnerabilityFinding,
  VulnerabilityStatus,
} from '../../src/model.js'
import type {
  TrivyMisconfiguration,
  TrivyReport,
  TrivyResult,
  TrivySecret,
  TrivyVulnerability,
} from './schema.js'

const STATUSES: readonly VulnerabilityStatus[] = [
  'fixed',
  'affected',
  'will_not_fix',
  'fix_deferred',
  'end_of_life',
  'under_investigation',
  'not_affected',
  'unknown',
]

function status(value: string | undefined): VulnerabilityStatus | undefined {
  return STATUSES.find((s) => s === value)
}

/**
 * The target part of a finding's identity. OS results are named after the artifact
 * (`ghcr.io/acme/api:pr-12 (debian 12.5)`), which differs between a PR image and its
 * base-branch image; the OS family is what stays the same.
 */
function stableTarget(result: TrivyResult): string {
  if (result.Class === 'os-pkgs') return `os:${result.Type ?? 'unknown'}`
  return result.Target
}

function pkgClass(result: TrivyResult): VulnerabilityFinding['pkgClass'] {
  if (result.Class === 'os-pkgs' || result.Class === 'lang-pkgs') return result.Class
  return 'other'
}

/** The score of the source Trivy took the severity from, else NVD's, else the highest. */
function cvssScore(v: TrivyVulnerability): number | undefined {
  if (!v.CVSS) return undefined
  const score = (source: string) => {
    const c = v.CVSS?.[source]
    return c?.V40Score ?? c?.V3Score ?? c?.V2Score
  }
  const preferred = (v.SeveritySource ? score(v.SeveritySource) : undefined) ?? score('nvd')
  if (preferred !== undefined) return preferred
  const all = Object.keys(v.CVSS)
    .map(score)
    .filter((s): s is number => s !== undefined)
  return all.length ? Math.max(...all) : undefined
}

function vulnerability(result: TrivyResult, v: TrivyVulnerability): VulnerabilityFinding {
  const st = status(v.Status)
  const fixedVersion = v.FixedVersion?.trim() || undefined
  const pkgId = v.PkgID ?? `${v.PkgName}@${v.InstalledVersion}`
  return {
    kind: 'vulnerability',
    id: v.VulnerabilityID,
    severity: v.Severity,
    title: v.Title,
    target: result.Target,
    key: ['vuln', stableTarget(result), v.PkgName, v.PkgPath ?? '', v.VulnerabilityID].join('|'),
    url: v.PrimaryURL,
    pkgName: v.PkgName,
    pkgId,
    pkgPath: v.PkgPath,
    pkgType: result.Type,
    pkgClass: pkgClass(result),
    installedVersion: v.InstalledVersion,
    fixedVersion,
    status: st,
    // Reports older than Trivy 0.44 have no Status: a FixedVersion is the only signal.
    fixable: st ? st === 'fixed' : fixedVersion !== undefined,
    cvssScore: cvssScore(v),
    purl: v.PkgIdentifier?.PURL,
    layer: layerOf(v.Layer),
  }
}

const DIFF_ID = /^sha256:[a-f0-9]{64}$/

/** The layer Trivy found the finding in; whether it is the base's is decided later (src/layers). */
function layerOf(layer: unknown): { diffId: string | null; fromBase: null } {
  const diffId = (layer as { DiffID?: unknown } | undefined)?.DiffID
  return {
    diffId: typeof diffId === 'string' && DIFF_ID.test(diffId) ? diffId : null,
    fromBase: null,
  }
}

function secret(result: TrivyResult, s: TrivySecret): SecretFinding {
  return {
    kind: 'secret',
    id: s.RuleID,
    severity: s.Severity,
    title: s.Title,
    target: result.Target,
    key: ['secret', result.Target, s.RuleID, s.StartLine ?? ''].join('|'),
    category: s.Category,
    startLine: s.StartLine,
    endLine: s.EndLine,
    match: s.Match,
    // Trivy writes Layer on secrets too; the schema keeps it as an unknown key.
    layer: layerOf((s as { Layer?: unknown }).Layer),
  }
}

function misconfiguration(
  result: TrivyResult,
  m: TrivyMisconfiguration,
): MisconfigurationFinding | undefined {
  // PASS and EXCEPTION entries appear only with --include-non-failures: not findings. Any other
  // status (FAIL, or one Shipgate does not know) counts: an unknown word never hides a failure.
  const status = m.Status?.trim().toUpperCase()
  if (status === 'PASS' || status === 'EXCEPTION') return undefined
  const id = m.ID ?? m.AVDID ?? 'unknown-check'
  const startLine = m.CauseMetadata?.StartLine
  return {
    kind: 'misconfiguration',
    id,
    severity: m.Severity,
    title: m.Title,
    target: result.Target,
    key: ['misconfig', result.Target, id, startLine ?? ''].join('|'),
    url: m.PrimaryURL,
    message: m.Message,
    resolution: m.Resolution,
    startLine,
    endLine: m.CauseMetadata?.EndLine,
  }
}

/** Exact duplicates count once: same target, package id, package path and finding id. */
export function exactIdentity(f: Finding): string {
  if (f.kind === 'vulnerability') return [f.target, f.pkgId, f.pkgPath ?? '', f.id].join('\u0000')
  return `${f.key}\u0000${f.target}`
}

export function findingsOf(report: TrivyReport): Finding[] {
  const seen = new Set<string>()
  const out: Finding[] = []
  const add = (f: Finding | undefined) => {
    if (!f) return
    const identity = exactIdentity(f)
    if (seen.has(identity)) return
    seen.add(identity)
    out.push(f)
  }
  for (const result of report.Results ?? []) {
    for (const v of result.Vulnerabilities ?? []) add(vulnerability(result, v))
    for (const s of result.Secrets ?? []) add(secret(result, s))
    for (const m of result.Misconfigurations ?? []) add(misconfiguration(result, m))
  }
  return out
}

function metadataOf(report: TrivyReport): ImageMetadata {
  const m = report.Metadata
  const config = m?.ImageConfig?.config
  return {
    os: m?.OS ? { family: m.OS.Family, name: m.OS.Name, eosl: m.OS.EOSL } : undefined,
    imageId: m?.ImageID,
    repoDigests: m?.RepoDigests ?? [],
    repoTags: m?.RepoTags ?? [],
    size: m?.Size,
    layers: m?.DiffIDs?.length,
    user: config?.User,
    labels: config?.Labels ?? {},
    history: (m?.ImageConfig?.history ?? []).map((h) => h.created_by ?? ''),
  }
}

function packagesOf(report: TrivyReport): PackageInventory {
  const inventory: PackageInventory = {}
  for (const result of report.Results ?? []) {
    if (!result.Packages) continue
    const slot = result.Class === 'os-pkgs' ? 'os' : 'lang'
    inventory[slot] = (inventory[slot] ?? 0) + result.Packages.length
  }
  return inventory
}

function suppressedOf(report: TrivyReport): ImageScan['suppressed'] {
  return (report.Results ?? []).flatMap((result) =>
    (result.ExperimentalModifiedFindings ?? []).map((m) => ({
      id:
        m.Finding?.VulnerabilityID ??
        m.Finding?.RuleID ??
        m.Finding?.ID ??
        m.Finding?.AVDID ??
        'unknown',
      status: m.Status ?? 'ignored',
      source: m.Source,
      statement: m.Statement,
    })),
  )
}

/** `repo@sha256:…` → `sha256:…` */
function digestOf(metadata: ImageMetadata): string | undefined {
  const first = metadata.repoDigests.find((d) => d.includes('@sha256:'))
  return first?.slice(first.indexOf('@') + 1)
}

export function toImageScan(
  report: TrivyReport,
  opts: { image?: string; artifacts: ScanArtifacts },
): ImageScan {
  const metadata = metadataOf(report)
  return {
    image: opts.image ?? report.ArtifactName ?? opts.artifacts.trivyJson,
    digest: digestOf(metadata),
    artifactType: report.ArtifactType,
    trivyVersion: report.Trivy?.Version,
    scannedAt: report.CreatedAt,
    metadata,
    packages: packagesOf(report),
    findings: findingsOf(report),
    licenseFindings: (report.Results ?? []).reduce((n, r) => n + (r.Licenses?.length ?? 0), 0),
    suppressed: suppressedOf(report),
    artifacts: opts.artifacts,
  }
}

/**
 * A copy of Trivy's report without the entries `drop` rejects, for `trivy convert`: the SARIF
 * a repository uploads then agrees with the verdict (ignored findings are not alerts).
 */
export function filterReport(report: TrivyReport, drop: (f: Finding) => boolean): TrivyReport {
  return {
    ...report,
    Results: report.Results?.map((result) => ({
      ...result,
      Vulnerabilities: result.Vulnerabilities?.filter((v) => !drop(vulnerability(result, v))),
      Secrets: result.Secrets?.filter((s) => !drop(secret(result, s))),
      Misconfigurations: result.Misconfigurations?.filter((m) => {
        const f = misconfiguration(result, m)
        return !f || !drop(f)
      }),
    })),
  }
}

/** A copy without any findings: a pure SBOM (convert would otherwise embed vulnerabilities in CycloneDX). */
export function packagesOnly(report: TrivyReport): TrivyReport {
  return {
    ...report,
    Results: report.Results?.map(
      ({ Vulnerabilities: _v, Secrets: _s, Misconfigurations: _m, ...rest }) => rest,
    ),
  }
}
