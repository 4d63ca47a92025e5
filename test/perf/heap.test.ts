/**
 * src/heap.ts: after a large report, one full collection really runs (what it frees is
 * measured by `npm run bench`, as peak RSS); after a small one, none is asked for; and a
 * collection that cannot run never fails the run.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { setImmediate } from 'node:timers/promises'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { collectParsedReports, noteParsed } from '../../src/heap.js'
import { recordingLogger } from '../../src/logger.js'

const LARGE = 16 * 1024 * 1024
const ROOT = resolve(import.meta.dirname, '../..')

it('collects what a large parse left behind', async () => {
  let garbage: object | undefined = { text: 'x'.repeat(1024) }
  const ref = new WeakRef(garbage)
  garbage = undefined
  // A WeakRef's target lives to the end of the job that made it.
  await setImmediate()
  noteParsed(LARGE)
  collectParsedReports()
  expect(ref.deref()).toBeUndefined()
})

it('asks for no collection after a small report, nor twice after one large one', () => {
  let calls = 0
  const count = {
    collect: () => {
      calls++
    },
  }
  noteParsed(LARGE - 1)
  collectParsedReports(undefined, count)
  expect(calls).toBe(0)
  noteParsed(LARGE)
  collectParsedReports(undefined, count)
  collectParsedReports(undefined, count)
  expect(calls).toBe(1)
})

it('goes on when no collection can run, and says so in the debug log', () => {
  const logger = recordingLogger()
  noteParsed(LARGE)
  expect(() =>
    collectParsedReports(logger, {
      collect: () => {
        throw new Error('gc is not defined')
      },
    }),
  ).not.toThrow()
  expect(logger.lines).toContainEqual({
    level: 'debug',
    message: 'heap: no collection after the parse (gc is not defined)',
  })
})

/** A heap that records what `beforeLargeParse` asked of it. */
function watchedHeap(used: number, fail?: 'collect' | 'flags') {
  const calls: string[] = []
  return {
    calls,
    heap: {
      usedBytes: () => used,
      setFlags: (flags: string) => {
        calls.push(flags)
        if (fail === 'flags') throw new Error('unknown flag')
      },
      collect: () => {
        calls.push('collect')
        if (fail === 'collect') throw new Error('gc is not defined')
      },
    },
  }
}

describe('beforeLargeParse', () => {
  // `raised` is once per process: each test loads a fresh copy of the module.
  beforeEach(() => vi.resetModules())
  const load = async () => (await import('../../src/heap.js')).beforeLargeParse

  it('raises the limit for one collection of the small heap, and puts the flag back', async () => {
    const beforeLargeParse = await load()
    const { calls, heap } = watchedHeap(10 * 1024 * 1024)
    beforeLargeParse(52 * 1024 * 1024, undefined, heap)
    // Five times the text above what is live: 5 × 52 MB / 10 MB = 26, i.e. 2,600 %.
    expect(calls).toEqual(['--heap-growing-percent=2600', 'collect', '--heap-growing-percent=0'])
    // Once per run: a second large parse (a baseline) leaves the limit as V8 sets it.
    beforeLargeParse(52 * 1024 * 1024, undefined, heap)
    expect(calls).toHaveLength(3)
  })

  it('does nothing for a small report, or when the heap already holds half the text', async () => {
    const beforeLargeParse = await load()
    const small = watchedHeap(10 * 1024 * 1024)
    beforeLargeParse(LARGE - 1, undefined, small.heap)
    expect(small.calls).toEqual([])
    const full = watchedHeap(30 * 1024 * 1024)
    beforeLargeParse(52 * 1024 * 1024, undefined, full.heap)
    expect(full.calls).toEqual([])
  })

  it('a collection that fails still puts the flag back, and the run goes on', async () => {
    const beforeLargeParse = await load()
    const logger = recordingLogger()
    const { calls, heap } = watchedHeap(10 * 1024 * 1024, 'collect')
    expect(() => beforeLargeParse(52 * 1024 * 1024, logger, heap)).not.toThrow()
    expect(calls.at(-1)).toBe('--heap-growing-percent=0')
    expect(logger.lines).toContainEqual({
      level: 'debug',
      message: "heap: the old generation's limit was left as it was (gc is not defined)",
    })
  })

  it('a flag V8 refuses: no collection, nothing to put back, the run goes on', async () => {
    const beforeLargeParse = await load()
    const { calls, heap } = watchedHeap(10 * 1024 * 1024, 'flags')
    expect(() => beforeLargeParse(52 * 1024 * 1024, undefined, heap)).not.toThrow()
    expect(calls).toEqual(['--heap-growing-percent=2600'])
  })
})

