import { marked } from 'marked'
import { describe, expect, it } from 'vitest'
import type { Finding } from '../../src/model.js'
import {
  COMMENT_MAX_LENGTH,
  renderAtDepth,
  renderReportMarkdown,
} from '../../src/render/report-markdown.js'
import { makeReport, secret, vuln } from '../support/report.js'

const MARKER = '<!-- shipgate:comment key=test -->'
const SUMMARY = 'https://github.com/o/r/actions/runs/1#summary-2'

function html(md: string): string {
  return marked.parse(md, { gfm: true, async: false }) as string
}

function lines(md: string): string[] {
  return md.split('\n').filter((l) => l.trim() !== '')
}

describe('renderReportMarkdown: what a reviewer sees first', () => {
  const report = makeReport({
    reason: 'Blocked: 1 critical, 2 high fixable',
    images: [
      {
        image: 'ghcr.io/acme/app:pr-12',
        digest: `sha256:${'a'.repeat(64)}`,
        findings: [
          vuln('CVE-2024-0003', 'HIGH', {
            pkgName: 'zlib',
            installedVersion: '1.2',
            fixedVersion: '1.3',
          }),
          vuln('CVE-2024-0001', 'CRITICAL', { pkgName: 'openssl', fixedVersion: '3.0.14' }),
          vuln('CVE-2024-0002', 'HIGH', { pkgName: 'curl' }),
          vuln('CVE-2024-0004', 'HIGH', { pkgName: 'bash', fixedVersion: '5.2' }),
          vuln('CVE-2024-0009', 'LOW', { pkgName: 'tar' }),
        ],
        ignored: {},
        extra: {
          baseImage: {
            mode: 'warn',
            source: 'registry',
            base: { name: 'debian:bookworm', how: 'label', minimal: false },
            os: 'debian 12.5',
            packages: 123,
            shell: true,
            packageManager: 'apt',
            user: 'root',
            runsAsRoot: true,
            unknown: [],
            violations: [{ rule: 'non-root', message: 'The image runs as root.' }],
            recommendation: 'Use gcr.io/distroless/base-debian12:nonroot',
          },
        },
      },
    ],
  })
  const md = renderReportMarkdown(report, { marker: MARKER, summaryUrl: SUMMARY })

  it('puts the verdict, the reason and the base-image concern on the first line', () => {
    expect(lines(md)[0]).toBe(
      '### ❌ Blocked: 1 critical, 2 high fixable; base debian:bookworm runs as root',
    )
  })

  it('names the image and the threshold on line two, then the severity table', () => {
    const [, second, third] = lines(md)
    expect(second).toContain('<code>ghcr.io/acme/app:pr-12</code>')
    expect(second).toContain('blocks at **high** and above')
    expect(third).toBe('| Severity | Found | Fixable | Ignored |')
    expect(md).toContain('| 🟥 Critical | **1** | 1 | 0 |')
    expect(md).toContain('| 🟧 High | **3** | 2 | 0 |')
    expect(md).toContain('| 🟦 Low | **1** | 0 | 0 |')
  })

  it('says that no comparison was made when there is no baseline', () => {
    expect(md).toContain('no comparison was made')
    expect(md).toContain('`compare-to`')
  })

  it('lists findings by severity, fixable first, with installed and fixed versions and links', () => {
    const ids = [...md.matchAll(/\[(CVE-\d+-\d+)\]/g)].map((m) => m[1])
    expect(ids).toEqual([
      'CVE-2024-0001',
      'CVE-2024-0003',
      'CVE-2024-0004',
      'CVE-2024-0002',
      'CVE-2024-0009',
    ])
    const critical = md.split('\n').find((l) => l.includes('CVE-2024-0001')) ?? ''
    expect(critical).toContain('[CVE-2024-0001](https://avd.aquasec.com/nvd/cve-2024-0001)')
    expect(critical).toContain('<code>openssl</code>')
    expect(critical).toContain('<code>1.1.1d-0+deb10u1</code>')
    expect(critical).toContain('<code>3.0.14</code>')
    const unfixed = md.split('\n').find((l) => l.includes('CVE-2024-0002')) ?? ''
    expect(unfixed).toContain('_no fix_')
  })

  it('shows base image facts and the recommendation', () => {
    expect(md).toContain('**Base image**')
    expect(md).toContain('⚠️ root')
    expect(md).toContain('Recommendation')
    expect(md).toContain('gcr.io/distroless/base-debian12:nonroot')
  })

  it('ends with the marker and renders as valid GFM', () => {
    expect(md.trimEnd().endsWith(MARKER)).toBe(true)
    const rendered = html(md)
    expect(rendered).toContain('<table>')
    expect(rendered).toContain('<h3>')
  })
})

