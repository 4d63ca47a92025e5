/**
 * The members of a Trivy report that Shipgate never reads, cut out of its JSON bytes before the
 * parse (issue 13). `References` (a list of advisory URLs per finding) and `Description` (the
 * advisory's text) are over half of a report: 30 of the 52 MB of the 20,000-finding bench
 * report. Parsing them made ~20 MB of strings and arrays that nothing looked at, and cost ~170 ms
 * of `JSON.parse` and garbage collection with them.
 *
 * Nothing else changes: each member cut is a whole `"References": [ "…", … ]` or
 * `"Description": "…"` member of an object, with the comma that separated it. Only members after
 * the report's first `"Results"` key are cut, so image metadata (labels named `Description`)
 * stays as written. Any other shape (a description that is not one string, references that are
 * not strings, a string that does not end) is left for `JSON.parse` and the schema to judge, as
 * they would have without this.
 *
 * Why this is exact for valid JSON: outside a string a `"` opens or closes one, and inside one
 * it is escaped (an odd run of backslashes before it); a `"` right after `{` or `,` (spaces
 * aside) opens a string, and a string followed by `:` is a key. So `{` or `,`, then
 * `"References"`, then `:` is that key wherever it stands, and its value is found the same way.
 * For text that is not valid JSON: what is cut holds its quotes in pairs, so every byte after it
 * reads as it did (inside or outside a string), and a fault elsewhere stays a fault. One fault
 * is no longer seen: bytes JSON forbids inside a description or a reference (a raw control
 * character, an unknown escape), which no field Shipgate reads depends on.
 *
 * Whoever hands the report on (to `trivy convert`) must use the file, which still holds them
 * (`readTrivyReport`'s `all` option reads everything, for the rare report that is rewritten).
 */

/**
 * The keys cut, without their opening quote: a search for a pattern that starts with `"`, the
 * commonest byte of JSON, ran at half the speed (V8's search looks for the first byte first).
 * The first holds a string, the second a list of strings.
 */
const DESCRIPTION = Buffer.from('Description"')
const REFERENCES = Buffer.from('References"')
const RESULTS = Buffer.from('"Results"')

const QUOTE = 0x22
const BACKSLASH = 0x5c
const COLON = 0x3a
const COMMA = 0x2c
const OPEN_BRACE = 0x7b
const CLOSE_BRACE = 0x7d
const OPEN_BRACKET = 0x5b
const CLOSE_BRACKET = 0x5d
/** Each byte of a 32-bit word, for the tests in `pastStrings`. */
const QUOTES = 0x22222222
const BACKSLASHES = 0x5c5c5c5c
const ONES = 0x01010101
const HIGHS = 0x80808080

/** The bytes read, and the same memory as 32-bit words when it starts on a word. */
interface Text {
  bytes: Buffer
  words: Uint32Array | undefined
  /** Where the text ends in `bytes`. */
  end: number
}

/** JSON's whitespace: space, tab, line feed, carriage return. */
const isSpace = (b: number | undefined) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09

function skipSpace(t: Text, at: number): number {
  while (at < t.end && isSpace(t.bytes[at])) at++
  return at
}

/**
 * Past the string that opens at `at` (a `"`), or -1 when it does not end: by the native search
 * for each next `"`, a description being hundreds of bytes long.
 */
function pastString(t: Text, at: number): number {
  let from = at + 1
  for (;;) {
    const close = t.bytes.indexOf(QUOTE, from)
    if (close < 0 || close >= t.end) return -1
    let slashes = 0
    while (t.bytes[close - 1 - slashes] === BACKSLASH) slashes++
    if (slashes % 2 === 0) return close + 1
    from = close + 1
  }
}

/** Whether any byte of `word` is `byte` repeated in `bytes4` (the classic zero-byte test). */
const holds = (word: number, bytes4: number) => {
  const x = word ^ bytes4
  return ((x - ONES) & ~x & HIGHS) !== 0
}

/**
 * Past the list of strings that opens at `at` (a `[`), or -1 when it is anything else or does
 * not end. One loop over its bytes, four at a time while none is a quote or a backslash (a
 * URL's bytes nearly all): a report's references are ~20 short URLs per finding, and a call
 * per string, or per byte, cost more than reading them.
 */
