/**
 * Shipgate's JSON report on disk, written once and streamed: a report of 100,000 findings is
 * tens of megabytes of JSON, and building it as one string (let alone pretty-printed) would
 * hold it in memory next to the report itself.
 */
import { open } from 'node:fs/promises'

/** Arrays this long are written element by element; shorter ones may hold long ones. */
const LONG_ARRAY = 256
/** Bytes gathered before each write. */
const BATCH = 1 << 20

/**
 * `JSON.stringify(value)` in pieces, for plain data (what the report holds). Long arrays are
 * cut between elements, and objects and short arrays are walked, so no piece is larger than
 * one element of a long array.
 */
export function* jsonPieces(value: unknown): Generator<string> {
  if (Array.isArray(value)) {
    const long = value.length >= LONG_ARRAY
    yield '['
    for (let i = 0; i < value.length; i++) {
      if (i > 0) yield ','
      if (long) yield JSON.stringify(value[i]) ?? 'null'
      else for (const piece of jsonPieces(value[i])) yield piece === '' ? 'null' : piece
    }
    yield ']'
    return
  }
  if (typeof value === 'object' && value !== null && !('toJSON' in value)) {
    yield '{'
    let first = true
    for (const [key, v] of Object.entries(value)) {
      if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue
      yield `${first ? '' : ','}${JSON.stringify(key)}:`
      first = false
      yield* jsonPieces(v)
    }
    yield '}'
    return
  }
  // undefined, functions and symbols have no JSON: '' tells an array to write null instead.
  yield JSON.stringify(value) ?? ''
}

/** Write `report` as compact JSON plus a newline, replacing `path`. */
export async function writeJsonFile(path: string, report: unknown): Promise<void> {
  const file = await open(path, 'w')
  try {
    let batch = ''
    for (const piece of jsonPieces(report)) {
      batch += piece
      if (batch.length >= BATCH) {
        await file.write(batch)
        batch = ''
      }
    }
    await file.write(`${batch}\n`)
  } finally {
    await file.close()
  }
}
