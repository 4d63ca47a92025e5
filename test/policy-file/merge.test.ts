import { describe, expect, it } from 'vitest'
import { PolicyLockError } from '../../src/policy-file/errors.js'
import { mergePolicies } from '../../src/policy-file/merge.js'
import { parsePolicy } from '../../src/policy-file/parse.js'

const CENTRAL = 'acme/policies/shipgate.yml@0123456789abcdef0123456789abcdef01234567'
const REPO = '.github/shipgate.yml'

function merge(central: string, repo: string, mid?: string) {
  const layers = [parsePolicy(`version: 1\n${central}`, CENTRAL)]
  if (mid !== undefined)
    layers.push(parsePolicy(`version: 1\n${mid}`, `acme/team/shipgate.yml@${'f'.repeat(40)}`))
  layers.push(parsePolicy(`version: 1\n${repo}`, REPO))
  return mergePolicies(layers)
}

function refused(central: string, repo: string, mid?: string): PolicyLockError {
  try {
    merge(central, repo, mid)
  } catch (error) {
    expect(error).toBeInstanceOf(PolicyLockError)
    return error as PolicyLockError
  }
  throw new Error('the repository file loosened a locked key and was accepted')
}

const EXC = (id: string, expires = '2027-01-01', extra = '') =>
  `  - id: ${id}\n    reason: accepted by security\n    expires: ${expires}\n${extra}`

