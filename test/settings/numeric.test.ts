/** Issue 9 item 10: numeric inputs are validated as what they mean, at input time. */
import { describe, expect, it } from 'vitest'
import { durationToMs, parsePositiveInt, parseTimeout } from '../../src/inputs.js'
import { actionSource, cliSource, resolveSettings } from '../../src/settings/index.js'

const action = (values: Record<string, string>) =>
  resolveSettings(actionSource((name) => values[name] ?? ''))

describe('timeout', () => {
  it.each(['0s', '0.0001ms', '999ms', '0.5s', '600h', '6h1s', '7h', '361m'])(
    '`%s` is refused with the allowed range',
    (value) => {
      expect(() => action({ image: 'a:1', timeout: value })).toThrow(
        new RegExp(
          `^Input \`timeout\`: "${value.replace('.', '\\.')}" is out of range: give a duration from 1s to 6h`,
        ),
      )
    },
  )

  it.each(['', 'ten', '10', '-5m', '1d', '1h 30m', 'm', '10M'])(
    '`%s` is not a duration',
    (value) => {
      if (value === '') return // empty means the default
      expect(() => action({ image: 'a:1', timeout: value })).toThrow(
        /^Input `timeout`: ".*" is not a duration; write it like 10m, 90s or 1h30m\./,
      )
    },
  )

  it.each([
    ['1s', 1000],
    ['1000ms', 1000],
    ['10m', 600_000],
    ['1h30m', 5_400_000],
    ['1.5h', 5_400_000],
    ['6h', 21_600_000],
  ])('`%s` is accepted (%d ms)', (value, ms) => {
    expect(parseTimeout(value)).toBe(value)
    expect(durationToMs(value)).toBe(ms)
  })

  it('names the CLI flag in the CLI', () => {
    expect(() => resolveSettings(cliSource({ IMAGE: 'a:1', '--timeout': '600h' }))).toThrow(
      /^Flag `--timeout`: "600h" is out of range/,
    )
  })
})

describe('whole numbers', () => {
  it.each(['0', '-1', '65', '1.5', '2.0', '0x10', '1e1', ' ', 'two', '99999999999999999999'])(
    'max-parallel `%s` is refused',
    (value) => {
      expect(() => action({ image: 'a:1', 'max-parallel': value })).toThrow(
        /^Input `max-parallel`: ".*" must be a whole number from 1 to 64\./,
      )
    },
  )

  it.each(['1', '64', ' 8 '])('max-parallel `%s` is accepted', (value) => {
    const s = action({ image: 'a:1', 'max-parallel': value })
    expect(s.mode === 'scan' && s.scan.maxParallel.value).toBe(Number(value.trim()))
  })

  it.each(['0', '-3', '7.5', '1e3', '#7', '1000000001'])(
    'pull-request `%s` is refused',
    (value) => {
      expect(() => action({ image: 'a:1', 'pull-request': value })).toThrow(
        /^Input `pull-request`: ".*" must be a whole number from 1 to 1000000000\./,
      )
    },
  )

  it('pull-request 42 is read as 42', () => {
    const s = action({ image: 'a:1', 'pull-request': '42' })
    expect(s.mode === 'scan' && s.comment.pullRequest.value).toBe(42)
  })

  it('parsePositiveInt keeps its fallback for an empty value', () => {
    expect(parsePositiveInt('', 'x', 3)).toBe(3)
  })
})

describe('max-image-size', () => {
  it.each(['0', '0MB', '0.0001B', '2000GB'])('`%s` is refused with the range', (value) => {
    expect(() => action({ image: 'a:1', 'max-image-size': value })).toThrow(
      /^Input `max-image-size`: ".*" is out of range: give a size from 1 byte to 1TB\./,
    )
  })

  it.each(['big', '-5MB', '5 parsecs'])('`%s` is not a size', (value) => {
    expect(() => action({ image: 'a:1', 'max-image-size': value })).toThrow(
      /^Input `max-image-size`: ".*" is not a size/,
    )
  })

  it('200MB is 200,000,000 bytes', () => {
    const s = action({ image: 'a:1', 'max-image-size': '200MB' })
    expect(s.mode === 'scan' && s.scan.maxImageSize.value).toBe(200_000_000)
  })
})
