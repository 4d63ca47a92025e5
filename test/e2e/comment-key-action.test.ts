/**
 * Issue 9 item 12 through dist/index.js: the sticky comment survives a new digest on every push.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { commentMarker } from '../../src/github/marker.js'
import { runAction } from '../support/e2e/runner.js'
import { fixturePath } from '../support/fixtures.js'
import { FakeGitHub } from '../support/github/fake-github.js'
import { standIn } from '../support/trivy-stand-in/index.js'

const gh = new FakeGitHub()
beforeAll(async () => {
  await gh.start()
})
afterAll(async () => {
  await gh.stop()
})

function prEnv(number: number) {
  const event = join(mkdtempSync(join(tmpdir(), 'event-')), 'event.json')
  writeFileSync(
    event,
    JSON.stringify({
      pull_request: {
        number,
        head: { repo: { full_name: 'acme/api' } },
        base: { repo: { full_name: 'acme/api' } },
      },
    }),
  )
  return {
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: event,
    GITHUB_API_URL: gh.url,
    GITHUB_REPOSITORY: 'acme/api',
    ...standIn({}).env,
    STANDIN_VERSION: '0.75.0',
  }
}

const digest = (c: string) => `sha256:${c.repeat(64)}`

it('a new digest updates the comment an earlier run left under the old key: no second comment', async () => {
  gh.addPullRequest('acme', 'api', 21)
  gh.token = 'ghs_keys'
  // What the previous version posted for `image: ghcr.io/acme/api@sha256:A`.
  const old = gh.addComment(
    'acme',
    'api',
    21,
    `### ❌ Blocked: 1 critical\n\n${commentMarker(`ghcr.io/acme/api@${digest('a')}`)}\n`,
  )
  const inputs = (d: string) => ({
    'trivy-report': fixturePath('debian-buster.json.golden'),
    image: `ghcr.io/acme/api@${d}`,
    'github-token': 'ghs_keys',
    'base-image-policy': 'off',
    'fail-on': 'none',
  })
  const second = await runAction(inputs(digest('b')), prEnv(21))
  expect(second.outputs['comment-status'], second.stdout).toBe('updated')
  let comments = gh.comments('acme', 'api', 21)
  expect(comments.map((c) => c.id)).toEqual([old.id])
  expect(comments[0]?.body).toMatch(/Passed/)
  expect(comments[0]?.body.trimEnd().endsWith(commentMarker('ghcr.io/acme/api'))).toBe(true)

  const third = await runAction(inputs(digest('c')), prEnv(21))
  expect(['updated', 'skipped']).toContain(third.outputs['comment-status'])
  comments = gh.comments('acme', 'api', 21)
  expect(comments.map((c) => c.id)).toEqual([old.id])
})
