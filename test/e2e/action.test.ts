import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { multiplied } from '../../bench/reports.js'
import { runAction as run } from '../support/e2e/runner.js'
import { fixturePath } from '../support/fixtures.js'
import { FakeGitHub } from '../support/github/fake-github.js'
import { expectValidSarif } from '../support/sarif.js'
import { standIn } from '../support/trivy-stand-in/index.js'

/** The shared runner, with the base-image check off: these images exist only in the stand-in trivy. */
const runAction = (inputs: Record<string, string>, env: Record<string, string> = {}) =>
  run({ 'base-image-policy': 'off', ...inputs }, env)

describe('dist/index.js on a simulated runner', () => {
  it('fails the step on findings at or above fail-on, with outputs, summary and SARIF', async () => {
    const trivy = standIn({
      'ghcr.io/acme/api:1': fixturePath('securecodebox__juice-shop-v10.2.0.json'),
    })
    const r = await runAction(
      { image: 'ghcr.io/acme/api:1', 'fail-on': 'critical', 'cache-db': 'false' },
      { ...trivy.env, STANDIN_VERSION: '0.75.0' },
    )
    expect(r.exitCode).toBe(1)
    expect(r.stdout).toContain('::error::Blocked: 25 critical at or above the critical threshold')
    expect(r.outputs).toMatchObject({
      verdict: 'fail',
      critical: '25',
      high: '129',
      medium: '67',
      low: '16',
      unknown: '0',
    })
    const report = JSON.parse(readFileSync(r.outputs.report as string, 'utf8'))
    expect(report.images[0].image).toBe('ghcr.io/acme/api:1')
    const sarif = expectValidSarif(r.outputs.sarif as string)
    expect(sarif.runs[0].results).toHaveLength(236)
    expect(r.summary).toMatch(/Blocked/)
    expect(r.summary).toContain('CVE-')
    // One analysis of the image: the DB warm-up and conversions are not scans.
    const scans = trivy.calls().filter((a) => a[0] === 'image' && !a.includes('--download-db-only'))
    expect(scans).toHaveLength(1)
  })

  it('passes when nothing reaches the threshold', async () => {
    const trivy = standIn({ 'alpine:3.10': fixturePath('alpine-310.json.golden') })
    const r = await runAction(
      { image: 'alpine:3.10', 'fail-on': 'high', 'cache-db': 'false' },
      { ...trivy.env, STANDIN_VERSION: '0.75.0' },
    )
    expect(r.exitCode).toBe(0)
    expect(r.outputs).toMatchObject({ verdict: 'pass', medium: '4', critical: '0' })
    expect(r.summary).toMatch(/Passed/)
  })

  it('judges an existing report offline', async () => {
    const trivy = standIn({})
    const r = await runAction(
      {
        'trivy-report': fixturePath('debian-buster.json.golden'),
        'fail-on': 'critical',
        'ignore-unfixed': 'true',
      },
      { ...trivy.env, STANDIN_VERSION: '0.75.0' },
    )
    expect(r.exitCode).toBe(1)
    expect(r.outputs).toMatchObject({ verdict: 'fail', critical: '1', low: '0' })
    // No scan and no DB download: only conversions of the given report (SARIF, CycloneDX SBOM),
    // which run side by side (their order is not fixed).
    const calls = trivy.calls()
    expect(calls.map((a) => a[0])).toEqual(['--version', 'convert', 'convert'])
    expect(
      calls
        .slice(1)
        .map((a) => a[a.indexOf('--format') + 1])
        .sort(),
    ).toEqual(['cyclonedx', 'sarif'])
    const sarif = expectValidSarif(r.outputs.sarif as string)
    expect(sarif.runs[0].results.map((x: { ruleId: string }) => x.ruleId)).toEqual([
      'CVE-2019-18224',
    ])
  })

  it('rejects a bad input with a message naming it, before any work', async () => {
    const r = await runAction({ image: 'alpine:3.10', 'fail-on': 'severe' })
    expect(r.exitCode).toBe(1)
    expect(r.stdout).toContain('::error::Input `fail-on`: "severe" is not a severity')
    expect(r.outputs.verdict).toBe('fail')
  })

  it('a Trivy crash fails the step with its stderr, never a pass', async () => {
    const trivy = standIn({ 'x:1': 'crash' })
    const r = await runAction(
      { image: 'x:1', 'fail-on': 'none', 'cache-db': 'false' },
      { ...trivy.env, STANDIN_VERSION: '0.75.0' },
    )
    expect(r.exitCode).toBe(1)
    expect(r.stdout).toMatch(/::error::Trivy exited with code 2 while scanning x:1/)
    expect(r.outputs.verdict).toBe('fail')
  })
})

