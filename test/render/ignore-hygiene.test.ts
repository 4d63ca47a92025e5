import { describe, expect, it } from 'vitest'
import type { IgnoreRule, PolicySettings } from '../../src/model.js'
import { evaluate } from '../../src/policy/evaluate.js'
import { parseIgnoreFile } from '../../src/policy/ignore-file.js'
import { renderReportMarkdown } from '../../src/render/report-markdown.js'
import { renderTable } from '../../src/render/table.js'
import { makeReport, vuln } from '../support/report.js'

const NOW = new Date('2026-11-23T12:00:00Z')
const rule = (id: string, line: number, expiresAt?: string): IgnoreRule => ({
  id,
  source: `.trivyignore:${line}`,
  expiresAt,
  kinds: ['vulnerability', 'secret', 'misconfiguration'],
})

describe('ignore hygiene is shown truthfully', () => {
  it('evaluate: an unused entry with a future expiry is unused, not expired; soon-to-expire entries are listed', () => {
    const rules = parseIgnoreFile(
      [
        'CVE-2024-0001 exp:2099-01-01', // unused, far future
        'CVE-2024-0002 exp:2026-12-01', // used, expires in 8 days
        'CVE-2024-0003 exp:2026-01-01', // expired
        'CVE-2024-0004 exp:2027-06-01', // used, far
      ].join('\n'),
      '.trivyignore',
    )
    const scan = {
      image: 'a:1',
      metadata: { repoDigests: [], repoTags: [], labels: {}, history: [] },
      packages: {},
      findings: [vuln('CVE-2024-0002', 'HIGH'), vuln('CVE-2024-0004', 'HIGH')],
      suppressed: [],
      artifacts: { trivyJson: 'x.json' },
    }
    const settings: PolicySettings = {
      failOn: 'HIGH',
      ignoreUnfixed: false,
      ignoreRules: rules,
      now: NOW,
    }
    const result = evaluate([scan], settings)
    expect(result.unusedRules.map((r) => r.id)).toEqual(['CVE-2024-0001'])
    expect(result.expiredRules.map((r) => r.id)).toEqual(['CVE-2024-0003'])
    expect(result.expiringRules.map((r) => r.id)).toEqual(['CVE-2024-0002'])
  })

  it('Markdown: an unused entry with a future expiry never reads "expired"', () => {
    const md = renderReportMarkdown(
      makeReport({
        images: [{ image: 'a:1', findings: [] }],
        unusedRules: [rule('CVE-2024-0001', 1, '2099-01-01')],
      }),
    )
    expect(md).not.toMatch(/expired[^\n]*2099-01-01/)
    expect(md).toMatch(/CVE-2024-0001.*expires 2099-01-01/)
    expect(md).toMatch(/unused/i)
  })

  it('Markdown: soon-to-expire entries are listed with their date', () => {
    const md = renderReportMarkdown(
      makeReport({
        images: [{ image: 'a:1', findings: [] }],
        expiringRules: [rule('CVE-2024-0002', 2, '2026-12-01')],
      }),
    )
    expect(md).toMatch(/expir\w+ soon/i)
    expect(md).toMatch(/CVE-2024-0002.*expires 2026-12-01/)
  })

  it('table: lists expired, unused and soon-to-expire entries, each as what it is', () => {
    const text = renderTable(
      makeReport({
        images: [{ image: 'a:1', findings: [] }],
        expiredRules: [rule('CVE-2024-0003', 3, '2026-01-01')],
        unusedRules: [rule('CVE-2024-0001', 1, '2099-01-01')],
        expiringRules: [rule('CVE-2024-0002', 2, '2026-12-01')],
      }),
    )
    expect(text).toMatch(
      /Expired ignore entry: CVE-2024-0003 \(\.trivyignore:3, expired 2026-01-01\)/,
    )
    expect(text).toMatch(
      /Unused ignore entry: CVE-2024-0001 \(\.trivyignore:1, expires 2099-01-01\)/,
    )
    expect(text).toMatch(
      /Ignore entry expiring soon: CVE-2024-0002 \(\.trivyignore:2, expires 2026-12-01\)/,
    )
  })

  // Same CVE, package and version in two lockfiles: without the target both rows read the same.
  const twins = [
    vuln('CVE-2024-9999', 'HIGH', {
      pkgName: 'rack',
      installedVersion: '2.2.3',
      target: 'app/Gemfile.lock',
      key: 'a',
      pkgClass: 'lang-pkgs',
    }),
    vuln('CVE-2024-9999', 'HIGH', {
      pkgName: 'rack',
      installedVersion: '2.2.3',
      target: 'tools/Gemfile.lock',
      key: 'b',
      pkgClass: 'lang-pkgs',
    }),
  ]

  it('Markdown: rows that would look duplicated show the target that tells them apart', () => {
    const md = renderReportMarkdown(makeReport({ images: [{ image: 'a:1', findings: twins }] }))
    const rows = md.split('\n').filter((l) => l.includes('CVE-2024-9999'))
    expect(rows).toHaveLength(2)
    expect(new Set(rows).size).toBe(2)
    expect(rows[0]).toContain('app/Gemfile.lock')
    expect(rows[1]).toContain('tools/Gemfile.lock')
  })

  it('Markdown: the same for package paths that only differ before the cut', () => {
    const long = (dir: string) =>
      `${dir}/node_modules/very-long-package-name/node_modules/another-nested-dependency/package.json`
    const paths = [long('services/a'), long('services/b')]
    const findings = paths.map((pkgPath, i) =>
      vuln('CVE-2024-8888', 'HIGH', {
        pkgName: 'minimist',
        pkgPath,
        key: `k${i}`,
        target: 'Node.js',
      }),
    )
    const md = renderReportMarkdown(makeReport({ images: [{ image: 'a:1', findings }] }))
    const rows = md.split('\n').filter((l) => l.includes('CVE-2024-8888'))
    expect(new Set(rows).size).toBe(2)
    expect(rows[0]).toContain('services/a')
    expect(rows[1]).toContain('services/b')
  })

  it('table: rows that would look duplicated show the target', () => {
    const text = renderTable(makeReport({ images: [{ image: 'a:1', findings: twins }] }))
    const rows = text.split('\n').filter((l) => l.includes('CVE-2024-9999'))
    expect(new Set(rows).size).toBe(2)
    expect(rows.join('\n')).toContain('app/Gemfile.lock')
    expect(rows.join('\n')).toContain('tools/Gemfile.lock')
  })
})
