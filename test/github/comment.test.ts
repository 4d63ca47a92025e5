import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { publishComment } from '../../src/github/comment.js'
import { commentMarker } from '../../src/github/marker.js'
import { recordingLogger } from '../../src/logger.js'
import { renderReportMarkdown } from '../../src/render/report-markdown.js'
import { commenterFor } from '../support/github/commenter.js'
import { ACTIONS_BOT, FakeGitHub, person } from '../support/github/fake-github.js'
import { makeReport, vuln } from '../support/report.js'

const fake = new FakeGitHub()
beforeAll(async () => {
  await fake.start()
})
afterAll(async () => {
  await fake.stop()
})

let pr = 100
let logger: ReturnType<typeof recordingLogger>
beforeEach(() => {
  pr++
  fake.addPullRequest('acme', 'app', pr)
  fake.readOnly = false
  fake.token = 'test-token'
  fake.identity = ACTIONS_BOT
  fake.clearFaults()
  logger = recordingLogger()
})

function body(text: string): string {
  return `### ✅ ${text}`
}

/** Comments carrying the key's marker that the token's account wrote. */
function ours(key: string) {
  return fake
    .comments('acme', 'app', pr)
    .filter((c) => c.body.includes(commentMarker(key)) && c.user?.login === fake.identity.login)
}

async function publish(
  text: string,
  key = 'ghcr.io/acme/app:pr',
  mode: 'update' | 'recreate' = 'update',
  fromFork = false,
  expectedAuthor?: string,
) {
  return publishComment(
    { body: body(text), key, mode, fromFork, expectedAuthor },
    { github: commenterFor(fake, logger, pr), logger },
  )
}

/** Writes (PATCH/DELETE) that targeted one comment. */
function writesTo(id: number) {
  return fake.requests.filter(
    (r) => r.method !== 'GET' && r.path.endsWith(`/issues/comments/${id}`),
  )
}

