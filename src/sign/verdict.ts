/**
 * The signed gate verdict: "digest D passed gate G under policy P with a vulnerability DB of
 * age A", the one claim an admission policy wants to check. Shape: sigstore-2026.md §5.3 —
 * SLSA VSA v1 field names for the decision (verifier, timeVerified, resourceUri, policy,
 * verificationResult) and the in-toto vulns v0.2 `scanner.db` block for the DB, because VSA v1
 * has no field for the DB age. Every check is then a plain path in CEL, CUE and Rego.
 */
import { createHash } from 'node:crypto'
import { canonicalJson } from '../canonical-json.js'
import type { FailOn, GateScope, SeverityCounts } from '../model.js'

/** A type URI the project controls; admission examples (examples/) match it exactly. */
export const GATE_VERDICT_PREDICATE_TYPE = 'https://shipgate.dev/attestation/gate/v1'

export const SHIPGATE_VERIFIER_ID = 'https://shipgate.dev/verifier'

export interface VulnerabilityDbInfo {
  /** Trivy's `VulnerabilityDB.UpdatedAt`: when the DB was built. */
  updatedAt?: string
  nextUpdate?: string
}

/** The policy the verdict was made under; its canonical JSON's SHA-256 is `policy.digest`. */
export interface GatePolicy {
  failOn: FailOn
  scope: GateScope
  ignoreUnfixed: boolean
  /** Ignore rules in force: ID, where it came from, expiry. */
  ignores: { id: string; source: string; expiresAt?: string }[]
  /** `max-db-age` in hours, when the scan enforced it (part of the policy, so of its digest). */
  maxDbAgeHours?: number
}

export interface GateVerdictInput {
  /** `registry/repository` without tag or digest. */
  repository: string
  digest: string
  passed: boolean
  policy: GatePolicy
  /** Where the policy lives: the workflow that ran (its job_workflow_ref URL) when known. */
  policyUri: string
  shipgateVersion: string
  trivyVersion?: string
  db: VulnerabilityDbInfo
  /**
   * The DB age Shipgate measured when it checked max-db-age (the report's `vulnerabilityDb`).
   * Attached only when it is the DB in `db` (same UpdatedAt).
   */
  measuredDb?: { updatedAt: string; ageHours: number }
  /** Findings left after policy, by severity. */
  counts: SeverityCounts
  ignored: number
  suppressedByVex: number
  timeVerified: Date
}

export interface GateVerdictPredicate {
  verifier: { id: string; version: Record<string, string> }
  timeVerified: string
  resourceUri: string
  policy: { uri: string; digest: { sha256: string } }
  verificationResult: 'PASSED' | 'FAILED'
  scanner: {
    uri: string
    version: string
    /** `ageHours`: how old the DB was when Shipgate checked it, in hours (one decimal). */
    db: { lastUpdate?: string; nextUpdate?: string; ageHours?: number }
  }
  findings: {
    critical: number
    high: number
    medium: number
    low: number
    unknown: number
    ignored: number
    suppressedByVex: number
  }
  thresholds: GatePolicy
}

export { canonicalJson } from '../canonical-json.js'

export function policyDigest(policy: GatePolicy): string {
  return createHash('sha256').update(canonicalJson(policy)).digest('hex')
}

/** RFC 3339 in UTC, whole seconds (what CEL `timestamp()` and Rego `time.parse_rfc3339_ns` read). */
function rfc3339(date: Date): string {
  return date.toISOString().replace(/\.\d+Z$/, 'Z')
}

function normalizedTime(value: string | undefined): string | undefined {
  if (!value) return undefined
  const ms = Date.parse(value)
  return Number.isNaN(ms) ? undefined : rfc3339(new Date(ms))
}