describe('dist/index.js on a pull request', () => {
  const gh = new FakeGitHub()
  beforeAll(async () => {
    await gh.start()
  })
  afterAll(async () => {
    await gh.stop()
  })

  /** The stand-in trivy on PATH is reused for `trivy convert`: nothing is downloaded. */
  const noDownload = () => ({ ...standIn({}).env, STANDIN_VERSION: '0.75.0' })

  function prEnv(number: number, fork = false) {
    const dir = mkdtempSync(join(tmpdir(), 'event-'))
    const event = join(dir, 'event.json')
    writeFileSync(
      event,
      JSON.stringify({
        pull_request: {
          number,
          head: { repo: { full_name: fork ? 'mallory/api' : 'acme/api' } },
          base: { repo: { full_name: 'acme/api' } },
        },
      }),
    )
    return {
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: event,
      GITHUB_API_URL: gh.url,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'acme/api',
    }
  }

  it('posts one sticky comment and updates it on the next push', async () => {
    gh.addPullRequest('acme', 'api', 7)
    const inputs = {
      'trivy-report': fixturePath('debian-buster.json.golden'),
      image: 'ghcr.io/acme/api:pr-7',
      'github-token': 'ghs_secret',
    }
    gh.token = 'ghs_secret'
    const first = await runAction(inputs, { ...prEnv(7), ...noDownload() })
    expect(first.exitCode).toBe(1)
    expect(first.outputs['comment-status'], first.stdout).toBe('created')
    const comments = gh.comments('acme', 'api', 7)
    expect(comments).toHaveLength(1)
    expect(comments[0]?.body.split('\n')[0]).toMatch(/Blocked: 1 critical/)
    expect(comments[0]?.body).toContain('<!-- shipgate:comment key=')
    // The token is registered as a secret (the runner masks it) and printed nowhere else.
    expect(first.stdout).toContain('::add-mask::ghs_secret')
    expect(first.stdout.replace('::add-mask::ghs_secret', '')).not.toContain('ghs_secret')

    const second = await runAction(
      { ...inputs, 'fail-on': 'none' },
      { ...prEnv(7), ...noDownload() },
    )
    expect(second.exitCode).toBe(0)
    expect(second.outputs['comment-status']).toBe('updated')
    expect(gh.comments('acme', 'api', 7)).toHaveLength(1)
    expect(gh.comments('acme', 'api', 7)[0]?.body).toMatch(/Passed/)
  })

  it('a fork token that cannot comment warns, keeps the summary, and the policy decides the exit', async () => {
    gh.addPullRequest('acme', 'api', 8)
    gh.token = 'ghs_x'
    gh.fail({
      method: 'POST',
      path: '/issues/8/comments',
      status: 403,
      body: { message: 'Resource not accessible by integration' },
      times: 10,
    })
    const r = await runAction(
      {
        'trivy-report': fixturePath('alpine-310.json.golden'),
        image: 'alpine:3.10',
        'github-token': 'ghs_x',
      },
      { ...prEnv(8, true), ...noDownload() },
    )
    expect(r.exitCode).toBe(0)
    expect(r.outputs).toMatchObject({ verdict: 'pass', 'comment-status': 'failed' })
    expect(r.stdout).toMatch(/::warning::.*fork/)
    expect(r.summary).toMatch(/Passed/)
    expect(r.summary).toMatch(/fork/)
    const report = JSON.parse(readFileSync(r.outputs.report as string, 'utf8'))
    expect(report.warnings.join(' ')).toMatch(/fork/)
  })

  it('a comment that fails after the summary was rendered: the summary is rendered again with the warning', async () => {
    // The summary is rendered while the comment's requests are in flight (src/action/summary.ts);
    // this POST fails a second and a half later, long after that rendering.
    gh.addPullRequest('acme', 'api', 19)
    gh.token = 'ghs_x'
    gh.fail({
      method: 'POST',
      path: '/issues/19/comments',
      status: 403,
      body: { message: 'Resource not accessible by integration' },
      times: 10,
      delayMs: 1500,
    })
    const r = await runAction(
      {
        'trivy-report': fixturePath('alpine-310.json.golden'),
        image: 'alpine:3.10',
        'github-token': 'ghs_x',
      },
      { ...prEnv(19, true), ...noDownload() },
    )
    expect(r.exitCode).toBe(0)
    expect(r.outputs).toMatchObject({ verdict: 'pass', 'comment-status': 'failed' })
    const report = JSON.parse(readFileSync(r.outputs.report as string, 'utf8'))
    expect((report.warnings as string[]).join(' ')).toMatch(/comes from a fork/)
    expect(r.summary).toMatch(/comes from a fork/)
    // Once: the summary written is the second rendering, not the first plus the second.
    expect(r.summary.match(/### ✅/g)).toHaveLength(1)
  })

  it('a large report whose comment fails while its file is written: the file still records the failure', async () => {
    // 3,000 findings: the report file pauses a dozen times for the comment's requests, and the
    // comment fails meanwhile; the file must end with the warning (written again).
    gh.addPullRequest('acme', 'api', 18)
    gh.token = 'ghs_x'
    gh.fail({
      method: 'POST',
      path: '/issues/18/comments',
      status: 403,
      body: { message: 'Resource not accessible by integration' },
      times: 10,
    })
    const dir = mkdtempSync(join(tmpdir(), 'e2e-large-comment-'))
    const large = join(dir, 'large.json')
    writeFileSync(large, multiplied(3000))
    const r = await runAction(
      {
        'trivy-report': large,
        image: 'ghcr.io/acme/api:pr-18',
        'github-token': 'ghs_x',
        'fail-on': 'none',
      },
      { ...prEnv(18, true), ...noDownload() },
    )
    expect(r.exitCode).toBe(0)
    expect(r.outputs).toMatchObject({ 'comment-status': 'failed' })
    const report = JSON.parse(readFileSync(r.outputs.report as string, 'utf8'))
    expect(report.images[0].findings.length).toBeGreaterThanOrEqual(3000)
    expect(report.warnings.join(' ')).toMatch(/comment/)
    expect(r.summary).toMatch(/comment/)
  })

  it('compares with a baseline report and shows what the change introduces', async () => {
    gh.addPullRequest('acme', 'api', 9)
    const r = await runAction(
      {
        'trivy-report': fixturePath('debian-buster.json.golden'),
        image: 'ghcr.io/acme/api:pr-9',
        'compare-to': fixturePath('debian-buster-ignore-unfixed.json.golden'),
        'github-token': 'ghs_x',
      },
      { ...prEnv(9), ...noDownload() },
    )
    const report = JSON.parse(readFileSync(r.outputs.report as string, 'utf8'))
    expect(report.images[0].comparison.introduced).toHaveLength(1)
    expect(report.images[0].comparison.introduced[0]).toContain('CVE-2019-18276')
    expect(gh.comments('acme', 'api', 9)[0]?.body).toContain('CVE-2019-18276')
  })

  it('comment-per image: one comment per image, each with its own verdict', async () => {
    gh.addPullRequest('acme', 'api', 10)
    gh.token = 'ghs_x'
    const trivy = standIn({
      'ghcr.io/acme/api:1': fixturePath('debian-buster.json.golden'),
      'ghcr.io/acme/web:1': fixturePath('alpine-310.json.golden'),
    })
    const inputs = {
      image: 'ghcr.io/acme/api:1\nghcr.io/acme/web:1',
      'comment-per': 'image',
      'cache-db': 'false',
      'github-token': 'ghs_x',
    }
    const env = { ...prEnv(10), ...trivy.env, STANDIN_VERSION: '0.75.0' }
    const r = await runAction(inputs, env)
    expect(r.exitCode).toBe(1)
    expect(r.outputs['comment-status']).toBe('created')
    const bodies = gh.comments('acme', 'api', 10).map((c) => c.body.split('\n')[0])
    expect(bodies).toHaveLength(2)
    expect(bodies[0]).toMatch(/Blocked: 1 critical/)
    expect(bodies[1]).toMatch(/Passed: no findings at or above high/)
    // A re-run updates both in place.
    const again = await runAction(inputs, env)
    expect(again.outputs['comment-status']).toBe('updated')
    expect(gh.comments('acme', 'api', 10)).toHaveLength(2)
  })

  it('fail-on-scope new: an inherited critical does not block, a new one would', async () => {
    const base = {
      'trivy-report': fixturePath('debian-buster.json.golden'),
      image: 'ghcr.io/acme/api:pr-11',
      'fail-on': 'high',
      'fail-on-scope': 'new',
      comment: 'never',
    }
    // The base branch already had the critical libidn2-0 finding: nothing new at or above high.
    const inherited = await runAction(
      { ...base, 'compare-to': fixturePath('debian-buster.json.golden') },
      noDownload(),
    )
    expect(inherited.exitCode).toBe(0)
    expect(inherited.outputs).toMatchObject({ verdict: 'pass', critical: '1' })
    expect(inherited.outputs.reason).toMatch(/^Passed: no new findings at or above high/)
    // Against a clean baseline the same critical is new and blocks.
    const fresh = await runAction(
      { ...base, 'compare-to': fixturePath('sl-micro-rancher5.4.json.golden') },
      noDownload(),
    )
    expect(fresh.exitCode).toBe(1)
    expect(fresh.outputs.reason).toBe('Blocked: 1 critical new at or above the high threshold')
    // `new` without a baseline is a usage error naming both inputs.
    const missing = await runAction({ ...base }, noDownload())
    expect(missing.exitCode).toBe(1)
    expect(missing.stdout).toMatch(/Input `fail-on-scope`: `new` .* set `compare-to`/)
  })

  it('an unreadable report still sets verdict=fail and reason, and says so in the summary', async () => {
    const r = await runAction({ 'trivy-report': '/nonexistent/report.json' })
    expect(r.exitCode).toBe(1)
    expect(r.outputs.verdict).toBe('fail')
    expect(r.outputs.reason).toMatch(/report\.json: does not exist/)
    expect(r.summary).toMatch(/Shipgate did not complete/)
  })
})
