/**
 * Every real Trivy report in test/fixtures/trivy, through the real parser and policy, rendered
 * as the PR comment: checked for what a reviewer must see, not by snapshot.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { marked } from 'marked'
import { describe, expect, it } from 'vitest'
import { commentMarker } from '../../src/github/marker.js'
import { SEVERITIES, type ShipgateReport } from '../../src/model.js'
import {
  COMMENT_MAX_LENGTH,
  renderReportMarkdown,
  SUMMARY_MAX_LENGTH,
} from '../../src/render/report-markdown.js'
import { reportFromTrivyFile } from '../support/report.js'

const DIR = join(import.meta.dirname, '../fixtures/trivy')
const TRIVY_JSON = readdirSync(DIR).filter((name) => {
  if (!/\.json(\.golden)?$/.test(name)) return false
  const root = JSON.parse(readFileSync(join(DIR, name), 'utf8'))
  return root.SchemaVersion === 2 && 'ArtifactName' in root
})

const LABEL = {
  CRITICAL: '🟥 Critical',
  HIGH: '🟧 High',
  MEDIUM: '🟨 Medium',
  LOW: '🟦 Low',
  UNKNOWN: '⬜ Unknown',
}

/** Rows of finding tables: a severity label first and six cells (severity tables have 4-5). */
function findingRows(md: string): string[] {
  return md.split('\n').filter((l) => {
    if (!/^\| (🟥|🟧|🟨|🟦|⬜) /.test(l)) return false
    const cells = l.split(/(?<!\\)\|/).slice(1, -1)
    return cells.length >= 6
  })
}

describe('rendering every real Trivy report', () => {
  it('found the fixtures', () => {
    expect(TRIVY_JSON.length).toBeGreaterThanOrEqual(14)
    expect(TRIVY_JSON).toContain('securecodebox__juice-shop-v10.2.0.json')
  })

  for (const name of TRIVY_JSON) {
    describe(name, async () => {
      const report: ShipgateReport = await reportFromTrivyFile(join(DIR, name))
      const image = report.images[0]
      if (!image) throw new Error('no image')
      const marker = commentMarker(image.image)
      const md = renderReportMarkdown(report, {
        marker,
        summaryUrl: 'https://github.com/o/r/actions/runs/1',
      })
      const counted = image.findings.filter((f) => !f.ignored)

      it('first line: verdict and why', () => {
        const first = md.split('\n')[0] ?? ''
        expect(first).toMatch(report.verdict === 'fail' ? /^### ❌ Blocked/ : /^### ✅ Passed/)
      })

      it('severity table matches the evaluation', () => {
        for (const s of SEVERITIES) {
          if (s === 'UNKNOWN' && image.counts[s] === 0 && image.ignored[s] === 0) continue
          const found = image.counts[s] > 0 ? `**${image.counts[s]}**` : '0'
          expect(md).toContain(
            `| ${LABEL[s]} | ${found} | ${image.fixable[s]} | ${image.ignored[s]} |`,
          )
        }
      })

      it('lists the findings most severe and fixable first, each once', () => {
        const rows = findingRows(md)
        // The comment may be cut to fit 65,536 characters; it then says how many rows it left out.
        const left = [...md.matchAll(/_…and ([\d,]+) more rows? left out/g)].reduce(
          (n, m) => n + Number(m[1]?.replace(/,/g, '')),
          0,
        )
        expect(rows.length + left).toBe(counted.length)
        if (left > 0) expect(md).toContain('did not fit into this comment')
        const first = counted[0]
        if (first) {
          expect(rows[0]).toContain(first.finding.id.replace(/[\\`*_[\]{}~|$]/g, (c) => `\\${c}`))
          expect(rows[0]).toContain(LABEL[first.finding.severity])
        }
        const severities = rows.map((r) =>
          SEVERITIES.findIndex((s) => r.startsWith(`| ${LABEL[s]}`)),
        )
        expect(severities).toEqual([...severities].sort((a, b) => a - b))
      })

      it('fits a comment, ends with the marker and renders cleanly', () => {
        expect(Buffer.byteLength(md)).toBeLessThanOrEqual(COMMENT_MAX_LENGTH)
        expect(md.trimEnd().endsWith(marker)).toBe(true)
        const html = marked.parse(md, { gfm: true, async: false }) as string
        expect(html).not.toMatch(/<(script|img|iframe|style)\b/)
        expect(html.match(/<details/g)?.length ?? 0).toBe(html.match(/<\/details>/g)?.length ?? 0)
        expect(md).toContain('no comparison was made')
      })

      it('the job summary carries every finding', () => {
        const summary = renderReportMarkdown(report, { maxLength: SUMMARY_MAX_LENGTH })
        expect(findingRows(summary).length).toBe(counted.length)
        expect(summary).not.toContain('did not fit')
      })
    })
  }
})
