/**
 * The documented fork pattern (issue 9 item 15), through dist/index.js: an unprivileged
 * `pull_request` job scans the fork's image and uploads Trivy's report with the pull-request
 * number; a privileged `workflow_run` job judges that upload under its own settings and comments.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eventFile, runAction } from '../support/e2e/runner.js'
import { fixturePath } from '../support/fixtures.js'
import { FakeGitHub } from '../support/github/fake-github.js'
import { standIn } from '../support/trivy-stand-in/index.js'

const BUSTER = fixturePath('debian-buster.json.golden')
const IMAGE = 'ghcr.io/acme/api:pr-9'

describe('workflow_run: the privileged job judges what the fork job uploaded', () => {
  let gh: FakeGitHub
  beforeAll(async () => {
    gh = await new FakeGitHub().start()
  })
  afterAll(async () => {
    await gh.stop()
  })

  it('job 1 uploads Trivy’s report; job 2 accepts it, applies its own gate and comments on the PR', async () => {
    // Job 1: pull_request from a fork, read-only token, comment never; the image is scanned once.
    const trivy = standIn({ [IMAGE]: BUSTER })
    const forkEvent = eventFile({
      pull_request: {
        number: 9,
        head: { repo: { full_name: 'mallory/api' } },
        base: { repo: { full_name: 'acme/api' } },
      },
    })
    const first = await runAction(
      { image: IMAGE, comment: 'never', 'fail-on': 'none' },
      {
        ...trivy.env,
        STANDIN_VERSION: '0.75.0',
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: forkEvent,
        GITHUB_REPOSITORY: 'acme/api',
      },
    )
    expect(first.exitCode, first.stdout).toBe(0)
    expect(first.outputs['comment-status']).toBe('disabled')
    const uploaded = first.outputs['trivy-report']
    expect(uploaded, first.stdout).toBeTruthy()
    expect(JSON.parse(first.outputs['trivy-reports'] ?? '[]')).toEqual([
      { image: IMAGE, path: uploaded },
    ])
    // The "artifact": Trivy's report and the PR number, as actions/upload-artifact keeps them.
    const artifact = mkdtempSync(join(tmpdir(), 'artifact-'))
    copyFileSync(uploaded as string, join(artifact, 'trivy.json'))
    writeFileSync(join(artifact, 'pr-number'), '9')

    // Job 2: workflow_run in the base repository with a write token. Its own gate (fail-on: high),
    // not the fork's `none`, decides.
    gh.addPullRequest('acme', 'api', 9)
    gh.token = 'ghs_base_token'
    const runEvent = eventFile({ workflow_run: { event: 'pull_request', pull_requests: [] } })
    const number = readFileSync(join(artifact, 'pr-number'), 'utf8').trim()
    expect(number).toMatch(/^\d+$/)
    const second = await runAction(
      {
        'trivy-report': join(artifact, 'trivy.json'),
        image: IMAGE,
        'pull-request': number,
        comment: 'always',
        'fail-on': 'high',
        'github-token': 'ghs_base_token',
      },
      {
        ...standIn({}).env,
        STANDIN_VERSION: '0.75.0',
        GITHUB_EVENT_NAME: 'workflow_run',
        GITHUB_EVENT_PATH: runEvent,
        GITHUB_API_URL: gh.url,
        GITHUB_REPOSITORY: 'acme/api',
      },
    )
    expect(second.outputs.verdict, second.stdout).toBe('fail')
    expect(second.exitCode).toBe(1)
    expect(second.outputs['comment-status'], second.stdout).toBe('created')
    const comments = gh.comments('acme', 'api', 9)
    expect(comments).toHaveLength(1)
    expect(comments[0]?.body).toContain('ghcr.io/acme/api')
    // The same findings job 1 measured: the counts agree across the two jobs.
    expect(second.outputs.critical).toBe(first.outputs.critical)
    expect(second.outputs.high).toBe(first.outputs.high)
    // Trivy ran once, in job 1; job 2 only judged the upload.
    expect(
      trivy.calls().filter((a) => a[0] === 'image' && !a.includes('--download-db-only')),
    ).toHaveLength(1)
  })
})
