/**
 * The rescan engine against the fake issues API (real Octokit with its retry and throttling
 * plugins) and the stand-in trivy replaying reports that change between runs.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { recordingLogger } from '../../src/logger.js'
import { type RescanRun, runRescan } from '../../src/rescan/engine.js'
import { decodeState, rescanMarker } from '../../src/rescan/marker.js'
import { RESCAN_FAIL } from '../../src/rescan/result.js'
import {
  ACTIONS_BOT,
  FakeIssues,
  person,
  secondaryRateLimit,
} from '../support/github/fake-issues.js'
import { digestOf, issuesApiFor, rescanSetup, trivyReport, type Vuln } from './support.js'

const API = `127.0.0.1:5000/acme/api@${digestOf('a')}`
const WEB = `127.0.0.1:5000/acme/web@${digestOf('b')}`

const v = (id: string, severity: Vuln['severity'] = 'HIGH', pkg = 'openssl'): Vuln => ({
  id,
  pkg,
  severity,
})

let fake: FakeIssues
beforeEach(async () => {
  fake = await new FakeIssues().start()
})
afterEach(async () => {
  await fake.stop()
})

async function rescan(
  reports: Record<string, Vuln[] | string>,
  opts: Parameters<typeof rescanSetup>[2] & { token?: string } = {},
): Promise<RescanRun & { log: ReturnType<typeof recordingLogger> }> {
  const files = Object.fromEntries(
    Object.entries(reports).map(([image, r]) => [
      image,
      typeof r === 'string' ? r : trivyReport(image, r),
    ]),
  )
  const { req, deps } = rescanSetup(files, Object.keys(reports), opts)
  const log = recordingLogger()
  const run = await runRescan(req, {
    ...deps,
    logger: log,
    github: {
      api: issuesApiFor(fake, log, opts.token),
      runUrl: 'https://github.com/acme/app/actions/runs/1',
    },
  })
  return { ...run, log }
}

function issueOf(image: string) {
  const marker = rescanMarker(image)
  return fake.open().filter((i) => i.body.trimEnd().endsWith(marker))
}

describe('one issue per image over runs', () => {
  it('opens, updates with new and fixed findings, leaves unchanged, and closes with a comment', async () => {
    // Run 1: both images fail; each gets one issue with the label, created when missing.
    const r1 = await rescan({
      [API]: [v('CVE-2026-0001'), v('CVE-2026-0002', 'CRITICAL')],
      [WEB]: [v('CVE-2026-0100')],
    })
    expect(r1.result.images.map((o) => [o.verdict, o.issue.action])).toEqual([
      ['fail', 'opened'],
      ['fail', 'opened'],
    ])
    expect(r1.result.failed).toBe(true)
    expect(fake.labels.get('shipgate')).toMatchObject({ color: 'b60205' })
    expect(fake.open()).toHaveLength(2)
    const [api1] = issueOf(API)
    expect(api1?.labels).toEqual(['shipgate'])
    expect(api1?.title).toBe(`Shipgate: ${API} fails the security policy`)
    expect(
      decodeState(api1?.body ?? '')
        ?.findings.map((f) => f.id)
        .sort(),
    ).toEqual(['CVE-2026-0001', 'CVE-2026-0002'])

    // Run 2: api gains one finding and loses one; web is unchanged, so its issue is not edited.
    const writesBefore = fake.writes().length
    const r2 = await rescan({
      [API]: [v('CVE-2026-0002', 'CRITICAL'), v('CVE-2026-0003')],
      [WEB]: [v('CVE-2026-0100')],
    })
    const [api2, web2] = r2.result.images
    expect(api2?.issue).toMatchObject({ action: 'updated', number: api1?.number })
    expect(api2?.newSince.map((f) => f.id)).toEqual(['CVE-2026-0003'])
    expect(api2?.fixedSince.map((f) => f.id)).toEqual(['CVE-2026-0001'])
    expect(web2?.issue.action).toBe('unchanged')
    expect(web2?.newSince).toEqual([])
    const patches = fake.writes().slice(writesBefore)
    expect(patches.map((w) => `${w.method} ${w.path}`)).toEqual([
      `PATCH /repos/acme/app/issues/${api1?.number}`,
    ])
    const body = fake.issue(api1?.number ?? 0)?.body ?? ''
    expect(body).toContain('**New since the last scan** (1): <code>CVE-2026-0003</code>')
    expect(body).toContain('**Fixed since the last scan** (1): <code>CVE-2026-0001</code>')
    expect(fake.open()).toHaveLength(2)

    // Run 3: api passes (only a low finding left): its issue is closed with a comment.
    const r3 = await rescan({ [API]: [v('CVE-2026-0009', 'LOW')], [WEB]: [v('CVE-2026-0100')] })
    expect(r3.result.images[0]).toMatchObject({
      verdict: 'pass',
      issue: { action: 'closed', number: api1?.number },
    })
    const closed = fake.issue(api1?.number ?? 0)
    expect(closed).toMatchObject({ state: 'closed', stateReason: 'completed' })
    expect(closed?.comments.at(-1)?.body).toContain('passes the security policy again')
    expect(closed?.comments.at(-1)?.body).toContain('**Fixed since the last scan** (2)')
    expect(fake.open().map((i) => i.number)).toEqual(issueOf(WEB).map((i) => i.number))

    // Run 4: everything passes; nothing left open, nothing failed.
    const r4 = await rescan({ [API]: [], [WEB]: [] })
    expect(r4.result.images.map((o) => o.issue.action)).toEqual(['none', 'closed'])
    expect(r4.result).toMatchObject({ verdict: 'pass', failed: false })
    expect(fake.open()).toEqual([])
  })

  it('two concurrent rescans leave one open issue per image, closing the newer duplicate', async () => {
    // Both runs list before either creates (the fake holds each image's creation until both runs sent it).
    fake.holdCreates(2)
    const reports = { [API]: [v('CVE-2026-0001')], [WEB]: [v('CVE-2026-0100')] }
    const [a, b] = await Promise.all([rescan(reports), rescan(reports)])
    expect(
      fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/issues')),
    ).toHaveLength(4)
    for (const image of [API, WEB]) {
      const open = issueOf(image)
      expect(open).toHaveLength(1)
      const all = fake.issues.filter((i) => i.body.includes(rescanMarker(image)))
      expect(all).toHaveLength(2)
      const dup = all.find((i) => i.state === 'closed')
      expect(dup?.number).toBeGreaterThan(open[0]?.number ?? 0)
      expect(dup?.stateReason).toBe('not_planned')
      expect(dup?.comments.map((c) => c.body)).toEqual([
        expect.stringContaining(`duplicates #${open[0]?.number}`),
      ])
    }
    // Both runs report the surviving issue.
    for (const run of [a, b]) {
      expect(run.result.notUpdated).toEqual([])
      expect(run.result.images.map((o) => o.issue.number)).toEqual(
        [API, WEB].map((i) => issueOf(i)[0]?.number),
      )
    }
    // A third run finds exactly one issue per image and writes nothing.
    const before = fake.writes().length
    const c = await rescan(reports)
    expect(c.result.images.map((o) => o.issue.action)).toEqual(['unchanged', 'unchanged'])
    expect(fake.writes().length).toBe(before)
  })

  it('finds its issue on a later page of the listing', async () => {
    // Older issues with the label come first in the listing (oldest first): ours is on page 3.
    for (let i = 0; i < 230; i++)
      fake.addIssue({ body: `noise ${i}`, labels: ['shipgate'], user: person(`dev${i % 5}`) })
    await rescan({ [API]: [v('CVE-2026-0001')] })
    expect(issueOf(API)[0]?.number).toBe(231)
    const r = await rescan({ [API]: [] })
    expect(r.result.images[0]?.issue.action).toBe('closed')
    const pages = fake.requests.filter((q) => q.method === 'GET' && q.path.endsWith('/issues'))
    expect(pages.map((q) => q.query.get('page') ?? '1').slice(-3)).toEqual(['1', '2', '3'])
  })

  it('an image with more blocking findings than the issue can record is not rewritten on every run', async () => {
    const many = Array.from({ length: 1500 }, (_, i) =>
      v(`CVE-2026-${10000 + i}`, 'HIGH', `pkg${i}`),
    )
    const first = await rescan({ [API]: many })
    expect(first.result.images[0]?.issue.action).toBe('opened')
    const before = fake.writes().length
    const again = await rescan({ [API]: many })
    expect(again.result.images[0]).toMatchObject({
      previous: 'partial',
      issue: { action: 'unchanged' },
    })
    expect(fake.writes().length).toBe(before)
  })

  it('closes duplicates an earlier run left, keeping the oldest', async () => {
    await rescan({ [API]: [v('CVE-2026-0001')] })
    const [first] = issueOf(API)
    // A copy of Shipgate's issue, as a crashed concurrent run would leave it.
    const copy = fake.addIssue({ body: first?.body ?? '', labels: ['shipgate'], user: ACTIONS_BOT })
    const r = await rescan({ [API]: [v('CVE-2026-0001')] })
    expect(r.result.images[0]?.issue).toMatchObject({
      action: 'unchanged',
      number: first?.number,
      closedDuplicates: [copy.number],
    })
    expect(fake.issue(copy.number)?.state).toBe('closed')
  })
})

describe('issues by other accounts', () => {
  it('never edits, closes or comments on an issue another account wrote with the marker', async () => {
    await rescan({ [API]: [v('CVE-2026-0001')] })
    const [ours] = issueOf(API)
    // Someone posts the same body (marker and state included) under their own name.
    const forged = fake.addIssue({
      body: ours?.body ?? '',
      labels: ['shipgate'],
      user: person('mallory'),
    })
    // And a pull request carrying it: GitHub lists pull requests among issues.
    const pr = fake.addIssue({
      body: ours?.body ?? '',
      labels: ['shipgate'],
      user: ACTIONS_BOT,
      pullRequest: true,
    })
    await rescan({ [API]: [v('CVE-2026-0002')] })
    await rescan({ [API]: [] })
    const touched = fake
      .writes()
      .filter(
        (w) =>
          w.path.includes(`/issues/${forged.number}`) || w.path.includes(`/issues/${pr.number}`),
      )
    expect(touched).toEqual([])
    expect(fake.issue(forged.number)?.state).toBe('open')
    expect(fake.issue(ours?.number ?? 0)?.state).toBe('closed')
  })

  it('does not adopt another account’s issue when none of its own exists: it opens its own', async () => {
    const forged = fake.addIssue({
      body: `pwned\n\n${rescanMarker(API)}`,
      labels: ['shipgate'],
      user: person('mallory'),
    })
    const r = await rescan({ [API]: [v('CVE-2026-0001')] })
    expect(r.result.images[0]?.issue.action).toBe('opened')
    expect(r.result.images[0]?.issue.number).not.toBe(forged.number)
    expect(fake.issue(forged.number)?.body).toBe(`pwned\n\n${rescanMarker(API)}`)
  })

  it('with a personal access token, only issues by that user are Shipgate’s', async () => {
    fake.identity = person('release-bot')
    await rescan({ [API]: [v('CVE-2026-0001')] })
    const [ours] = issueOf(API)
    expect(ours?.user?.login).toBe('release-bot')
    // An issue by github-actions[bot] is not this token's.
    const other = fake.addIssue({ body: ours?.body ?? '', labels: ['shipgate'], user: ACTIONS_BOT })
    await rescan({ [API]: [] })
    expect(fake.issue(other.number)?.state).toBe('open')
    expect(fake.issue(ours?.number ?? 0)?.state).toBe('closed')
  })
})

describe('what changed since the last scan', () => {
  it('an issue whose hidden state was edited away counts every finding as new (rescan-fail: new fails)', async () => {
    await rescan({ [API]: [v('CVE-2026-0001')] })
    const [ours] = issueOf(API)
    if (!ours) throw new Error('no issue')
    ours.body = ours.body.replace(/<!-- shipgate:rescan-state [^\n]*-->\n/, '')
    const r = await rescan({ [API]: [v('CVE-2026-0001')] }, { rescanFail: 'new' })
    expect(r.result.images[0]).toMatchObject({
      previous: 'unreadable',
      issue: { action: 'updated' },
    })
    expect(r.result.images[0]?.newSince.map((f) => f.id)).toEqual(['CVE-2026-0001'])
    expect(r.result.failed).toBe(true)
    expect(fake.issue(ours.number)?.body).toContain('no readable record')
  })

  it('rescan-fail: new fails only when a blocking finding appeared; never never fails on policy; any always', async () => {
    expect(RESCAN_FAIL).toEqual(['never', 'new', 'any'])
    const first = await rescan({ [API]: [v('CVE-2026-0001')] }, { rescanFail: 'new' })
    expect(first.result.failed).toBe(true) // a first report is all new
    const same = await rescan({ [API]: [v('CVE-2026-0001')] }, { rescanFail: 'new' })
    expect(same.result).toMatchObject({ verdict: 'fail', failed: false })
    const fewer = await rescan(
      { [API]: [], [WEB]: [v('CVE-2026-0100', 'LOW')] },
      { rescanFail: 'new' },
    )
    expect(fewer.result.failed).toBe(false)
    const never = await rescan({ [API]: [v('CVE-2026-0005')] }, { rescanFail: 'never' })
    expect(never.result).toMatchObject({ verdict: 'fail', failed: false })
    const any = await rescan({ [API]: [v('CVE-2026-0005')] }, { rescanFail: 'any' })
    expect(any.result).toMatchObject({ verdict: 'fail', failed: true })
  })
})

describe('faults', () => {
  it('a 5xx and a secondary rate limit are retried; the issue is still opened', async () => {
    fake.fail({ method: 'POST', path: '/issues', status: 502, body: { message: 'Server Error' } })
    fake.fail({ method: 'GET', path: '/issues', ...secondaryRateLimit(1) })
    const r = await rescan({ [API]: [v('CVE-2026-0001')] })
    expect(r.result.notUpdated).toEqual([])
    expect(r.result.images[0]?.issue.action).toBe('opened')
    expect(fake.open()).toHaveLength(1)
    expect(r.log.lines.some((l) => /secondary rate limit/.test(l.message))).toBe(true)
  })

  it('one image’s failing API call does not stop the others, and the summary data says which was not updated', async () => {
    await rescan({ [API]: [v('CVE-2026-0001')], [WEB]: [v('CVE-2026-0100')] })
    const [apiIssue] = issueOf(API)
    fake.fail({
      method: 'PATCH',
      path: `/issues/${apiIssue?.number}`,
      status: 422,
      times: 5,
      body: {
        message: 'Validation Failed',
        errors: [{ resource: 'Issue', code: 'custom', message: 'body is invalid' }],
      },
    })
    const r = await rescan({ [API]: [v('CVE-2026-0002')], [WEB]: [v('CVE-2026-0101')] })
    expect(r.result.images.map((o) => o.issue.action)).toEqual(['not-updated', 'updated'])
    expect(r.result.notUpdated).toEqual([
      {
        image: API,
        reason: expect.stringContaining(`GitHub answered 422 to PATCH issue #${apiIssue?.number}`),
      },
    ])
    expect(r.result.failed).toBe(true)
    expect(r.result.reason).toContain('1 issue(s) not updated')
  })

  it('a token without issues: write: every image is reported, none updated, and the step fails', async () => {
    fake.readOnly = true
    const r = await rescan({ [API]: [v('CVE-2026-0001')], [WEB]: [] }, { rescanFail: 'never' })
    expect(r.result.images.map((o) => [o.verdict, o.issue.action])).toEqual([
      ['fail', 'not-updated'],
      ['pass', 'none'],
    ])
    expect(r.result.notUpdated[0]?.reason).toContain('permissions: issues: write')
    expect(r.result.failed).toBe(true)
  })

  it('a primary rate limit that outlasts the retries leaves the images not updated, with the reason', async () => {
    fake.fail({
      method: 'GET',
      path: '/issues',
      status: 403,
      times: 10,
      headers: {
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
      },
      body: { message: 'API rate limit exceeded for installation ID 1.' },
    })
    const r = await rescan({ [API]: [v('CVE-2026-0001')] })
    expect(r.result.images[0]?.verdict).toBe('fail')
    expect(r.result.notUpdated[0]?.reason).toMatch(/rate limit/i)
  })

  it('a 422 "already exists" for the label is fine', async () => {
    fake.labels.set('shipgate', { name: 'shipgate', color: '000000' })
    const r = await rescan({ [API]: [v('CVE-2026-0001')] })
    expect(r.result.notUpdated).toEqual([])
    expect(fake.requests.some((q) => q.method === 'POST' && q.path.endsWith('/labels'))).toBe(true)
    expect(fake.labels.get('shipgate')?.color).toBe('000000')
  })

  it('the token never appears in results or logs, even when GitHub echoes it', async () => {
    fake.token = 'ghs_0123456789abcdefghijABCDEFGHIJ012345'
    fake.fail({
      method: 'GET',
      path: '/issues',
      status: 500,
      times: 10,
      body: {
        message: `upstream said: token ${fake.token} is bad; Authorization: Bearer ${fake.token}`,
      },
    })
    const r = await rescan({ [API]: [v('CVE-2026-0001')] }, { secrets: [fake.token] })
    const everything = JSON.stringify(r.result) + JSON.stringify(r.log.lines)
    expect(r.result.notUpdated[0]?.reason).toContain('GitHub answered 500')
    expect(everything).not.toContain(fake.token)
    expect(everything).not.toContain('0123456789abcdefghij')
  })

  it('an image that cannot be scanned keeps its issue untouched and fails the step, the others go on', async () => {
    await rescan({ [API]: [v('CVE-2026-0001')] })
    const [ours] = issueOf(API)
    const before = fake.writes().length
    const r = await rescan({ [API]: 'crash', [WEB]: [v('CVE-2026-0100')] }, { rescanFail: 'never' })
    expect(r.result.images.map((o) => [o.verdict, o.issue.action])).toEqual([
      ['error', 'not-updated'],
      ['fail', 'opened'],
    ])
    expect(r.result.images[0]?.issue.number).toBe(ours?.number)
    expect(
      fake
        .writes()
        .slice(before)
        .some((w) => w.path.includes(`/issues/${ours?.number}`)),
    ).toBe(false)
    expect(r.result).toMatchObject({ verdict: 'fail', failed: true })
  })
})

describe('no trustworthy DB', () => {
  it('when Trivy or its DB cannot be had, no image is judged and no issue is touched', async () => {
    await rescan({ [API]: [v('CVE-2026-0001')] })
    const before = fake.writes().length
    const { req, deps } = rescanSetup({}, [API, WEB])
    const log = recordingLogger()
    const run = await runRescan(req, {
      ...deps,
      trivy: async () => {
        throw new Error(
          'The Trivy DB could not be refreshed and only an older cached one is available',
        )
      },
      logger: log,
      github: { api: issuesApiFor(fake, log) },
    })
    expect(run.result.images.map((o) => [o.verdict, o.issue.action])).toEqual([
      ['error', 'not-updated'],
      ['error', 'not-updated'],
    ])
    expect(run.result.images[0]?.reason).toContain('could not be refreshed')
    expect(run.result).toMatchObject({ verdict: 'fail', failed: true })
    expect(fake.writes().length).toBe(before)
    expect(fake.open()).toHaveLength(1)
  })
})

describe('one analysis per digest', () => {
  it('two watched references of the same digest are scanned once, each with its own issue', async () => {
    const tagged = API.replace('/api@', '/api:v1@')
    const { req, deps, calls } = rescanSetup({ [API]: trivyReport(API, [v('CVE-2026-0001')]) }, [
      API,
      tagged,
    ])
    const log = recordingLogger()
    const run = await runRescan(req, {
      ...deps,
      logger: log,
      github: { api: issuesApiFor(fake, log) },
    })
    expect(calls().filter((c) => c[0] === 'image')).toHaveLength(1)
    expect(run.result.images.map((o) => [o.image, o.issue.action])).toEqual([
      [API, 'opened'],
      [tagged, 'opened'],
    ])
    expect(fake.open()).toHaveLength(2)
  })
})