describe('publishComment against a GitHub-like API', () => {
  it('creates the comment, then updates the same one on the next push', async () => {
    const first = await publish('run 1')
    expect(first.status).toBe('created')
    expect(first).toMatchObject({ url: expect.stringContaining(`/pull/${pr}#issuecomment-`) })
    const second = await publish('run 2')
    expect(second.status).toBe('updated')
    const comments = ours('ghcr.io/acme/app:pr')
    expect(comments).toHaveLength(1)
    expect(comments[0]?.body).toContain('run 2')
    expect(comments[0]?.body.trimEnd().endsWith(commentMarker('ghcr.io/acme/app:pr'))).toBe(true)
  })

  it('does not write when nothing changed', async () => {
    await publish('same')
    const writesBefore = fake.requests.filter((r) => r.method !== 'GET').length
    expect((await publish('same')).status).toBe('skipped')
    expect(fake.requests.filter((r) => r.method !== 'GET').length).toBe(writesBefore)
  })

  it('finds its comment on a later page of a long conversation (Link pagination)', async () => {
    fake.seedNoise('acme', 'app', pr, 230)
    fake.addComment('acme', 'app', pr, `old\n\n${commentMarker('img:1')}`)
    fake.seedNoise('acme', 'app', pr, 40)
    const start = fake.requests.length
    const result = await publish('new', 'img:1')
    expect(result.status).toBe('updated')
    expect(ours('img:1')).toHaveLength(1)
    expect(ours('img:1')[0]?.body).toContain('new')
    const pages = fake.requests
      .slice(start)
      .filter((r) => r.method === 'GET' && r.path.endsWith('/comments'))
      .map((r) => r.query.get('page') ?? '1')
    expect(pages).toEqual(['1', '2', '3'])
  })

  it('keeps one comment per key, so matrix jobs do not overwrite each other', async () => {
    await publish('amd64 image', 'ghcr.io/acme/app:1-amd64')
    await publish('arm64 image', 'ghcr.io/acme/app:1-arm64')
    await publish('amd64 again', 'ghcr.io/acme/app:1-amd64')
    expect(ours('ghcr.io/acme/app:1-amd64').map((c) => c.body)).toEqual([
      expect.stringContaining('amd64 again'),
    ])
    expect(ours('ghcr.io/acme/app:1-arm64').map((c) => c.body)).toEqual([
      expect.stringContaining('arm64 image'),
    ])
    // `app:1` is a prefix of both keys but matches neither marker.
    expect(ours('ghcr.io/acme/app:1')).toHaveLength(0)
  })

  it('recreate mode deletes the old comment and posts a new one at the bottom', async () => {
    const first = await publish('one', 'k', 'recreate')
    fake.seedNoise('acme', 'app', pr, 3)
    const second = await publish('two', 'k', 'recreate')
    expect(second.status).toBe('created')
    const all = fake.comments('acme', 'app', pr)
    expect(ours('k')).toHaveLength(1)
    expect(all.at(-1)?.body).toContain('two')
    expect(
      first.status === 'created' && second.status === 'created' && first.url !== second.url,
    ).toBe(true)
  })

  it('removes duplicates left by earlier concurrent runs', async () => {
    fake.addComment('acme', 'app', pr, `a\n${commentMarker('dup')}`)
    fake.addComment('acme', 'app', pr, `b\n${commentMarker('dup')}`)
    expect((await publish('c', 'dup')).status).toBe('updated')
    expect(ours('dup').map((c) => c.body)).toEqual([expect.stringContaining('c')])
  })

  it("lists the comments while it looks up the token's account: one round trip before deciding", async () => {
    const github = commenterFor(fake, logger, pr)
    let started = () => {}
    const listing = new Promise<void>((resolve) => {
      started = resolve
    })
    const lookup = github.authenticatedUser?.bind(github)
    const list = github.listComments.bind(github)
    const overlapping = {
      ...github,
      async *listComments() {
        started()
        yield* list()
      },
      // Answers only once the listing has begun: a publish that waited for the account before
      // listing would wait here until the timeout.
      async authenticatedUser() {
        await Promise.race([
          listing,
          new Promise((_, reject) =>
            setTimeout(() => reject(new Error('the comments were not listed meanwhile')), 5000),
          ),
        ])
        return lookup?.()
      },
    }
    fake.addComment('acme', 'app', pr, `old\n${commentMarker('overlap')}`)
    const result = await publishComment(
      { body: body('new'), key: 'overlap', mode: 'update', fromFork: false },
      { github: overlapping, logger },
    )
    expect(result.status).toBe('updated')
    expect(ours('overlap').map((c) => c.body)).toEqual([expect.stringContaining('new')])
  })

  it('an account lookup that fails fails the comment, with the listing started meanwhile handled', async () => {
    fake.addComment('acme', 'app', pr, `old\n${commentMarker('lookup')}`)
    fake.fail({ method: 'GET', path: '/user', status: 401, body: { message: 'Bad credentials' } })
    fake.fail({ method: 'GET', path: '/comments', status: 404, body: { message: 'Not Found' } })
    const result = await publish('new', 'lookup')
    expect(result.status).toBe('failed')
    expect(result.status === 'failed' && result.reason).toMatch(/401|credentials/i)
    // Nothing was written on the strength of a listing whose owner was unknown.
    expect(fake.comments('acme', 'app', pr).map((c) => c.body)).toEqual([
      expect.stringContaining('old'),
    ])
  })

  it('a listing that throws at once gives a failed comment, never an exception', async () => {
    const github = commenterFor(fake, logger, pr)
    const broken = {
      ...github,
      listComments(): AsyncIterable<never> {
        throw new Error('no listing today')
      },
    }
    const result = await publishComment(
      { body: body('x'), key: 'throws', mode: 'update', fromFork: false },
      { github: broken, logger },
    )
    expect(result.status).toBe('failed')
  })

  it('posts a full-size rendered report that GitHub accepts', async () => {
    const findings = Array.from({ length: 3000 }, (_, i) =>
      vuln(`CVE-2025-${i}`, i % 2 ? 'HIGH' : 'CRITICAL', {
        pkgName: `p${i}`,
        fixedVersion: '9',
        title: 'x'.repeat(100),
      }),
    )
    const key = 'big:1'
    const md = renderReportMarkdown(makeReport({ images: [{ image: key, findings }] }), {
      marker: commentMarker(key),
    })
    const result = await publishComment(
      { body: md, key, mode: 'update' },
      { github: commenterFor(fake, logger, pr), logger },
    )
    expect(result.status).toBe('created')
    expect(ours(key)[0]?.body).toBe(md)
  })
})

