import type {
  Finding,
  ImageMetadata,
  ImageScan,
  MisconfigurationFinding,
  PackageInventory,
  ScanArtifacts,
  SecretFinding,
  Severity,
  Suppression,
  VulnerabilityFinding,
  VulnerabilityStatus,
} from '../../src/model.js'
import type {
  ModifiedFinding,
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
    // Template strings, not arrays joined: two strings per finding, 20,000 findings (issue 13).
    key: `vuln|${stableTarget(result)}|${v.PkgName}|${v.PkgPath ?? ''}|${v.VulnerabilityID}`,
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

/** DiffIDs already checked: a report names a handful of layers, each for thousands of findings. */
const validDiffIds = new Set<string>()

/** The layer Trivy found the finding in; whether it is the base's is decided later (src/layers). */
function layerOf(layer: unknown): { diffId: string | null; fromBase: null } {
  const diffId = (layer as { DiffID?: unknown } | undefined)?.DiffID
  let valid = typeof diffId === 'string' && validDiffIds.has(diffId)
  if (!valid && typeof diffId === 'string' && DIFF_ID.test(diffId)) {
    if (validDiffIds.size >= 10_000) validDiffIds.clear()
    validDiffIds.add(diffId)
    valid = true
  }
  return { diffId: valid ? (diffId as string) : null, fromBase: null }
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
  if (f.kind === 'vulnerability')
    return `${f.target}\u0000${f.pkgId}\u0000${f.pkgPath ?? ''}\u0000${f.id}`
  return `${f.key}\u0000${f.target}`
}

export function findingsOf(report: TrivyReport, seen = new Set<string>()): Finding[] {
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

/** The statuses under which a set-aside finding stays set aside (VEX, or an ignore file). */
const SUPPRESSING: ReadonlySet<string> = new Set(['not_affected', 'fixed', 'ignored'])

/**
 * How Trivy's `Source` of a set-aside finding is trusted. `report`: a report Shipgate was given,
 * read as it is. `scan`: Shipgate ran Trivy with these VEX files (path → index of its record) and
 * an empty ignore file, so a suppression from anywhere else is not one Shipgate asked for.
 */
export type SuppressionSources = { kind: 'report' } | { kind: 'scan'; files: Map<string, number> }

interface ModifiedOutcome {
  suppressed: Suppression[]
  /** Set aside under a status that does not suppress, or by a source nobody gave: they count. */
  restored: Finding[]
  warnings: string[]
}

function findingId(f: Record<string, unknown>): string {
  const id = [f.VulnerabilityID, f.RuleID, f.ID, f.AVDID, f.Name].find(
    (v) => typeof v === 'string' && v !== '',
  )
  return (id as string | undefined) ?? 'unknown'
}

/** A set-aside finding as Shipgate would have read it in the findings lists. */
function restore(result: TrivyResult, m: ModifiedFinding): Finding | undefined {
  if (m.Type === 'vulnerability') return vulnerability(result, m.Finding as TrivyVulnerability)
  if (m.Type === 'secret') return secret(result, m.Finding as TrivySecret)
  if (m.Type === 'misconfiguration')
    return misconfiguration(result, m.Finding as TrivyMisconfiguration)
  // Licences are not evaluated (a warning says so), set aside or not.
  return undefined
}

function modifiedOf(report: TrivyReport, sources: SuppressionSources): ModifiedOutcome {
  const out: ModifiedOutcome = { suppressed: [], restored: [], warnings: [] }
  for (const result of report.Results ?? []) {
    for (const m of result.ExperimentalModifiedFindings ?? []) {
      // parse.ts checked the shape: a known Type, a Status, and a Finding read by its schema.
      const f = (m.Finding ?? {}) as Record<string, unknown>
      const id = findingId(f)
      const status = m.Status ?? ''
      const what = `${id}${typeof f.PkgName === 'string' ? ` in ${f.PkgName}` : ''}`
      let why: string | undefined
      let document: number | undefined
      if (!SUPPRESSING.has(status)) {
        why = `Trivy set ${what} aside with status ${JSON.stringify(status.slice(0, 40))}, which does not suppress (only not_affected, fixed or ignored do)`
      } else if (sources.kind === 'scan') {
        document = m.Source === undefined ? undefined : sources.files.get(m.Source)
        if (document === undefined) {
          why = `Trivy set ${what} aside citing ${JSON.stringify((m.Source ?? 'no source').slice(0, 120))}, which is none of the VEX documents Shipgate gave it`
        }
      }
      const finding = restore(result, m)
      if (why) {
        if (finding) out.restored.push(finding)
        out.warnings.push(`${why}: it counts.`)
        continue
      }
      const entry: Suppression = { id, status, type: m.Type }
      if (m.Source !== undefined) entry.source = m.Source
      if (m.Statement) entry.statement = m.Statement
      if (typeof f.PkgName === 'string') entry.pkgName = f.PkgName
      if (typeof f.InstalledVersion === 'string') entry.installedVersion = f.InstalledVersion
      if (typeof f.Severity === 'string') entry.severity = f.Severity as Severity
      entry.target = result.Target
      if (finding) entry.key = finding.key
      if (document !== undefined) entry.document = document
      out.suppressed.push(entry)
    }
  }
  return out
}

/** `repo@sha256:…` → `sha256:…` */
function digestOf(metadata: ImageMetadata): string | undefined {
  const first = metadata.repoDigests.find((d) => d.includes('@sha256:'))
  return first?.slice(first.indexOf('@') + 1)
}

export function toImageScan(
  report: TrivyReport,
  opts: { image?: string; artifacts: ScanArtifacts; suppressions?: SuppressionSources },
): ImageScan {
  const metadata = metadataOf(report)
  const modified = modifiedOf(report, opts.suppressions ?? { kind: 'report' })
  // The identities findingsOf saw, so a restored finding it already has counts once.
  const known = new Set<string>()
  const findings = findingsOf(report, known)
  for (const f of modified.restored) {
    const identity = exactIdentity(f)
    if (known.has(identity)) continue
    known.add(identity)
    findings.push(f)
  }
  return {
    image: opts.image ?? report.ArtifactName ?? opts.artifacts.trivyJson,
    digest: digestOf(metadata),
    artifactType: report.ArtifactType,
    trivyVersion: report.Trivy?.Version,
    scannedAt: report.CreatedAt,
    metadata,
    packages: packagesOf(report),
    findings,
    licenseFindings: (report.Results ?? []).reduce((n, r) => n + (r.Licenses?.length ?? 0), 0),
    suppressed: modified.suppressed,
    ...(modified.warnings.length ? { warnings: modified.warnings } : {}),
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
