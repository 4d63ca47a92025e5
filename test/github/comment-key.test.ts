import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { publishComment } from '../../src/github/comment.js'
import { commentKeys, repositoryOf } from '../../src/github/comment-key.js'
import { commentMarker } from '../../src/github/marker.js'
import { recordingLogger } from '../../src/logger.js'
import { commenterFor } from '../support/github/commenter.js'
import { ACTIONS_BOT, FakeGitHub, person } from '../support/github/fake-github.js'

const A = `sha256:${'a'.repeat(64)}`
const B = `sha256:${'b'.repeat(64)}`
const C = `sha256:${'c'.repeat(64)}`

describe('commentKeys', () => {
  it('keys by repository: tags and digests do not change the key', () => {
    for (const image of [
      `ghcr.io/acme/app@${A}`,
      `ghcr.io/acme/app:1@${B}`,
      'ghcr.io/acme/app:pr-7',
    ]) {
      expect(commentKeys({ images: [image], fallback: 'x' }).job).toBe('ghcr.io/acme/app')
    }
    expect(repositoryOf('localhost:5000/x:1')).toBe('localhost:5000/x')
    expect(repositoryOf('localhost:5000/x')).toBe('localhost:5000/x')
  })

  it('legs scanning other images, or another platform, keep their own comments', () => {
    const api = commentKeys({ images: ['ghcr.io/acme/api:1'], fallback: 'x' }).job
    const web = commentKeys({ images: ['ghcr.io/acme/web:1'], fallback: 'x' }).job
    const both = commentKeys({
      images: ['ghcr.io/acme/web:1', 'ghcr.io/acme/api:1'],
      fallback: 'x',
    })
    const arm = commentKeys({
      images: ['ghcr.io/acme/api:1'],
      fallback: 'x',
      platform: 'linux/arm64',
    })
    expect(new Set([api, web, both.job, arm.job]).size).toBe(4)
    // The order of a list is not identity.
    expect(both.job).toBe('ghcr.io/acme/api,ghcr.io/acme/web')
  })

  it('adopts the old keys of the same repositories, and only those', () => {
    const keys = commentKeys({ images: [`ghcr.io/acme/app@${B}`], fallback: 'x' })
    expect(keys.adopts(`ghcr.io/acme/app@${A}`)).toBe(true)
    expect(keys.adopts('ghcr.io/acme/app:main')).toBe(true)
    expect(keys.adopts(`ghcr.io/acme/other@${A}`)).toBe(false)
    expect(keys.adopts(`ghcr.io/acme/app@${A},ghcr.io/acme/web:1`)).toBe(false)
    // Another platform leg's new key is not an old key.
    expect(keys.adopts('ghcr.io/acme/app platform=linux/arm64')).toBe(false)
    // An explicit key is the user's: nothing to adopt.
    expect(commentKeys({ explicit: 'k', images: ['a:1'], fallback: 'x' }).adopts('a:2')).toBe(false)
  })

  it('per image: the repository, unless two images of the job share it', () => {
    const keys = commentKeys({
      images: [`ghcr.io/acme/api@${A}`, 'ghcr.io/acme/web:1'],
      fallback: 'x',
    })
    expect(keys.image(`ghcr.io/acme/api@${A}`).key).toBe('ghcr.io/acme/api')
    expect(keys.image(`ghcr.io/acme/api@${A}`).adopts(`ghcr.io/acme/api@${C}`)).toBe(true)
    const named = commentKeys({
      explicit: 'k',
      images: [`ghcr.io/acme/api@${A}`, 'b:1'],
      fallback: 'x',
    })
    expect(named.image(`ghcr.io/acme/api@${A}`).key).toBe('k:ghcr.io/acme/api')
    expect(named.image(`ghcr.io/acme/api@${A}`).adopts(`k:ghcr.io/acme/api@${C}`)).toBe(true)
    expect(named.image(`ghcr.io/acme/api@${A}`).adopts(`j:ghcr.io/acme/api@${C}`)).toBe(false)
    const same = commentKeys({ images: ['app:1', 'app:2'], fallback: 'x' })
    expect(same.image('app:1').key).toBe('app:1')
    expect(same.image('app:2').key).toBe('app:2')
  })
})

describe('publishComment takes over comments keyed by an old digest', () => {
  const fake = new FakeGitHub()
  let pr = 500
  beforeAll(async () => {
    await fake.start()
  })
  afterAll(async () => {
    await fake.stop()
  })
  beforeEach(() => {
    pr++
    fake.addPullRequest('acme', 'app', pr)
    fake.identity = ACTIONS_BOT
  })

  async function publish(image: string, text: string) {
    const logger = recordingLogger()
    const keys = commentKeys({ images: [image], fallback: 'x' })
    return publishComment(
      { body: text, key: keys.job, adopts: keys.adopts, mode: 'update' },
      { github: commenterFor(fake, logger, pr), logger },
    )
  }

  it('updates the old comment (re-keyed) instead of posting a second one', async () => {
    const old = fake.addComment(
      'acme',
      'app',
      pr,
      `run A\n\n${commentMarker(`ghcr.io/acme/app@${A}`)}`,
    )
    expect((await publish(`ghcr.io/acme/app@${B}`, 'run B')).status).toBe('updated')
    const comments = fake.comments('acme', 'app', pr)
    expect(comments).toHaveLength(1)
    expect(comments[0]?.id).toBe(old.id)
    expect(comments[0]?.body).toContain('run B')
    expect(comments[0]?.body.trimEnd().endsWith(commentMarker('ghcr.io/acme/app'))).toBe(true)
    // Adopted once: the next digest finds it by the new key.
    expect((await publish(`ghcr.io/acme/app@${C}`, 'run C')).status).toBe('updated')
    expect(fake.comments('acme', 'app', pr)).toHaveLength(1)
  })

  it('several old comments (one per earlier digest): the newest is kept, the rest removed', async () => {
    fake.addComment('acme', 'app', pr, `run A\n\n${commentMarker(`ghcr.io/acme/app@${A}`)}`)
    const newest = fake.addComment(
      'acme',
      'app',
      pr,
      `run C\n\n${commentMarker(`ghcr.io/acme/app@${C}`)}`,
    )
    expect((await publish(`ghcr.io/acme/app@${B}`, 'run B')).status).toBe('updated')
    expect(fake.comments('acme', 'app', pr).map((c) => c.id)).toEqual([newest.id])
  })

  it('never takes over a comment someone else wrote with an old-looking marker', async () => {
    const forged = fake.addComment(
      'acme',
      'app',
      pr,
      `mine\n\n${commentMarker(`ghcr.io/acme/app@${A}`)}`,
      person('mallory'),
    )
    expect((await publish(`ghcr.io/acme/app@${B}`, 'run B')).status).toBe('created')
    const comments = fake.comments('acme', 'app', pr)
    expect(comments.find((c) => c.id === forged.id)?.body).toContain('mine')
    expect(comments).toHaveLength(2)
  })

  it('leaves comments of other repositories alone', async () => {
    fake.addComment('acme', 'app', pr, `web\n\n${commentMarker(`ghcr.io/acme/web@${A}`)}`)
    expect((await publish(`ghcr.io/acme/app@${B}`, 'run B')).status).toBe('created')
    expect(fake.comments('acme', 'app', pr)).toHaveLength(2)
  })
})
