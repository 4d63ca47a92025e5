import type { FixPlan } from './policy/fixes.js'
/**
 * Shipgate's normalized data model. Scanners produce `ImageScan`s, policy turns
 * them into `Evaluation`s, renderers and publishers read a `ShipgateReport`.
 * Everything here is plain data (JSON-serializable) so the pipeline flows one way.
 */

import type { PolicyReport } from './policy-file/render.js'

/** Most severe first: index order is the ranking used everywhere. */
export const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'UNKNOWN'] as const
export type Severity = (typeof SEVERITIES)[number]

export type SeverityCounts = Record<Severity, number>

export function emptyCounts(): SeverityCounts {
  return { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, UNKNOWN: 0 }
}

const RANKS: Readonly<Record<string, number>> = Object.fromEntries(SEVERITIES.map((s, i) => [s, i]))

/** Lower is more severe (-1 for a name that is not a severity, as indexOf gave). */
export function severityRank(s: Severity): number {
  // A lookup, not indexOf: sorting 20,000 findings asks ~600,000 times (issue 13).
  return Object.hasOwn(RANKS, s) ? (RANKS[s] as number) : -1
}

/**
 * Trivy's own severity names, trimmed and upper-cased (`"CRITICAL "`, `"high"`); anything
 * else is `undefined`: a severity Shipgate does not know must refuse the report, never count
 * as UNKNOWN below the threshold.
 */
export function parseSeverity(value: string): Severity | undefined {
  const upper = value.trim().toUpperCase()
  return (SEVERITIES as readonly string[]).includes(upper) ? (upper as Severity) : undefined
}

/** Trivy's vulnerability statuses; older reports (< v0.44) carry none. */
export type VulnerabilityStatus =
  | 'fixed'
  | 'affected'
  | 'will_not_fix'
  | 'fix_deferred'
  | 'end_of_life'
  | 'under_investigation'
  | 'not_affected'
  | 'unknown'

interface FindingBase {
  /** Vulnerability ID, secret rule ID or misconfiguration check ID. */
  id: string
  severity: Severity
  /** Text from outside (advisory databases): must be escaped before it reaches Markdown. */
  title?: string
  /** Trivy's Result target: `img (debian 12.5)`, `Node.js`, a lockfile or file path. */
  target: string
  /** Stable identity used for de-duplication and for diffs against a base branch. */
  key: string
  url?: string
  /**
   * In a multi-platform image, the platforms whose analysis reported this finding (every
   * scanned platform when it is on all of them); absent for a single-platform image.
   */
  platforms?: string[]
  /**
   * The image layer that introduced the finding (Trivy's `Layer.DiffID`) and whether that layer
   * is the base image's: `null` when it cannot be shown either way (no layer, no known base).
   * A finding that is not shown to be the base's counts as the app's under `fail-on-scope: app`.
   */
  layer?: FindingLayer
}

export interface FindingLayer {
  diffId: string | null
  fromBase: boolean | null
}

export interface VulnerabilityFinding extends FindingBase {
  kind: 'vulnerability'
  pkgName: string
  pkgId: string
  pkgPath?: string
  /** Trivy's Result Type: `debian`, `npm`, `node-pkg`, `gobinary`… */
  pkgType?: string
  pkgClass: 'os-pkgs' | 'lang-pkgs' | 'other'
  installedVersion: string
  /** Opaque string: may list several branches (`6.0.3.1, 5.2.4.3`). */
  fixedVersion?: string
  status?: VulnerabilityStatus
  /** A fixed version exists (Status `fixed`, or a FixedVersion in reports without Status). */
  fixable: boolean
  cvssScore?: number
  purl?: string
}

export interface SecretFinding extends FindingBase {
  kind: 'secret'
  category?: string
  startLine?: number
  endLine?: number
  /** Already masked by Trivy. */
  match?: string
}

export interface MisconfigurationFinding extends FindingBase {
  kind: 'misconfiguration'
  message?: string
  resolution?: string
  startLine?: number
  endLine?: number
}

export type Finding = VulnerabilityFinding | SecretFinding | MisconfigurationFinding
export type FindingKind = Finding['kind']

export interface OsInfo {
  family: string
  name: string
  eosl?: boolean
}

