import { describe, expect, it } from 'vitest'
import { actionSource, parsePolicyFile, resolveSettings } from '../../src/settings/index.js'

const F = '.github/shipgate.yml'
const inputs = (values: Record<string, string>) => actionSource((name) => values[name] ?? '')

describe('parsePolicyFile', () => {
  it('reads values, lists and locked keys, with their lines and the file hash', () => {
    const policy = parsePolicyFile(
      [
        'version: 1',
        'fail-on: critical',
        'ignore-unfixed: true',
        'forbid: [shell, root-user]',
        'fail-on-scope: { value: all, locked: true }',
        '',
      ].join('\n'),
      F,
    )
    expect(policy.values).toEqual({
      'fail-on': { raw: 'critical', line: 2, locked: false },
      'ignore-unfixed': { raw: 'true', line: 3, locked: false },
      forbid: { raw: 'shell\nroot-user', line: 4, locked: false },
      'fail-on-scope': { raw: 'all', line: 5, locked: true },
    })
    expect(policy.sha256).toMatch(/^[0-9a-f]{64}$/)
  })

  it.each([
    ['fail-on: high\n', /^\.github\/shipgate\.yml:1 `version`: write `version: 1`/],
    ['version: 2\nfail-on: high\n', /^\.github\/shipgate\.yml:1 `version`: write `version: 1`/],
    [
      'version: 1\n\nfail-on: high\nfial-on: low\n',
      /^\.github\/shipgate\.yml:4 `fial-on`: is not a policy key\. The file may set fail-on,/,
    ],
    // Settings that are the workflow's business, not the organisation's, are not policy keys.
    ['version: 1\ntimeout: 1s\n', /^\.github\/shipgate\.yml:2 `timeout`: is not a policy key/],
    ['version: 1\nfail-on:\n', /^\.github\/shipgate\.yml:2 `fail-on`: has no value/],
    ['version: 1\nfail-on: [high\n', /^\.github\/shipgate\.yml:\d+ `yaml`: not valid YAML/],
    ['- a\n- b\n', /must be a mapping that starts with `version: 1`/],
    [
      'version: 1\nfail-on: { value: high, lock: true }\n',
      /^\.github\/shipgate\.yml:2 `fail-on`: .*\{ value: …, locked: true \}/,
    ],
  ])('refuses %j naming file:line and the key', (text, message) => {
    expect(() => parsePolicyFile(text, F)).toThrow(message)
  })
})

describe('resolveSettings with a policy file', () => {
  const policy = parsePolicyFile('version: 1\nfail-on: critical\n\nforbid: [shell]\n', F)

  it('a value in the file is checked by the same parser, named by file:line', () => {
    const bad = parsePolicyFile('version: 1\nforbid: [shell]\nfail-on: severe\n', F)
    expect(() => resolveSettings(inputs({ image: 'a:1' }), bad)).toThrow(
      /^\.github\/shipgate\.yml:3 `fail-on`: "severe" is not a severity/,
    )
    const badList = parsePolicyFile('version: 1\nforbid: [shell, bash]\n', F)
    expect(() => resolveSettings(inputs({ image: 'a:1' }), badList)).toThrow(
      /^\.github\/shipgate\.yml:2 `forbid`: "bash" is not one of/,
    )
  })

  it('records where each value came from', () => {
    const s = resolveSettings(inputs({ image: 'a:1' }), policy)
    if (s.mode !== 'scan') throw new Error('not a scan')
    expect(s.scan.failOn).toEqual({
      value: 'CRITICAL',
      origin: { kind: 'policy', file: F, key: 'fail-on', line: 2 },
    })
    expect(s.scan.forbid.value).toEqual(['shell'])
    expect(s.policy).toEqual({ file: F, sha256: policy.sha256 })
  })
})