describe('only comments Shipgate wrote are ever edited or deleted', () => {
  const key = 'ghcr.io/acme/app:pr'
  const marker = commentMarker(key)
  /** What a pull-request author would post to have Shipgate adopt their comment. */
  const planted = `### ✅ Passed: no findings at or above high\n\n${marker}\n`

  it.each(['update', 'recreate'] as const)(
    '%s mode: a person who posts the marker first keeps their comment untouched',
    async (mode) => {
      const mallory = fake.addComment('acme', 'app', pr, planted, person('mallory'))
      const first = await publish('real result', key, mode)
      expect(first.status).toBe('created')
      const second = await publish('real result 2', key, mode)
      expect(second.status).toBe(mode === 'update' ? 'updated' : 'created')

      expect(writesTo(mallory.id)).toEqual([])
      const all = fake.comments('acme', 'app', pr)
      expect(all.find((c) => c.id === mallory.id)?.body).toBe(planted)
      // Shipgate's own comment exists beside it, exactly once, with the real result.
      expect(ours(key).map((c) => c.body)).toEqual([expect.stringContaining('real result 2')])
      expect(
        logger.lines.some(
          (l) => l.level === 'debug' && l.message.includes(`Ignoring comment ${mallory.id}`),
        ),
      ).toBe(true)
    },
  )

  it('ignores look-alikes from people, deleted accounts and other Apps across pages', async () => {
    const lookAlikes = [
      fake.addComment('acme', 'app', pr, planted, person('mallory')),
      fake.addComment('acme', 'app', pr, planted, null),
      fake.addComment('acme', 'app', pr, planted, { login: 'evil-app[bot]', type: 'Bot' }),
      // A login that only looks like the Actions bot: a person cannot be type Bot.
      fake.addComment('acme', 'app', pr, planted, person('github-actions')),
    ]
    fake.seedNoise('acme', 'app', pr, 230)
    const mine = fake.addComment('acme', 'app', pr, `old\n\n${marker}`)
    fake.seedNoise('acme', 'app', pr, 40)
    expect((await publish('new', key)).status).toBe('updated')
    expect(fake.comments('acme', 'app', pr).find((c) => c.id === mine.id)?.body).toContain('new')
    for (const c of lookAlikes) expect(writesTo(c.id)).toEqual([])
    expect(fake.comments('acme', 'app', pr).filter((c) => c.body === planted)).toHaveLength(
      lookAlikes.length,
    )
  })

  it('still removes its own duplicates, and only those', async () => {
    const a = fake.addComment('acme', 'app', pr, `a\n${marker}`)
    const theirs = fake.addComment('acme', 'app', pr, `b\n${marker}`, person('mallory'))
    const c = fake.addComment('acme', 'app', pr, `c\n${marker}`)
    expect((await publish('d', key)).status).toBe('updated')
    const left = fake.comments('acme', 'app', pr)
    expect(left.map((x) => x.id)).toEqual([a.id, theirs.id])
    expect(left[0]?.body).toContain('d')
    expect(writesTo(c.id).map((r) => r.method)).toEqual(['DELETE'])
    expect(writesTo(theirs.id)).toEqual([])
  })

  it('only owns a comment whose last line is the marker', async () => {
    // Its own account quoting the marker mid-text (say, a reply written by another workflow).
    const quoted = fake.addComment('acme', 'app', pr, `see ${marker} above\nthanks`)
    const trailing = fake.addComment('acme', 'app', pr, `old\r\n\r\n${marker}\r\n\r\n`)
    expect((await publish('new', key)).status).toBe('updated')
    expect(writesTo(quoted.id)).toEqual([])
    expect(fake.comments('acme', 'app', pr).find((c) => c.id === trailing.id)?.body).toContain(
      'new',
    )
  })

  it('with a personal access token, its own comments are the token user’s', async () => {
    fake.identity = person('acme-ci')
    const botComment = fake.addComment('acme', 'app', pr, planted)
    const mine = fake.addComment('acme', 'app', pr, `old\n\n${marker}`, person('ACME-CI'))
    expect((await publish('new', key)).status).toBe('updated')
    expect(writesTo(botComment.id)).toEqual([])
    expect(fake.comments('acme', 'app', pr).find((c) => c.id === mine.id)?.body).toContain('new')
    expect(fake.requests.some((r) => r.path === '/user')).toBe(true)
  })

  it('a custom App: says which expectedAuthor to set, and then owns only that login', async () => {
    fake.identity = { login: 'acme-shipgate[bot]', type: 'Bot' }
    const mallory = fake.addComment('acme', 'app', pr, planted, person('mallory'))
    expect((await publish('one', key)).status).toBe('created')
    const warning = logger.lines.find((l) => l.level === 'warning')?.message ?? ''
    expect(warning).toContain('`comment-author: acme-shipgate[bot]`')
    // With expectedAuthor, even the Actions bot's comment is someone else's.
    const actionsBot = fake.addComment('acme', 'app', pr, planted)
    const withAuthor = await publish('two', key, 'update', false, 'acme-shipgate[bot]')
    expect(withAuthor.status).toBe('updated')
    expect(ours(key).map((c) => c.body)).toEqual([expect.stringContaining('two')])
    expect(writesTo(actionsBot.id)).toEqual([])
    expect(writesTo(mallory.id)).toEqual([])
  })
})

