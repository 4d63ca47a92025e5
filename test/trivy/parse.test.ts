import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { toImageScan } from '../../scanners/trivy/normalize.js'
import { parseTrivyReport, TrivyReportError } from '../../scanners/trivy/parse.js'
import { emptyCounts, type Finding, type SeverityCounts } from '../../src/model.js'
import { fixturePath, JSON_REPORTS, OTHER_FORMATS, scanFixture } from '../support/fixtures.js'

function bySeverity(findings: Finding[], kind?: Finding['kind']): SeverityCounts {
  const c = emptyCounts()
  for (const f of findings) if (!kind || f.kind === kind) c[f.severity]++
  return c
}
const counts = (partial: Partial<SeverityCounts>) => ({ ...emptyCounts(), ...partial })

// Expected figures come from PROVENANCE.md, which counted them from Trivy's own goldens.
describe('parseTrivyReport on every real report', () => {
  it.each(JSON_REPORTS)('accepts %s', (name) => {
    expect(() => scanFixture(name)).not.toThrow()
  })

  it.each(OTHER_FORMATS)('rejects %s and names the format', (name) => {
    const path = fixturePath(name)
    expect(() => parseTrivyReport(readFileSync(path, 'utf8'), path)).toThrow(
      /is a (SARIF|CycloneDX SBOM|SPDX SBOM|GitHub dependency snapshot), not a Trivy JSON report/,
    )
  })

  it('counts one finding per vulnerability entry (juice-shop: 236 vulns + 1 secret)', () => {
    const scan = scanFixture('securecodebox__juice-shop-v10.2.0.json')
    expect(bySeverity(scan.findings, 'vulnerability')).toEqual(
      counts({ CRITICAL: 25, HIGH: 128, MEDIUM: 67, LOW: 16 }),
    )
    expect(
      new Set(scan.findings.filter((f) => f.kind === 'vulnerability').map((f) => f.id)).size,
    ).toBe(141)
    const secrets = scan.findings.filter((f) => f.kind === 'secret')
    expect(secrets).toHaveLength(1)
    expect(secrets[0]).toMatchObject({
      id: 'private-key',
      severity: 'HIGH',
      target: '/juice-shop/lib/insecurity.js',
    })
    expect(scan.metadata.os).toEqual({ family: 'alpine', name: '3.11.5', eosl: true })
    expect(scan.digest).toMatch(/^sha256:[0-9a-f]{64}$/)
    const fixable = scan.findings.filter((f) => f.kind === 'vulnerability' && f.fixable)
    expect(fixable).toHaveLength(227)
  })

  it('a CVE on two packages is two findings (alpine 3.10)', () => {
    const scan = scanFixture('alpine-310.json.golden')
    expect(scan.findings.map((f) => f.id).sort()).toEqual([
      'CVE-2019-1549',
      'CVE-2019-1549',
      'CVE-2019-1551',
      'CVE-2019-1551',
    ])
    expect(bySeverity(scan.findings)).toEqual(counts({ MEDIUM: 4 }))
  })

  it('keeps UNKNOWN severities and non-CVE IDs (gomod)', () => {
    const scan = scanFixture('gomod.json.golden')
    expect(bySeverity(scan.findings)).toEqual(counts({ MEDIUM: 1, UNKNOWN: 4 }))
    expect(scan.findings.filter((f) => f.id === 'GMS-2022-20')).toHaveLength(3)
  })

  it('reads statuses: affected and will_not_fix are not fixable', () => {
    const buster = scanFixture('debian-buster.json.golden')
    const bash = buster.findings.find((f) => f.kind === 'vulnerability' && f.pkgName === 'bash')
    expect(bash).toMatchObject({
      severity: 'LOW',
      status: 'affected',
      fixable: false,
      fixedVersion: undefined,
    })
    const centos = scanFixture('centos-7.json.golden')
    expect(
      centos.findings.find((f) => f.kind === 'vulnerability' && f.status === 'will_not_fix'),
    ).toBeDefined()
    const libidn = buster.findings.find(
      (f) => f.kind === 'vulnerability' && f.pkgName === 'libidn2-0',
    )
    expect(libidn).toMatchObject({
      severity: 'CRITICAL',
      fixable: true,
      fixedVersion: '2.0.5-1+deb10u1',
    })
  })

  it('keeps comma-separated fixed versions as they are (fluentd gems)', () => {
    const scan = scanFixture('fluentd-gems.json.golden')
    const gem = scan.findings.find(
      (f) => f.kind === 'vulnerability' && f.pkgName === 'activesupport',
    )
    expect(gem).toMatchObject({
      fixedVersion: '6.0.3.1, 5.2.4.3',
      pkgClass: 'lang-pkgs',
      severity: 'HIGH',
    })
    expect(gem && 'pkgPath' in gem && gem.pkgPath).toBeTruthy()
  })

  it('secrets and misconfigurations are findings with their own severity', () => {
    expect(bySeverity(scanFixture('secrets.json.golden').findings, 'secret')).toEqual(
      counts({ CRITICAL: 1, HIGH: 1 }),
    )
    const misconf = scanFixture('dockerfile.json.golden').findings
    expect(misconf).toHaveLength(1)
    expect(misconf[0]).toMatchObject({ kind: 'misconfiguration', id: 'DS-0002', severity: 'HIGH' })
  })

  it('a clean image has no findings and a Result without Vulnerabilities is fine', () => {
    const scan = scanFixture('sl-micro-rancher5.4.json.golden')
    expect(scan.findings).toEqual([])
    expect(scan.metadata.os?.family).toBe('slem')
  })

  it('keeps Trivy-suppressed findings apart and counts packages when listed', () => {
    const scan = scanFixture('convert__npm-with-suppressed.json.golden')
    expect(scan.findings.map((f) => f.id)).toEqual(['CVE-2017-20165'])
    expect(scan.suppressed).toEqual([
      expect.objectContaining({
        id: 'CVE-2017-16137',
        status: 'not_affected',
        source: './vex.json',
      }),
    ])
    expect(scanFixture('npm.json.golden').packages).toEqual({ lang: 12 })
  })

  it('counts exact duplicates once', () => {
    const path = fixturePath('alpine-310.json.golden')
    const report = JSON.parse(readFileSync(path, 'utf8'))
    const vulns = report.Results[0].Vulnerabilities
    report.Results[0].Vulnerabilities = [...vulns, ...vulns]
    const parsed = parseTrivyReport(JSON.stringify(report), 'dup.json')
    expect(parsed.Results?.[0]?.Vulnerabilities).toHaveLength(8)
    expect(toImageScan(parsed, { artifacts: { trivyJson: 'dup.json' } }).findings).toHaveLength(4)
  })
})

