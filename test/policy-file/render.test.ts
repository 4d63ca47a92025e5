import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pullRequestContext } from '../../src/policy-file/event.js'
import { loadPolicy, octokitContentsReader } from '../../src/policy-file/index.js'
import { policyReport, renderPolicyMarkdown } from '../../src/policy-file/render.js'
import { FakeContents } from '../support/github/fake-contents.js'

const BASE = 'b'.repeat(40)
let fake: FakeContents
beforeAll(async () => {
  fake = await new FakeContents().start()
})
afterAll(() => fake.stop())

function ws(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'policy-render-'))
  mkdirSync(join(dir, '.github'))
  writeFileSync(join(dir, '.github/shipgate.yml'), text)
  return dir
}

describe('pullRequestContext', () => {
  const payload = { pull_request: { base: { sha: BASE, repo: { full_name: 'octo-org/app' } } } }
  it('reads the base repository and commit of pull_request and pull_request_target', () => {
    expect(pullRequestContext('pull_request', payload)).toEqual({
      owner: 'octo-org',
      repo: 'app',
      baseSha: BASE,
    })
    expect(pullRequestContext('pull_request_target', payload)?.baseSha).toBe(BASE)
  })
  it('other events: none', () => {
    expect(pullRequestContext('push', payload)).toBeUndefined()
    expect(pullRequestContext(undefined, payload)).toBeUndefined()
  })
  it.each([
    {},
    { pull_request: { base: { sha: 'main', repo: { full_name: 'octo-org/app' } } } },
    { pull_request: { base: { sha: BASE, repo: { full_name: 'octo-org/app/../x' } } } },
    { pull_request: { base: { sha: BASE } } },
  ])(
    'a pull_request payload without a usable base is an error, not a fallback to the checkout: %j',
    (p) => {
      expect(() => pullRequestContext('pull_request', p)).toThrow(/does not fall back/)
    },
  )
})

describe('renderPolicyMarkdown', () => {
  it('shows the pull request change, escapes what the pull request wrote, lists exceptions by date', async () => {
    fake.addFile(
      'octo-org',
      'app',
      BASE,
      '.github/shipgate.yml',
      'version: 1\nexceptions:\n  - id: CVE-1\n    reason: "old <b>one</b>"\n    expires: 2026-06-01\n  - id: CVE-2\n    reason: "@security-team see [x](javascript:alert(1))"\n    expires: 2026-06-15\n',
    )
    const load = await loadPolicy({
      policy: '',
      label: 'policy',
      allowMutable: false,
      workspace: ws(
        'version: 1\nfail-on: none\nexceptions:\n  - id: CVE-3\n    path: "<img src=x onerror=alert(1)>"\n    reason: r\n    expires: 2027-01-01\n',
      ),
      contents: octokitContentsReader({ token: fake.token, apiUrl: fake.url, retries: 0 }),
      pullRequest: { owner: 'octo-org', repo: 'app', baseSha: BASE },
      now: new Date('2026-06-10T12:00:00Z'),
    })
    const report = policyReport(load)
    expect(report?.exceptions.expired.map((e) => e.id)).toEqual(['CVE-1'])
    expect(report?.exceptions.expiring.map((e) => [e.id, e.daysLeft])).toEqual([['CVE-2', 4]])
    expect(report?.pullRequestChange?.summary).toContain('this PR loosens: fail-on high→none')
    const md = renderPolicyMarkdown(report)
    expect(md).toContain(
      "The base branch's policy applies to this run; the new one applies only after merge.",
    )
    expect(md).toContain('🔓 loosens <code>fail-on</code>: fail-on high→none')
    expect(report?.warnExpiryDays).toBe(14)
    expect(md).not.toMatch(/<img|<b>|(?<!\\)\]\(javascript|@security-team/)
    expect(md).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(md).toContain(`SHA-256 <code>${report?.sha256.slice(0, 16)}</code>`)
  })

  it('nothing to say: empty', () => {
    expect(renderPolicyMarkdown(undefined)).toBe('')
  })
})
