/**
 * Shipgate's benchmark: parsing, policy and rendering on the largest real report and on a
 * 20,000-finding report built from real entries, each step against a bare JSON.parse of the
 * same text (the cold start and the whole run are in bench/e2e.ts).
 * Figures only; nothing here asserts a time (tests never do).
 */
import { execFileSync } from 'node:child_process'
import {
  closeSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { toImageScan } from '../scanners/trivy/normalize.js'
import { parseTrivyReport } from '../scanners/trivy/parse.js'
import { shapeSarifInto } from '../src/derive/run.js'
import { SEVERITIES, type ShipgateReport } from '../src/model.js'
import { evaluate } from '../src/policy/evaluate.js'
import { fixFirst } from '../src/policy/fixes.js'
import { parseIgnoreFile } from '../src/policy/ignore-file.js'
import { clearSecrets, redactDeep, registerSecret } from '../src/redact.js'
import {
  COMMENT_MAX_LENGTH,
  renderReportMarkdown,
  SUMMARY_MAX_LENGTH,
} from '../src/render/report-markdown.js'
import { renderTable } from '../src/render/table.js'
import { imageReportOf, shipgateReport } from '../src/report/assemble.js'
import { ruleFactsOf } from '../src/report/sarif.js'
import { writeJsonTo } from '../src/report/write.js'
import { recordConversions } from './convert.js'

// Bundled into a temp dir by bench/run.mjs, so the repository root comes from there.
import { JUICE, multiplied, NODE } from './reports.js'

/** The section's `JSON.parse` of the same text: the floor each step is compared with. */
let floorMs: number | undefined
let lastMedian = 0

/**
 * `fn` once unmeasured-for-the-median (its time is the "first run" column: code not yet
 * optimised, as in a real run, where every step runs once), then `runs` times.
 */
function time<T>(label: string, runs: number, fn: () => T): T {
  const first = performance.now()
  let result: T = fn()
  const firstMs = performance.now() - first
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    result = fn()
    samples.push(performance.now() - t0)
  }
  samples.sort((a, b) => a - b)
  const median = samples[Math.floor(samples.length / 2)] ?? 0
  const p90 = samples[Math.floor(samples.length * 0.9)] ?? 0
  lastMedian = median
  const ratio = floorMs ? `${(median / floorMs).toFixed(2)}×` : ''
  console.log(
    `| ${label} | ${firstMs.toFixed(1)} ms | ${median.toFixed(2)} ms | ${p90.toFixed(2)} ms | ${runs} | ${ratio} |`,
  )
  return result
}

/** A section's table starts with the bare JSON.parse of its report: the baseline of its ratios. */
function floor(text: string): void {
  floorMs = undefined
  console.log('| step (in process) | first run | median | p90 | runs | median vs JSON.parse |')
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |')
  time('JSON.parse alone (baseline)', 10, () => JSON.parse(text))
  floorMs = lastMedian
}

/**
 * A copy of the report's images, so each render prepares them afresh: renderReportMarkdown
 * reuses the preparation of an image it has seen (the comment and the summary share it).
 */
const fresh = (r: ShipgateReport): ShipgateReport => ({
  ...r,
  images: r.images.map((i) => ({ ...i })),
})

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
  console.log(`\n## ${title}\n`)
}

section('Largest real report: juice-shop v10.2.0 (863 KB, 237 findings)')
const juiceText = readFileSync(JUICE, 'utf8')
floor(juiceText)
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
  renderReportMarkdown(fresh(juiceReport), { maxLength: COMMENT_MAX_LENGTH }),
)
time('render job summary', 100, () =>
  renderReportMarkdown(fresh(juiceReport), { maxLength: SUMMARY_MAX_LENGTH }),
)
time('render terminal table', 100, () => renderTable(juiceReport))
console.log(`\ncomment size: ${comment.length} chars`)

section('Synthetic report: 20,000 findings multiplied from real entries')
const bigText = multiplied(20_000)
console.log(`report size: ${(bigText.length / 1024 / 1024).toFixed(1)} MiB\n`)
floor(bigText)
const bigScan = time('parse + validate + normalize', 10, () =>
  toImageScan(parseTrivyReport(bigText, 'big.json'), { artifacts: { trivyJson: 'big.json' } }),
)
const bigEvaluation = time('evaluate policy', 10, () =>
  evaluate([bigScan], {
    failOn: 'HIGH',
    ignoreUnfixed: true,
    ignoreRules: ignore,
    now: new Date(),
  }),
)
const bigReport = toReport(bigText, 'big.json')
const bigComment = time('render PR comment (65,536 limit)', 10, () =>
  renderReportMarkdown(fresh(bigReport), { maxLength: COMMENT_MAX_LENGTH }),
)
time('render job summary', 10, () =>
  renderReportMarkdown(fresh(bigReport), { maxLength: SUMMARY_MAX_LENGTH }),
)
// What else a run makes of the same findings: each step the end-to-end run takes once.
time('fix-first plan', 10, () => fixFirst(bigEvaluation.images[0]?.findings ?? []))
registerSecret(`ghs_${'x1Y2z3'.repeat(6)}`)
time('redact every string of the report (a token registered)', 10, () => redactDeep(bigReport))
clearSecrets()
const scratch = mkdtempSync(join(tmpdir(), 'shipgate-bench-'))
const reportFile = join(scratch, 'shipgate-report.json')
time('write the report file (compact JSON)', 10, () => {
  const fd = openSync(reportFile, 'w')
  try {
    writeJsonTo(fd, bigReport)
  } finally {
    closeSync(fd)
  }
})
const reportMiB = statSync(reportFile).size / 1048576
// Trivy's own SARIF of this report (the real Trivy, once, untimed), then what Shipgate does
// with it: read, parse, shape, write (src/derive/run.ts).
const bigFile = join(scratch, 'big.json')
writeFileSync(bigFile, bigText)
recordConversions(bigFile, scratch)
const trivySarif = join(scratch, 'big.json.sarif')
const facts = ruleFactsOf(parseTrivyReport(bigText, bigFile))
time("read, shape and write Trivy's SARIF", 10, () => {
  const fd = openSync(join(scratch, 'shaped.sarif'), 'w')
  try {
    shapeSarifInto(trivySarif, { category: 'bench', image: 'big', facts }, fd)
  } finally {
    closeSync(fd)
  }
})
const sarifMiB = [trivySarif, join(scratch, 'shaped.sarif')].map((f) => statSync(f).size / 1048576)
rmSync(scratch, { recursive: true, force: true })
console.log(
  `\nfindings: ${bigScan.findings.length}; comment size: ${bigComment.length} chars; report file ${reportMiB.toFixed(1)} MiB; Trivy's SARIF ${sarifMiB[0]?.toFixed(1)} MiB, shaped ${sarifMiB[1]?.toFixed(1)} MiB; totals ${SEVERITIES.map((s) => `${s} ${bigReport.totals?.[s]}`).join(', ')}`,
)
const mem = process.memoryUsage()
console.log(
  `heap used now: ${(mem.heapUsed / 1048576).toFixed(0)} MiB; peak RSS of this process: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`,
)

// Cold start is measured end to end, against `node -e 0`, by bench/e2e.ts.
const nodeVersion = execFileSync(NODE, ['--version'], { encoding: 'utf8' }).trim()
console.log(
  `\nnode ${nodeVersion}; ${process.arch}; ${(await import('node:os')).cpus().length} cores`,
)