/** Image facts from Trivy's Metadata, kept for the base-image check in offline mode. */
export interface ImageMetadata {
  os?: OsInfo
  imageId?: string
  repoDigests: string[]
  repoTags: string[]
  size?: number
  layers?: number
  user?: string
  labels: Record<string, string>
  /** `created_by` lines of the image history, newest last. */
  history: string[]
}

export interface PackageInventory {
  /** Packages Trivy listed (`--list-all-pkgs`), by Result class; absent when the report has none. */
  os?: number
  lang?: number
}

/** One image (or one report) after the scanner ran: nothing judged yet. */
export interface ImageScan {
  /** The reference the user gave, or the report's ArtifactName. */
  image: string
  /** `sha256:…` of the manifest when known (from RepoDigests or the registry). */
  digest?: string
  artifactType?: string
  trivyVersion?: string
  scannedAt?: string
  metadata: ImageMetadata
  packages: PackageInventory
  findings: Finding[]
  /** Licence findings in the report: Shipgate does not evaluate them (a warning says so). */
  licenseFindings?: number
  /** Entries Trivy itself suppressed (VEX, its own ignore file), shown but never counted. */
  suppressed: Suppression[]
  /** What reading the report noticed (a set-aside finding that counts again), for the report's warnings. */
  warnings?: string[]
  /** Paths of files derived from the single Trivy analysis. */
  artifacts: ScanArtifacts
}

/**
 * A finding Trivy set aside (its ExperimentalModifiedFindings): VEX `not_affected`/`fixed`, or
 * `ignored` by an ignore file in a report Shipgate was given. Listed, never counted.
 */
export interface Suppression {
  /** Vulnerability, rule or check ID. */
  id: string
  /** Trivy's status: not_affected, fixed (VEX) or ignored (an ignore file). */
  status: string
  /** Trivy's `Source`: the VEX file it read (or `CycloneDX VEX`, an ignore file's path). Untrusted text. */
  source?: string
  /** The VEX justification or CSAF statement. Untrusted text. */
  statement?: string
  /** Trivy's finding type: vulnerability, misconfiguration, secret, license. */
  type?: string
  pkgName?: string
  installedVersion?: string
  severity?: Severity
  target?: string
  /** The finding's stable key (Finding.key), so a comparison does not list it as fixed. */
  key?: string
  /** Index into `ShipgateReport.vex.sources` of the document that suppressed it, when known. */
  document?: number
}

/** One VEX document a run read (src/vex/): listed with its hash whether or not it was applied. */
export interface VexSourceRecord {
  /** As given: a path in the checkout, an https URL (without query), or `oci` with the image. */
  source: string
  kind: 'file' | 'url' | 'oci'
  /** SHA-256 (hex) of the bytes read. */
  sha256: string
  format: 'openvex' | 'cyclonedx' | 'csaf'
  /** Who the document says wrote it (a claim unless `signer` is set). */
  authors: string[]
  statements: number
  /** Handed to Trivy. False: read, listed, not applied (see `skipped`). */
  applied: boolean
  skipped?: string
  /** What Trivy was given when not the bytes read (CycloneDX, carried over as OpenVEX). */
  appliedAs?: { sha256: string; format: 'openvex' }
  /**
   * Pull requests, documents in the checkout: compared with the base commit. `new` and `changed`
   * are claims this pull request makes; `unknown`: the base commit could not be read.
   */
  change?: 'new' | 'changed' | 'unchanged' | 'unknown'
  /** `oci`: the image whose attestation it is, and the verified signer (identity, issuer). */
  image?: string
  signer?: { identity: string; issuer: string }
  reference?: string
}

export interface ScanArtifacts {
  /** Trivy's own JSON report: the single source every other format is converted from. */
  trivyJson: string
  sarif?: string
  cyclonedx?: string
  spdx?: string
}

export type FailOn = Severity | 'NONE'

/** One entry of an ignore file, in either of Trivy's formats. */
export interface IgnoreRule {
  id: string
  /** Where it came from: `path:line` for error messages and reports. */
  source: string
  /** ISO date (YYYY-MM-DD or full timestamp); after it the rule no longer suppresses. */
  expiresAt?: string
  statement?: string
  /** YAML format only: restrict to these targets/paths (globs) or package URLs. */
  paths?: string[]
  purls?: string[]
  /** Policy-file exceptions only: restrict to these package names, and to images matching these globs. */
  packages?: string[]
  images?: string[]
  /** Which kinds the rule applies to (plain format: every kind). */
  kinds: FindingKind[]
}

