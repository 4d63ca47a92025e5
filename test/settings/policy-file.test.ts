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
      'fail-on': { raw: 'critical', file: F, line: 2, locked: false },
      'ignore-unfixed': { raw: 'true', file: F, line: 3, locked: false },
      forbid: { raw: 'shell\nroot-user', file: F, line: 4, locked: false },
      'fail-on-scope': { raw: 'all', file: F, line: 5, locked: true },
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
    ['version: 1\nfail-on: [high\n', /^\.github\/shipgate\.yml:\d+: is not valid YAML/],
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

  it('a bad value in the file is refused when the file is read, named by file:line', () => {
    expect(() => parsePolicyFile('version: 1\nforbid: [shell]\nfail-on: severe\n', F)).toThrow(
      /^\.github\/shipgate\.yml:3 `fail-on`: is not one of critical, high, medium, low, unknown, none/,
    )
    expect(() => parsePolicyFile('version: 1\nforbid: [shell, bash]\n', F)).toThrow(
      /^\.github\/shipgate\.yml:2 `forbid\.1`: is not one of shell, package-manager/,
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

  it('vex from the file reaches the scan; mode rescan says it does not apply VEX', () => {
    const withVex = parsePolicyFile(
      'version: 1\nvex:\n  - .vex/a.openvex.json\nvex-required-author: octo-org security\n',
      F,
    )
    const scan = resolveSettings(inputs({ image: 'a:1' }), withVex)
    if (scan.mode !== 'scan') throw new Error('not a scan')
    expect(scan.scan.vex).toEqual({
      value: ['.vex/a.openvex.json'],
      origin: { kind: 'policy', file: F, key: 'vex', line: 2 },
    })
    expect(scan.scan.vexRequiredAuthor.value).toEqual(['octo-org security'])
    expect(scan.notes).toEqual([])
    const rescan = resolveSettings(inputs({ mode: 'rescan', image: 'ghcr.io/a/b:1' }), withVex)
    expect(rescan.notes.join('\n')).toMatch(
      /lists VEX documents, but mode: rescan does not apply VEX: the findings they mark count/,
    )
  })
})