describe('locked keys: a repository file may tighten, never loosen', () => {
  describe('fail-on (a lower threshold is tighter)', () => {
    const central = 'fail-on: high\nlocked: [fail-on]\n'
    it.each(['none', 'critical'])('refuses fail-on: %s under a locked high', (v) => {
      const e = refused(central, `\nfail-on: ${v}\n`)
      expect(e.file).toBe(REPO)
      expect(e.key).toBe('fail-on')
      expect(e.line).toBe(3)
      expect(e.message).toBe(
        `${REPO}:3 \`fail-on\`: loosens the locked key \`fail-on\` (fail-on high→${v}), which ${CENTRAL}:3 locks. A file that extends it may only tighten it: a stricter threshold (lower severity), e.g. medium instead of high. Remove it here, or ask the owners of ${CENTRAL} to change the central policy.`,
      )
    })
    it.each(['high', 'medium', 'low', 'unknown'])('accepts fail-on: %s (same or tighter)', (v) => {
      const m = merge(central, `fail-on: ${v}\n`)
      expect(m.values['fail-on']).toBe(v)
      expect(m.origins.get('fail-on')?.file).toBe(REPO)
    })
    it('a lock on a key the central file leaves unset locks the default (high)', () => {
      expect(refused('locked: [fail-on]\n', 'fail-on: critical\n').key).toBe('fail-on')
      expect(merge('locked: [fail-on]\n', 'fail-on: low\n').values['fail-on']).toBe('low')
    })
  })

  it('fail-on-scope: new (only new findings count) loosens a locked all', () => {
    expect(
      refused('fail-on-scope: all\nlocked: [fail-on-scope]\n', 'fail-on-scope: new\n').key,
    ).toBe('fail-on-scope')
  })

  it('ignore-unfixed: true loosens a locked false; false tightens a locked true', () => {
    expect(
      refused('ignore-unfixed: false\nlocked: [ignore-unfixed]\n', 'ignore-unfixed: true\n').key,
    ).toBe('ignore-unfixed')
    expect(
      merge('ignore-unfixed: true\nlocked: [ignore-unfixed]\n', 'ignore-unfixed: false\n').values[
        'ignore-unfixed'
      ],
    ).toBe(false)
  })

  it('warn-expiry-days: fewer days loosens', () => {
    expect(
      refused('warn-expiry-days: 30\nlocked: [warn-expiry-days]\n', 'warn-expiry-days: 1\n').key,
    ).toBe('warn-expiry-days')
  })

  describe('exceptions', () => {
    const central = `exceptions:\n${EXC('CVE-2024-0001')}${EXC('CVE-2024-0002', '2026-06-30', '    package: openssl\n')}locked: [exceptions]\n`
    it('refuses one more exception, naming it', () => {
      const e = refused(
        central,
        `exceptions:\n${EXC('CVE-2024-0001')}${EXC('CVE-2024-0002', '2026-06-30', '    package: openssl\n')}${EXC('CVE-2024-9999')}`,
      )
      expect(e.key).toBe('exceptions')
      expect(e.message).toContain('+1 exception (CVE-2024-9999 until 2027-01-01)')
    })
    it('refuses the same exception with a later expiry', () => {
      const e = refused(central, `exceptions:\n${EXC('CVE-2024-0001', '2030-01-01')}`)
      expect(e.message).toContain('later expiry for CVE-2024-0001')
    })
    it('refuses the same ID with a wider scope (the package dropped)', () => {
      expect(refused(central, `exceptions:\n${EXC('CVE-2024-0002', '2026-06-30')}`).key).toBe(
        'exceptions',
      )
    })
    it('refuses swapping an exception for another (same count, different ID)', () => {
      expect(
        refused(central, `exceptions:\n${EXC('CVE-2024-0001')}${EXC('CVE-2024-0003')}`).key,
      ).toBe('exceptions')
    })
    it('refuses an exception under a lock on an empty list', () => {
      expect(
        refused('exceptions: []\nlocked: [exceptions]\n', `exceptions:\n${EXC('CVE-2024-1')}`).key,
      ).toBe('exceptions')
    })
    it('accepts fewer, narrower (a package added) or shorter exceptions, and none', () => {
      expect(
        merge(central, `exceptions:\n${EXC('CVE-2024-0001', '2026-01-01', '    package: zlib\n')}`)
          .values.exceptions,
      ).toHaveLength(1)
      expect(merge(central, 'exceptions: []\n').values.exceptions).toEqual([])
    })
    it('an ID in another case is the same exception', () => {
      expect(
        merge(central, `exceptions:\n${EXC('cve-2024-0001')}`).values.exceptions?.[0]?.id,
      ).toBe('cve-2024-0001')
    })
  })

  it('vex: another VEX source loosens (VEX suppresses findings)', () => {
    expect(refused('vex: [a.json]\nlocked: [vex]\n', 'vex: [a.json, b.json]\n').key).toBe('vex')
    expect(merge('vex: [a.json, b.json]\nlocked: [vex]\n', 'vex: [b.json]\n').values.vex).toEqual([
      'b.json',
    ])
  })

  describe('base-image (a section lock covers every key in it)', () => {
    const central =
      'base-image:\n  policy: enforce\n  allowed: ["gcr.io/distroless/*", "alpine:3.*"]\n  forbid: [shell]\n  max-size: 200MB\nlocked: [base-image]\n'
    it.each([
      ['base-image.policy', 'base-image:\n  policy: warn\n'],
      ['base-image.policy', 'base-image:\n  policy: "off"\n'],
      [
        'base-image.allowed',
        'base-image:\n  allowed: ["gcr.io/distroless/*", "alpine:3.*", "ubuntu:*"]\n',
      ],
      ['base-image.allowed', 'base-image:\n  allowed: ["gcr.io/**"]\n'],
      ['base-image.allowed', 'base-image:\n  allowed: ["gcr.io/distroless/**"]\n'],
      ['base-image.allowed', 'base-image:\n  allowed: ["alpine"]\n'],
      ['base-image.allowed', 'base-image:\n  allowed: []\n'],
      ['base-image.forbid', 'base-image:\n  forbid: []\n'],
      ['base-image.forbid', 'base-image:\n  forbid: [root-user]\n'],
      ['base-image.max-size', 'base-image:\n  max-size: 1GB\n'],
      ['base-image.max-size', 'base-image:\n  max-size: 200000001\n'],
    ])('refuses %s loosened: %s', (key, repo) => {
      const e = refused(central, repo)
      expect(e.key).toBe(key)
      expect(e.line).toBe(3)
    })
    it.each([
      'base-image:\n  policy: enforce\n',
      'base-image:\n  allowed: ["gcr.io/distroless/*"]\n',
      'base-image:\n  allowed: ["alpine:3.20", "gcr.io/distroless/static"]\n',
      'base-image:\n  forbid: [shell, root-user, package-manager]\n',
      'base-image:\n  max-size: 100MB\n',
      'base-image:\n  max-size: 0.2GB\n',
    ])('accepts a tightening: %s', (repo) => {
      expect(() => merge(central, repo)).not.toThrow()
    })
    it('an unlocked central section: the repository may loosen it', () => {
      const m = merge('base-image:\n  policy: enforce\n', 'base-image:\n  policy: warn\n')
      expect(m.values['base-image.policy']).toBe('warn')
    })
    it('a lock on one key leaves the others of the section open', () => {
      const m = merge(
        'base-image:\n  policy: enforce\n  forbid: [shell]\nlocked: [base-image.policy]\n',
        'base-image:\n  forbid: []\n',
      )
      expect(m.values['base-image.forbid']).toEqual([])
      expect(m.values['base-image.policy']).toBe('enforce')
    })
  })

  it('verify: another signer identity is a change, refused under a lock', () => {
    const e = refused(
      'verify:\n  certificate-identity: https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main\nlocked: [verify]\n',
      'verify:\n  certificate-identity-regexp: ".*"\n',
    )
    expect(e.message).toContain('changes the locked key `verify.certificate-identity-regexp`')
  })

  it('comment options are locked as values', () => {
    expect(
      refused('comment:\n  when: always\nlocked: [comment]\n', 'comment:\n  when: never\n').key,
    ).toBe('comment.when')
  })

  describe('a chain of files', () => {
    it('a middle file cannot loosen what the root locks', () => {
      const e = refused('fail-on: high\nlocked: [fail-on]\n', '', 'fail-on: none\n')
      expect(e.file).toMatch(/^acme\/team/)
    })
    it('the leaf cannot loosen a root lock even when the middle file sets it too', () => {
      expect(
        refused('fail-on: high\nlocked: [fail-on]\n', 'fail-on: high\n', 'fail-on: low\n').message,
      ).toContain('fail-on low→high')
    })
    it('a lower file cannot unlock a key: its own locked list only adds locks', () => {
      expect(refused('fail-on: high\nlocked: [fail-on]\n', 'fail-on: none\nlocked: []\n').key).toBe(
        'fail-on',
      )
    })
    it('locks from every file accumulate, the first file wins as the named locker', () => {
      const m = merge('fail-on: high\nlocked: [fail-on]\n', 'vex: []\nlocked: [vex, fail-on]\n')
      expect(m.locks.get('fail-on')?.file).toBe(CENTRAL)
      expect(m.locks.get('vex')?.file).toBe(REPO)
    })
    it('unset keys inherit, set keys replace (lists are replaced, not appended)', () => {
      const m = merge('fail-on: medium\nvex: [a.json]\n', 'vex: [b.json]\n')
      expect(m.values['fail-on']).toBe('medium')
      expect(m.origins.get('fail-on')?.file).toBe(CENTRAL)
      expect(m.values.vex).toEqual(['b.json'])
    })
  })
})
