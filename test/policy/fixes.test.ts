import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { toImageScan } from '../../scanners/trivy/normalize.js'
import { parseTrivyReport } from '../../scanners/trivy/parse.js'
import { type EvaluatedFinding, SEVERITIES, type VulnerabilityFinding } from '../../src/model.js'
import { evaluate } from '../../src/policy/evaluate.js'
import { compareVersions, describeUpgrade, fixFirst } from '../../src/policy/fixes.js'
import { COMMENT_MAX_LENGTH, renderReportMarkdown } from '../../src/render/report-markdown.js'
import { renderTable } from '../../src/render/table.js'
import { imageReportOf, shipgateReport } from '../../src/report/assemble.js'
import { fixturePath } from '../support/fixtures.js'

function vuln(p: Partial<VulnerabilityFinding> & { id: string }): EvaluatedFinding {
  return {
    finding: {
      kind: 'vulnerability',
      severity: 'HIGH',
      target: 'img (debian 12)',
      key: `${p.id}-${p.pkgName ?? 'openssl'}`,
      pkgName: 'openssl',
      pkgId: 'openssl@3.0.2',
      pkgClass: 'os-pkgs',
      installedVersion: '3.0.2',
      fixedVersion: '3.0.15',
      fixable: true,
      ...p,
    },
  }
}

describe('fix first', () => {
  it('groups by package and orders by what an upgrade removes', () => {
    const plan = fixFirst([
      vuln({ id: 'CVE-1', severity: 'CRITICAL', fixedVersion: '3.0.9' }),
      vuln({ id: 'CVE-2', severity: 'HIGH', fixedVersion: '3.0.15' }),
      vuln({
        id: 'CVE-3',
        severity: 'HIGH',
        pkgName: 'zlib',
        installedVersion: '1.2',
        fixedVersion: '1.3',
      }),
      vuln({
        id: 'CVE-4',
        severity: 'HIGH',
        pkgName: 'zlib',
        installedVersion: '1.2',
        fixedVersion: '1.3',
      }),
      vuln({
        id: 'CVE-5',
        severity: 'CRITICAL',
        pkgName: 'curl',
        fixable: false,
        fixedVersion: undefined,
      }),
    ])
    expect(plan.upgrades.map(describeUpgrade)).toEqual([
      // One critical outranks any number of highs.
      'openssl 3.0.2 → 3.0.15 fixes 1 critical, 1 high',
      'zlib 1.2 → 1.3 fixes 2 high',
    ])
    expect(plan.noFix.CRITICAL).toBe(1)
    expect(plan.noFixTotal).toBe(1)
  })

  it('ignored findings and non-vulnerabilities are not in the plan', () => {
    const ignored = vuln({ id: 'CVE-9' })
    ignored.ignored = { by: 'unfixed' }
    const plan = fixFirst([
      ignored,
      {
        finding: {
          kind: 'secret',
          id: 'aws-key',
          severity: 'CRITICAL',
          target: '/app/.env',
          key: 's',
        },
      },
    ])
    expect(plan.upgrades).toEqual([])
    expect(plan.noFixTotal).toBe(0)
  })

  it('several release branches: picks the fix on the installed line, and says so when it cannot', () => {
    const plan = fixFirst([
      vuln({
        id: 'CVE-R',
        pkgName: 'rails',
        installedVersion: '5.2.4.1',
        fixedVersion: '6.0.3.1, 5.2.4.3',
      }),
    ])
    expect(plan.upgrades[0]?.to).toBe('5.2.4.3')
    expect(plan.upgrades[0]?.exact).toBe(true)
    // A fixed version below the installed one cannot be ordered sensibly: show every fix.
    const odd = fixFirst([vuln({ id: 'CVE-O', installedVersion: '9.9', fixedVersion: '1.0, 2.0' })])
    expect(odd.upgrades[0]?.exact).toBe(false)
    expect(describeUpgrade(odd.upgrades[0] as never)).toContain('(fixed in 1.0, 2.0)')
  })

  it('orders versions as package managers do, well enough to pick an upgrade', () => {
    expect(compareVersions('3.0.15', '3.0.9')).toBeGreaterThan(0)
    expect(compareVersions('1:1.0', '2.0')).toBeGreaterThan(0) // epoch wins
    expect(compareVersions('1.0', '1.0rc1')).toBeGreaterThan(0)
    expect(compareVersions('1.0', '1.0.1')).toBeLessThan(0)
    expect(compareVersions('v2.1.0', '2.1.0')).toBe(0)
    expect(compareVersions('1.1.1n-0+deb11u4', '1.1.1n-0+deb11u3')).toBeGreaterThan(0)
  })

  it('on a real report, every counted vulnerability is removed by one upgrade or counted as no fix', () => {
    const file = fixturePath('securecodebox__juice-shop-v10.2.0.json')
    const scan = toImageScan(parseTrivyReport(readFileSync(file, 'utf8'), file), {
      artifacts: { trivyJson: file },
    })
    const ev = evaluate([scan], {
      failOn: 'HIGH',
      ignoreUnfixed: false,
      ignoreRules: [],
      now: new Date(),
    })
    const image = ev.images[0]
    if (!image) throw new Error('no image')
    const plan = fixFirst(image.findings)
    const counted = image.findings.filter((f) => !f.ignored && f.finding.kind === 'vulnerability')
    const removed = plan.upgrades.reduce((n, u) => n + u.total, 0)
    expect(removed + plan.noFixTotal).toBe(counted.length)
    expect(plan.upgrades.length).toBeGreaterThan(5)
    for (let i = 1; i < plan.upgrades.length; i++) {
      const a = plan.upgrades[i - 1]
      const b = plan.upgrades[i]
      if (!a || !b) continue
      const ka = SEVERITIES.map((s) => a.removes[s])
      const kb = SEVERITIES.map((s) => b.removes[s])
      const first = ka.findIndex((x, j) => x !== kb[j])
      if (first >= 0) expect(ka[first]).toBeGreaterThan(kb[first] as number)
    }
  })
})

