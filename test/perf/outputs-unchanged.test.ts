/**
 * Issue 13's speed-ups must not change a byte of what a user reads. The 20,000-finding bench
 * report (real juice-shop entries multiplied, bench/reports.ts) is judged from a file and every
 * output is hashed: the job summary, the PR comment, the terminal table and the JSON report,
 * with a registered secret planted in a finding so redaction is exercised. The hashes were
 * recorded on the code before the changes (commit 7c570a6); any difference fails.
 * `PRINT_HASHES=1` prints them instead (how they were recorded).
 */
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { multiplied } from '../../bench/reports.js'
import { toImageScan } from '../../scanners/trivy/normalize.js'
import { readTrivyReport } from '../../scanners/trivy/parse.js'
import { evaluate, finalVerdict } from '../../src/policy/evaluate.js'
import { clearSecrets, redactDeepForJson, registerSecret } from '../../src/redact.js'
import {
  COMMENT_MAX_LENGTH,
  renderReportMarkdown,
  SUMMARY_MAX_LENGTH,
} from '../../src/render/report-markdown.js'
import { renderTable } from '../../src/render/table.js'
import { imageReportOf, shipgateReport } from '../../src/report/assemble.js'
import { LONG_ARRAY, writeJsonFilePausing } from '../../src/report/write.js'

const RECORDED = {
  summary: '842c967aebe5c2f4e1da65c898a836ff0d2a6b68fdb293eea5427f40525e5a7d',
  comment: 'c23f4e0dd0302f131b914d203a3bf4ad8e7cec324819d3cd80db270d2454a516',
  table: '5dde1cef666cf5ac2b595b2ec39e0a44f85cb149bdaf16e4efb988cf9f926853',
  // Re-recorded when issue 11 §4 gave every finding its `layer` (Trivy's Layer.DiffID): the JSON
  // of the performance branch and of main, parsed, are equal once `layer` is removed.
  json: 'f4838f2e4bb2f54cc86d8c54fb5a5a02ced276a5ce94caa787cc31875c68adca',
}

const SECRET = 'ghp_benchSecretValue0123456789'
const NOW = new Date('2026-11-30T00:00:00Z')
const sha = (text: string) => createHash('sha256').update(text).digest('hex')

afterAll(() => clearSecrets())

it('the 20,000-finding report renders exactly as before', { timeout: 120_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'outputs-'))
  const root = JSON.parse(multiplied(20_000))
  // A token echoed into a finding: redaction must cut it from every output.
  root.Results[0].Vulnerabilities[3].Title = `leaked ${SECRET} here`
  const file = join(dir, 'report.json')
  writeFileSync(file, JSON.stringify(root))
  registerSecret(SECRET)

  const scan = toImageScan(await readTrivyReport(file), {
    image: 'ghcr.io/acme/api:pr',
    artifacts: { trivyJson: 'report.json' },
  })
  const evaluation = evaluate([scan], {
    failOn: 'CRITICAL',
    ignoreUnfixed: false,
    ignoreRules: [],
    now: NOW,
  })
  const images = evaluation.images.map((e) => imageReportOf(scan, e))
  // As the action redacts and writes it (src/modes/action-scan.ts): the findings' JSON text,
  // checked for secrets, is what the file holds.
  const { value: report, texts } = redactDeepForJson(
    shipgateReport({
      evaluation,
      images,
      version: 'test',
      createdAt: NOW,
      ignoreUnfixed: false,
      warnings: [],
      final: finalVerdict(evaluation, images, []),
    }),
    LONG_ARRAY,
  )
  const out = join(dir, 'shipgate-report.json')
  await writeJsonFilePausing(out, report, texts)
  expect(texts.size).toBeGreaterThan(20_000)
  const json = readFileSync(out, 'utf8')
  const outputs = {
    summary: renderReportMarkdown(report, {
      maxLength: SUMMARY_MAX_LENGTH,
      summaryUrl: 'https://github.com/acme/api/actions/runs/1',
    }),
    comment: renderReportMarkdown(report, {
      maxLength: COMMENT_MAX_LENGTH,
      summaryUrl: 'https://github.com/acme/api/actions/runs/1',
      marker: '<!-- shipgate -->',
    }),
    table: renderTable(report),
    json,
  }
  for (const text of Object.values(outputs)) expect(text).not.toContain(SECRET)
  expect(json).toContain('leaked [REDACTED] here')
  const hashes = Object.fromEntries(Object.entries(outputs).map(([k, v]) => [k, sha(v)]))
  if (process.env.PRINT_HASHES) console.log(JSON.stringify(hashes, null, 2))
  else expect(hashes).toEqual(RECORDED)
})
