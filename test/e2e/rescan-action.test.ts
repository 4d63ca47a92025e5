/**
 * `mode: rescan` end to end through dist/index.js: images pushed to Debian's docker-registry
 * and watched by tag, Trivy the stand-in replaying reports that change between runs (keyed by
 * the digest the tag points to, so a scan of anything else fails), issues kept on the fake
 * GitHub API. And `shipgate rescan --format json` through dist/cli.js, which never touches
 * GitHub.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { MediaType } from '../../src/registry/index.js'
import { rescanMarker } from '../../src/rescan/marker.js'
import type { RescanResult } from '../../src/rescan/result.js'
import { trivyReport, type Vuln } from '../rescan/support.js'
import { runAction, runCli } from '../support/e2e/runner.js'
import { FakeIssues } from '../support/github/fake-issues.js'
import { FixtureBuilder, tarOf } from '../support/registry/images.js'
import { type RunningRegistry, startRegistry } from '../support/registry/server.js'
import { STAND_IN, standIn } from '../support/trivy-stand-in/index.js'

let registry: RunningRegistry
let fake: FakeIssues

beforeAll(async () => {
  registry = await startRegistry('none')
}, 60_000)
afterAll(async () => {
  await registry?.stop()
})
beforeEach(async () => {
  fake = await new FakeIssues().start()
  fake.identity = { login: 'github-actions[bot]', type: 'Bot' }
})
afterEach(async () => {
  await fake.stop()
})

async function push(repo: string, tag: string, content: string) {
  const layer = gzipSync(
    await tarOf([{ name: 'app.txt', type: 'file', content: Buffer.from(content), mode: 0o644 }]),
  )
  const pushed = await new FixtureBuilder(registry.host).push({
    repo,
    tag,
    layers: [{ bytes: layer, mediaType: MediaType.ociLayerGzip }],
    config: {},
  })
  return {
    tag: pushed.ref,
    digest: pushed.digest,
    scanRef: `${registry.host}/${repo}@${pushed.digest}`,
  }
}

const v = (id: string, severity: Vuln['severity'] = 'HIGH'): Vuln => ({
  id,
  pkg: 'openssl',
  severity,
})

/** One rescan through dist/index.js; `scans` maps each digest reference to its findings. */
function rescan(
  images: string[],
  scans: Record<string, Vuln[]>,
  inputs: Record<string, string> = {},
) {
  const trivy = standIn(
    Object.fromEntries(Object.entries(scans).map(([ref, vulns]) => [ref, trivyReport(ref, vulns)])),
  )
  return runAction(
    {
      mode: 'rescan',
      image: images.join('\n'),
      'cache-db': 'false',
      'github-token': fake.token,
      ...inputs,
    },
    {
      ...trivy.env,
      STANDIN_VERSION: '0.75.0',
      GITHUB_API_URL: fake.url,
      GITHUB_REPOSITORY: `${fake.owner}/${fake.repo}`,
      GITHUB_EVENT_NAME: 'schedule',
    },
  )
}

const issuesOf = (tag: string) =>
  fake.issues.filter((i) => i.body.trimEnd().endsWith(rescanMarker(tag)))

