/**
 * `escapeText` returns text it would not change without running its replacements (issue 13).
 * The claim is that the fast path never differs from the full escaping: attacked here with
 * every character and pattern the replacements act on, in random strings and at the edges.
 */
import { describe, expect, it } from 'vitest'
import { code, escapeInline, escapeText, escapeTextFully } from '../../src/render/markdown.js'

// What the replacements act on, what they act on only in company, and what they leave alone.
const ALPHABET = [
  ...'\\`*_[]{}~|$&<>@#:/.-+=)(!?%,;\'"',
  ...'wWgGhHaz019 ',
  '\t',
  '\n',
  '\r',
  '\u000B',
  '\u0000',
  '\u001F',
  '\u007F',
  '\u0085',
  '\u009F',
  '\u00A0',
  '\u2003',
  '\u2028',
  '\u2029',
  '\u202A',
  '\u202E',
  '\u2066',
  '\u2069',
  '\uFEFF',
  '\u200B',
  'é',
  '😀',
  '\uD800',
  // The patterns, whole, so random strings hold them often.
  '://',
  'www.',
  'WWW.',
  'gh-',
  'GH-',
  '#1',
  '12.',
  '3)',
]

/** A deterministic generator, so a failure names a string that can be reproduced. */
function* randomStrings(count: number, seed = 1): Generator<string> {
  let state = seed
  const next = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31
    return state
  }
  for (let i = 0; i < count; i++) {
    const length = next() % 14
    let s = ''
    for (let j = 0; j < length; j++) s += ALPHABET[next() % ALPHABET.length]
    yield s
  }
}

const EDGES = [
  '',
  'plain text',
  'www.example.com',
  'WwW.example.com',
  'see www.x',
  'gh-1',
  'GH-12',
  'xgh-9',
  'gh-x',
  '1. item',
  '  12) item',
  '1.5.3',
  '+1',
  ' - dash',
  '-',
  '=',
  '>quote',
  'a>b',
  '#1',
  'a#1',
  '#',
  '@user',
  'a@b',
  'http://x',
  'ftp://y',
  'a:b',
  'line\nbreak',
  'tab\there',
  '\u00A0- nbsp then dash',
  '\uFEFF1. bom then list',
  'CVE-2024-12345',
  'libssl3 3.0.11-1~deb12u2',
  'pkg:npm/%40babel/core@7.0.0',
  'node_modules/a/b/package.json',
]

/** `code` and `escapeInline` as they were before their fast path: every replacement, always. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g
const NEWLINES = /\s*[\r\n\u2028\u2029]+\s*/g
const flatten = (text: string) => text.replace(CONTROL, '').replace(NEWLINES, ' ').trim()
function codeFully(text: string, max = 200): string {
  const chars = [...flatten(text)]
  const short = chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('')
  return short === '' ? '' : `<code>${escapeTextFully(short, { insideCode: true })}</code>`
}
function escapeInlineFully(text: string, max = 200): string {
  const chars = [...flatten(text)]
  const short =
    chars.length > max
      ? `${chars
          .slice(0, max - 1)
          .join('')
          .trimEnd()}…`
      : chars.join('')
  return escapeTextFully(short)
}

describe('code and escapeInline fast path', () => {
  it('equal every replacement on edge cases and 30,000 random strings, cut or not', () => {
    const strings = [...EDGES, ...randomStrings(30_000, 7)]
    let untouched = 0
    for (const s of strings) {
      for (const max of [200, 5, 1]) {
        expect(code(s, max), `${JSON.stringify(s)} ${max}`).toBe(codeFully(s, max))
        expect(escapeInline(s, max), `${JSON.stringify(s)} ${max}`).toBe(escapeInlineFully(s, max))
      }
      if (code(s) === `<code>${s}</code>`) untouched++
    }
    expect(untouched).toBeGreaterThan(1_500)
  })
})

describe('escapeText fast path', () => {
  it('equals the full escaping on edge cases, in text and in code', () => {
    for (const s of EDGES) {
      expect(escapeText(s), JSON.stringify(s)).toBe(escapeTextFully(s))
      expect(escapeText(s, { insideCode: true }), JSON.stringify(s)).toBe(
        escapeTextFully(s, { insideCode: true }),
      )
    }
  })

  it('equals the full escaping on 200,000 random strings of what it acts on', () => {
    let fast = 0
    for (const s of randomStrings(200_000)) {
      for (const options of [{}, { insideCode: true }]) {
        const full = escapeTextFully(s, options)
        if (full === s) fast++
        const got = escapeText(s, options)
        if (got !== full) expect(got, `${JSON.stringify(s)} ${JSON.stringify(options)}`).toBe(full)
      }
    }
    // The strings exercise both paths, not only the escaping one.
    expect(fast).toBeGreaterThan(10_000)
  })

  it('cuts by characters only when there are more than the limit', () => {
    expect(code('a'.repeat(200))).toBe(`<code>${'a'.repeat(200)}</code>`)
    expect(code('a'.repeat(201))).toBe(`<code>${'a'.repeat(199)}…</code>`)
    // 150 emoji are 300 UTF-16 units but 150 characters: not cut at 200.
    expect(code('😀'.repeat(150))).toBe(`<code>${'😀'.repeat(150)}</code>`)
    expect(escapeInline(`${'😀'.repeat(201)}`)).toBe(`${'😀'.repeat(199)}…`)
    expect(escapeInline(`${'b '.repeat(99)}  c`, 200)).toBe(`${'b '.repeat(98)}b…`)
  })
})