describe('parseTrivyReport rejects garbage with a clear error naming the file', () => {
  it.each([
    ['', /report out\.json: is empty/],
    ['FATAL image scan error: unable to find the specified image', /report out\.json: is not JSON/],
    ['{"SchemaVersion": 3, "Results": []}', /SchemaVersion 3/],
    [
      '{"SchemaVersion": 2, "ArtifactName": "a:1", "Results": [{"Target": "x", "Vulnerabilities": [{"PkgName": "a"}]}]}',
      /Results\.0\.Vulnerabilities\.0\.VulnerabilityID/,
    ],
    ['{"SchemaVersion": 2, "ArtifactName": "a:1", "Results": {"oops": true}}', /Results/],
    ['{"foo": 1}', /SchemaVersion/],
    ['[1, 2]', /bare array/],
  ])('%j', (text, message) => {
    expect(() => parseTrivyReport(text, 'out.json')).toThrow(TrivyReportError)
    expect(() => parseTrivyReport(text, 'out.json')).toThrow(message)
  })

  it('refuses a bare array (SchemaVersion 1, Trivy < 0.19), even an empty one', () => {
    for (const text of [
      '[]',
      '[{"Target": "x (alpine 3.9)", "Vulnerabilities": [{"VulnerabilityID": "CVE-1", "PkgName": "a", "InstalledVersion": "1", "Severity": "HIGH"}]}]',
    ]) {
      expect(() => parseTrivyReport(text, 'v1.json')).toThrow(TrivyReportError)
      expect(() => parseTrivyReport(text, 'v1.json')).toThrow(/bare array .*SchemaVersion 2/)
    }
  })

  it.each([
    // Trivy omits an empty Results (Go omitempty): a clean scratch image has none.
    ['{"SchemaVersion":2,"ArtifactName":"a:1"}', null],
    ['{"SchemaVersion":2,"ArtifactName":"a:1","Results":[]}', null],
    ['{"SchemaVersion":2,"Results":[]}', /no ArtifactName/],
    ['{"SchemaVersion":2,"ArtifactName":"","Results":[]}', /no ArtifactName/],
    ['{"ArtifactName":"a:1","Results":[]}', /no SchemaVersion/],
  ])('needs SchemaVersion 2 and ArtifactName: %s', (text, message) => {
    if (message === null) expect(() => parseTrivyReport(text, 'x.json')).not.toThrow()
    else {
      expect(() => parseTrivyReport(text, 'x.json')).toThrow(TrivyReportError)
      expect(() => parseTrivyReport(text, 'x.json')).toThrow(message)
    }
  })

  it('accepts what Trivy 0.74 really writes for a scan with nothing to report (no Results)', () => {
    // `trivy fs --scanners secret --format json empty/` (v0.74.0), byte for byte: Go's
    // omitempty drops Results, so an absent Results is a clean scan, not a malformed report.
    const text = `{
  "SchemaVersion": 2,
  "Trivy": {
    "Version": "0.74.0"
  },
  "ReportID": "01a229d0-a2af-7597-b83e-05991fa4b8df",
  "CreatedAt": "2026-11-30T00:17:48.719367903Z",
  "ArtifactName": "empty",
  "ArtifactType": "filesystem"
}`
    const scan = toImageScan(parseTrivyReport(text, 'empty.json'), {
      artifacts: { trivyJson: 'empty.json' },
    })
    expect(scan.findings).toEqual([])
  })

  it.each([
    [
      '{"SchemaVersion":2,"ArtifactName":"a:1","results":[{"Target":"t","Vulnerabilities":[]}]}',
      /"results".*"Results"/,
    ],
    [
      '{"SchemaVersion":2,"ArtifactName":"a:1","Results":[{"Target":"t","vulnerabilities":[{"VulnerabilityID":"CVE-1","PkgName":"p","Severity":"CRITICAL"}]}]}',
      /Results\.0: "vulnerabilities".*"Vulnerabilities"/,
    ],
    [
      '{"SchemaVersion":2,"ArtifactName":"a:1","Results":[{"Target":"t","VULNERABILITIES":[]}]}',
      /"VULNERABILITIES"/,
    ],
    [
      '{"SchemaVersion":2,"ArtifactName":"a:1","Results":[{"Target":"t","Secrets":[{"RuleID":"r","severity":"HIGH"}]}]}',
      /"severity".*"Severity"/,
    ],
    ['{"schemaVersion":2,"ArtifactName":"a:1","Results":[]}', /"schemaVersion"/],
  ])('refuses a known field in another case: %s', (text, message) => {
    expect(() => parseTrivyReport(text, 'x.json')).toThrow(TrivyReportError)
    expect(() => parseTrivyReport(text, 'x.json')).toThrow(message)
  })

  const withSeverity = (severity: string) =>
    JSON.stringify({
      SchemaVersion: 2,
      ArtifactName: 'a:1',
      Results: [
        {
          Target: 't',
          Vulnerabilities: [
            {
              VulnerabilityID: 'CVE-2024-1',
              PkgName: 'openssl',
              InstalledVersion: '1',
              Severity: severity,
            },
          ],
        },
      ],
    })

  it.each(['CRIT', 'SEVERE', '', 'NEGLIGIBLE', 'CRITICAL!'])(
    "refuses a severity outside Trivy's set (%j), naming the finding",
    (severity) => {
      expect(() => parseTrivyReport(withSeverity(severity), 'x.json')).toThrow(TrivyReportError)
      expect(() => parseTrivyReport(withSeverity(severity), 'x.json')).toThrow(
        /CVE-2024-1 .*openssl.*severity .*UNKNOWN, LOW, MEDIUM, HIGH or CRITICAL/,
      )
    },
  )

  it.each([
    ['CRITICAL ', 'CRITICAL'],
    [' high', 'HIGH'],
    ['Medium', 'MEDIUM'],
    ['low', 'LOW'],
    ['unknown', 'UNKNOWN'],
  ])('trims and upper-cases a known severity (%j)', (severity, expected) => {
    const r = parseTrivyReport(withSeverity(severity), 'x.json')
    expect(toImageScan(r, { artifacts: { trivyJson: 'x.json' } }).findings[0]?.severity).toBe(
      expected,
    )
  })

  it.each([
    ['FAIL', 1],
    ['fail', 1],
    ['FAILED', 1],
    ['', 1],
    ['PASS', 0],
    ['EXCEPTION', 0],
  ])(
    'a misconfiguration with Status %j is %i finding(s): only PASS and EXCEPTION are set aside',
    (status, n) => {
      const report = {
        SchemaVersion: 2,
        ArtifactName: 'a:1',
        Results: [
          {
            Target: 'Dockerfile',
            Class: 'config',
            Misconfigurations: [{ ID: 'DS-0002', Severity: 'HIGH', Status: status }],
          },
        ],
      }
      const parsed = parseTrivyReport(JSON.stringify(report), 'x.json')
      expect(toImageScan(parsed, { artifacts: { trivyJson: 'x.json' } }).findings).toHaveLength(n)
    },
  )

  it('refuses a field spelt in another case, naming where: it would read as absent', () => {
    // `severity` for `Severity` would read as UNKNOWN and pass a critical-only gate.
    const entry = (i: number) => ({
      VulnerabilityID: `CVE-2024-${i}`,
      PkgName: 'a',
      Severity: 'HIGH',
    })
    const report = (miscased: Record<string, unknown>) => ({
      SchemaVersion: 2,
      ArtifactName: 'a:1',
      Results: [
        { Target: 'x', Vulnerabilities: [entry(1)] },
        { Target: 'y', Vulnerabilities: [entry(2), entry(3), miscased] },
      ],
    })
    const { Severity: _, ...bare } = entry(4)
    expect(() =>
      parseTrivyReport(JSON.stringify(report({ ...bare, severity: 'CRITICAL' })), 'x.json'),
    ).toThrow(
      'report x.json: Results.1.Vulnerabilities.2: "severity" is not a Trivy field; Trivy writes "Severity".',
    )
    const top = { ...report(entry(5)), results: [] }
    expect(() => parseTrivyReport(JSON.stringify(top), 'x.json')).toThrow(
      'report x.json: "results" is not a Trivy field; Trivy writes "Results".',
    )
    const inResult = report(entry(6))
    ;(inResult.Results[1] as Record<string, unknown>).target = 'z'
    expect(() => parseTrivyReport(JSON.stringify(inResult), 'x.json')).toThrow(
      'Results.1: "target" is not a Trivy field; Trivy writes "Target".',
    )
  })

  it('refuses an unknown severity on secrets and misconfigurations too', () => {
    const secret = {
      SchemaVersion: 2,
      ArtifactName: 'a:1',
      Results: [
        { Target: '/app/key.pem', Secrets: [{ RuleID: 'private-key', Severity: 'SEVERE' }] },
      ],
    }
    expect(() => parseTrivyReport(JSON.stringify(secret), 'x.json')).toThrow(/private-key/)
    const misconfig = {
      SchemaVersion: 2,
      ArtifactName: 'a:1',
      Results: [{ Target: 'Dockerfile', Misconfigurations: [{ ID: 'DS-0002', Severity: 'CRIT' }] }],
    }
    expect(() => parseTrivyReport(JSON.stringify(misconfig), 'x.json')).toThrow(/DS-0002/)
  })
})