describe('mode: rescan through dist/index.js', () => {
  it('opens, updates and closes one issue per image over three runs as the reports change', async () => {
    const api = await push('rescan-e2e/api', '1', 'api one')
    const web = await push('rescan-e2e/web', '1', 'web one')
    const watched = [api.tag, web.tag]

    // Run 1: both fail: one issue each, with the label; the step fails (rescan-fail: any).
    const r1 = await rescan(watched, {
      [api.scanRef]: [v('CVE-2026-0001'), v('CVE-2026-0002', 'CRITICAL')],
      [web.scanRef]: [v('CVE-2026-0100')],
    })
    expect(r1.exitCode, r1.stdout).toBe(1)
    expect(r1.outputs.verdict).toBe('fail')
    expect(r1.errors[0]).toContain('2 of 2 watched image(s) fail the policy')
    expect(
      fake
        .open()
        .map((i) => i.title)
        .sort(),
    ).toEqual([
      `Shipgate: ${api.tag} fails the security policy`,
      `Shipgate: ${web.tag} fails the security policy`,
    ])
    expect(fake.labels.has('shipgate')).toBe(true)
    const apiIssue = issuesOf(api.tag)[0]
    const webIssue = issuesOf(web.tag)[0]
    // The digest the tag pointed to is what was scanned and reported.
    expect(apiIssue?.body).toContain(api.digest)
    expect(r1.summary).toContain('| Image | Digest | Verdict | New | Fixed | Issue |')
    expect(r1.summary).toContain(`opened [#${apiIssue?.number}]`)
    const report = JSON.parse(
      (await import('node:fs')).readFileSync(r1.outputs.report ?? '', 'utf8'),
    ) as RescanResult
    expect(report.images.map((o) => [o.image, o.digest, o.verdict, o.issue.action])).toEqual([
      [api.tag, api.digest, 'fail', 'opened'],
      [web.tag, web.digest, 'fail', 'opened'],
    ])

    // Run 2: api changes findings; web's tag moves to a new digest with other findings.
    const web2 = await push('rescan-e2e/web', '1', 'web two')
    const r2 = await rescan(watched, {
      [api.scanRef]: [v('CVE-2026-0002', 'CRITICAL'), v('CVE-2026-0003')],
      [web2.scanRef]: [v('CVE-2026-0101')],
    })
    expect(r2.exitCode, r2.stdout).toBe(1)
    expect(fake.open()).toHaveLength(2)
    const api2 = fake.issue(apiIssue?.number ?? 0)?.body ?? ''
    expect(api2).toContain('**New since the last scan** (1): <code>CVE-2026-0003</code>')
    expect(api2).toContain('**Fixed since the last scan** (1): <code>CVE-2026-0001</code>')
    const webBody = fake.issue(webIssue?.number ?? 0)?.body ?? ''
    expect(webBody).toContain(web2.digest)
    expect(webBody).toContain('**New since the last scan** (1): <code>CVE-2026-0101</code>')
    expect(r2.summary).toContain(`updated [#${apiIssue?.number}]`)

    // Run 3: both pass: both issues closed with a comment; the step passes.
    const r3 = await rescan(watched, {
      [api.scanRef]: [v('CVE-2026-0009', 'LOW')],
      [web2.scanRef]: [],
    })
    expect(r3.errors).toEqual([])
    expect(r3.exitCode).toBe(0)
    expect(r3.outputs.verdict).toBe('pass')
    expect(fake.open()).toEqual([])
    for (const n of [apiIssue?.number, webIssue?.number]) {
      const issue = fake.issue(n ?? 0)
      expect(issue?.state).toBe('closed')
      expect(issue?.comments.at(-1)?.body).toContain('passes the security policy again')
    }
    // Three runs, two images: exactly two issues ever.
    expect(fake.issues).toHaveLength(2)
  }, 120_000)

  it('two concurrent rescans leave one open issue per image', async () => {
    const api = await push('rescan-e2e/api-c', '1', 'api c')
    const web = await push('rescan-e2e/web-c', '1', 'web c')
    fake.holdCreates(2)
    const scans = { [api.scanRef]: [v('CVE-2026-0001')], [web.scanRef]: [v('CVE-2026-0100')] }
    const [a, b] = await Promise.all([
      rescan([api.tag, web.tag], scans),
      rescan([api.tag, web.tag], scans),
    ])
    for (const r of [a, b]) {
      expect(r.exitCode, r.stdout).toBe(1)
      expect(r.errors.join('\n')).not.toContain('not updated')
    }
    for (const tag of [api.tag, web.tag]) {
      const all = issuesOf(tag)
      expect(all.filter((i) => i.state === 'open')).toHaveLength(1)
      expect(all).toHaveLength(2) // both runs opened one; the newer is closed as a duplicate
    }
    expect(fake.open()).toHaveLength(2)
  }, 120_000)

  it('rescan-fail: never passes on policy but still fails when an image cannot be resolved, and the others are updated', async () => {
    const api = await push('rescan-e2e/api-n', '1', 'api n')
    const missing = `${registry.host}/rescan-e2e/never-pushed:1`
    const r = await rescan(
      [api.tag, missing],
      { [api.scanRef]: [v('CVE-2026-0001')] },
      { 'rescan-fail': 'never' },
    )
    expect(r.exitCode).toBe(1)
    expect(r.errors[0]).toContain('1 could not be scanned')
    expect(r.errors[0]).toContain(`Could not resolve ${missing}`)
    expect(issuesOf(api.tag).filter((i) => i.state === 'open')).toHaveLength(1)
    expect(r.summary).toContain('was not scanned')
    expect(r.summary).toContain('Settings and where they came from')
    expect(r.summary).toMatch(
      /<code>rescan-fail<\/code> \| <code>never<\/code> \| input rescan-fail/,
    )

    const ok = await rescan(
      [api.tag],
      { [api.scanRef]: [v('CVE-2026-0001')] },
      { 'rescan-fail': 'never' },
    )
    expect(ok.exitCode, ok.stdout).toBe(0)
    expect(ok.outputs.verdict).toBe('fail')
  }, 120_000)

  it('a token without issues: write: the summary still has every image, says which were not updated, and the step fails', async () => {
    const api = await push('rescan-e2e/api-ro', '1', 'api ro')
    fake.readOnly = true
    fake.token = 'ghs_e2eTokenThatMustNeverBePrinted0123'
    // GitHub's refusal, as a proxy might echo it with the credentials it saw.
    fake.fail({
      method: 'POST',
      path: '/labels',
      status: 403,
      body: { message: `Resource not accessible by integration (token ${fake.token})` },
    })
    const r = await rescan(
      [api.tag],
      { [api.scanRef]: [v('CVE-2026-0001')] },
      { 'rescan-fail': 'never' },
    )
    expect(r.exitCode).toBe(1)
    expect(r.outputs.verdict).toBe('fail')
    expect(r.errors[0]).toContain('1 issue(s) not updated')
    expect(r.summary).toContain('**Not updated** (1)')
    expect(r.summary).toContain('permissions: issues: write')
    expect(r.summary).toContain(api.digest.slice(0, 19))
    // The one place the token may appear is the command that tells the runner to mask it.
    const printed = `${r.stdout}${r.stderr}${r.summary}`.replace(`::add-mask::${fake.token}`, '')
    expect(r.stdout).toContain(`::add-mask::${fake.token}`)
    expect(printed).not.toContain(fake.token)
    expect(fake.issues).toEqual([])
  }, 120_000)

  it('a bad rescan-fail is refused naming the input', async () => {
    const r = await rescan(['ghcr.io/acme/api:1'], {}, { 'rescan-fail': 'sometimes' })
    expect(r.exitCode).toBe(1)
    expect(r.errors[0]).toMatch(/^Input `rescan-fail`: "sometimes" is not one of never, new, any/)
    expect(fake.requests).toEqual([])
  })
})

