/**
 * src/json-text.ts reads JSON as ASCII text with `\uXXXX` escapes in place of non-ASCII
 * bytes. The one guarantee: `JSON.parse` of it gives exactly what `JSON.parse` of the file
 * decoded as UTF-8 gives, or fails where that fails. A forged file must not parse differently.
 */
import { execFileSync, spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { asciiJsonText, readJsonText } from '../../src/json-text.js'
import { fixturePath } from '../support/fixtures.js'

type Outcome = { value: unknown } | { error: true }

const parse = (text: string): Outcome => {
  try {
    return { value: JSON.parse(text) }
  } catch {
    return { error: true }
  }
}

/**
 * What the file means decoded as UTF-8, and what it means read by json-text: into a new buffer
 * (no room after the file) and in place (room for every escape), which must agree.
 */
function bothWays(bytes: Buffer): { utf8: Outcome; ascii: Outcome; escaped: boolean } {
  const text = asciiJsonText(Buffer.from(bytes))
  const roomy = Buffer.alloc(bytes.length * 12 + 16, 0x7e)
  bytes.copy(roomy)
  expect(asciiJsonText(roomy, bytes.length)).toBe(text)
  return {
    utf8: parse(bytes.toString('utf8')),
    ascii: parse(text ?? bytes.toString('utf8')),
    escaped: text !== undefined,
  }
}

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))))

describe('asciiJsonText', () => {
  it('reads every Trivy report among the fixtures to the same value', () => {
    const dir = join(fixturePath('x'), '..')
    const files = readdirSync(dir).filter((f) => f.endsWith('.json') || f.endsWith('.golden'))
    expect(files.length).toBeGreaterThan(5)
    let withNonAscii = 0
    for (const f of files) {
      const raw = readFileSync(join(dir, f))
      if (raw.some((b) => b >= 0x80)) withNonAscii++
      const { utf8, ascii } = bothWays(raw)
      expect(ascii, f).toEqual(utf8)
    }
    // The case this module exists for is among them.
    expect(withNonAscii).toBeGreaterThan(0)
  })

  it.each<[string, Buffer]>([
    ['two-, three- and four-byte characters', bytes('{"a":"é ü € 中 😀 \u2028"}')],
    ['a surrogate pair as escapes beside raw text', bytes('{"a":"\\ud83d\\ude00 😀"}')],
    ['non-ASCII in a key', bytes('{"ключ":1}')],
    ['an escaped backslash before a character', bytes('{"a":"\\\\é"}')],
    ['a lone continuation byte', bytes('{"a":"x', [0x80], 'y"}')],
    ['a truncated sequence before ASCII', bytes('{"a":"', [0xe2, 0x82], 'z"}')],
    ['an overlong encoding', bytes('{"a":"', [0xc0, 0xaf], '"}')],
    ['an encoded surrogate (invalid in UTF-8)', bytes('{"a":"', [0xed, 0xa0, 0x80], '"}')],
    ['bytes that are never UTF-8', bytes('{"a":"', [0xff, 0xfe], '"}')],
  ])('same value: %s', (_, input) => {
    const { utf8, ascii, escaped } = bothWays(input)
    expect('value' in utf8).toBe(true)
    expect(escaped).toBe(true)
    expect(ascii).toEqual(utf8)
  })

  it.each<[string, Buffer]>([
    ['non-ASCII outside any string', bytes('{"a":1é}')],
    ['a byte order mark', bytes([0xef, 0xbb, 0xbf], '{"a":1}')],
    ['a no-break space as whitespace', bytes('{"a":\u00a01}')],
    ['non-ASCII as a number', bytes('{"a":１}')],
    ['a broken \\u escape before a character', bytes('{"a":"\\u12é"}')],
  ])('fails where UTF-8 decoding fails: %s', (_, input) => {
    const { utf8, ascii } = bothWays(input)
    expect(utf8).toEqual({ error: true })
    expect(ascii).toEqual({ error: true })
  })

  it('a backslash then a character (no JSON escape) is not escaped into a valid file', () => {
    // `\é` would become `\\u00e9`: an escaped backslash and the text u00e9, a valid string.
    const forged = bytes('{"a":"\\é"}')
    expect(asciiJsonText(forged)).toBeUndefined()
    expect(bothWays(forged).ascii).toEqual({ error: true })
    // Three backslashes: an escaped one, then the open escape.
    expect(asciiJsonText(bytes('{"a":"\\\\\\é"}'))).toBeUndefined()
  })

  it('runs across the 4 KiB chunks it checks natively, and runs longer than a chunk', () => {
    for (const pad of [4090, 4093, 4095, 4096, 8190]) {
      const input = bytes('{"p":"', 'x'.repeat(pad), 'ŝ€😀', '","long":"', 'é'.repeat(5000), '"}')
      const { utf8, ascii } = bothWays(input)
      expect(ascii, `pad ${pad}`).toEqual(utf8)
    }
  })

  it('finds non-ASCII next to the 128-byte blocks skipped natively, and an open escape across one', () => {
    // Chunks that fail the 4 KiB check are searched in 128-byte blocks: a character on either
    // side of a block's edge, or one whose backslash sits in the block before, must be seen.
    for (const pad of [120, 121, 122, 123, 124, 125, 250, 251, 4095 - 6, 4096 + 120]) {
      const input = bytes('{"p":"', 'x'.repeat(pad), 'é', 'y'.repeat(300), 'ŝ', '"}')
      const { utf8, ascii, escaped } = bothWays(input)
      expect(escaped, `pad ${pad}`).toBe(true)
      expect(ascii, `pad ${pad}`).toEqual(utf8)
      // `\` as the last byte of a block, the character as the first of the next.
      const forged = bytes('{"p":"', 'x'.repeat(pad), '\\é"}', 'ŝ')
      expect(asciiJsonText(forged), `pad ${pad}`).toBeUndefined()
    }
  })

  it('random documents of random characters, valid and broken, read the same', () => {
    let seed = 12345
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return seed / 2 ** 31
    }
    const alphabet = ['a', '"', '\\', '/', '\n', 'é', '€', '😀', '\u2028', '\ufffd', '中', ' ']
    const str = () =>
      Array.from(
        { length: Math.floor(random() * 12) },
        () => alphabet[Math.floor(random() * alphabet.length)],
      ).join('')
    for (let n = 0; n < 300; n++) {
      const value = { [str()]: [str(), { k: str() }, Math.floor(random() * 100)] }
      const good = Buffer.from(JSON.stringify(value), 'utf8')
      const valid = bothWays(good)
      expect(valid.ascii).toEqual({ value })
      // Cut and corrupted copies: whatever UTF-8 decoding makes of them, so must this.
      const cut = good.subarray(0, Math.floor(random() * good.length))
      expect(bothWays(cut).ascii).toEqual(bothWays(cut).utf8)
      const broken = Buffer.from(good)
      broken[Math.floor(random() * broken.length)] = 0x80 + Math.floor(random() * 0x80)
      expect(bothWays(broken).ascii).toEqual(bothWays(broken).utf8)
    }
  })
})

