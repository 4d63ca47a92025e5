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

const indent = (text: string) => text.replace(/^(?=.)/gm, '  ')
const EXC = (id: string, expires = '2027-01-01', extra = '') =>
  `  - id: ${id}\n    reason: accepted by security\n    expires: ${expires}\n${extra}`

describe('locked keys: a repository file may tighten, never loosen', () => {
  describe('fail-on (a lower threshold is tighter)', () => {
    const central = 'fail-on: { value: high, locked: true }\n'
    it.each(['none', 'critical'])('refuses fail-on: %s under a locked high', (v) => {
      const e = refused(central, `\nfail-on: ${v}\n`)
      expect(e.file).toBe(REPO)
      expect(e.key).toBe('fail-on')
      expect(e.line).toBe(3)
      expect(e.message).toBe(
        `${REPO}:3 \`fail-on\`: loosens the locked key \`fail-on\` (fail-on high→${v}), which ${CENTRAL}:2 locks. A file that extends it may only tighten it: a stricter threshold (lower severity), e.g. medium instead of high. Remove it here, or ask the owners of ${CENTRAL} to change the central policy.`,
      )
    })
    it.each(['high', 'medium', 'low', 'unknown'])('accepts fail-on: %s (same or tighter)', (v) => {
      const m = merge(central, `fail-on: ${v}\n`)
      expect(m.values['fail-on']).toBe(v)
      expect(m.origins.get('fail-on')?.file).toBe(REPO)
    })
    it('a lock on a key the central file leaves unset locks the default (high)', () => {
      expect(refused('fail-on: { value: high, locked: true }\n', 'fail-on: critical\n').key).toBe(
        'fail-on',
      )
      expect(
        merge('fail-on: { value: high, locked: true }\n', 'fail-on: low\n').values['fail-on'],
      ).toBe('low')
    })
  })

  it('fail-on-scope: new (only new findings count) loosens a locked all', () => {
    expect(
      refused('fail-on-scope: { value: all, locked: true }\n', 'fail-on-scope: new\n').key,
    ).toBe('fail-on-scope')
  })

  it('ignore-unfixed: true loosens a locked false; false tightens a locked true', () => {
    expect(
      refused('ignore-unfixed: { value: false, locked: true }\n', 'ignore-unfixed: true\n').key,
    ).toBe('ignore-unfixed')
    expect(
      merge('ignore-unfixed: { value: true, locked: true }\n', 'ignore-unfixed: false\n').values[
        'ignore-unfixed'
      ],
    ).toBe(false)
  })

  it('warn-expiry-days: fewer days loosens', () => {
    expect(
      refused('warn-expiry-days: { value: 30, locked: true }\n', 'warn-expiry-days: 1\n').key,
    ).toBe('warn-expiry-days')
  })

  describe('exceptions', () => {
    const central = `exceptions:\n  locked: true\n  value:\n${indent(EXC('CVE-2024-0001'))}${indent(EXC('CVE-2024-0002', '2026-06-30', '    package: openssl\n'))}`
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
        refused('exceptions: { value: [], locked: true }\n', `exceptions:\n${EXC('CVE-2024-1')}`)
          .key,
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
    expect(refused('vex: { value: [a.json], locked: true }\n', 'vex: [a.json, b.json]\n').key).toBe(
      'vex',
    )
    expect(
      merge('vex: { value: [a.json, b.json], locked: true }\n', 'vex: [b.json]\n').values.vex,
    ).toEqual(['b.json'])
  })

  describe('base-image keys', () => {
    const central = [
      'base-image-policy: { value: enforce, locked: true }',
      'allowed-base-images: { value: ["gcr.io/distroless/*", "alpine:3.*"], locked: true }',
      'forbid: { value: [shell], locked: true }',
      'max-image-size: { value: 200MB, locked: true }',
      '',
    ].join('\n')
    it.each([
      ['base-image-policy', 'base-image-policy: warn\n'],
      ['base-image-policy', 'base-image-policy: "off"\n'],
      [
        'allowed-base-images',
        'allowed-base-images: ["gcr.io/distroless/*", "alpine:3.*", "ubuntu:*"]\n',
      ],
      ['allowed-base-images', 'allowed-base-images: ["gcr.io/**"]\n'],
      ['allowed-base-images', 'allowed-base-images: ["gcr.io/distroless/**"]\n'],
      ['allowed-base-images', 'allowed-base-images: ["alpine"]\n'],
      ['allowed-base-images', 'allowed-base-images: []\n'],
      ['forbid', 'forbid: []\n'],
      ['forbid', 'forbid: [root-user]\n'],
      ['max-image-size', 'max-image-size: 1GB\n'],
      ['max-image-size', 'max-image-size: 200000001\n'],
    ])('refuses %s loosened: %s', (key, repo) => {
      const e = refused(central, `\n${repo}`)
      expect(e.key).toBe(key)
      expect(e.line).toBe(3)
    })
    it.each([
      'base-image-policy: enforce\n',
      'allowed-base-images: ["gcr.io/distroless/*"]\n',
      'allowed-base-images: ["alpine:3.20", "gcr.io/distroless/static"]\n',
      'forbid: [shell, root-user, package-manager]\n',
      'max-image-size: 100MB\n',
      'max-image-size: 0.2GB\n',
    ])('accepts a tightening: %s', (repo) => {
      expect(() => merge(central, repo)).not.toThrow()
    })
    it('an unlocked central key: the repository may loosen it', () => {
      const m = merge('base-image-policy: enforce\n', 'base-image-policy: warn\n')
      expect(m.values['base-image-policy']).toBe('warn')
    })
    it('a lock on one key leaves the others open', () => {
      const m = merge(
        'base-image-policy: { value: enforce, locked: true }\nforbid: [shell]\n',
        'forbid: []\n',
      )
      expect(m.values.forbid).toEqual([])
      expect(m.values['base-image-policy']).toBe('enforce')
    })
  })

  it('certificate identity: another signer is a change, refused under a lock', () => {
    const e = refused(
      'certificate-identity-regexp: { value: "^https://github.com/acme/", locked: true }\n',
      'certificate-identity-regexp: ".*"\n',
    )
    expect(e.message).toContain('changes the locked key `certificate-identity-regexp`')
  })

  it('comment options are locked as values', () => {
    expect(refused('comment: { value: always, locked: true }\n', 'comment: never\n').key).toBe(
      'comment',
    )
  })

  it('a lock on exceptions also locks ignore-file: an ignore file would add suppressions', () => {
    const e = refused('exceptions: { value: [], locked: true }\n', 'ignore-file: .trivyignore\n')
    expect(e.key).toBe('ignore-file')
    expect(e.message).toContain('which acme/policies')
  })

  describe('a chain of files', () => {
    const locked = 'fail-on: { value: high, locked: true }\n'
    it('a middle file cannot loosen what the root locks', () => {
      const e = refused(locked, '', 'fail-on: none\n')
      expect(e.file).toMatch(/^acme\/team/)
    })
    it('the leaf cannot loosen a root lock after the middle file tightened it', () => {
      expect(refused(locked, 'fail-on: high\n', 'fail-on: low\n').message).toContain(
        'fail-on low→high',
      )
    })
    it('a lower file cannot unlock a key: `locked: false` below does not remove the lock above', () => {
      expect(refused(locked, 'fail-on: { value: none, locked: false }\n').key).toBe('fail-on')
      expect(
        refused(locked, 'fail-on: none\n', 'fail-on: { value: high, locked: false }\n').file,
      ).toBe(REPO)
    })
    it('locks from every file accumulate; the first file is named as the locker', () => {
      const m = merge(
        locked,
        'vex: { value: [], locked: true }\nfail-on: { value: medium, locked: true }\n',
      )
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

describe('rescan: a locked watch list', () => {
  it('watching fewer images loosens, more tightens', async () => {
    const { compareKey } = await import('../../src/policy-file/compare.js')
    const images = ['ghcr.io/acme/api:1', 'ghcr.io/acme/web:1']
    const watch = (list: string[]) => ({ rescan: { images: list } })
    const fewer = compareKey('rescan', watch(images), watch(['ghcr.io/acme/api:1']))
    expect(fewer.direction).toBe('loosens')
    const more = compareKey('rescan', watch(images), watch([...images, 'ghcr.io/acme/db:1']))
    expect(more.direction).toBe('tightens')
    expect(compareKey('rescan', watch(images), watch([...images])).direction).toBe('same')
  })
})