export type IgnoreReason = { by: 'unfixed' } | { by: 'ignore-file'; rule: IgnoreRule }

export interface EvaluatedFinding {
  finding: Finding
  /** Absent: the finding counts toward the verdict. */
  ignored?: IgnoreReason
}

/**
 * `all`: every finding left after policy counts; `new`: only those not in the baseline; `app`:
 * only those from the image's own layers (not its base image); `new,app`: both filters.
 */
export type GateScope = 'all' | 'new' | 'app' | 'new,app'

export interface PolicySettings {
  failOn: FailOn
  ignoreUnfixed: boolean
  ignoreRules: IgnoreRule[]
  /** Injected so expiry is testable and the whole run uses one clock. */
  now: Date
  /** How far ahead an expiring ignore rule is listed (the policy file's warn-expiry-days); default 30. */
  expiringDays?: number
}

export interface ImageEvaluation {
  image: string
  digest?: string
  /** Findings left after policy, by severity. */
  counts: SeverityCounts
  /** Of `counts`, those with a fix available. */
  fixable: SeverityCounts
  /** Findings policy set aside, by severity. */
  ignored: SeverityCounts
  /** All findings, most important first (severity, then fixable, then ID). */
  findings: EvaluatedFinding[]
  /** Findings that count toward the gate, by severity: all left after policy, or only new ones. */
  gated: SeverityCounts
  /** Gated findings at or above the threshold: why this image fails. */
  blocking: number
}

export type Verdict = 'pass' | 'fail'

export interface Evaluation {
  verdict: Verdict
  scope: GateScope
  /** One line a human reads first: `Blocked: 3 critical, 12 high (threshold: high)`. */
  reason: string
  failOn: FailOn
  totals: SeverityCounts
  images: ImageEvaluation[]
  expiredRules: IgnoreRule[]
  /** Rules that matched nothing in any image: candidates for removal (expiry aside). */
  unusedRules: IgnoreRule[]
  /** Rules still in force that expire within EXPIRING_SOON_DAYS: renew with a reason, or fix. */
  expiringRules: IgnoreRule[]
}

/** What the minimal-base-image check found for one image (scanners/base-image). */
export interface BaseImageReport {
  mode: 'warn' | 'enforce'
  /** `registry`: read from the image itself; `trivy-report`: offline, from the report only. */
  source: 'registry' | 'trivy-report'
  base?: {
    name?: string
    digest?: string
    how: 'annotation' | 'label' | 'dockerfile' | 'inferred'
    /** A known minimal family: distroless, chainguard/wolfi, alpine, *-slim, ubi-micro/minimal, busybox, scratch. */
    minimal: boolean
  }
  os?: string
  packages?: number
  /** `null`: could not be known from this source (say so, never guess). */
  shell: boolean | null
  packageManager: string | false | null
  user?: string
  runsAsRoot: boolean | null
  compressedSize?: number
  layers?: number
  /** Facts that could not be determined from this source, by name. */
  unknown: string[]
  violations: { rule: string; message: string }[]
  recommendation?: string
  /** The base image the recommendation moves to, when it names one (`gcr.io/distroless/…:nonroot`). */
  recommendedBase?: string
}

/** What signing and attesting produced for one image (src/sign). */
export interface SigningReport {
  digest: string
  signatures: { format: 'cosign' | 'bundle'; reference: string }[]
  attestations: { predicateType: string; format: 'cosign' | 'bundle'; reference: string }[]
  sbom?: string
  /** Rekor entry URL or log index, when a transparency log was used. */
  transparencyLog?: string
  /** Everything pushed was read back from the registry and verified (src/sign/step.ts). */
  verified?: true
}

/**
 * Exactly which baseline a comparison used: the image's digest as scanned, or the report
 * file's path and the SHA-256 of the bytes read. A reviewer can check it was the base branch.
 */
export type BaselineRecord =
  | { kind: 'image'; image: string; digest?: string }
  | { kind: 'report'; path: string; sha256: string }

/** Difference to a baseline (base branch image or an earlier report). */
export interface Comparison {
  /** The `compare-to` value as given. */
  baseline: string
  source: BaselineRecord
  /** Keys of findings (see Finding.key) present now but not in the baseline. */
  introduced: string[]
  /** Findings in the baseline that are gone now. */
  fixed: Finding[]
}

