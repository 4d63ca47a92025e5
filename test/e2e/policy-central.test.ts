/**
 * Issue 12 §1 through dist/index.js against a local GitHub API stand-in: a central policy read
 * through the contents API at a pinned commit, a repository file that extends it (loosening a
 * locked key refused, tightening accepted), and a pull request that edits its own policy (the
 * base commit's policy applies, the comment shows the change).
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runAction, runCli } from '../support/e2e/runner.js'
import { fixturePath } from '../support/fixtures.js'
import { FakeContents } from '../support/github/fake-contents.js'
import { FakeGitHub } from '../support/github/fake-github.js'
import { standIn } from '../support/trivy-stand-in/index.js'

const JUICE = fixturePath('securecodebox__juice-shop-v10.2.0.json')
const CENTRAL_SHA = '4f0c2d1e9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d'
const CENTRAL = `acme/policies/shipgate.yml@${CENTRAL_SHA}`
const BASE_SHA = 'b'.repeat(40)
const TOKEN = 'ghs_policy_token'

const gh = new FakeGitHub()
const contents = new FakeContents(() => gh.url)

beforeAll(async () => {
  await gh.start()
  await contents.start()
  gh.token = TOKEN
  contents.token = TOKEN
  contents.addFile(
    'acme',
    'policies',
    CENTRAL_SHA,
    'shipgate.yml',
    'version: 1\nfail-on: { value: high, locked: true }\nbase-image-policy: off\n',
  )
})
afterAll(async () => {
  await contents.stop()
  await gh.stop()
})

function checkout(policy: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'e2e-checkout-'))
  mkdirSync(join(dir, '.github'))
  writeFileSync(join(dir, '.github/shipgate.yml'), policy)
  return dir
}

const env = (extra: Record<string, string>) => ({
  ...standIn({}).env,
  STANDIN_VERSION: '0.75.0',
  GITHUB_API_URL: contents.url,
  GITHUB_REPOSITORY: 'octo-org/app',
  ...extra,
})

describe('a repository policy that extends a central one (dist/index.js)', () => {
  it('loosening a locked key is refused, naming both files and the key', async () => {
    const ws = checkout(`version: 1\nextends: ${CENTRAL}\nfail-on: critical\n`)
    const r = await runAction(
      { 'trivy-report': JUICE, 'github-token': TOKEN },
      env({ GITHUB_WORKSPACE: ws }),
    )
    expect(r.exitCode).toBe(1)
    expect(r.outputs.verdict).toBe('fail')
    expect(r.errors[0]).toMatch(
      new RegExp(
        `^\\.github/shipgate\\.yml:3 \`fail-on\`: loosens the locked key \`fail-on\` \\(fail-on high→critical\\), which ${CENTRAL}:2 locks\\.`,
      ),
    )
    expect(contents.requests.some((q) => q.ref === CENTRAL_SHA)).toBe(true)
  })

  it('tightening is accepted; the report and summary say where each value came from', async () => {
    const ws = checkout(
      `version: 1\nextends: ${CENTRAL}\n\nfail-on: critical\n`.replace('critical', 'medium'),
    )
    const r = await runAction(
      { 'trivy-report': JUICE, 'github-token': TOKEN },
      env({ GITHUB_WORKSPACE: ws }),
    )
    expect(r.exitCode).toBe(1)
    expect(r.outputs.reason).toMatch(/at or above the medium threshold/)
    const report = JSON.parse(readFileSync(r.outputs.report as string, 'utf8'))
    expect(report.settings.values['fail-on']).toEqual({
      value: 'MEDIUM',
      from: '.github/shipgate.yml:4',
    })
    expect(report.settings.values['base-image-policy']).toEqual({
      value: 'off',
      from: `${CENTRAL}:3`,
    })
    expect(report.settings.policy.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(report.policy.chain).toEqual([CENTRAL, '.github/shipgate.yml'])
    expect(report.policy.sha256).toBe(report.settings.policy.sha256)
    expect(report.policy.effective).toMatchObject({
      version: 1,
      'fail-on': 'medium',
      locked: ['fail-on'],
    })
    expect(r.summary).toContain(`SHA-256 <code>${report.policy.sha256.slice(0, 16)}</code>`)
    expect(r.summary).toMatch(/<code>fail-on<\/code> \| <code>MEDIUM<\/code> \| .*shipgate\.yml:4/)
  })

  it('an input cannot loosen the locked key either', async () => {
    const ws = checkout(`version: 1\nextends: ${CENTRAL}\n`)
    const r = await runAction(
      { 'trivy-report': JUICE, 'github-token': TOKEN, 'fail-on': 'none' },
      env({ GITHUB_WORKSPACE: ws }),
    )
    expect(r.exitCode).toBe(1)
    expect(r.outputs.reason).toMatch(/at or above the high threshold/)
    expect(r.warnings.join('\n')).toMatch(
      /locks `fail-on`, so the value given to `fail-on` is not used/,
    )
  })
})

describe('a pull request that edits its own policy (dist/index.js)', () => {
  it('the base commit decides; the comment shows what the edit would do after merge', async () => {
    gh.addPullRequest('octo-org', 'app', 12)
    contents.addFile(
      'octo-org',
      'app',
      BASE_SHA,
      '.github/shipgate.yml',
      'version: 1\nfail-on: high\nbase-image-policy: off\n',
    )
    const ws = checkout(
      'version: 1\nfail-on: none\nbase-image-policy: off\nexceptions:\n  - id: CVE-2020-1\n    reason: "not reachable <img src=x>"\n    expires: 2099-01-01\n  - id: CVE-2020-2\n    reason: r\n    expires: 2099-01-01\n',
    )
    const event = join(mkdtempSync(join(tmpdir(), 'e2e-event-')), 'event.json')
    writeFileSync(
      event,
      JSON.stringify({
        pull_request: {
          number: 12,
          head: { sha: 'c'.repeat(40), repo: { full_name: 'octo-org/app' } },
          base: { sha: BASE_SHA, repo: { full_name: 'octo-org/app' } },
        },
      }),
    )
    contents.requests.length = 0
    const r = await runAction(
      { 'trivy-report': JUICE, 'github-token': TOKEN },
      env({ GITHUB_WORKSPACE: ws, GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event }),
    )
    // fail-on: none in the pull request would pass; the base branch's high decides.
    expect(r.exitCode).toBe(1)
    expect(r.outputs.reason).toMatch(/at or above the high threshold/)
    expect(contents.requests.map((q) => `${q.path}@${q.ref}`)).toContain(
      `.github/shipgate.yml@${BASE_SHA}`,
    )
    const body = gh.comments('octo-org', 'app', 12)[0]?.body ?? ''
    expect(body).toContain('This pull request changes the policy')
    expect(body).toContain('🔓 loosens <code>fail-on</code>: fail-on high→none')
    expect(body).toContain('+2 exceptions')
    expect(body).not.toContain('<img')
    expect(r.summary).toContain('This pull request changes the policy')
  })
})

describe('exceptions in the policy file (dist/index.js)', () => {
  it('suppress within their scope, expiring ones are listed within warn-expiry-days, expired ones count again', async () => {
    const soon = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10)
    const ws = checkout(
      [
        'version: 1',
        'fail-on: critical',
        'base-image-policy: off',
        'warn-expiry-days: 14',
        'exceptions:',
        '  - id: CVE-2021-3711',
        '    package: libssl1.1',
        '    reason: "TLS is terminated at the proxy <script>"',
        `    expires: ${soon}`,
        '  - id: CVE-2022-37434',
        '    reason: zlib inflate is not reachable',
        '    expires: 2020-01-01',
        '',
      ].join('\n'),
    )
    const r = await runAction({ 'trivy-report': JUICE }, env({ GITHUB_WORKSPACE: ws }))
    const report = JSON.parse(readFileSync(r.outputs.report as string, 'utf8'))
    const findings = report.images[0].findings as {
      finding: { id: string; pkgName: string }
      ignored?: { by: string; rule: { source: string } }
    }[]
    const of = (id: string, pkg: string) =>
      findings.find((f) => f.finding.id === id && f.finding.pkgName === pkg)
    // Scoped to libssl1.1: the same CVE in libcrypto1.1 still counts.
    expect(of('CVE-2021-3711', 'libssl1.1')?.ignored).toMatchObject({
      by: 'ignore-file',
      rule: { source: '.github/shipgate.yml:6' },
    })
    expect(of('CVE-2021-3711', 'libcrypto1.1')?.ignored).toBeUndefined()
    // Expired: suppresses nothing and is listed.
    expect(of('CVE-2022-37434', 'zlib')?.ignored).toBeUndefined()
    expect(report.expiredRules.map((x: { id: string }) => x.id)).toEqual(['CVE-2022-37434'])
    expect(report.policy.exceptions.expiring).toEqual([
      expect.objectContaining({ id: 'CVE-2021-3711', source: '.github/shipgate.yml:6' }),
    ])
    expect(r.summary).toContain('expiring soon** (within 14 days)')
    expect(r.summary).toContain('<code>CVE-2021-3711</code>')
    expect(r.summary).not.toContain('<script>')
    expect(r.exitCode).toBe(1)
  })

  it('an exception without a reason stops the run, naming file:line and the key', async () => {
    const ws = checkout('version: 1\nexceptions:\n  - id: CVE-2021-3711\n    expires: 2099-01-01\n')
    const r = await runAction({ 'trivy-report': JUICE }, env({ GITHUB_WORKSPACE: ws }))
    expect(r.exitCode).toBe(1)
    expect(r.outputs.verdict).toBe('fail')
    expect(r.errors[0]).toBe('.github/shipgate.yml:3 `exceptions.0.reason`: is required.')
  })
})

describe('shipgate scan --policy owner/repo/path@sha (dist/cli.js)', () => {
  const cliEnv = () => ({ GITHUB_API_URL: contents.url, GITHUB_TOKEN: TOKEN })

  it('reads the central policy at the pinned commit: a laptop decides as CI does', async () => {
    const r = await runCli(
      ['scan', '--report', JUICE, '--policy', CENTRAL, '--format', 'json'],
      cliEnv(),
    )
    expect(r.exitCode, r.stderr).toBe(1)
    const out = JSON.parse(r.stdout)
    expect(out.settings.values['fail-on']).toEqual({ value: 'HIGH', from: `${CENTRAL}:2` })
    expect(out.policy.source).toBe(CENTRAL)
    expect(r.stderr).not.toContain(TOKEN)
  })

  it('a branch is refused unless --policy-allow-mutable, which warns', async () => {
    contents.addFile('acme', 'policies', 'main', 'shipgate.yml', 'version: 1\nfail-on: none\n')
    const refused = await runCli(
      ['scan', '--report', JUICE, '--policy', 'acme/policies/shipgate.yml@main'],
      cliEnv(),
    )
    expect(refused.exitCode).toBe(2)
    expect(refused.stderr).toMatch(/^error: Flag `--policy`: "main" is not a full commit SHA/)
    const allowed = await runCli(
      [
        'scan',
        '--report',
        JUICE,
        '--policy',
        'acme/policies/shipgate.yml@main',
        '--policy-allow-mutable',
      ],
      cliEnv(),
    )
    expect(allowed.exitCode).toBe(0)
    expect(allowed.stderr).toMatch(
      /warning: The policy acme\/policies\/shipgate\.yml@main is read at a tag or branch/,
    )
  })
})
