import { describe, expect, it } from 'vitest'
import { emptyCounts } from '../../src/model.js'
import {
  canonicalJson,
  GATE_VERDICT_PREDICATE_TYPE,
  gateVerdictPredicate,
  parseDuration,
  policyDigest,
  verdictProblems,
} from '../../src/sign/verdict.js'
import { parseRequire } from '../../src/sign/verify-command.js'

const digest = `sha256:${'a'.repeat(64)}`
const policy = { failOn: 'HIGH' as const, scope: 'all' as const, ignoreUnfixed: false, ignores: [] }
const verdict = (over: Partial<Parameters<typeof gateVerdictPredicate>[0]> = {}) =>
  gateVerdictPredicate({
    repository: 'ghcr.io/octo-org/app',
    digest,
    passed: true,
    policy,
    policyUri: 'https://github.com/octo-org/app/.github/workflows/release.yml@refs/heads/main',
    shipgateVersion: '1.0.0',
    trivyVersion: '0.74.0',
    db: { updatedAt: '2026-08-21T06:12:09.123456Z', nextUpdate: '2026-08-22T06:12:09Z' },
    counts: { ...emptyCounts(), MEDIUM: 2 },
    ignored: 1,
    suppressedByVex: 0,
    timeVerified: new Date('2026-08-21T10:04:00.500Z'),
    ...over,
  })

describe('gate verdict predicate', () => {
  it('has the §5.3 shape: VSA decision fields, vulns-v0.2 scanner.db, RFC 3339 seconds', () => {
    expect(verdict()).toEqual({
      verifier: {
        id: 'https://shipgate.dev/verifier',
        version: { shipgate: '1.0.0', trivy: '0.74.0' },
      },
      timeVerified: '2026-08-21T10:04:00Z',
      resourceUri: `ghcr.io/octo-org/app@${digest}`,
      policy: {
        uri: 'https://github.com/octo-org/app/.github/workflows/release.yml@refs/heads/main',
        digest: { sha256: policyDigest(policy) },
      },
      verificationResult: 'PASSED',
      scanner: {
        uri: 'pkg:github/aquasecurity/trivy@v0.74.0',
        version: '0.74.0',
        db: { lastUpdate: '2026-08-21T06:12:09Z', nextUpdate: '2026-08-22T06:12:09Z' },
      },
      findings: {
        critical: 0,
        high: 0,
        medium: 2,
        low: 0,
        unknown: 0,
        ignored: 1,
        suppressedByVex: 0,
      },
      thresholds: policy,
    })
  })

  it('carries the DB age Shipgate measured and the max-db-age it enforced (issue 13)', () => {
    const withMax = { ...policy, maxDbAgeHours: 24 }
    const p = verdict({
      policy: withMax,
      measuredDb: { updatedAt: '2026-08-21T06:12:09.123456Z', ageHours: 3.9 },
    })
    expect(p.scanner.db).toEqual({
      lastUpdate: '2026-08-21T06:12:09Z',
      nextUpdate: '2026-08-22T06:12:09Z',
      ageHours: 3.9,
    })
    expect(p.thresholds.maxDbAgeHours).toBe(24)
    // The maximum is part of the policy the verdict was made under: it changes the digest.
    expect(p.policy.digest.sha256).toBe(policyDigest(withMax))
    expect(policyDigest(withMax)).not.toBe(policyDigest(policy))
    // A measurement of another DB than the one in the verdict is not attached.
    expect(
      verdict({ measuredDb: { updatedAt: '2026-08-20T00:00:00Z', ageHours: 30 } }).scanner.db,
    ).not.toHaveProperty('ageHours')
  })

  it('the policy digest depends on content, not key order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}')
    expect(policyDigest({ ...policy, failOn: 'CRITICAL' })).not.toBe(policyDigest(policy))
  })

  it('accepts PASSED for this digest within the DB age; names what is wrong otherwise', () => {
    const statement = (p: unknown) => ({ predicateType: GATE_VERDICT_PREDICATE_TYPE, predicate: p })
    expect(verdictProblems(statement(verdict()), digest, 24 * 3_600_000)).toEqual([])
    expect(verdictProblems(statement(verdict()), digest, 3_600_000)[0]).toMatch(
      /DB was 3\.9 h old when the gate ran, more than the 1\.0 h allowed/,
    )
    expect(verdictProblems(statement(verdict({ passed: false })), digest)).toEqual([
      'the verdict is FAILED, not PASSED',
    ])
    expect(verdictProblems(statement(verdict()), `sha256:${'b'.repeat(64)}`)[0]).toMatch(
      /the verdict is for .*, not sha256:b/,
    )
    expect(verdictProblems(statement(verdict({ db: {} })), digest, 3_600_000)).toEqual([
      'the verdict does not say when the vulnerability DB was built',
    ])
  })
})

describe('parsers', () => {
  it('parseDuration reads 24h, 90m, 1h30m, 2d and names the flag otherwise', () => {
    expect(parseDuration('24h', 'x')).toBe(86_400_000)
    expect(parseDuration('1h30m', 'x')).toBe(5_400_000)
    expect(parseDuration('2d', 'x')).toBe(172_800_000)
    for (const bad of ['', '24', 'a day', '-1h', '1h 30m', '0s'])
      expect(() => parseDuration(bad, '--max-db-age')).toThrow(/^--max-db-age: /)
  })

  it('parseRequire takes one format rule and/or verdict', () => {
    expect(parseRequire('both,verdict', 'l')).toEqual({ formats: 'both', verdict: true })
    expect(parseRequire('verdict', 'l')).toEqual({ formats: 'any', verdict: true })
    expect(parseRequire(undefined, 'l')).toEqual({ formats: 'any', verdict: false })
    expect(() => parseRequire('cosign,bundle', '--require')).toThrow(/^--require: /)
    expect(() => parseRequire('verdicts', '--require')).toThrow(/^--require: /)
  })
})
