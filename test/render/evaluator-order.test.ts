import { expect, it } from 'vitest'
import type { ShipgateReport } from '../../src/model.js'
import { inEvaluatorOrder } from '../../src/policy/evaluate.js'
import { renderReportMarkdown } from '../../src/render/report-markdown.js'
import { fixturePath } from '../support/fixtures.js'
import { reportFromTrivyFile, vuln } from '../support/report.js'

// The renderer trusts the order of the lists `evaluate` made instead of checking it pair by
// pair (src/policy/evaluate.ts, `madeInOrder`); these say when it must not.

const JUICE = fixturePath('securecodebox__juice-shop-v10.2.0.json')
const opts = { summaryUrl: 'https://github.com/o/r/actions/runs/1' }

const withFindings = (
  report: ShipgateReport,
  findings: ShipgateReport['images'][0]['findings'],
) => ({
  ...report,
  images: [{ ...(report.images[0] as ShipgateReport['images'][0]), findings }],
})

it("renders the evaluator's own list as it comes, and any other list sorted into the same order", async () => {
  const report = await reportFromTrivyFile(JUICE)
  const findings = report.images[0]?.findings ?? []
  expect(findings.length).toBeGreaterThan(200)
  expect(inEvaluatorOrder(findings)).toBe(true)
  // A list made elsewhere (a report read back from its file): sorted, to the same document.
  const reversed = withFindings(report, [...findings].reverse())
  expect(inEvaluatorOrder(reversed.images[0]?.findings ?? [])).toBe(false)
  expect(renderReportMarkdown(reversed, opts)).toBe(renderReportMarkdown(report, opts))
})

it('sorts again a list that grew after the evaluator made it', async () => {
  const report = await reportFromTrivyFile(JUICE)
  const findings = report.images[0]?.findings ?? []
  const firstCritical = findings.find((e) => e.finding.severity === 'CRITICAL')?.finding.id
  expect(firstCritical).toBeDefined()
  // Pushed last, it outranks every finding of the report: critical, fixable, CVSS 10, and an
  // ID that collates first.
  findings.push({
    finding: vuln('CVE-0000-0001', 'CRITICAL', { fixedVersion: '9.9', cvssScore: 10 }),
  })
  expect(inEvaluatorOrder(findings)).toBe(false)
  const md = renderReportMarkdown(report, opts)
  expect(md.indexOf('CVE-0000-0001')).toBeGreaterThan(-1)
  expect(md.indexOf('CVE-0000-0001')).toBeLessThan(md.indexOf(firstCritical as string))
})
