import { describe, expect, it } from 'vitest'
import { policySha256 } from '../../src/policy-file/canonical.js'
import { policyDiff } from '../../src/policy-file/diff.js'
import { parsePolicy } from '../../src/policy-file/parse.js'

const v = (text: string) => parsePolicy(`version: 1\n${text}`, 'f.yml').values
const EXC = (id: string) => `  - id: ${id}\n    reason: r\n    expires: 2027-01-01\n`

describe('policyDiff(base, head): what a pull request does to its own gate', () => {
  it('says which way each change goes, loosening first', () => {
    const d = policyDiff(
      v(`fail-on: high\nexceptions:\n${EXC('CVE-1')}`),
      v(
        `fail-on: critical\nexceptions:\n${EXC('CVE-1')}${EXC('CVE-2')}${EXC('CVE-3')}base-image-policy: enforce\n`,
      ),
    )
    expect(d.summary).toBe(
      'this PR loosens: fail-on high→critical, +2 exceptions (CVE-2 until 2027-01-01; CVE-3 until 2027-01-01); tightens: base-image-policy warn→enforce',
    )
    expect(d.loosens.map((c) => c.key)).toEqual(['fail-on', 'exceptions'])
    expect(d.tightens.map((c) => c.key)).toEqual(['base-image-policy'])
  })

  it('a tightening-only change says so', () => {
    expect(policyDiff(v('fail-on: high\n'), v('fail-on: low\n')).summary).toBe(
      'this PR tightens: fail-on high→low',
    )
  })

  it('formatting, comments and key order are no change', () => {
    const d = policyDiff(
      v('fail-on: high\nvex: [a]\n'),
      v('# note\nvex:\n  - a\nfail-on: "high"\n'),
    )
    expect(d.changes).toEqual([])
    expect(d.summary).toBe('')
  })

  it('writing a default explicitly is no change', () => {
    expect(policyDiff(v(''), v('fail-on: high\nignore-unfixed: false\n')).changes).toEqual([])
  })

  it('deleting the policy file loosens back to the defaults', () => {
    const d = policyDiff(v(`fail-on: low\nexceptions: []\nbase-image-policy: enforce\n`), undefined)
    expect(d.summary).toBe('this PR loosens: fail-on low→high, base-image-policy enforce→warn')
  })

  it('adding a policy file compares with the defaults', () => {
    expect(policyDiff(undefined, v('ignore-unfixed: true\n')).summary).toBe(
      'this PR loosens: ignore-unfixed false→true',
    )
  })

  it('another signer identity is a change, neither tighter nor looser', () => {
    const d = policyDiff(v('certificate-identity: a\n'), v('certificate-identity: b\n'))
    expect(d.other).toHaveLength(1)
    expect(d.summary).toBe('this PR changes: certificate-identity a→b')
  })
})

describe('policySha256', () => {
  it('is the same for the same decision, whatever the formatting or set order', () => {
    const a = v(`fail-on: high\nvex: [a, b]\nmax-image-size: 200MB\nforbid: [shell, root-user]\n`)
    const b = v(
      `forbid: [root-user, shell]\nmax-image-size: 200000000\nvex: [b, a]\nfail-on: high\n`,
    )
    expect(policySha256(a, [])).toBe(policySha256(b, []))
    expect(policySha256(a, [])).toMatch(/^[0-9a-f]{64}$/)
  })

  it('changes when a value or a lock changes', () => {
    const a = v('fail-on: high\n')
    expect(policySha256(a, [])).not.toBe(policySha256(v('fail-on: medium\n'), []))
    expect(policySha256(a, [])).not.toBe(policySha256(a, ['fail-on']))
  })

  it('an exception reason is part of the record', () => {
    const one = v('exceptions:\n  - id: X\n    reason: a\n    expires: 2027-01-01\n')
    const two = v('exceptions:\n  - id: X\n    reason: b\n    expires: 2027-01-01\n')
    expect(policySha256(one, [])).not.toBe(policySha256(two, []))
  })
})