describe('renderReportMarkdown: comparison with the base branch', () => {
  it('shows introduced and fixed findings with counts', () => {
    const now = [vuln('CVE-1', 'CRITICAL', { fixedVersion: '2' }), vuln('CVE-2', 'LOW')]
    const gone = vuln('CVE-OLD', 'HIGH', { pkgName: 'libxml2' })
    const report = makeReport({
      images: [
        {
          image: 'app:pr',
          findings: now,
          comparison: {
            baseline: 'app:main',
            source: { kind: 'image', image: 'app:main', digest: `sha256:${'c'.repeat(64)}` },
            introduced: [now[0]?.key ?? ''],
            fixed: [gone],
          },
        },
      ],
    })
    const md = renderReportMarkdown(report)
    expect(md).toContain(
      `compared with image <code>app:main</code> (digest <code>sha256:${'c'.repeat(64)}</code>): **1 finding introduced** (1 critical), **1 fixed** (1 high).`,
    )
    expect(md).toContain('| Severity | Found | Fixable | Ignored | New |')
    expect(md).toContain('| 🟥 Critical | **1** | 1 | 0 | 1 |')
    expect(md).toMatch(/CVE-1\]\([^)]*\) 🆕/)
    expect(md).toContain('CVE-OLD')
    expect(lines(md)[1]).toContain('**1** new in this pull request')
  })
})

describe('renderReportMarkdown: escaping text from outside', () => {
  it('renders hostile titles, package names and paths as text', () => {
    const hostile: Finding[] = [
      vuln('CVE-2024-6666', 'CRITICAL', {
        title: '<img src=x onerror=alert(1)> | broken | @octocat **pwn**\n# heading',
        pkgName: 'pkg|<script>alert(1)</script>',
        installedVersion: '1.0`|`',
        fixedVersion: '2.0 @github/security',
        url: 'javascript:alert(1)',
      }),
      secret('aws-access-key-id', { target: '/app/<b>x</b>|y.env', startLine: 3 }),
    ]
    const report = makeReport({
      images: [{ image: 'evil:<b>tag</b>|@admin', findings: hostile }],
      warnings: ['comment failed: <script>@team'],
    })
    const md = renderReportMarkdown(report)
    const rendered = html(md)
    expect(rendered).not.toMatch(/<(img|script|b|h1)\b/)
    expect(rendered).not.toContain('javascript:')
    // GitHub never links mentions inside <code>; everywhere else they are defused.
    expect(md.replace(/<code>.*?<\/code>/g, '')).not.toMatch(/@(octocat|github|admin|team)/)
    // Each finding row keeps the table's 6 columns despite the pipes in the data.
    const rows = rendered
      .split('<tr>')
      .filter((r) => r.includes('CVE-2024-6666') || r.includes('aws-access'))
    for (const row of rows) expect(row.match(/<td/g)).toHaveLength(6)
  })

  it('links each advisory, but nothing a title names (bare URLs, www hosts, issue references)', () => {
    // Short enough that the 90-character cut in the table keeps all of it.
    const title = 'Log in at https://evil.example/x or www.evil.example; see a/b#1, #2, GH-3'
    const report = makeReport({
      images: [
        { image: 'ghcr.io/acme/app:1', findings: [vuln('CVE-2024-7777', 'HIGH', { title })] },
      ],
    })
    const md = renderReportMarkdown(report, { summaryUrl: SUMMARY })
    const rendered = html(md)
    const hrefs = [...rendered.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1])
    expect(hrefs).toContain('https://avd.aquasec.com/nvd/cve-2024-7777')
    expect(hrefs.filter((h) => h?.includes('evil'))).toEqual([])
    // GitHub's own reference and URL patterns are broken in the Markdown it receives.
    expect(md).not.toMatch(/#\d|\bGH-\d|https:\/\/evil|www\.evil/)
    // ...while the title still reads the same once zero-width spaces are dropped.
    expect(rendered.replace(/\u200B/g, '')).toContain(title)
  })
})