describe('publishComment when GitHub says no (never throws)', () => {
  it('fork pull request: read-only token gives 403, reported as forkReadOnly with the way out', async () => {
    fake.readOnly = true
    const result = await publish('x', 'fork', 'update', true)
    expect(result).toMatchObject({ status: 'failed', forkReadOnly: true })
    if (result.status !== 'failed') throw new Error('unreachable')
    expect(result.reason).toContain('fork')
    expect(result.reason).toContain('job summary')
    expect(result.reason).toContain('workflow_run')
  })

  it('403 "not accessible" without a fork points at the missing permission', async () => {
    fake.readOnly = true
    const result = await publish('x', 'perm')
    expect(result).toMatchObject({ status: 'failed', forkReadOnly: true })
    if (result.status !== 'failed') throw new Error('unreachable')
    expect(result.reason).toContain('pull-requests: write')
  })

  it('404 for a pull request that does not exist', async () => {
    const result = await publishComment(
      { body: 'x', key: 'k', mode: 'update' },
      { github: commenterFor(fake, logger, 999_999), logger },
    )
    expect(result).toMatchObject({ status: 'failed', forkReadOnly: false })
    if (result.status !== 'failed') throw new Error('unreachable')
    expect(result.reason).toMatch(/404.*not found/i)
  })

  it("422 with GitHub's validation message", async () => {
    fake.fail({
      method: 'POST',
      status: 422,
      body: {
        message: 'Validation Failed',
        errors: [{ message: 'body is too long (maximum is 65536 characters)' }],
      },
    })
    const result = await publish('x', 'k422')
    expect(result.status).toBe('failed')
    if (result.status !== 'failed') throw new Error('unreachable')
    expect(result.reason).toContain('body is too long')
  })

  it('refuses a body over 65,536 characters before calling GitHub', async () => {
    const start = fake.requests.length
    const result = await publishComment(
      { body: 'x'.repeat(70_000), key: 'k', mode: 'update' },
      { github: commenterFor(fake, logger, pr), logger },
    )
    expect(result.status).toBe('failed')
    expect(fake.requests.length).toBe(start)
  })

  it('401 bad credentials names the github-token input', async () => {
    const result = await publishComment(
      { body: 'x', key: 'k', mode: 'update' },
      { github: commenterFor(fake, logger, pr, { token: 'wrong' }), logger },
    )
    expect(result.status).toBe('failed')
    if (result.status !== 'failed') throw new Error('unreachable')
    expect(result.reason).toContain('github-token')
  })

  it('retries a transient 502 and succeeds', async () => {
    fake.fail({ method: 'POST', status: 502, times: 2, body: { message: 'Bad Gateway' } })
    expect((await publish('after 502', 'k502')).status).toBe('created')
    expect(ours('k502')).toHaveLength(1)
  })

  it('gives up on a persistent 503 and says nothing was lost', async () => {
    fake.fail({
      method: 'GET',
      path: '/comments',
      status: 503,
      times: 4,
      body: { message: 'Service Unavailable' },
    })
    const start = fake.requests.length
    const result = await publish('x', 'k503')
    expect(result.status).toBe('failed')
    // One attempt plus the retry plugin's three retries.
    expect(
      fake.requests.slice(start).filter((r) => r.method === 'GET' && r.path.endsWith('/comments')),
    ).toHaveLength(4)
    if (result.status !== 'failed') throw new Error('unreachable')
    expect(result.reason).toContain('503')
    expect(result.reason).toContain('job summary')
  })

  it('waits out a secondary rate limit (retry-after) and then writes', async () => {
    fake.fail({
      method: 'POST',
      status: 403,
      headers: { 'retry-after': '1' },
      body: {
        message:
          'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
        documentation_url:
          'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
      },
    })
    const start = fake.requests.length
    expect((await publish('after limit', 'krl')).status).toBe('created')
    expect(fake.requests.slice(start).filter((r) => r.method === 'POST')).toHaveLength(2)
    expect(logger.lines.some((l) => /secondary rate limit/.test(l.message))).toBe(true)
  })

  it('gives up when the rate limit does not lift', async () => {
    fake.fail({
      method: 'POST',
      status: 403,
      times: 5,
      headers: { 'retry-after': '1' },
      body: { message: 'You have exceeded a secondary rate limit.' },
    })
    const result = await publish('x', 'krl2')
    expect(result.status).toBe('failed')
    if (result.status !== 'failed') throw new Error('unreachable')
    expect(result.reason).toMatch(/rate limit/i)
    expect(
      fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith(`/${pr}/comments`)),
    ).toHaveLength(3)
  })

  it('network failure (nothing listening) is a failure, not an exception', async () => {
    const closed = new FakeGitHub()
    await closed.start()
    const url = closed.url
    await closed.stop()
    const { createOctokitCommenter } = await import('../../src/github/octokit.js')
    const github = createOctokitCommenter({
      token: 't',
      apiUrl: url,
      owner: 'a',
      repo: 'b',
      issueNumber: 1,
      logger,
      retry: { retries: 0 },
    })
    const result = await publishComment({ body: 'x', key: 'k', mode: 'update' }, { github, logger })
    expect(result.status).toBe('failed')
    if (result.status !== 'failed') throw new Error('unreachable')
    expect(result.reason).toContain('GITHUB_API_URL')
  })
})

describe('GitHub Enterprise Server', () => {
  const ghes = new FakeGitHub('/api/v3')
  beforeAll(async () => {
    await ghes.start()
  })
  afterAll(async () => {
    await ghes.stop()
  })

  it('talks to GITHUB_API_URL with its /api/v3 prefix, pagination included', async () => {
    ghes.addPullRequest('acme', 'app', 5)
    ghes.seedNoise('acme', 'app', 5, 150)
    const github = commenterFor(ghes, logger, 5)
    expect(
      (await publishComment({ body: 'hi', key: 'k', mode: 'update' }, { github, logger })).status,
    ).toBe('created')
    expect(
      (await publishComment({ body: 'hi 2', key: 'k', mode: 'update' }, { github, logger })).status,
    ).toBe('updated')
    expect(
      ghes.comments('acme', 'app', 5).filter((c) => c.body.includes(commentMarker('k'))),
    ).toHaveLength(1)
  })
})