function pastStrings(t: Text, at: number): number {
  const { bytes, words, end } = t
  const lastWord = (end >> 2) - 1
  let i = skipSpace(t, at + 1)
  if (bytes[i] === CLOSE_BRACKET) return i + 1
  for (;;) {
    if (bytes[i] !== QUOTE) return -1
    i++
    for (;;) {
      if (words && (i & 3) === 0) {
        let k = i >> 2
        while (k < lastWord) {
          const w = words[k] as number
          if (holds(w, QUOTES) || holds(w, BACKSLASHES)) break
          k++
        }
        i = k << 2
      }
      if (i >= end) return -1
      const b = bytes[i]
      if (b === QUOTE) break
      // The byte after a backslash is escaped (in `\uXXXX` the rest are hex digits).
      i += b === BACKSLASH ? 2 : 1
    }
    i = skipSpace(t, i + 1)
    if (bytes[i] === CLOSE_BRACKET) return i + 1
    if (bytes[i] !== COMMA) return -1
    i = skipSpace(t, i + 1)
  }
}

/** A member found: its key, the byte before it (`{` or `,`), and what follows its value. */
interface Member {
  key: number
  /** Where the `,` before it is; -1 when it is its object's first member. */
  comma: number
  valueEnd: number
  /** Past the `,` after it; -1 when it is its object's last member. */
  pastComma: number
}

/** The member whose key opens at `key`, when it is one holding what the key should hold. */
function memberAt(t: Text, key: number, keyLength: number, list: boolean): Member | undefined {
  const { bytes } = t
  // The byte before the key, spaces aside: `{` or `,`, or this is no key.
  let before = key - 1
  while (before >= 0 && isSpace(bytes[before])) before--
  const opener = bytes[before]
  if (opener !== OPEN_BRACE && opener !== COMMA) return undefined
  let i = skipSpace(t, key + keyLength)
  if (bytes[i] !== COLON) return undefined
  i = skipSpace(t, i + 1)
  const valueEnd = list
    ? bytes[i] === OPEN_BRACKET
      ? pastStrings(t, i)
      : -1
    : bytes[i] === QUOTE
      ? pastString(t, i)
      : -1
  if (valueEnd < 0) return undefined
  const after = skipSpace(t, valueEnd)
  const closer = bytes[after]
  if (closer !== COMMA && closer !== CLOSE_BRACE) return undefined
  return {
    key,
    comma: opener === COMMA ? before : -1,
    valueEnd,
    pastComma: closer === COMMA ? after + 1 : -1,
  }
}

/** The members of one key from `from` on, in order. */
function membersOf(t: Text, key: Buffer, from: number): Member[] {
  const list = key === REFERENCES
  const found: Member[] = []
  for (let at = t.bytes.indexOf(key, from); at >= 0 && at < t.end; ) {
    const member = t.bytes[at - 1] === QUOTE ? memberAt(t, at - 1, key.length + 1, list) : undefined
    if (member) found.push(member)
    at = t.bytes.indexOf(key, member ? member.valueEnd : at + key.length)
  }
  return found
}

/**
 * Cuts the unread members out of the first `length` bytes of `bytes`, in place, and returns the
 * new length (`length` when there were none).
 */
export function cutUnreadFields(bytes: Buffer, length: number): number {
  const results = bytes.indexOf(RESULTS)
  if (results < 0 || results >= length) return length
  const words =
    bytes.byteOffset % 4 === 0
      ? new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length >> 2)
      : undefined
  const t: Text = { bytes, words, end: length }
  const descriptions = membersOf(t, DESCRIPTION, results)
  const references = membersOf(t, REFERENCES, results)
  if (!descriptions.length && !references.length) return length
  // Each member goes with one comma, so the object keeps one between any two members left: the
  // one before it, unless that one is gone already (with the member before, the first of its
  // object), and then the one after it, if any. In the order they stand: the two lists merged.
  let to = -1
  let from = 0
  let cutEnd = 0
  let d = 0
  let r = 0
  for (;;) {
    const a = descriptions[d]
    const b = references[r]
    const m = a && (!b || a.key < b.key) ? a : b
    if (!m) break
    if (m === a) d++
    else r++
    // Inside what is cut already: only text that is not JSON can nest one in another.
    if (m.key < cutEnd) continue
    const cutFromComma = m.comma >= cutEnd
    const start = cutFromComma ? m.comma : m.key
    const end = cutFromComma || m.pastComma < 0 ? m.valueEnd : m.pastComma
    // copyWithin rather than copy: the typed array's own, without Buffer's checks per call.
    if (to < 0) to = start
    else {
      bytes.copyWithin(to, from, start)
      to += start - from
    }
    from = end
    cutEnd = end
  }
  bytes.copyWithin(to, from, length)
  return to + length - from
}
