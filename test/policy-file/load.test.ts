import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { InputError } from '../../src/inputs.js'
import {
  ContentsError,
  type LoadPolicyOptions,
  loadPolicy,
  octokitContentsReader,
  PolicyFileError,
  PolicyLockError,
  policyEntries,
  policyLayer,
} from '../../src/policy-file/index.js'
import { FakeContents } from '../support/github/fake-contents.js'

const SHA = '0123456789abcdef0123456789abcdef01234567'
const BASE = 'b'.repeat(40)
const CENTRAL = `acme/policies/shipgate.yml@${SHA}`
const NOW = new Date('2026-06-10T12:00:00Z')

const CENTRAL_TEXT = `version: 1
fail-on: { value: high, locked: true }
exceptions:
  locked: true
  value:
    - id: CVE-2024-0001
      reason: accepted org-wide
      expires: 2026-06-20
base-image-policy: enforce
`

let fake: FakeContents
beforeAll(async () => {
  fake = await new FakeContents().start()
})
afterAll(() => fake.stop())

function workspace(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'policy-ws-'))
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
  return dir
}

function opts(over: Partial<LoadPolicyOptions> = {}): LoadPolicyOptions {
  return {
    policy: '',
    label: 'policy',
    allowMutable: false,
    workspace: workspace(),
    contents: octokitContentsReader({ token: fake.token, apiUrl: fake.url, retries: 0 }),
    now: NOW,
    ...over,
  }
}

async function rejection(p: Promise<unknown>): Promise<Error> {
  try {
    await p
  } catch (error) {
    return error as Error
  }
  throw new Error('loadPolicy accepted it')
}

beforeEach(() => {
  fake.requests.length = 0
  fake.failWith = undefined
  fake.addFile('acme', 'policies', SHA, 'shipgate.yml', CENTRAL_TEXT)
})