describe('fix first in the comment, the summary and the CLI table', () => {
  function reportOf(mutate?: (r: Record<string, unknown>) => void) {
    const file = fixturePath('securecodebox__juice-shop-v10.2.0.json')
    const raw = JSON.parse(readFileSync(file, 'utf8'))
    mutate?.(raw)
    const scan = toImageScan(parseTrivyReport(JSON.stringify(raw), file), {
      artifacts: { trivyJson: file },
    })
    const ev = evaluate([scan], {
      failOn: 'HIGH',
      ignoreUnfixed: false,
      ignoreRules: [],
      now: new Date(),
    })
    return shipgateReport({
      evaluation: ev,
      images: ev.images.map((e) => imageReportOf(scan, e)),
      version: 'test',
      createdAt: new Date(),
      ignoreUnfixed: false,
    })
  }

  it('lists the most effective upgrades first, bounded, with the rest in the JSON report', () => {
    const report = reportOf()
    const plan = report.images[0]?.fixFirst
    expect(plan?.upgrades.length).toBeGreaterThan(5)
    const md = renderReportMarkdown(report, { maxLength: COMMENT_MAX_LENGTH })
    const section = md.slice(md.indexOf('**Fix first**'))
    const lines = section.split('\n').slice(1, 7)
    expect(lines[0]).toBe(`- ${describeUpgrade(plan?.upgrades[0] as never)}`)
    expect(lines[5]).toMatch(/^- …and \d+ more upgrades \(all in the JSON report\)$/)
    expect(renderTable(report)).toContain(
      `fix first:\n  ${describeUpgrade(plan?.upgrades[0] as never)}`,
    )
  })

  it('a hostile package name is escaped, never markup or a mention', () => {
    const report = reportOf((raw) => {
      const results = raw.Results as { Vulnerabilities?: Record<string, unknown>[] }[]
      const v = results
        .flatMap((r) => r.Vulnerabilities ?? [])
        .find((x) => x.Severity === 'CRITICAL')
      if (!v) throw new Error('fixture has no critical')
      v.PkgName = '<img src=x onerror=alert(1)>@octocat'
    })
    const md = renderReportMarkdown(report, { maxLength: COMMENT_MAX_LENGTH })
    const section = md.slice(md.indexOf('**Fix first**'), md.indexOf('**What this change does**'))
    expect(section).not.toContain('<img')
    expect(section).not.toMatch(/(^|[^`\\])@octocat/)
  })
})
