/**
 * Shipgate's JSON report on disk, written once and streamed: a report of 100,000 findings is
 * tens of megabytes of JSON, and building it as one string (let alone pretty-printed) would
 * hold it in memory next to the report itself.
 */
import { writeSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { setImmediate } from 'node:timers/promises'

/**
 * Arrays this long are written element by element; shorter ones may hold long ones. The
 * redaction serialises the same elements for the writer (`redactDeepForJson`, src/redact.ts).
 */
export const LONG_ARRAY = 256
/** Bytes gathered before each write. */
const BATCH = 1 << 20

/** Elements of a long array written between two pauses (see `writeJsonFilePausing`). */
const PAUSE_EVERY = 256

/**
 * `JSON.stringify(value)` in pieces, for plain data (what the report holds), handed to `emit`,
 * pausing (a `yield`) every `PAUSE_EVERY` elements of a long array. Long arrays are cut between
 * elements, and objects and short arrays holding one are walked, so no piece is larger than one
 * element of a long array; any other subtree is one `JSON.stringify`. Returns false when
 * `value` has no JSON (undefined, a function, a symbol), having emitted nothing. It yields
 * rarely and only on the way to long arrays: a generator per piece, yielding each, made this
 * the slowest step of a small report (issue 13).
 */
export function* emitJsonPausing(
  value: unknown,
  emit: (piece: string) => void,
  texts?: ReadonlyMap<object, string>,
): Generator<void, boolean> {
  // A subtree with no long array anywhere is bounded: one JSON.stringify is far cheaper than
  // walking it key by key (the juice-shop SARIF, 237 results: ~10 ms of a ~200 ms run).
  if (typeof value !== 'object' || value === null || !hasLongArray(value)) {
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
      if (long) {
        const element: unknown = value[i]
        // Serialised already by the redaction (src/redact.ts, redactDeepForJson).
        const known = typeof element === 'object' && element !== null && texts?.get(element)
        emit(known || (JSON.stringify(element) ?? 'null'))
        if (i % PAUSE_EVERY === PAUSE_EVERY - 1) yield
      } else if (!(yield* emitJsonPausing(value[i], emit, texts))) emit('null')
    }
    emit(']')
    return true
  }
  // An object holding a long array (hasLongArray says no for one with toJSON).
  emit('{')
  let first = true
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue
    emit(`${first ? '' : ','}${JSON.stringify(key)}:`)
    first = false
    yield* emitJsonPausing(v, emit, texts)
  }
  emit('}')
  return true
}

/** `emitJsonPausing` without the pauses. */
export function emitJson(
  value: unknown,
  emit: (piece: string) => void,
  texts?: ReadonlyMap<object, string>,
): boolean {
  const steps = emitJsonPausing(value, emit, texts)
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
  }
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
export function jsonPieces(value: unknown, texts?: ReadonlyMap<object, string>): string[] {
  const pieces: string[] = []
  emitJson(value, (piece) => pieces.push(piece), texts)
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
  writeBytes(fd, Buffer.from(text, 'utf8'), written)
}

/** `bytes` from `at` on, however many writes that takes. */
function writeBytes(fd: number, bytes: Uint8Array, at = 0, end = bytes.length): void {
  while (at < end) at += writeSync(fd, bytes, at, end - at)
}

/**
 * Pieces encoded into one 1 MB buffer, written to `fd` each time it fills. Encoded as they
 * come rather than joined into a string first: the joined batch was a rope of thousands of
 * pieces that the write copied flat, then encoded (the 11 MB SARIF of 20,000 findings: ~12 ms
 * of ~100; issue 13). A piece that could not fit (3 bytes per UTF-16 unit at most) goes alone.
 */
function batchesTo(fd: number) {
  const batch = Buffer.allocUnsafe(BATCH)
  let used = 0
  const flush = () => {
    writeBytes(fd, batch, 0, used)
    used = 0
  }
  return {
    emit(piece: string) {
      if (piece.length * 3 > BATCH - used) {
        flush()
        if (piece.length * 3 > BATCH) {
          writeAll(fd, piece)
          return
        }
      }
      used += batch.write(piece, used, 'utf8')
    },
    end() {
      if (used + 1 > BATCH) flush()
      batch[used++] = 0x0a
      flush()
    },
  }
}

/**
 * `value` as compact JSON plus a newline into the open file `fd`, in 1 MB batches: no string
 * of the whole document is ever built. Synchronous: the walk is, and nothing else runs meanwhile.
 */
export function writeJsonTo(fd: number, value: unknown): void {
  const out = batchesTo(fd)
  emitJson(value, out.emit)
  out.end()
}

/** Opens `path` for writing (replacing it), has `fill` write into it, and closes it. */
async function intoFile(path: string, fill: (fd: number) => Promise<void> | void): Promise<void> {
  const file = await open(path, 'w')
  try {
    await fill(file.fd)
  } finally {
    await file.close()
  }
}

/** Write `report` as compact JSON plus a newline, replacing `path`. */
export function writeJsonFile(path: string, report: unknown): Promise<void> {
  return intoFile(path, (fd) => writeJsonTo(fd, report))
}

/**
 * `writeJsonFile`, letting other work run between stretches of a large report: the action
 * writes the report file while the pull-request comment's requests are in flight, and their
 * responses are handled between stretches instead of after the whole file (~110 ms at 20,000
 * findings). Writes exactly what `writeJsonFile` writes. `texts`: the JSON text of elements of
 * long arrays, already serialised (`redactDeepForJson`), valid only while they are unchanged.
 */
export function writeJsonFilePausing(
  path: string,
  report: unknown,
  texts?: ReadonlyMap<object, string>,
): Promise<void> {
  return intoFile(path, async (fd) => {
    const out = batchesTo(fd)
    const steps = emitJsonPausing(report, out.emit, texts)
    while (!steps.next().done) await setImmediate()
    out.end()
  })
}