/**
 * With V8 itself, in a process of its own: churn first (as loading modules does, so the first
 * scavenges see little survive), then parse a report-sized JSON text read as the action reads
 * it. Without `beforeLargeParse`, V8 marks and compacts the all-live heap during the parse;
 * with it, it does not. Fails if a Node upgrade stops honouring the flag.
 */
it('with V8 itself: no mark-compact during the parse once the limit is raised', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'heap-'))
  const file = join(dir, 'report.json')
  const entry = (i: number) => ({
    id: `CVE-2024-${i}`,
    pkg: `p${i}`,
    at: [i, i + 1],
    d: 'x'.repeat(40),
  })
  writeFileSync(file, JSON.stringify(Array.from({ length: 500_000 }, (_, i) => entry(i))))
  const script = `
    import { constants, PerformanceObserver } from 'node:perf_hooks'
    import { beforeLargeParse } from ${JSON.stringify(join(ROOT, 'src/heap.ts'))}
    import { readJsonText } from ${JSON.stringify(join(ROOT, 'src/json-text.ts'))}
    let churn = []
    for (let i = 0; i < 300_000; i++) { churn.push({ a: i, b: 'x' + i }); if (churn.length > 1000) churn = [] }
    const text = readJsonText(${JSON.stringify(file)})
    if (process.argv.at(-1) === 'raise') beforeLargeParse(text.length)
    let majors = 0
    const seen = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) majors++
    })
    seen.observe({ entryTypes: ['gc'] })
    const value = JSON.parse(text)
    await new Promise((resolve) => setTimeout(resolve, 100))
    console.log(JSON.stringify({ majors, entries: value.length }))
  `
  const run = (mode: string) =>
    JSON.parse(
      execFileSync(process.execPath, ['--input-type=module', '-e', script, mode], {
        encoding: 'utf8',
      }),
    ) as { majors: number; entries: number }
  let plain: { majors: number; entries: number }
  let raised: typeof plain
  try {
    plain = run('plain')
    raised = run('raise')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  expect(plain.entries).toBe(500_000)
  expect(raised.entries).toBe(500_000)
  expect(plain.majors).toBeGreaterThan(0)
  expect(raised.majors).toBe(0)
}, 60_000)

/**
 * A report read without its advisory text (scanners/trivy/unread-fields.ts) is prepared for as
 * large as it was written: what the run allocates next follows the findings, not the text left.
 * Sized on the cut text alone, a 52 MB report read as 24 MB sometimes skipped the raised limit
 * and V8 marked the all-live heap during the parse.
 */
it('a report read without its advisory text counts as large as it was written', async () => {
  // Both from the registry as it is now (the tests above reset it).
  const { readTrivyReport } = await import('../../scanners/trivy/parse.js')
  const { collectParsedReports } = await import('../../src/heap.js')
  const dir = mkdtempSync(join(tmpdir(), 'heap-written-'))
  const file = join(dir, 'report.json')
  const vulnerability = {
    VulnerabilityID: 'CVE-2024-1',
    PkgName: 'p',
    InstalledVersion: '1',
    Severity: 'HIGH',
    Description: 'x'.repeat(LARGE),
  }
  writeFileSync(
    file,
    JSON.stringify({
      SchemaVersion: 2,
      ArtifactName: 'x',
      Results: [{ Target: 't', Vulnerabilities: [vulnerability] }],
    }),
  )
  let calls = 0
  const count = {
    collect: () => {
      calls++
    },
  }
  try {
    collectParsedReports(undefined, count) // nothing pending from earlier tests
    calls = 0
    const report = await readTrivyReport(file)
    expect(report.Results?.[0]?.Vulnerabilities?.[0]).not.toHaveProperty('Description')
    collectParsedReports(undefined, count)
    expect(calls).toBe(1)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