export function gateVerdictPredicate(input: GateVerdictInput): GateVerdictPredicate {
  const trivy = input.trivyVersion?.replace(/^v/, '') ?? ''
  const db: GateVerdictPredicate['scanner']['db'] = {}
  const lastUpdate = normalizedTime(input.db.updatedAt)
  const nextUpdate = normalizedTime(input.db.nextUpdate)
  if (lastUpdate) db.lastUpdate = lastUpdate
  if (nextUpdate) db.nextUpdate = nextUpdate
  if (lastUpdate && input.measuredDb && normalizedTime(input.measuredDb.updatedAt) === lastUpdate)
    db.ageHours = input.measuredDb.ageHours
  return {
    verifier: {
      id: SHIPGATE_VERIFIER_ID,
      version: { shipgate: input.shipgateVersion, ...(trivy ? { trivy } : {}) },
    },
    timeVerified: rfc3339(input.timeVerified),
    resourceUri: `${input.repository}@${input.digest}`,
    policy: { uri: input.policyUri, digest: { sha256: policyDigest(input.policy) } },
    verificationResult: input.passed ? 'PASSED' : 'FAILED',
    scanner: {
      // Release versions are tags `vX.Y.Z`; a dev build has no tag to point at.
      uri: /^\d/.test(trivy)
        ? `pkg:github/aquasecurity/trivy@v${trivy}`
        : 'pkg:github/aquasecurity/trivy',
      version: trivy,
      db,
    },
    findings: {
      critical: input.counts.CRITICAL,
      high: input.counts.HIGH,
      medium: input.counts.MEDIUM,
      low: input.counts.LOW,
      unknown: input.counts.UNKNOWN,
      ignored: input.ignored,
      suppressedByVex: input.suppressedByVex,
    },
    thresholds: input.policy,
  }
}

/** Trivy's DB facts from its JSON report (client/server mode, v0.70+ `Trivy.Server.VulnerabilityDB`). */
export function dbFromTrivyReport(report: unknown): VulnerabilityDbInfo | undefined {
  const db = (
    report as {
      Trivy?: { Server?: { VulnerabilityDB?: { UpdatedAt?: unknown; NextUpdate?: unknown } } }
    }
  )?.Trivy?.Server?.VulnerabilityDB
  if (!db || typeof db.UpdatedAt !== 'string') return undefined
  return {
    updatedAt: db.UpdatedAt,
    ...(typeof db.NextUpdate === 'string' ? { nextUpdate: db.NextUpdate } : {}),
  }
}

export class DurationError extends Error {
  override name = 'DurationError'
}

const UNIT_MS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }

/** `24h`, `90m`, `1h30m`, `2d` → milliseconds. Pure; the message starts with `label`. */
export function parseDuration(raw: string, label: string): number {
  const text = raw.trim()
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)([smhd])/g)]
  if (!text || parts.map((p) => p[0]).join('') !== text) {
    throw new DurationError(
      `${label}: ${JSON.stringify(raw)} is not a duration; use a number with s, m, h or d, e.g. 24h or 1h30m.`,
    )
  }
  const ms = parts.reduce((sum, p) => sum + Number(p[1]) * (UNIT_MS[p[2] as string] ?? 0), 0)
  if (ms <= 0) throw new DurationError(`${label}: the duration must be greater than zero.`)
  return ms
}

/**
 * Why a verified verdict statement does not accept `digest`, or [] when it does: PASSED, about
 * this digest, and (with `maxDbAgeMs`) a DB built no longer than that before the verdict.
 */
export function verdictProblems(
  statement: { predicateType?: string; predicate?: unknown },
  digest: string,
  maxDbAgeMs?: number,
): string[] {
  if (statement.predicateType !== GATE_VERDICT_PREDICATE_TYPE) return ['not a gate verdict']
  const p = statement.predicate as Partial<GateVerdictPredicate> | undefined
  const problems: string[] = []
  if (p?.verificationResult !== 'PASSED') {
    problems.push(`the verdict is ${p?.verificationResult ?? 'missing'}, not PASSED`)
  }
  if (typeof p?.resourceUri !== 'string' || !p.resourceUri.endsWith(`@${digest}`)) {
    problems.push(`the verdict is for ${p?.resourceUri ?? 'no resource'}, not ${digest}`)
  }
  if (maxDbAgeMs !== undefined) {
    const verified = Date.parse(p?.timeVerified ?? '')
    const built = Date.parse(p?.scanner?.db?.lastUpdate ?? '')
    if (Number.isNaN(verified) || Number.isNaN(built)) {
      problems.push('the verdict does not say when the vulnerability DB was built')
    } else if (verified - built > maxDbAgeMs) {
      const hours = ((verified - built) / 3_600_000).toFixed(1)
      problems.push(
        `the vulnerability DB was ${hours} h old when the gate ran, more than the ${(maxDbAgeMs / 3_600_000).toFixed(1)} h allowed`,
      )
    }
  }
  return problems
}
