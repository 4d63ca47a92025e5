import { describe, expect, it } from 'vitest'
import { classifyBaseline } from '../../src/baseline.js'
import { InputError } from '../../src/inputs.js'

describe('classifyBaseline: what a compare-to value is, from its syntax alone', () => {
  it.each([
    ['ghcr.io/acme/app:main', { kind: 'image', image: 'ghcr.io/acme/app:main' }],
    [
      `ghcr.io/acme/app@sha256:${'a'.repeat(64)}`,
      { kind: 'image', image: `ghcr.io/acme/app@sha256:${'a'.repeat(64)}` },
    ],
    ['app', { kind: 'image', image: 'app' }],
    ['ghcr.io/acme/app.json:1', { kind: 'image', image: 'ghcr.io/acme/app.json:1' }],
    ['./ghcr.io/acme/app:main', { kind: 'report', path: './ghcr.io/acme/app:main' }],
    ['../reports/base.json', { kind: 'report', path: '../reports/base.json' }],
    ['/tmp/base.json', { kind: 'report', path: '/tmp/base.json' }],
    ['report:base.json', { kind: 'report', path: 'base.json' }],
    ['report:ghcr.io/acme/app:main', { kind: 'report', path: 'ghcr.io/acme/app:main' }],
  ])('%s', (value, expected) => {
    expect(classifyBaseline(value)).toEqual(expected)
  })

  it('does not look at the file system: the same value means the same thing everywhere', () => {
    // `package.json` exists in the working directory of this test; it is still not a report.
    expect(() => classifyBaseline('package.json')).toThrow(InputError)
    expect(classifyBaseline('src')).toEqual({ kind: 'image', image: 'src' })
  })

  it.each([
    [
      'base.json',
      /Input `compare-to`: "base\.json" reads as an image reference.*\.\/base\.json.*report:base\.json/,
    ],
    ['report:', /names no file/],
    ['reports/base.json', /looks like a file.*\.\/reports\/base\.json/],
    ['localhost:5000/base.json', /looks like a file/],
    ['--server=http://evil.example', /is not an image reference/],
    ['C:\\reports\\base.json', /is not an image reference|looks like a file/],
  ])('refuses %j with what to write instead', (value, message) => {
    expect(() => classifyBaseline(value)).toThrow(InputError)
    expect(() => classifyBaseline(value)).toThrow(message)
  })

  it('names the CLI flag when the CLI classifies', () => {
    expect(() => classifyBaseline('base.json', '--compare-to')).toThrow(/`--compare-to`/)
  })
})
