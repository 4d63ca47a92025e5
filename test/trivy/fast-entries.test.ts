import { describe, expect, it } from 'vitest'
import { acceptInPlace } from '../../scanners/trivy/fast-entries.js'
import { parseTrivyReport } from '../../scanners/trivy/parse.js'

const vuln = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  VulnerabilityID: 'CVE-1',
  PkgName: 'openssl',
  Severity: ' high',
  ...extra,
})

describe('findings checked in place (no zod copy) only when the schema would accept them', () => {
  it('normalises every entry of an accepted list as the schema does', () => {
    const list = [vuln(), vuln({ Severity: undefined, InstalledVersion: undefined })]
    expect(acceptInPlace('Vulnerabilities', list)).toBe(true)
    expect(list.map((v) => [v.Severity, v.InstalledVersion])).toEqual([
      ['HIGH', ''],
      ['UNKNOWN', ''],
    ])
  })

  it.each([
    ['a severity Trivy never writes', { Severity: 'SEVERE' }],
    ['null where a string belongs', { Title: null }],
    ['a CVSS score as text', { CVSS: { nvd: { V3Score: '9.8' } } }],
    ['a reference that is not text', { References: [1] }],
    ['an id that is not text', { VulnerabilityID: 7 }],
  ])('leaves the whole list to zod, untouched, for %s', (_what, bad) => {
    const list = [vuln(), vuln(bad)]
    const before = structuredClone(list)
    expect(acceptInPlace('Vulnerabilities', list)).toBe(false)
    expect(list).toEqual(before)
  })

  it('a report with one bad entry after many good ones is still refused, naming the entry', () => {
    const entries = Array.from({ length: 500 }, (_, i) => vuln({ VulnerabilityID: `CVE-${i}` }))
    entries.push(vuln({ VulnerabilityID: 'CVE-BAD', Severity: 'nope' }))
    const text = JSON.stringify({
      SchemaVersion: 2,
      ArtifactName: 'a:1',
      Results: [{ Target: 't', Vulnerabilities: entries }],
    })
    expect(() => parseTrivyReport(text, 'r.json')).toThrow(
      /Results\.0\.Vulnerabilities\.500\.Severity \(CVE-BAD in openssl\)/,
    )
  })

  it('an accepted list reaches the parsed report normalised', () => {
    const text = JSON.stringify({
      SchemaVersion: 2,
      ArtifactName: 'a:1',
      Results: [
        { Target: 't', Vulnerabilities: [vuln()], Secrets: [{ RuleID: 'k', Severity: 'low' }] },
      ],
    })
    const report = parseTrivyReport(text, 'r.json')
    expect(report.Results?.[0]?.Vulnerabilities?.[0]).toMatchObject({
      Severity: 'HIGH',
      InstalledVersion: '',
    })
    expect(report.Results?.[0]?.Secrets?.[0]?.Severity).toBe('LOW')
  })
})
