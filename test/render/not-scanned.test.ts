import { describe, expect, it } from 'vitest'
import type { ShipgateReport } from '../../src/model.js'
import { renderReportMarkdown } from '../../src/render/report-markdown.js'
import { renderTable } from '../../src/render/table.js'
import { makeReport, vuln } from '../support/report.js'

/** One scanned image and one Trivy could not scan, as the pipeline assembles them. */
function partial(): ShipgateReport {
  const { totals: _totals, ...report } = makeReport({
    images: [{ image: 'ghcr.io/acme/web:1', findings: [vuln('CVE-1', 'MEDIUM')] }],
    reason: 'Incomplete: 1 error stopped the scan (Trivy exited with code 2)',
  })
  return {
    ...report,
    verdict: 'fail',
    notScanned: [
      { image: 'ghcr.io/acme/api:1', reason: 'Trivy exited with code 2 while scanning' },
    ],
  }
}

describe('an image that was not scanned is shown as such, never as zeros', () => {
  it('Markdown: a "not scanned" section for it, counts only for the scanned one', () => {
    const md = renderReportMarkdown(partial())
    expect(md).toMatch(/❌ <code>ghcr\.io\/acme\/api:1<\/code>: not scanned/)
    expect(md).toContain('1 not scanned')
    const section = md.slice(md.indexOf('ghcr.io/acme/api:1</code>: not scanned'))
    expect(section.split('####')[0]).not.toMatch(/\|\s*0\s*\|/)
  })

  it('table: NOT SCANNED and no row of counts for it', () => {
    const text = renderTable(partial())
    expect(text).toMatch(/ghcr\.io\/acme\/api:1: NOT SCANNED, no counts/)
    expect(text.match(/^found /gm)).toHaveLength(1)
  })
})
