import { setFlagsFromString } from 'node:v8'

/** Characters of JSON from which a parse grows the young generation for nothing (~16 MB). */
const LARGE_INPUT = 16 * 1024 * 1024

let kept = false

/**
 * Keep V8's young generation at its current size once a large report is about to be parsed
 * (issue 13). Parsing a large report makes everything survive, so V8 grows the young
 * generation to its maximum and keeps it there; the rest of the run then lets up to three
 * times that much short-lived garbage pile up before each collection. On the 20,000-finding
 * report that was ~130 MB of peak RSS for no time saved. A small report is the opposite case:
 * with the young generation held at its initial 1 MB from the start, the juice-shop run
 * collected 15 times instead of 8, ~15 ms of a ~250 ms run, so the flag is set only for input
 * this large. `semi-space-growth-factor` is read each time V8 would grow it, so setting it
 * mid-run works (unlike the sizes, fixed when the heap was made).
 */
export function beforeParsing(characters: number): void {
  if (kept || characters < LARGE_INPUT) return
  kept = true
  setFlagsFromString('--semi-space-growth-factor=1')
}
