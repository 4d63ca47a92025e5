import { describe, expect, it } from 'vitest'
import { isCalendarDate } from '../../src/policy-file/dates.js'
import { PolicyFileError } from '../../src/policy-file/errors.js'
import { parsePolicy } from '../../src/policy-file/parse.js'

const F = '.github/shipgate.yml'

function refuse(text: string): PolicyFileError {
  try {
    parsePolicy(text, F)
  } catch (error) {
    expect(error).toBeInstanceOf(PolicyFileError)
    return error as PolicyFileError
  }
  throw new Error('the file was accepted')
}

const FULL = `# yaml-language-server: $schema=../schema/shipgate.schema.json
version: 1
fail-on: medium
fail-on-scope: all
ignore-unfixed: true
warn-expiry-days: 30
exceptions:
  - id: CVE-2024-3094
    package: xz-utils
    reason: not reachable, xz is only used at build time
    expires: 2026-12-31
  - id: DS002
    path: Dockerfile
    reason: runs as root on purpose in the init container
    expires: "2027-01-15"
vex:
  - .vex/openvex.json
base-image-policy: { value: enforce, locked: true }
allowed-base-images: [gcr.io/distroless/*, cgr.dev/chainguard/**]
forbid:
  value: [shell, root-user]
  locked: true
max-image-size: 200MB
certificate-identity: https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main
certificate-oidc-issuer: https://token.actions.githubusercontent.com
comment: always
comment-mode: update
comment-per: image
`

