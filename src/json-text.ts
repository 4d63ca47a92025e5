/**
 * Large JSON files (a Trivy report, the SARIF `trivy convert` writes) read as text that
 * `JSON.parse` turns into the very value the file holds, cheaper than `readFileSync(path, 'utf8')`.
 *
 * Why (issue 13): one non-ASCII character anywhere (a curly quote in one CVE description) makes
 * V8 decode the whole file into a two-byte string: at 52 MB that decode took ~190 ms and the
 * parse of the two-byte text ~230 ms. Non-ASCII can only stand inside JSON strings, where
 * `\uXXXX` means the same character, so each run of non-ASCII bytes is decoded alone and
 * written as escapes; the rest is ASCII, read as one-byte text without decoding. Same file:
 * ~270 ms instead of ~420 (measured in bench/README.md).
 */
import { isAscii } from 'node:buffer'
import { closeSync, fstatSync, openSync, readSync } from 'node:fs'

/** Bytes checked at a time by the native ASCII test; only a chunk that fails it is scanned in JS. */
const CHUNK = 4096
/** Within a chunk that fails it, bytes checked at a time before any is looked at in JS. */
const BLOCK = 128
const BACKSLASH = 0x5c
// ignoreBOM keeps a byte order mark as the character it is: `utf8` decoding keeps it too (and
// JSON.parse then refuses it), where a stripping decoder would make a refused file readable.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true })

/** `text` as JSON string escapes, one `\uXXXX` per UTF-16 code unit. */
function escaped(text: string): string {
  let out = ''
  for (let i = 0; i < text.length; i++) {
    out += `\\u${text.charCodeAt(i).toString(16).padStart(4, '0')}`
  }
  return out
}

/** Runs of bytes ≥ 0x80, as [start, end) pairs; undefined when one follows an open escape. */
function nonAsciiRuns(bytes: Buffer): [number, number][] | undefined {
  const runs: [number, number][] = []
  let next = 0
  for (let at = 0; at < bytes.length; at += CHUNK) {
    const end = Math.min(at + CHUNK, bytes.length)
    if (end <= next || isAscii(bytes.subarray(Math.max(at, next), end))) continue
    for (let i = Math.max(at, next); i < end; i++) {
      // The chunk holds some non-ASCII: its ASCII stretches are still skipped natively, a
      // block at a time, rather than byte by byte here (a report's non-ASCII is a few
      // characters in a few hundred chunks; issue 13).
      if (i % BLOCK === 0 && i + BLOCK <= end && isAscii(bytes.subarray(i, i + BLOCK))) {
        i += BLOCK - 1
        continue
      }
      if ((bytes[i] as number) < 0x80) continue
      // `\` then a non-ASCII character is no JSON escape: the escapes written in its place
      // would make `\\u…`, an escaped backslash, and turn a broken file into a valid one.
      let slashes = 0
      while (i - slashes - 1 >= 0 && bytes[i - slashes - 1] === BACKSLASH) slashes++
      if (slashes % 2 === 1) return undefined
      let j = i + 1
      while (j < bytes.length && (bytes[j] as number) >= 0x80) j++
      runs.push([i, j])
      next = j
      i = j - 1
    }
  }
  return runs
}

/**
 * The UTF-8 JSON in the first `length` bytes of `bytes` as ASCII text that parses to the same
 * value (or fails to parse where the original fails), or undefined when only decoding the whole
 * file is sure to. Invalid UTF-8 becomes U+FFFD, as the `utf8` decoding does. The escapes are
 * written in place when the buffer has room for them after `length` (its contents are then
 * changed); else into a new buffer.
 */
export function asciiJsonText(bytes: Buffer, length = bytes.length): string | undefined {
  const data = bytes.subarray(0, length)
  if (isAscii(data)) return data.toString('latin1')
  const runs = nonAsciiRuns(data)
  if (!runs) return undefined
  const escapes = runs.map(([start, end]) => escaped(decoder.decode(data.subarray(start, end))))
  let grown = length
  for (const [k, [start, end]] of runs.entries())
    grown += (escapes[k] as string).length - (end - start)
  if (grown <= bytes.length) {
    // From the last run back: each stretch moves right by the growth of the runs before it
    // (every escape is longer than its bytes), so nothing is overwritten before it has moved.
    let shift = grown - length
    let stretchEnd = length
    for (let k = runs.length - 1; k >= 0; k--) {
      const [start, end] = runs[k] as [number, number]
      const written = escapes[k] as string
      bytes.copyWithin(end + shift, end, stretchEnd)
      shift -= written.length - (end - start)
      bytes.write(written, start + shift, 'latin1')
      stretchEnd = start
    }
    return bytes.toString('latin1', 0, grown)
  }
  const out = Buffer.allocUnsafe(grown)
  let from = 0
  let to = 0
  for (const [k, [start, end]] of runs.entries()) {
    to += data.copy(out, to, from, start)
    to += out.write(escapes[k] as string, to, 'latin1')
    from = end
  }
  data.copy(out, to, from)
  return out.toString('latin1')
}

/**
 * Room read into beyond the file for its escapes: a report has a few hundred non-ASCII
 * characters (~5 KB of escapes at 20,000 findings), so they are nearly always written in place
 * rather than into a second copy of the file (~45 ms at 52 MB, most of it page faults).
 */
const slackFor = (size: number) => 64 * 1024 + Math.ceil(size / 256)

/**
 * `path`'s JSON text for `JSON.parse` (see above). Throws what reading it throws. `cut`: bytes
 * taken out of the file before it is made text, in place; returns the length left.
 */
export function readJsonText(
  path: string,
  cut?: (bytes: Buffer, length: number) => number,
): string {
  const fd = openSync(path, 'r')
  let bytes: Buffer
  let length = 0
  try {
    const size = fstatSync(fd).size
    bytes = Buffer.allocUnsafe(size + slackFor(size))
    for (;;) {
      // Full: a file that grew while read, or a pipe (`--trivy-report /dev/stdin`), whose size
      // fstat does not know. Read on into a larger buffer: what was read is not read again.
      if (length === bytes.length) {
        const larger = Buffer.allocUnsafe(bytes.length * 2)
        bytes.copy(larger, 0, 0, length)
        bytes = larger
      }
      const n = readSync(fd, bytes, length, bytes.length - length, null)
      if (n === 0) break
      length += n
    }
  } finally {
    closeSync(fd)
  }
  if (cut) length = cut(bytes, length)
  return asciiJsonText(bytes, length) ?? bytes.toString('utf8', 0, length)
}