describe('asciiJsonText in place', () => {
  it('with room for all the escapes but one byte, or exactly, or more: the same text', () => {
    const input = bytes('{"a":"é","b":"x€y","c":"😀"}')
    const expected = asciiJsonText(Buffer.from(input)) as string
    const growth = expected.length - input.length
    for (const room of [growth - 1, growth, growth + 1, growth + 4096]) {
      const buffer = Buffer.alloc(input.length + room, 0x21)
      input.copy(buffer)
      expect(asciiJsonText(buffer, input.length), `room ${room}`).toBe(expected)
    }
    expect(JSON.parse(expected)).toEqual({ a: 'é', b: 'x€y', c: '😀' })
  })
})

describe('readJsonText', () => {
  it('reads a pipe to its end (a report on /dev/stdin): nothing lost, nothing read twice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'json-text-pipe-'))
    const fifo = join(dir, 'report.fifo')
    execFileSync('mkfifo', [fifo])
    // Far more than the 64 KiB a pipe's unknown size starts with, non-ASCII throughout.
    const doc = {
      findings: Array.from({ length: 20_000 }, (_, i) => ({
        id: `CVE-${i}`,
        t: 'é€'.repeat(i % 5),
      })),
    }
    const source = join(dir, 'doc.json')
    writeFileSync(source, JSON.stringify(doc))
    const writer = spawn('sh', ['-c', 'cat "$1" > "$2"', 'sh', source, fifo])
    const exited = once(writer, 'exit')
    expect(JSON.parse(readJsonText(fifo))).toEqual(doc)
    expect((await exited)[0]).toBe(0)
  })

  it('reads a file to the same value, and throws what readFileSync throws', () => {
    const dir = mkdtempSync(join(tmpdir(), 'json-text-'))
    const file = join(dir, 'r.json')
    writeFileSync(file, '{"a":"ü","b":["😀"]}')
    expect(JSON.parse(readJsonText(file))).toEqual({ a: 'ü', b: ['😀'] })
    // More escapes than the room read beyond the file (64 KiB + 1/256): a second buffer.
    const many = { s: '€'.repeat(200_000) }
    writeFileSync(file, JSON.stringify(many))
    expect(JSON.parse(readJsonText(file))).toEqual(many)
    writeFileSync(file, '')
    expect(readJsonText(file)).toBe('')
    expect(() => readJsonText(join(dir, 'missing.json'))).toThrow(/ENOENT/)
  })
})