describe('parsePolicy', () => {
  it('reads a complete version 1 file into dotted keys, with the line of every key', () => {
    const p = parsePolicy(FULL, F)
    expect(p.values['fail-on']).toBe('medium')
    expect(p.values['ignore-unfixed']).toBe(true)
    expect(p.values['max-image-size']).toBe('200MB')
    expect(p.values.forbid).toEqual(['shell', 'root-user'])
    expect(p.values.exceptions?.[0]).toMatchObject({ id: 'CVE-2024-3094', expires: '2026-12-31' })
    expect(p.values['comment-per']).toBe('image')
    expect(p.locked).toEqual(['base-image-policy', 'forbid'])
    expect(p.lines.get('fail-on')).toBe(3)
    expect(p.lines.get('base-image-policy')).toBe(18)
    expect(p.lines.get('forbid')).toBe(20)
    expect(p.lines.get('exceptions.1')).toBe(12)
    expect(p.lines.get('exceptions.1.reason')).toBe(14)
  })

  it('an unquoted date stays the date written (YAML 1.2: no timestamp conversion)', () => {
    const p = parsePolicy(FULL, F)
    expect(p.values.exceptions?.[0]?.expires).toBe('2026-12-31')
  })

  it('refuses an exception without a reason, naming file:line and the key', () => {
    const e = refuse('version: 1\nexceptions:\n  - id: CVE-2024-1\n    expires: 2026-01-01\n')
    expect(e.message).toBe(`${F}:3 \`exceptions.0.reason\`: is required.`)
  })

  it('refuses a blank reason', () => {
    const e = refuse(
      'version: 1\nexceptions:\n  - id: CVE-2024-1\n    reason: "   "\n    expires: 2026-01-01\n',
    )
    expect(e.message).toContain(`${F}:4 \`exceptions.0.reason\``)
    expect(e.message).toContain('must not be empty')
  })

  it('refuses an exception without an expiry', () => {
    const e = refuse('version: 1\nexceptions:\n  - id: CVE-2024-1\n    reason: r\n')
    expect(e.message).toBe(`${F}:3 \`exceptions.0.expires\`: is required.`)
  })

  it.each([
    '2099-02-30',
    '2026-13-01',
    '2026-00-10',
    '2026-04-31',
    '2025-02-29',
    '26-01-01',
    '2026-1-1',
    '2026-01-01T00:00:00Z',
  ])('refuses the impossible or malformed date %s', (date) => {
    const e = refuse(
      `version: 1\nexceptions:\n  - id: CVE-2024-1\n    reason: r\n    expires: ${date}\n`,
    )
    expect(e.key).toBe('exceptions.0.expires')
    expect(e.line).toBe(5)
    expect(e.message).toMatch(/date/)
  })

  it('accepts 29 February in a leap year', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true)
    expect(isCalendarDate('2100-02-29')).toBe(false)
  })

  it('refuses a date written as a number', () => {
    const e = refuse(
      'version: 1\nexceptions:\n  - id: CVE-2024-1\n    reason: r\n    expires: 20261231\n',
    )
    expect(e.message).toContain('YYYY-MM-DD')
  })

  it('refuses a duplicate key: a reviewer would read the first, a parser might apply the last', () => {
    const e = refuse('version: 1\nfail-on: critical\nignore-unfixed: false\nfail-on: none\n')
    expect(e.message).toMatch(/^\.github\/shipgate\.yml:4: a key appears twice/)
  })

  it('refuses YAML 1.1 booleans instead of guessing (`yes` is not true)', () => {
    const e = refuse('version: 1\nignore-unfixed: yes\n')
    expect(e.message).toBe(`${F}:2 \`ignore-unfixed\`: must be a boolean, not string "yes".`)
  })

  it('refuses an unknown key with its line (a typo must not silently drop a rule)', () => {
    const e = refuse('version: 1\nbase-image-policy: enforce\nforbidd: [shell]\n')
    expect(e.message).toMatch(
      /^\.github\/shipgate\.yml:3 `forbidd`: is not a policy key\. The file may set fail-on, /,
    )
    const inner = refuse(
      'version: 1\nexceptions:\n  - id: X\n    reason: r\n    expires: 2027-01-01\n    pakage: x\n',
    )
    expect(inner.message).toBe(
      `${F}:6 \`exceptions.0.pakage\`: unknown key \`pakage\`; check the spelling against schema/shipgate.schema.json.`,
    )
  })

  it('refuses an unknown threshold, listing what is allowed', () => {
    const e = refuse('version: 1\n\nfail-on: severe\n')
    expect(e.message).toBe(
      `${F}:3 \`fail-on\`: is not one of critical, high, medium, low, unknown, none.`,
    )
  })

  it('refuses a file of another version first', () => {
    const e = refuse('version: 2\nfail-on: severe\n')
    expect(e.message).toBe(`${F}:1 \`version\`: write \`version: 1\` (the only version so far).`)
  })

  it('refuses a file without version', () => {
    expect(refuse('fail-on: high\n').message).toBe(
      `${F}:1 \`version\`: write \`version: 1\` (the only version so far).`,
    )
  })

  it('refuses several documents', () => {
    expect(refuse('version: 1\n---\nfail-on: none\n').message).toContain('several YAML documents')
  })

  it('refuses an empty file and a list', () => {
    expect(refuse('').message).toContain('is empty')
    expect(refuse('- version: 1\n').message).toContain('must be a mapping')
  })

  it('refuses a merge key (`<<`) rather than resolving it differently from other readers', () => {
    const e = refuse('version: 1\nx: &b\n  value: none\nfail-on:\n  <<: *b\n')
    expect(e).toBeInstanceOf(PolicyFileError)
  })

  it('refuses an alias bomb', () => {
    const lines = ['version: 1', 'a: &a ["x","x","x","x","x","x","x","x","x"]']
    for (let i = 1; i < 12; i++)
      lines.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)}]`,
      )
    expect(() => parsePolicy(lines.join('\n'), F)).toThrow(PolicyFileError)
  })

  it('refuses a file over 256 KiB', () => {
    expect(refuse(`version: 1\n#${'x'.repeat(300 * 1024)}\n`).message).toContain(
      'larger than 256 KiB',
    )
  })

  it('reads `{ value, locked: true }`, and refuses a misspelt wrapper rather than dropping the lock', () => {
    expect(parsePolicy('version: 1\nfail-on: { value: low, locked: true }\n', F).locked).toEqual([
      'fail-on',
    ])
    expect(parsePolicy('version: 1\nfail-on: { value: low, locked: false }\n', F).locked).toEqual(
      [],
    )
    const typo = refuse('version: 1\nfail-on: { value: high, lock: true }\n')
    expect(typo.message).toBe(
      `${F}:2 \`fail-on\`: is a mapping; give a value, a list, or { value: …, locked: true } to lock it.`,
    )
    expect(refuse('version: 1\nfail-on: { value: high, locked: "yes" }\n').message).toContain(
      '`locked` is true or false',
    )
    const inner = refuse('version: 1\n\nfail-on:\n  locked: true\n  value: severe\n')
    expect(inner.message).toBe(
      `${F}:5 \`fail-on\`: is not one of critical, high, medium, low, unknown, none.`,
    )
  })

  it('a key with no value says so', () => {
    expect(refuse('version: 1\nfail-on:\n').message).toBe(
      `${F}:2 \`fail-on\`: has no value; give one or remove the key.`,
    )
  })

  it('refuses certificate-identity and certificate-identity-regexp together, and a broken regexp', () => {
    expect(
      refuse('version: 1\ncertificate-identity: a\ncertificate-identity-regexp: b\n').message,
    ).toContain('not both')
    expect(refuse('version: 1\ncertificate-identity-regexp: "(("\n').message).toContain(
      'not a valid regular expression',
    )
  })

  it('refuses an http OIDC issuer and a size that is not one', () => {
    expect(refuse('version: 1\ncertificate-oidc-issuer: http://x.example\n').key).toBe(
      'certificate-oidc-issuer',
    )
    expect(refuse('version: 1\nmax-image-size: huge\n').message).toContain('is not a size')
  })

  it('refuses an exception ID with spaces', () => {
    expect(
      refuse('version: 1\nexceptions:\n  - id: CVE 1\n    reason: r\n    expires: 2026-01-01\n')
        .key,
    ).toBe('exceptions.0.id')
  })
})

describe('rescan.images (issue 12: the watch list in the policy)', () => {
  it('is a non-empty list of images under rescan, and nothing else goes there', () => {
    const ok = parsePolicy('version: 1\nrescan:\n  images: [ghcr.io/acme/api:1]\n', 'p.yml')
    expect(ok.values.rescan).toEqual({ images: ['ghcr.io/acme/api:1'] })
    expect(() => parsePolicy('version: 1\nrescan:\n  images: []\n', 'p.yml')).toThrow(
      /p\.yml:3 `rescan\.images`/,
    )
    expect(() =>
      parsePolicy('version: 1\nrescan:\n  images: [a:1]\n  imgs: [b:1]\n', 'p.yml'),
    ).toThrow(/p\.yml:\d+ `rescan/)
  })
})
