/**
 * Shipgate's JSON report on disk, written once and streamed: a report of 100,000 findings is
 * tens of megabytes of JSON, and building it as one string (let alone pretty-printed) would
 * hold it in memory next to the report itself.
 */
import { writeSync } from 'node:fs'
import { open } from 'node:fs/promises'

/** Arrays this long are written element by element; shorter ones may hold long ones. */
const LONG_ARRAY = 256
/** Bytes gathered before each write. */
const BATCH = 1 << 20

/**
 * `JSON.stringify(value)` in pieces, for plain data (what the report holds), handed to `emit`.
 * Long arrays are cut between elements, and objects and short arrays are walked, so no piece
 * is larger than one element of a long array. Returns false when `value` has no JSON
 * (undefined, a function, a symbol), having emitted nothing. A plain recursive walk: nested
 * generators cost one resumption per level for every piece, which made this the slowest step
 * of a small report (issue 13).
 */
export function emitJson(value: unknown, emit: (piece: string) => void): boolean {
  // A subtree with no long array anywhere is bounded: one JSON.stringify is far cheaper than
  // walking it key by key (the juice-shop SARIF, 237 results: ~10 ms of a ~200 ms run).
  if (typeof value === 'object' && value !== null && !hasLongArray(value)) {
    const text = JSON.stringify(value)
    if (text === undefined) return false
    emit(text)
    return true
  }
  if (Array.isArray(value)) {
    const long = value.length >= LONG_ARRAY
    emit('[')
    for (let i = 0; i < value.length; i++) {
      if (i > 0) emit(',')
      if (long) emit(JSON.stringify(value[i]) ?? 'null')
      else if (!emitJson(value[i], emit)) emit('null')
    }
    emit(']')
    return true
  }
  if (typeof value === 'object' && value !== null && !('toJSON' in value)) {
    emit('{')
    let first = true
    for (const [key, v] of Object.entries(value)) {
      if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue
      emit(`${first ? '' : ','}${JSON.stringify(key)}:`)
      first = false
      emitJson(v, emit)
    }
    emit('}')
    return true
  }
  const text = JSON.stringify(value)
  if (text === undefined) return false
  emit(text)
  return true
}

/** Whether `value` holds an array of `LONG_ARRAY` elements or more, at any depth. */
function hasLongArray(value: object): boolean {
  if (Array.isArray(value)) {
    if (value.length >= LONG_ARRAY) return true
    for (const v of value) if (typeof v === 'object' && v !== null && hasLongArray(v)) return true
    return false
  }
  if ('toJSON' in value) return false
  for (const key in value) {
    const v = (value as Record<string, unknown>)[key]
    if (typeof v === 'object' && v !== null && hasLongArray(v)) return true
  }
  return false
}

/** The pieces `emitJson` hands out, as a list (tests). */
export function jsonPieces(value: unknown): string[] {
  const pieces: string[] = []
  emitJson(value, (piece) => pieces.push(piece))
  return pieces
}

/**
 * Node encodes a string straight into the write, with no Buffer of it on the heap; a short
 * write (a full disk, a signal) is finished from an encoded copy of what is left.
 */
function writeAll(fd: number, text: string): void {
  const written = writeSync(fd, text)
  const total = Buffer.byteLength(text, 'utf8')
  if (written === total) return
  const bytes = Buffer.from(text, 'utf8')
  for (let at = written; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at)
}

/**
 * `value` as compact JSON plus a newline into the open file `fd`, in 1 MB batches: no string
 * of the whole document is ever built. Synchronous: the walk is, and nothing else runs meanwhile.
 */
export function writeJsonTo(fd: number, value: unknown): void {
  let batch = ''
  emitJson(value, (piece) => {
    batch += piece
    if (batch.length >= BATCH) {
      writeAll(fd, batch)
      batch = ''
    }
  })
  writeAll(fd, `${batch}\n`)
}

/** Write `report` as compact JSON plus a newline, replacing `path`. */
export async function writeJsonFile(path: string, report: unknown): Promise<void> {
  const file = await open(path, 'w')
  try {
    writeJsonTo(file.fd, report)
  } finally {
    await file.close()
  }
}

/** Elements of a long array written between two pauses of `writeJsonFilePausing`. */
const PAUSE_EVERY = 256

/**
 * `emitJson`, pausing (a `yield`) every `PAUSE_EVERY` elements of a long array found within
 * the first `levels` levels: where a report's findings are. Deeper, or without a long array,
 * it is `emitJson` itself, so the pieces are the same.
 */
export function* emitJsonPausing(
  value: unknown,
  emit: (piece: string) => void,
  levels: number,
): Generator<void, boolean> {
  if (
    levels === 0 ||
    typeof value !== 'object' ||
    value === null ||
    'toJSON' in value ||
    !hasLongArray(value)
  ) {
    return emitJson(value, emit)
  }
  if (Array.isArray(value)) {
    const long = value.length >= LONG_ARRAY
    emit('[')
    for (let i = 0; i < value.length; i++) {
      if (i > 0) emit(',')
      if (long) {
        emit(JSON.stringify(value[i]) ?? 'null')
        if (i % PAUSE_EVERY === PAUSE_EVERY - 1) yield
      } else if (!(yield* emitJsonPausing(value[i], emit, levels - 1))) emit('null')
    }
    emit(']')
    return true
  }
  emit('{')
  let first = true
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue
    emit(`${first ? '' : ','}${JSON.stringify(key)}:`)
    first = false
    yield* emitJsonPausing(v, emit, levels - 1)
  }
  emit('}')
  return true
}

/**
 * `writeJsonFile`, letting other work run between stretches of a large report: the action
 * writes the report file while the pull-request comment's requests are in flight, and their
 * responses are handled between stretches instead of after the whole file (~110 ms at 20,000
 * findings). Writes exactly what `writeJsonFile` writes.
 */
export async function writeJsonFilePausing(path: string, report: unknown): Promise<void> {
  const file = await open(path, 'w')
  try {
    let batch = ''
    const steps = emitJsonPausing(
      report,
      (piece) => {
        batch += piece
        if (batch.length >= BATCH) {
          writeAll(file.fd, batch)
          batch = ''
        }
      },
      4,
    )
    while (!steps.next().done) await new Promise((resolve) => setImmediate(resolve))
    writeAll(file.fd, `${batch}\n`)
  } finally {
    await file.close()
  }
}
