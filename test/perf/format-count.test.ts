import { describe, expect, it } from 'vitest'
import { formatCount, plural } from '../../src/render/markdown.js'

// issue 13: counts are formatted without ICU; what they read must not change.
describe('formatCount is toLocaleString("en-US")', () => {
  const values = [
    0,
    -0,
    1,
    9,
    10,
    99,
    100,
    999,
    1000,
    1001,
    9999,
    10000,
    12345,
    99999,
    100000,
    999999,
    1000000,
    1234567,
    20000,
    100000,
    65536,
    -1,
    -999,
    -1000,
    -1234567,
    2 ** 31,
    2 ** 32,
    Number.MAX_SAFE_INTEGER,
    -Number.MAX_SAFE_INTEGER,
    Number.MAX_SAFE_INTEGER + 2,
    1.5,
    1234.5678,
    -0.25,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    1e21,
  ]
  it.each(values.map((v) => [v]))('%s', (v) => {
    expect(formatCount(v)).toBe(v.toLocaleString('en-US'))
  })

  it('every integer up to 1,100,000 and a spread beyond', () => {
    for (let n = 0; n <= 1_100_000; n += n < 20_000 ? 1 : 97)
      if (formatCount(n) !== n.toLocaleString('en-US'))
        expect(formatCount(n)).toBe(n.toLocaleString('en-US'))
    for (let n = 1; n < Number.MAX_SAFE_INTEGER / 7; n = n * 7 + 3)
      expect(formatCount(-n)).toBe((-n).toLocaleString('en-US'))
  })

  it('plural keeps its wording', () => {
    expect(plural(1, 'finding')).toBe('1 finding')
    expect(plural(20000, 'finding')).toBe('20,000 findings')
  })
})