describe('shipgate rescan through dist/cli.js', () => {
  it('--format json prints the per-image result and never touches GitHub', async () => {
    const api = await push('rescan-e2e/api-cli', '1', 'api cli')
    const trivy = standIn({ [api.scanRef]: trivyReport(api.scanRef, [v('CVE-2026-0001')]) })
    const r = await runCli(['rescan', api.tag, '--format', 'json', '--trivy', STAND_IN], {
      ...trivy.env,
      GITHUB_API_URL: fake.url,
      GITHUB_TOKEN: fake.token,
      GITHUB_REPOSITORY: 'acme/app',
    })
    expect(r.exitCode, r.stderr).toBe(1)
    const out = JSON.parse(r.stdout) as RescanResult
    expect(out.schema).toBe('shipgate.rescan/v1')
    expect(out.images).toEqual([
      expect.objectContaining({
        image: api.tag,
        digest: api.digest,
        via: 'tag',
        verdict: 'fail',
        issue: { action: 'offline' },
        newSince: [{ id: 'CVE-2026-0001', pkg: 'openssl', severity: 'HIGH' }],
      }),
    ])
    const withSettings = out as RescanResult & { settings: { values: Record<string, unknown> } }
    expect(withSettings.settings.values['rescan-fail']).toEqual({ value: 'any', from: 'default' })
    expect(fake.requests).toEqual([])
    expect(
      trivy
        .calls()
        .filter((c) => c[0] === 'image')
        .map((c) => c.at(-1)),
    ).toEqual([api.scanRef])

    // The policy file decides like the flags: a critical threshold passes the high finding.
    const dir = mkdtempSync(join(tmpdir(), 'rescan-policy-'))
    writeFileSync(join(dir, 'shipgate.yml'), 'version: 1\nfail-on: critical\nrescan-fail: new\n')
    const policy = await runCli(
      [
        'rescan',
        api.tag,
        '--format',
        'json',
        '--trivy',
        STAND_IN,
        '--policy',
        join(dir, 'shipgate.yml'),
      ],
      trivy.env,
    )
    expect(policy.exitCode, policy.stderr).toBe(0)
    const judged = JSON.parse(policy.stdout) as RescanResult & {
      settings: { values: Record<string, { value: unknown; from: string }> }
    }
    expect(judged).toMatchObject({ verdict: 'pass', failOn: 'CRITICAL', rescanFail: 'new' })
    expect(judged.settings.values['rescan-fail']?.from).toMatch(/shipgate\.yml:3$/)

    const pass = await runCli(
      ['rescan', api.tag, '--format', 'json', '--trivy', STAND_IN, '--rescan-fail', 'never'],
      trivy.env,
    )
    expect(pass.exitCode, pass.stderr).toBe(0)
  }, 120_000)

  it("the policy file's rescan.images is the watch list when no image is given", async () => {
    const api = await push('rescan-e2e/api-policy', '1', 'api policy')
    const trivy = standIn({ [api.scanRef]: trivyReport(api.scanRef, [v('CVE-2026-0009')]) })
    const dir = mkdtempSync(join(tmpdir(), 'rescan-watch-'))
    const file = join(dir, 'shipgate.yml')
    writeFileSync(file, `version: 1\nrescan:\n  images:\n    - ${api.tag}\n`)
    const r = await runCli(
      ['rescan', '--format', 'json', '--trivy', STAND_IN, '--policy', file],
      trivy.env,
    )
    expect(r.exitCode, r.stderr).toBe(1)
    const out = JSON.parse(r.stdout) as RescanResult & {
      settings: { values: Record<string, { value: unknown; from: string }> }
    }
    expect(out.images).toEqual([
      expect.objectContaining({ image: api.tag, digest: api.digest, via: 'tag', verdict: 'fail' }),
    ])
    expect(out.settings.values.image?.from).toMatch(/shipgate\.yml:\d+$/)
    // Arguments still win over the file; with neither, the error names both places.
    const none = await runCli(['rescan', '--format', 'json', '--trivy', STAND_IN], trivy.env)
    expect(none.exitCode).toBe(2)
    expect(none.stderr).toMatch(/nothing to watch.*rescan\.images/)
  }, 120_000)

  it('a flag error names the flag', async () => {
    const r = await runCli(['rescan', 'ghcr.io/acme/api:1', '--rescan-fail', 'x'])
    expect(r.exitCode).toBe(2)
    expect(r.stderr).toContain('Flag `--rescan-fail`: "x" is not one of never, new, any')
  })
})
