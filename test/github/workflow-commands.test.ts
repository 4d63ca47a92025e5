import { describe, expect, it } from 'vitest'
import {
  escapeField,
  escapeStrings,
  neutraliseCommands,
  safeJson,
} from '../../src/github/workflow-commands.js'

/** What the runner executes: each line (\n, \r, \r\n), trimmed like .NET's TrimStart. */
function executed(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((l) => l.replace(/^[\s\u0085]+/, ''))
    .filter((l) => l.startsWith('::'))
}

describe('neutraliseCommands', () => {
  it.each([
    '::add-mask::x',
    'ok\n::error::x',
    'ok\r::stop-commands::t',
    'ok\r\n  ::warning::x',
    'ok\n\t::notice::x',
    'ok\n\u00a0::error::nbsp',
    'ok\n\u3000::error::ideographic',
    'ok\n\u0085::error::nel',
    'ok\n\u2003\u202f::error::em',
  ])('%j runs nothing and stays readable', (text) => {
    const out = neutraliseCommands(text)
    expect(executed(out)).toEqual([])
    expect(out.replace(/\\::/g, '::')).toBe(text)
  })

  it('leaves ordinary text alone', () => {
    expect(neutraliseCommands('a :: b\nc::d\n')).toBe('a :: b\nc::d\n')
  })
})

describe('escapeField', () => {
  it('makes every line break and control character visible', () => {
    expect(escapeField('a\nb\rc\td\u001b[31me\u2028f\u0085g')).toBe(
      'a\\nb\\rc\\td\\x1b[31me\\u2028f\\x85g',
    )
  })

  it('escapeStrings escapes every string of a structure, keys and numbers untouched', () => {
    expect(escapeStrings({ a: ['x\ny', 1, { b: 'z\r' }] })).toEqual({
      a: ['x\\ny', 1, { b: 'z\\r' }],
    })
  })
})

describe('safeJson', () => {
  it('is JSON with no raw line break inside a string', () => {
    const value = { id: 'x\n::error::y\u2028z\r' }
    const text = safeJson(value)
    expect(JSON.parse(text)).toEqual(value)
    expect(executed(text)).toEqual([])
    expect(text).not.toMatch(/[\u2028\u2029]/)
  })
})
