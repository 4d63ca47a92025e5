/**
 * Issue bodies and the summary carry text from outside (finding IDs, package names, titles,
 * error messages): it renders as that text, never as mentions, links, HTML or markup, and the
 * body stays within GitHub's limit with the marker last.
 */
import { marked } from 'marked'
import { describe, expect, it } from 'vitest'
import { findingHash, rescanMarker } from '../../src/rescan/marker.js'
import { closingComment, issueBody, rescanSummary } from '../../src/rescan/render.js'
import type { ImageOutcome, RescanResult } from '../../src/rescan/result.js'
import { makeReport, vuln } from '../support/report.js'

const IMAGE = 'ghcr.io/acme/api:1'
const HOSTILE =
  '@octocat <img src=x onerror=alert(1)> [click](javascript:alert(1)) #1 https://evil.example'

function outcome(extra: Partial<ImageOutcome> = {}): ImageOutcome {
  return {
    image: IMAGE,
    key: IMAGE,
    digest: `sha256:${'b'.repeat(64)}`,
    via: 'tag',
    verdict: 'fail',
    reason: 'Blocked: 1 high at or above the high threshold',
    blocking: 1,
    previous: 'known',
    newSince: [{ id: HOSTILE, pkg: HOSTILE }],
    fixedSince: [{ id: 'CVE-1', pkg: HOSTILE }],
    fixedUnnamed: 2,
    issue: { action: 'updated', number: 3 },
    errors: [],
    ...extra,
  }
}

function hostileReport(count = 1) {
  return makeReport({
    images: [
      {
        image: `ghcr.io/acme/api@sha256:${'b'.repeat(64)}`,
        findings: Array.from({ length: count }, (_, i) =>
          vuln(`CVE-2026-${i}`, 'HIGH', { pkgName: HOSTILE, title: HOSTILE }),
        ),
      },
    ],
  })
}

/** What GitHub would render, reduced to the things that must never appear. */
function dangers(markdown: string): string[] {
  const html = marked.parse(markdown, { async: false }) as string
  const found: string[] = []
  if (/<img/i.test(html)) found.push('img tag')
  if (/href="javascript:/i.test(html)) found.push('javascript link')
  // Inside <code> a bare URL stays whole by design (render/markdown.ts `code`): check outside it.
  if (/href="https:\/\/evil/i.test(html.replace(/<code>[\s\S]*?<\/code>/g, '')))
    found.push('autolink')
  if (/(^|[^\w\u200B])@octocat/.test(markdown.replace(/<code>[\s\S]*?<\/code>/g, '')))
    found.push('mention')
  return found
}

describe('issue body', () => {
  it('escapes outside text in the change lines and the findings', () => {
    const body = issueBody(
      outcome(),
      hostileReport(),
      {
        digest: `sha256:${'b'.repeat(64)}`,
        total: 1,
        findings: [{ hash: findingHash('k'), id: 'CVE-2026-0' }],
      },
      { scannedAt: '2026-11-30T01:00:00Z', runUrl: 'https://github.com/acme/app/actions/runs/1' },
    )
    expect(dangers(body)).toEqual([])
    expect(body).toContain('**New since the last scan** (1)')
    expect(body).toContain('**Fixed since the last scan** (3)')
    expect(body.trimEnd().endsWith(rescanMarker(IMAGE))).toBe(true)
    // The pull-request comment's advice to set compare-to means nothing in a rescan issue.
    expect(body).toContain('**Findings that matter first**')
    expect(body).not.toContain('What this change does')
  })

  it('stays within GitHub’s 65,536 characters with thousands of findings, marker and state last', () => {
    const report = hostileReport(4000)
    const findings = report.images[0]?.findings.map((f) => ({
      hash: findingHash(f.finding.key),
      id: f.finding.id,
      pkg: HOSTILE,
    }))
    const body = issueBody(
      outcome({ newSince: findings?.map((f) => ({ id: f.id, pkg: f.pkg })) ?? [] }),
      report,
      { digest: `sha256:${'b'.repeat(64)}`, total: 4000, findings: findings ?? [] },
      { scannedAt: 'now' },
    )
    expect(body.length).toBeLessThanOrEqual(65_536)
    const lines = body.trimEnd().split('\n')
    expect(lines.at(-1)).toBe(rescanMarker(IMAGE))
    expect(lines.at(-2)).toMatch(/^<!-- shipgate:rescan-state [A-Za-z0-9_-]+ -->$/)
    expect(body).toContain('and 3,970 more findings')
  })

  it('the closing comment escapes too', () => {
    const text = closingComment(outcome({ verdict: 'pass', reason: `Passed ${HOSTILE}` }), {
      scannedAt: 'now',
    })
    expect(dangers(text)).toEqual([])
    expect(text).toContain('passes the security policy again')
  })
})

describe('summary', () => {
  it('one table across images, what was not updated and why, escaped', () => {
    const result: RescanResult = {
      schema: 'shipgate.rescan/v1',
      createdAt: 'now',
      failOn: 'HIGH',
      rescanFail: 'any',
      verdict: 'fail',
      failed: true,
      reason: '1 of 2 watched image(s) fail the policy',
      images: [
        outcome({ issue: { action: 'not-updated', number: 3 }, notUpdated: HOSTILE }),
        outcome({
          image: 'ghcr.io/acme/web:2',
          key: 'ghcr.io/acme/web:2',
          verdict: 'error',
          errors: [`Could not resolve: ${HOSTILE}`],
        }),
      ],
      notUpdated: [{ image: IMAGE, reason: HOSTILE }],
      warnings: [HOSTILE],
    }
    const md = rescanSummary(result, new Map([[IMAGE, hostileReport()]]))
    expect(dangers(md)).toEqual([])
    expect(md).toContain('| Image | Digest | Verdict | New | Fixed | Issue |')
    expect(md).toContain('⚠️ not updated')
    expect(md).toContain('**Not updated** (1)')
    expect(md).toContain('was not scanned')
  })
})