describe('loadPolicy: where the file is', () => {
  it('no file at .github/shipgate.yml: no policy, and no API call', async () => {
    const load = await loadPolicy(opts())
    expect(load.policy).toBeUndefined()
    expect(fake.requests).toEqual([])
  })

  it('a named path that does not exist is an error naming the input', async () => {
    const e = await rejection(loadPolicy(opts({ policy: 'ci/policy.yml' })))
    expect(e).toBeInstanceOf(InputError)
    expect(e.message).toBe(
      'Input `policy`: "ci/policy.yml" does not exist. Give the path of a policy file (e.g. .github/shipgate.yml) or remove it.',
    )
  })

  it('reads .github/shipgate.yml from the checkout, with its SHA-256, source and lines', async () => {
    const ws = workspace({ '.github/shipgate.yml': 'version: 1\n\nfail-on: medium\n' })
    const { policy } = await loadPolicy(opts({ workspace: ws }))
    expect(policy?.values['fail-on']).toBe('medium')
    expect(policy?.source.file).toBe('.github/shipgate.yml')
    expect(policy?.origins.get('fail-on')).toEqual({ file: '.github/shipgate.yml', line: 3 })
    expect(policy?.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(policy?.document).toEqual({ version: 1, 'fail-on': 'medium', locked: [] })
  })

  it('a policy listing VEX sources hands them to the scan, one a line, with file and line', async () => {
    const ws = workspace({
      '.github/shipgate.yml':
        'version: 1\nvex:\n  - .vex/api.openvex.json\n  - https://example.com/a,b.json\nvex-required-author: octo-org security\n',
    })
    const { policy, warnings } = await loadPolicy(opts({ workspace: ws }))
    expect(policy?.values.vex).toEqual(['.vex/api.openvex.json', 'https://example.com/a,b.json'])
    expect(warnings.join('\n')).not.toMatch(/VEX/)
    const layer = policyLayer(policy as NonNullable<typeof policy>)
    expect(layer.values.vex).toMatchObject({
      raw: '.vex/api.openvex.json\nhttps://example.com/a,b.json',
      line: 2,
    })
    expect(layer.values['vex-required-author']?.raw).toBe('octo-org security')
  })

  it('reads an absolute path or one outside the checkout (the CLI on a laptop)', async () => {
    const outside = join(mkdtempSync(join(tmpdir(), 'outside-')), 'p.yml')
    writeFileSync(outside, 'version: 1\nfail-on: low\n')
    const { policy } = await loadPolicy(opts({ policy: outside, label: '--policy' }))
    expect(policy?.values['fail-on']).toBe('low')
    expect(policy?.source.file).toBe(outside)
  })

  it('refuses a symlink in the repository that leads out of it', async () => {
    const ws = workspace()
    mkdirSync(join(ws, '.github'))
    const outside = join(mkdtempSync(join(tmpdir(), 'outside-')), 'p.yml')
    writeFileSync(outside, 'version: 1\nfail-on: none\n')
    symlinkSync(outside, join(ws, '.github/shipgate.yml'))
    const e = await rejection(loadPolicy(opts({ workspace: ws })))
    expect(e).toBeInstanceOf(PolicyFileError)
    expect(e.message).toContain('symbolic link to a file outside the repository')
  })

  it('reads owner/repo/path@sha through the contents API at that commit', async () => {
    const { policy } = await loadPolicy(opts({ policy: CENTRAL }))
    expect(policy?.values['fail-on']).toBe('high')
    expect(policy?.source.file).toBe(CENTRAL)
    expect(fake.requests).toEqual([
      expect.objectContaining({ owner: 'acme', repo: 'policies', path: 'shipgate.yml', ref: SHA }),
    ])
    expect(fake.requests[0]?.accept).toContain('application/vnd.github.raw')
  })

  it('refuses a branch or tag unless policy-allow-mutable, and warns when it is allowed', async () => {
    fake.addFile('acme', 'policies', 'main', 'shipgate.yml', CENTRAL_TEXT)
    const e = await rejection(loadPolicy(opts({ policy: 'acme/policies/shipgate.yml@main' })))
    expect(e.message).toMatch(/^Input `policy`: "main" is not a full commit SHA/)
    expect(fake.requests).toEqual([])
    const short = await rejection(
      loadPolicy(opts({ policy: `acme/policies/shipgate.yml@${SHA.slice(0, 12)}` })),
    )
    expect(short.message).toContain('is not a full commit SHA')
    const load = await loadPolicy(
      opts({ policy: 'acme/policies/shipgate.yml@main', allowMutable: true }),
    )
    expect(load.policy?.values['fail-on']).toBe('high')
    expect(load.warnings[0]).toContain('tag or branch')
  })

  it('a missing remote file, an API failure and a directory are errors (never a silent default)', async () => {
    expect(
      (await rejection(loadPolicy(opts({ policy: `acme/policies/nope.yml@${SHA}` })))).message,
    ).toContain('does not exist (or the token cannot read it)')
    fake.addFile('acme', 'policies', SHA, 'dir/a.yml', 'version: 1\n')
    expect(
      (await rejection(loadPolicy(opts({ policy: `acme/policies/dir@${SHA}` })))).message,
    ).toContain('is not a file')
    fake.failWith = 503
    const e = await rejection(loadPolicy(opts({ policy: CENTRAL })))
    expect(e).toBeInstanceOf(ContentsError)
    expect(e.message).toContain('503')
  })

  it('a remote policy without a token says what to set', async () => {
    const e = await rejection(loadPolicy(opts({ policy: CENTRAL, contents: undefined })))
    expect(e.message).toContain('set github-token')
  })
})

describe('loadPolicy: extends and locks', () => {
  it('a repository file that loosens a locked key is refused, naming both files and the key', async () => {
    const ws = workspace({
      '.github/shipgate.yml': `version: 1\nextends: ${CENTRAL}\nfail-on: critical\n`,
    })
    const e = await rejection(loadPolicy(opts({ workspace: ws })))
    expect(e).toBeInstanceOf(PolicyLockError)
    expect(e.message).toMatch(
      new RegExp(
        `^\\.github/shipgate\\.yml:3 \`fail-on\`: loosens the locked key \`fail-on\` \\(fail-on high→critical\\), which ${CENTRAL}:2 locks\\.`,
      ),
    )
  })

  it('one more exception than the central file is refused', async () => {
    const ws = workspace({
      '.github/shipgate.yml': `version: 1\nextends: ${CENTRAL}\nexceptions:\n  - id: CVE-2024-0001\n    reason: r\n    expires: 2026-06-20\n  - id: CVE-2025-7\n    reason: mine\n    expires: 2026-12-01\n`,
    })
    const e = await rejection(loadPolicy(opts({ workspace: ws })))
    expect(e.message).toContain(
      '`exceptions`: loosens the locked key `exceptions` (+1 exception (CVE-2025-7 until 2026-12-01))',
    )
  })

  it('a tightening is accepted; inherited values keep their central origin', async () => {
    const ws = workspace({
      '.github/shipgate.yml': `version: 1\nextends: ${CENTRAL}\nfail-on: medium\n`,
    })
    const { policy } = await loadPolicy(opts({ workspace: ws }))
    expect(policy?.values['fail-on']).toBe('medium')
    expect(policy?.values['base-image-policy']).toBe('enforce')
    expect(policy?.origins.get('fail-on')).toEqual({ file: '.github/shipgate.yml', line: 3 })
    expect(policy?.origins.get('base-image-policy')).toEqual({ file: CENTRAL, line: 9 })
    expect(policy?.chain.map((s) => s.file)).toEqual([CENTRAL, '.github/shipgate.yml'])
    expect(policy?.exceptions.expiring.map((e) => [e.id, e.source, e.daysLeft])).toEqual([
      ['CVE-2024-0001', `${CENTRAL}:6`, 9],
    ])
    const entries = policyEntries(policy as NonNullable<typeof policy>)
    expect(entries.find((e) => e.key === 'fail-on')).toMatchObject({
      input: 'fail-on',
      raw: 'medium',
      label: '.github/shipgate.yml:3 `fail-on`',
      locked: true,
    })
    expect(entries.find((e) => e.key === 'base-image-policy')).toMatchObject({
      input: 'base-image-policy',
      raw: 'enforce',
      locked: false,
    })
  })

  it('inputs override the file only where nothing locks the key, or where they tighten it', async () => {
    const { policy } = await loadPolicy(opts({ policy: CENTRAL }))
    expect(policy?.mayOverride('fail-on')).toBe(false)
    expect(policy?.mayOverride('fail-on', 'critical')).toBe(false)
    expect(policy?.overrideRefusal('fail-on', 'none')).toContain('An input may only tighten it')
    expect(policy?.mayOverride('fail-on', 'low')).toBe(true)
    expect(policy?.mayOverride('base-image-policy')).toBe(true)
    expect(policy?.mayOverride('comment')).toBe(true)
    // An ignore file suppresses findings as exceptions do: locked exceptions lock it too.
    expect(policy?.mayOverride('ignore-file')).toBe(false)
  })

  it('extends pinned to a branch is refused at the line of `extends`', async () => {
    const ws = workspace({
      '.github/shipgate.yml': 'version: 1\nfail-on: low\nextends: acme/policies/shipgate.yml@v1\n',
    })
    const e = await rejection(loadPolicy(opts({ workspace: ws })))
    expect(e.message).toMatch(/^\.github\/shipgate\.yml:3 `extends`: "v1" is not a full commit SHA/)
  })

  it('a loop of extends is refused', async () => {
    const a = `acme/policies/a.yml@${SHA}`
    fake.addFile(
      'acme',
      'policies',
      SHA,
      'a.yml',
      `version: 1\nextends: acme/policies/b.yml@${SHA}\n`,
    )
    fake.addFile('acme', 'policies', SHA, 'b.yml', `version: 1\nextends: ${a}\n`)
    expect((await rejection(loadPolicy(opts({ policy: a })))).message).toContain('extends itself')
  })

  it('a path in a central file extends within the central repository, at the same commit', async () => {
    fake.addFile(
      'acme',
      'policies',
      SHA,
      'teams/web.yml',
      'version: 1\nextends: shipgate.yml\nfail-on: low\n',
    )
    const { policy } = await loadPolicy(opts({ policy: `acme/policies/teams/web.yml@${SHA}` }))
    expect(policy?.values['fail-on']).toBe('low')
    expect(fake.requests.map((r) => `${r.path}@${r.ref}`)).toEqual([
      `teams/web.yml@${SHA}`,
      `shipgate.yml@${SHA}`,
    ])
  })
})

describe('loadPolicy on pull requests: the base commit decides', () => {
  const pr = { owner: 'octo-org', repo: 'app', baseSha: BASE }

  it('reads the policy at the base commit, not the checkout, and shows the pull request change as a diff', async () => {
    fake.addFile('octo-org', 'app', BASE, '.github/shipgate.yml', 'version: 1\nfail-on: high\n')
    const ws = workspace({
      '.github/shipgate.yml':
        'version: 1\nfail-on: none\nexceptions:\n  - id: CVE-1\n    reason: r\n    expires: 2027-01-01\n  - id: CVE-2\n    reason: r\n    expires: 2027-01-01\n',
    })
    const load = await loadPolicy(opts({ workspace: ws, pullRequest: pr }))
    expect(load.policy?.values['fail-on']).toBe('high')
    expect(load.policy?.source.file).toBe(`.github/shipgate.yml@${BASE.slice(0, 12)}`)
    expect(fake.requests.map((r) => r.ref)).toEqual([BASE])
    expect(load.change?.diff.summary).toBe(
      'this PR loosens: fail-on high→none, +2 exceptions (CVE-1 until 2027-01-01; CVE-2 until 2027-01-01)',
    )
  })

  it('a pull request whose own policy loosens a central lock is reported, and the base policy still applies', async () => {
    fake.addFile(
      'octo-org',
      'app',
      BASE,
      '.github/shipgate.yml',
      `version: 1\nextends: ${CENTRAL}\n`,
    )
    const ws = workspace({
      '.github/shipgate.yml': `version: 1\nextends: ${CENTRAL}\nfail-on: none\n`,
    })
    const load = await loadPolicy(opts({ workspace: ws, pullRequest: pr }))
    expect(load.policy?.values['fail-on']).toBe('high')
    expect(load.change?.headError).toContain('loosens the locked key `fail-on`')
    expect(load.warnings.join('\n')).toContain(
      "This pull request's policy would not load after merge",
    )
  })

  it('a pull request that adds the first policy file: nothing applies yet, the diff shows what would', async () => {
    fake.addCommit('octo-org', 'app', 'c'.repeat(40))
    const ws = workspace({ '.github/shipgate.yml': 'version: 1\nfail-on: critical\n' })
    const load = await loadPolicy(
      opts({ workspace: ws, pullRequest: { ...pr, baseSha: 'c'.repeat(40) } }),
    )
    expect(load.policy).toBeUndefined()
    expect(load.change?.diff.summary).toBe('this PR loosens: fail-on high→critical')
  })

  it('a pull request that deletes the policy file is still gated by the base policy', async () => {
    fake.addFile('octo-org', 'app', BASE, '.github/shipgate.yml', 'version: 1\nfail-on: low\n')
    const load = await loadPolicy(opts({ workspace: workspace(), pullRequest: pr }))
    expect(load.policy?.values['fail-on']).toBe('low')
    expect(load.change?.diff.summary).toBe('this PR loosens: fail-on low→high')
  })

  it('an unchanged policy: no change reported', async () => {
    fake.addFile('octo-org', 'app', BASE, '.github/shipgate.yml', 'version: 1\nfail-on: low\n')
    const ws = workspace({ '.github/shipgate.yml': 'version: 1\nfail-on: low # same\n' })
    expect((await loadPolicy(opts({ workspace: ws, pullRequest: pr }))).change).toBeUndefined()
  })

  it('a token that cannot see the base commit is an error, not "no policy on the base branch"', async () => {
    fake.addFile('octo-org', 'app', BASE, '.github/shipgate.yml', 'version: 1\nfail-on: low\n')
    fake.hidden = true
    try {
      const ws = workspace({ '.github/shipgate.yml': 'version: 1\nfail-on: none\n' })
      const e = await rejection(loadPolicy(opts({ workspace: ws, pullRequest: pr })))
      expect(e).toBeInstanceOf(ContentsError)
      expect(e.message).toContain('Give github-token contents: read')
    } finally {
      fake.hidden = false
    }
  })

  it('the contents API failing fails the load: it never falls back to the checkout', async () => {
    const ws = workspace({ '.github/shipgate.yml': 'version: 1\nfail-on: none\n' })
    fake.failWith = 500
    const e = await rejection(loadPolicy(opts({ workspace: ws, pullRequest: pr })))
    expect(e).toBeInstanceOf(ContentsError)
  })

  it('without a token, a pull request cannot be gated by its own checkout: error', async () => {
    const ws = workspace({ '.github/shipgate.yml': 'version: 1\nfail-on: none\n' })
    const e = await rejection(
      loadPolicy(opts({ workspace: ws, pullRequest: pr, contents: undefined })),
    )
    expect(e.message).toContain('On pull requests the policy of the base branch')
  })

  it('a pinned central policy named by the input is read at its own commit on pull requests too', async () => {
    const load = await loadPolicy(opts({ policy: CENTRAL, pullRequest: pr }))
    expect(load.policy?.values['fail-on']).toBe('high')
    expect(load.change).toBeUndefined()
    expect(fake.requests.map((r) => r.ref)).toEqual([SHA])
  })
})

describe('loadPolicy: paths on pull requests and in extends', () => {
  const pr = { owner: 'octo-org', repo: 'app', baseSha: BASE }
  it('a path outside the repository cannot be read at the base commit: error, not the local file', async () => {
    const outside = join(mkdtempSync(join(tmpdir(), 'outside-')), 'p.yml')
    writeFileSync(outside, 'version: 1\nfail-on: none\n')
    const e = await rejection(loadPolicy(opts({ policy: outside, pullRequest: pr })))
    expect(e.message).toContain(
      'is outside the repository, so its version on the base branch cannot be read',
    )
    expect(fake.requests).toEqual([])
  })

  it('an absolute path inside the checkout is read at the base commit as its repository path', async () => {
    fake.addFile('octo-org', 'app', BASE, 'ci/policy.yml', 'version: 1\nfail-on: low\n')
    const ws = workspace({ 'ci/policy.yml': 'version: 1\nfail-on: none\n' })
    const load = await loadPolicy(
      opts({ workspace: ws, policy: join(ws, 'ci/policy.yml'), pullRequest: pr }),
    )
    expect(load.policy?.values['fail-on']).toBe('low')
    expect(fake.requests.map((r) => `${r.path}@${r.ref}`)).toEqual([`ci/policy.yml@${BASE}`])
  })

  it('a named file missing on the base branch is an error on a pull request', async () => {
    const ws = workspace({ 'ci/new.yml': 'version: 1\nfail-on: none\n' })
    const e = await rejection(
      loadPolicy(opts({ workspace: ws, policy: 'ci/new.yml', pullRequest: pr })),
    )
    expect(e.message).toContain('"ci/new.yml" does not exist on the base branch')
  })

  it.each(['../central.yml', '/etc/shipgate.yml', 'a//b.yml'])(
    'extends: %s is not a repository path',
    async (path) => {
      const ws = workspace({ '.github/shipgate.yml': `version: 1\nextends: ${path}\n` })
      const e = await rejection(loadPolicy(opts({ workspace: ws })))
      expect(e.message).toMatch(
        /^\.github\/shipgate\.yml:2 `extends`: .*not a path inside a repository/,
      )
    },
  )

  it('extends: a path in this repository is read from the checkout (at the base commit on pull requests)', async () => {
    const ws = workspace({
      '.github/shipgate.yml': 'version: 1\nextends: policies/org.yml\n',
      'policies/org.yml': 'version: 1\nfail-on: { value: low, locked: true }\n',
    })
    expect((await loadPolicy(opts({ workspace: ws }))).policy?.values['fail-on']).toBe('low')
    fake.addFile(
      'octo-org',
      'app',
      BASE,
      '.github/shipgate.yml',
      'version: 1\nextends: policies/org.yml\n',
    )
    fake.addFile(
      'octo-org',
      'app',
      BASE,
      'policies/org.yml',
      'version: 1\nfail-on: { value: medium, locked: true }\n',
    )
    const load = await loadPolicy(opts({ workspace: ws, pullRequest: pr }))
    expect(load.policy?.values['fail-on']).toBe('medium')
    expect(load.policy?.chain.map((c) => c.file)).toEqual([
      `policies/org.yml@${BASE.slice(0, 12)}`,
      `.github/shipgate.yml@${BASE.slice(0, 12)}`,
    ])
    expect(load.change?.diff.summary).toBe('this PR tightens: fail-on medium→low')
  })
})

describe('loadPolicy on a pull request event without a base commit', () => {
  const noBase = new Error('no base commit in the event')
  it('no policy file anywhere: nothing to read, no error', async () => {
    expect((await loadPolicy(opts({ pullRequest: noBase }))).policy).toBeUndefined()
  })
  it('a policy file in the checkout: error, the checkout never stands in for the base', async () => {
    const ws = workspace({ '.github/shipgate.yml': 'version: 1\nfail-on: none\n' })
    expect(await rejection(loadPolicy(opts({ workspace: ws, pullRequest: noBase })))).toBe(noBase)
  })
  it('a named policy: error', async () => {
    expect(await rejection(loadPolicy(opts({ policy: 'x.yml', pullRequest: noBase })))).toBe(noBase)
  })
  it('a pinned central policy needs no base commit', async () => {
    expect(
      (await loadPolicy(opts({ policy: CENTRAL, pullRequest: noBase }))).policy?.values['fail-on'],
    ).toBe('high')
  })
})