describe('renderReportMarkdown: size budget', () => {
  const many: Finding[] = []
  for (let i = 0; i < 4000; i++) {
    const severity = (['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'] as const)[i % 4] ?? 'LOW'
    many.push(
      vuln(`CVE-2023-${String(i).padStart(5, '0')}`, severity, {
        pkgName: `package-${i}`,
        fixedVersion: i % 3 === 0 ? undefined : `${i}.0.1`,
        title: `A long advisory title that describes problem number ${i} in some detail ${'x'.repeat(60)}`,
      }),
    )
  }
  const report = makeReport({ images: [{ image: 'big:1', findings: many }] })

  it('never exceeds the comment limit, keeps the most severe fixable findings and says what was left out', () => {
    const md = renderReportMarkdown(report, { marker: MARKER, summaryUrl: SUMMARY })
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(COMMENT_MAX_LENGTH)
    expect(md.length).toBeGreaterThan(COMMENT_MAX_LENGTH * 0.8)
    expect(md.trimEnd().endsWith(MARKER)).toBe(true)
    expect(md).toContain('did not fit into this comment')
    expect(md).toContain(`[the job summary](${SUMMARY})`)
    const left = /_…and ([\d,]+) more rows? left out/.exec(md)
    expect(left).not.toBeNull()
    const shownRows = md
      .split('\n')
      .filter(
        (l) =>
          l.startsWith('| 🟥') ||
          l.startsWith('| 🟧') ||
          l.startsWith('| 🟨') ||
          l.startsWith('| 🟦'),
      ).length
    // Severity table rows (4) + finding rows + left-out rows account for every finding.
    expect(shownRows - 4 + Number(left?.[1]?.replace(/,/g, ''))).toBe(4000)
    // The first rows are critical and fixable.
    const first = md.split('\n').find((l) => l.includes('[CVE-')) ?? ''
    expect(first).toContain('🟥 Critical')
    expect(first).not.toContain('_no fix')
    expect(html(md).match(/<details>/g)?.length).toBe(html(md).match(/<\/details>/g)?.length)
  })

  it('keeps everything when the budget allows (job summary)', () => {
    const md = renderReportMarkdown(report, { maxLength: 5_000_000 })
    expect(md).not.toContain('did not fit')
    expect(md).toContain('CVE-2023-03999')
  })

  it('picks a cut that fits and one row more would not, or everything when it fits (issue 13: fewer renders)', () => {
    // Two images of different lengths, counted, ignored, introduced and fixed lists, rows of
    // uneven size and multi-byte text: the parts besides the rows change with the depth.
    const rows = (n: number, tag: string) =>
      Array.from({ length: n }, (_, i) =>
        vuln(`CVE-2025-${tag}${String(i).padStart(4, '0')}`, i % 5 === 0 ? 'CRITICAL' : 'HIGH', {
          pkgName: `pkg-${tag}-${i}`,
          fixedVersion: i % 2 ? `${i}.1` : undefined,
          title: `${'ü'.repeat(i % 17)} title ${'y'.repeat((i * 37) % 90)}`,
        }),
      )
    const a = rows(120, 'a')
    const b = rows(45, 'b')
    const mixed = makeReport({
      images: [
        {
          image: 'a:1',
          findings: a,
          ignored: Object.fromEntries(
            a.filter((_, i) => i % 7 === 0).map((f) => [f.key, { by: 'unfixed' as const }]),
          ),
          comparison: {
            baseline: 'base.json',
            source: { kind: 'report', path: 'base.json', sha256: 'e'.repeat(64) },
            introduced: a.filter((_, i) => i % 3 === 0).map((f) => f.key),
            fixed: rows(30, 'f'),
          },
        },
        { image: 'b:1', findings: b },
      ],
    })
    const opts = { marker: MARKER, summaryUrl: SUMMARY }
    const sizes = Array.from({ length: 121 }, (_, d) =>
      Buffer.byteLength(renderAtDepth(mixed, opts, d)),
    )
    // Sizes are nearly but not quite monotonic: where a list ends, its "…and 1 more row"
    // notice gives way to a shorter row. So the contract is local: the cut fits, one row
    // deeper does not, and the whole document wins whenever it fits.
    const full = sizes[120] ?? 0
    let checked = 0
    for (let max = sizes[0] ?? 0; max <= full + 10; max += 97) {
      const got = renderReportMarkdown(mixed, { ...opts, maxLength: max })
      const depth = sizes.findIndex((_, d) => renderAtDepth(mixed, opts, d) === got)
      expect(depth, `max ${max}: not a cut of the document`).toBeGreaterThanOrEqual(0)
      expect(sizes[depth]).toBeLessThanOrEqual(max)
      if (full <= max) expect(depth).toBe(120)
      else
        expect(sizes[depth + 1] ?? 0, `max ${max}: depth ${depth + 1} fits too`).toBeGreaterThan(
          max,
        )
      checked++
    }
    expect(checked).toBeGreaterThan(400)
  })

  it('stays within tiny budgets too, keeping the verdict line', () => {
    for (const max of [2_000, 5_000, 20_000]) {
      const md = renderReportMarkdown(report, { maxLength: max, marker: MARKER })
      expect(Buffer.byteLength(md)).toBeLessThanOrEqual(max)
      expect(md.startsWith('### ❌ Blocked')).toBe(true)
      expect(md.trimEnd().endsWith(MARKER)).toBe(true)
    }
  })
})
