/**
 * One full garbage collection once a large Trivy report has been read and judged (issue 13).
 *
 * Why: the report's text (one string as long as the file) and the objects `JSON.parse` made of
 * it are dead once the findings are judged, but V8 collects its old generation only when that
 * grows past a limit, which the rest of a run never reaches. At 20,000 findings they held ~125
 * MB (52 MB of text, ~74 MB of objects) until exit, and the SARIF step's own ~70 MB came on top:
 * peak RSS ~380–440 MB against ~280 MB for a bare parse of the same file. Collected here, before
 * the SARIF step, the peak is ~300–310 MB, for one collection of 28 MB still alive (37–46 ms).
 * Below 16 MB of JSON there is nothing worth the pause.
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
export function collectParsedReports(logger?: Logger, collect = fullCollection): void {
  if (!pending) return
  pending = false
  try {
    collect()
  } catch (error) {
    logger?.debug(`heap: no collection after the parse (${(error as Error).message})`)
  }
}