/**
 * One platform of a multi-platform image (issue 11 §1): its own analysis, counts and verdict.
 * The image's own counts and verdict are the merge of these (it fails when any platform fails).
 */
export interface PlatformResult {
  /** `linux/arm64/v8` */
  platform: string
  /** Digest of the platform's image manifest (the index's digest is the image's `digest`). */
  digest: string
  verdict: Verdict
  counts: SeverityCounts
  gated: SeverityCounts
  blocking: number
  os?: OsInfo
  trivyJson: string
  baseImage?: BaseImageReport
  signing?: SigningReport
}

export interface ImageReport extends ImageEvaluation {
  os?: OsInfo
  artifactType?: string
  trivyVersion?: string
  scannedAt?: string
  packages: PackageInventory
  suppressed: ImageScan['suppressed']
  artifacts: ScanArtifacts
  baseImage?: BaseImageReport
  signing?: SigningReport
  comparison?: Comparison
  /** Package upgrades that remove counted findings, most effective first (src/policy/fixes.ts). */
  fixFirst?: FixPlan
  /** A multi-platform image: one entry per platform scanned, in the index's order. */
  platforms?: PlatformResult[]
  /** Which base image the findings' layers were matched against, and how it was known (src/layers). */
  layerAttribution?: LayerAttribution
}

/** How a base image was known: its layers are always read from the registry, except `history`. */
export type BaseSource = 'dockerfile' | 'annotation' | 'label' | 'history'

/** What the findings of one image were attributed against (issue 11 §4). */
export interface LayerAttribution {
  /**
   * The base image whose layers are the image's first `layers`: `null` when it could not be
   * determined (then no finding is the base's, and `fail-on-scope: app` counts every finding).
   */
  base: {
    /** The reference as named by its source (absent for `history`). */
    ref?: string
    /** Digest of the base manifest read from the registry. */
    digest?: string
    how: BaseSource
    /** How many of the image's layers are the base's. */
    layers: number
  } | null
  /** Why the base is unknown, when it is. */
  unknown?: string
  /** Layers of the scanned image (Trivy's DiffIDs, or the image config's). */
  imageLayers?: number
  /** Findings from the base's layers, from the image's own layers, and with no layer attribution. */
  fromBase: number
  fromApp: number
  unattributed: number
}

/** Shipgate's own JSON report (the `report` output): everything a later step or reviewer needs. */
/**
 * An image Shipgate could not scan (Trivy crashed, timed out, or its report was refused).
 * Deliberately without counts: nothing was measured, so nothing may read as 0 findings.
 */
export interface UnscannedImage {
  image: string
  /** What went wrong, for the summary and the report. */
  reason: string
}

export interface ShipgateReport {
  schema: 'shipgate.report/v1'
  tool: { name: 'shipgate'; version: string }
  createdAt: string
  verdict: Verdict
  reason: string
  failOn: FailOn
  /** `new`: only findings missing from the baseline (`compare-to`) could fail the gate. */
  gateScope: GateScope
  ignoreUnfixed: boolean
  /** Summed over all images; absent when any image was not scanned (the sum is not known). */
  totals?: SeverityCounts
  /** The images that were scanned, each with its counts. */
  images: ImageReport[]
  /** Images that were not scanned: listed, never counted. The verdict is then `fail`. */
  notScanned: UnscannedImage[]
  expiredRules: IgnoreRule[]
  unusedRules: IgnoreRule[]
  /** Ignore entries still in force that expire within 14 days (or `warn-expiry-days`). */
  expiringRules: IgnoreRule[]
  /** What went wrong without changing the verdict (comment not posted, signing failed…). */
  warnings: string[]
  /**
   * The policy file the gate decided with (src/policy-file/render.ts): source, SHA-256, effective
   * policy, exceptions near or past expiry, and what a pull request's edit of it would change.
   */
  policy?: PolicyReport
  /** The window `expiringRules` was chosen with, when not the default (warn-expiry-days). */
  expiringDays?: number
  /** VEX documents read (src/vex/), by `Suppression.document`; absent when `vex` is unset. */
  vex?: { sources: VexSourceRecord[]; requiredAuthors?: string[] }
  /** The vulnerability DB the scans used: when it was built and how old it was (max-db-age). */
  vulnerabilityDb?: {
    updatedAt: string
    ageHours: number
    maxAgeHours: number
    source: 'local' | 'server'
  }
}
