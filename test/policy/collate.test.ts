import { expect, it } from 'vitest'
import { collate, expectComparisons, icuAnswersAll } from '../../src/policy/collate.js'

const icu = new Intl.Collator('en')
const sign = (n: number) => Math.sign(n)

const PRINTABLE = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i))

it('orders every pair of printable ASCII characters as the collator does', () => {
  for (const a of PRINTABLE) {
    for (const b of PRINTABLE) {
      expect(sign(collate(a, b)), `${JSON.stringify(a)} vs ${JSON.stringify(b)}`).toBe(
        sign(icu.compare(a, b)),
      )
    }
  }
})

it('orders 200,000 random strings as the collator does, ASCII or not', () => {
  let s = 12345
  const r = () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
  // Mostly printable ASCII with few distinct characters (so prefixes and case ties are common),
  // some IDs and keys as Trivy writes them, and characters the fast path must hand over:
  // accents, a combining mark, a control character, an emoji.
  const alphabet = ['a', 'A', 'b', 'B', 'z', '0', '9', '-', '_', '|', '.', '@', ' ', '/', '~', '$']
  const rare = ['é', 'e\u0301', '\u0000', '\t', '😀', 'ß', 'İ']
  const word = () => {
    const n = Math.floor(r() * 7)
    let w = ''
    for (let i = 0; i < n; i++)
      w +=
        r() < 0.03
          ? rare[Math.floor(r() * rare.length)]
          : alphabet[Math.floor(r() * alphabet.length)]
    return w
  }
  const real = [
    'CVE-2024-0001',
    'cve-2024-0001',
    'CVE-2024-10',
    'GHSA-2x3c-v9fq-hw8f',
    'CVE-2024-0001|openssl|3.0.2',
    'CVE-2024-0001|OpenSSL|3.0.2',
  ]
  for (let i = 0; i < 200_000; i++) {
    const prefix = r() < 0.5 ? (real[Math.floor(r() * real.length)] as string) : ''
    const a = prefix + word()
    const b = (r() < 0.7 ? prefix : '') + word()
    const want = sign(icu.compare(a, b))
    expect(sign(collate(a, b)), `${JSON.stringify(a)} vs ${JSON.stringify(b)}`).toBe(want)
  }
  // Printable ASCII was answered by the fast path throughout: the strings beyond ASCII built
  // the collator for themselves, which does not switch the fast path off.
  expect(icuAnswersAll()).toBe(false)
})

it('hands a large sort to ICU, in the same order (last: it switches the module over)', () => {
  const words = ['b', 'A', 'a', 'B', '-x', '_x', 'a-b', 'ab', 'é', 'e']
  const before = [...words].sort(collate)
  expectComparisons(100)
  expect(icuAnswersAll()).toBe(false)
  expectComparisons(5_000)
  expect(icuAnswersAll()).toBe(true)
  expect([...words].sort(collate)).toEqual(before)
  expect(before).toEqual([...words].sort(icu.compare))
})
