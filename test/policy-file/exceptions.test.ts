import { describe, expect, it } from 'vitest'
import type { Finding, IgnoreRule } from '../../src/model.js'
import { evaluate } from '../../src/policy/evaluate.js'
import { isExpired, ruleAppliesToImage, ruleMatches } from '../../src/policy/match.js'
import {
  type ExceptionEntry,
  exceptionStatus,
  toIgnoreRules,
} from '../../src/policy-file/exceptions.js'

const entry = (
  id: string,
  expires: string,
  extra: Partial<ExceptionEntry> = {},
): ExceptionEntry => ({
  id,
  reason: 'accepted',
  expires,
  source: '.github/shipgate.yml:5',
  ...extra,
})

const vuln = (over: Partial<Finding> = {}): Finding =>
  ({
    kind: 'vulnerability',
    id: 'CVE-2024-1',
    severity: 'HIGH',
    target: 'app (debian 12)',
    key: 'k',
    pkgName: 'openssl',
    pkgId: 'openssl@3',
    pkgClass: 'os-pkgs',
    installedVersion: '3',
    fixable: true,
    ...over,
  }) as Finding

describe('exception hygiene', () => {
  const now = new Date('2026-06-10T12:00:00Z')
  it('splits active, expiring within warn-expiry-days, and expired', () => {
    const s = exceptionStatus(
      [
        entry('A', '2026-06-10'),
        entry('B', '2026-06-11'),
        entry('C', '2026-06-24'),
        entry('D', '2026-06-25'),
        entry('E', '2027-01-01'),
      ],
      now,
      14,
    )
    expect(s.expired.map((e) => e.id)).toEqual(['A'])
    expect(s.active.map((e) => e.id)).toEqual(['B', 'C', 'D', 'E'])
    expect(s.expiring.map((e) => [e.id, e.daysLeft])).toEqual([
      ['B', 0],
      ['C', 13],
    ])
  })

  it('warn-expiry-days: 0 lists none as expiring', () => {
    expect(exceptionStatus([entry('B', '2026-06-11')], now, 0).expiring).toEqual([])
  })

  it('expires on the day itself at 00:00 UTC, exactly as the evaluator judges the ignore rule', () => {
    const [rule] = toIgnoreRules([entry('A', '2026-06-10')])
    for (const t of ['2026-06-09T23:59:59Z', '2026-06-10T00:00:01Z']) {
      const at = new Date(t)
      expect(exceptionStatus([entry('A', '2026-06-10')], at, 14).expired.length > 0).toBe(
        isExpired(rule as IgnoreRule, at),
      )
    }
  })

  it('converts exceptions to ignore rules the evaluator applies, with the reason as statement', () => {
    const rules = toIgnoreRules([entry('CVE-2024-1', '2027-01-01', { path: 'usr/lib/**' })])
    expect(rules[0]).toMatchObject({
      id: 'CVE-2024-1',
      expiresAt: '2027-01-01',
      statement: 'accepted',
      paths: ['usr/lib/**'],
    })
    expect(ruleMatches(rules[0] as IgnoreRule, vuln({ target: 'usr/lib/x' }))).toBe(true)
    expect(ruleMatches(rules[0] as IgnoreRule, vuln({ target: 'app/x' }))).toBe(false)
  })

  it('a package and an image scope narrow the rule, never widen it', () => {
    const [rule] = toIgnoreRules([
      entry('CVE-2024-1', '2027-01-01', { package: 'openssl', image: 'ghcr.io/acme/*' }),
    ]) as [IgnoreRule]
    expect(ruleMatches(rule, vuln())).toBe(true)
    expect(ruleMatches(rule, vuln({ pkgName: 'zlib' } as Partial<Finding>))).toBe(false)
    expect(ruleMatches(rule, vuln({ id: 'CVE-2024-2' }))).toBe(false)
    expect(ruleAppliesToImage(rule, `ghcr.io/acme/api@sha256:${'a'.repeat(64)}`)).toBe(true)
    expect(ruleAppliesToImage(rule, 'ghcr.io/acme/api:1.2')).toBe(true)
    expect(ruleAppliesToImage(rule, 'ghcr.io/other/api')).toBe(false)
    expect(ruleAppliesToImage(rule, 'ghcr.io/acme/team/api')).toBe(false)
  })

  it('the evaluator applies an image-scoped exception to that image only', () => {
    const [rule] = toIgnoreRules([entry('CVE-2024-1', '2027-01-01', { image: 'ghcr.io/acme/api' })])
    const scan = (image: string) => ({
      image,
      metadata: { repoDigests: [], repoTags: [], labels: {}, history: [] },
      packages: {},
      findings: [vuln()],
      suppressed: [],
      artifacts: { trivyJson: '' },
    })
    const result = evaluate([scan('ghcr.io/acme/api'), scan('ghcr.io/acme/web')], {
      failOn: 'HIGH',
      ignoreUnfixed: false,
      ignoreRules: [rule as IgnoreRule],
      now: new Date('2026-06-10T00:00:00Z'),
    })
    expect(result.images.map((i) => i.blocking)).toEqual([0, 1])
    expect(result.verdict).toBe('fail')
  })
})
