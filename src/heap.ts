/**
 * V8's old generation around a large Trivy report (issue 13): its limit raised before the first
 * large parse (`beforeLargeParse`), and one full collection once the report is judged
 * (`collectParsedReports`).
 *
 * Why the collection: the report's text (one string as long as the file) and the objects
 * `JSON.parse` made of it are dead once the findings are judged, but V8 collects its old
 * generation only when that grows past a limit, which the rest of a run never reaches. At
 * 20,000 findings they held ~125 MB (52 MB of text, ~74 MB of objects) until exit, and the
 * SARIF step's own ~70 MB came on top: peak RSS ~380–440 MB against ~280 MB for a bare parse of
 * the same file. Collected here, before the SARIF step, the peak is ~300–310 MB, for one
 * collection of 28 MB still alive (37–46 ms). Below 16 MB of JSON there is nothing worth the
 * pause.
 *
 * V8 offers no collection but through its `gc` extension: `--expose-gc` set at run time gives
 * it to contexts made afterwards, so a fresh vm context fetches it. If that ever fails, the
 * run goes on as it would have: memory is not a reason to fail a gate.
 */
import type { Logger } from './logger.js'

/** Characters of JSON from which a parse leaves enough behind to collect (~16 MB). */
const LARGE_INPUT = 16 * 1024 * 1024

let pending = false

/** A report of `characters` characters of JSON was parsed. */
export function noteParsed(characters: number): void {
  if (characters >= LARGE_INPUT) pending = true
}

/**
 * The heap's own state, V8's flags and its collection, as this module reads, sets and runs
 * them; parameters so that tests can watch them.
 */
export interface HeapControl {
  usedBytes(): number
  setFlags(flags: string): void
  collect(): void
}

const v8Control: HeapControl = {
  usedBytes: () => process.getBuiltinModule('node:v8').getHeapStatistics().used_heap_size,
  setFlags: (flags) => process.getBuiltinModule('node:v8').setFlagsFromString(flags),
  collect: () => fullCollection(),
}

let raised = false

/**
 * Before the first large parse of a run: one full collection of the still small heap, with the
 * heap's growing factor set for it, so that the old-generation limit V8 sets after it is far
 * above what the parse and the judging will allocate (issue 13).
 *
 * Why: V8 sizes the first limit of its old generation by how much of the young generation
 * survived the first scavenges. Loading modules makes that low (~39 MB here, against ~512 MB for
 * a bare `node -e` that parses first), so the parse crossed the limit and V8 marked and compacted
 * a heap that was all alive: 40-70 ms of main thread and a marking thread's CPU, and the objects
 * the parse made meanwhile were allocated black. With the limit raised, the first collection
 * of the old generation is the one `collectParsedReports` asks for once the report is judged.
 * The flag is set only for this one collection (V8 reads it when it computes a limit) and put
 * back at once. Not done when the heap already holds half as much as the text or more (a second
 * report: the collection would free nothing and cost more), nor twice. If anything fails, the
 * run goes on.
 */
export function beforeLargeParse(characters: number, logger?: Logger, heap = v8Control): void {
  if (raised || characters < LARGE_INPUT) return
  raised = true
  let set = false
  try {
    const used = heap.usedBytes()
    if (used * 2 > characters) return
    // The growing factor that leaves a limit of about five times the text above what is live:
    // a parse makes ~1.4 bytes of objects per character, and the judging about as much again.
    const percent = Math.ceil((5 * characters * 100) / Math.max(used, 1))
    heap.setFlags(`--heap-growing-percent=${percent}`)
    set = true
    heap.collect()
  } catch (error) {
    logger?.debug(
      `heap: the old generation's limit was left as it was (${(error as Error).message})`,
    )
  } finally {
    if (set) {
      try {
        heap.setFlags('--heap-growing-percent=0')
      } catch {
        // Only a flag V8 refused at first could fail here, and then it was never set.
      }
    }
  }
}

/** One full, synchronous collection through V8's `gc` extension. */
function fullCollection(): void {
  // Loaded here: a run that judges a small report never needs either module.
  process.getBuiltinModule('node:v8').setFlagsFromString('--expose-gc')
  const gc = process.getBuiltinModule('node:vm').runInNewContext('gc') as (options: {
    type: 'major'
    execution: 'sync'
  }) => void
  gc({ type: 'major', execution: 'sync' })
}

/** Collects what a large parse left behind, once; nothing after small reports. */
export function collectParsedReports(
  logger?: Logger,
  heap: Pick<HeapControl, 'collect'> = v8Control,
): void {
  if (!pending) return
  pending = false
  try {
    heap.collect()
  } catch (error) {
    logger?.debug(`heap: no collection after the parse (${(error as Error).message})`)
  }
}
