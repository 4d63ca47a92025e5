/**
 * Issue 10 §5 `github-attestations`: the verified bundles go to the repository's attestations
 * API (the local GitHub stand-in, test/support/github/fake-github.ts); where the API is missing
 * or refuses, one warning and the signatures stand.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  attestationsApiUnavailable,
  GitHubAttestations,
  type GitHubTarget,
  octokitAttestationsApi,
} from '../../src/sign/github-attestations.js'
import { PredicateType } from '../../src/sign/payloads.js'
import { readSigningSettings, SigningInputError } from '../../src/sign/settings.js'
import { signAndAttest } from '../../src/sign/step.js'
import { FakeGitHub } from '../support/github/fake-github.js'
import { memoryStore } from '../support/sigstore/memory-store.js'
import { type MockSigstore, startMockSigstore } from '../support/sigstore/mock-sigstore.js'
import { mockDeps, mockSettings, TRIVY_JSON } from '../support/sigstore/session.js'

const repo = { registry: '127.0.0.1:5000', repository: 'octo-org/app' }
let sigstore: MockSigstore
let github: FakeGitHub

beforeAll(async () => {
  ;[sigstore, github] = await Promise.all([startMockSigstore(), new FakeGitHub().start()])
})
afterAll(async () => {
  await Promise.all([sigstore?.close(), github?.stop()])
})
beforeEach(() => {
  github.clearFaults()
  github.attestationsApi = true
  github.requests.length = 0
})

const target = (): GitHubTarget => ({
  token: github.token,
  apiUrl: github.url,
  serverUrl: 'https://github.com',
  repository: 'octo-org/app',
})

/** Sign one image (signature + vuln report, both formats) and post through the publisher. */
async function signAndPost(tag: string, t: GitHubTarget = target()) {
  const store = memoryStore({ referrersApi: true })
  const image = store.addImage(repo, tag)
  const warnings: string[] = []
  const deps = mockDeps(sigstore, store)
  const unavailable = attestationsApiUnavailable(t)
  const api = unavailable
    ? undefined
    : await octokitAttestationsApi(t, deps.logger, {
        retry: { retries: 2, retryAfterBaseValue: 1 },
      })
  const publisher = new GitHubAttestations(
    api,
    t,
    deps.logger,
    (m) => warnings.push(m),
    unavailable,
  )
  const report = await signAndAttest(
    { image: `127.0.0.1:5000/octo-org/app:${tag}`, vuln: { trivyJsonPath: TRIVY_JSON } },
    mockSettings(sigstore, { 'attest-sbom': 'false' }),
    { ...deps, onVerified: publisher.publish.bind(publisher) },
  )
  return { report, publisher, warnings, digest: image.digest }
}

const posts = () =>
  github.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/attestations'))

describe('github-attestations input', () => {
  it('is off by default and needs sign: true', () => {
    const on = readSigningSettings({ sign: 'true' }, { repositoryVisibility: 'public' })
    expect(on.sign && on.githubAttestations).toBe(false)
    expect(() =>
      readSigningSettings({ 'github-attestations': 'true' }, { repositoryVisibility: 'public' }),
    ).toThrow(SigningInputError)
  })

  it.each([
    ['https://github.com', undefined],
    ['https://octo.ghe.com', undefined],
    ['https://ghes.corp.example', 'GitHub Enterprise Server'],
  ])('server %s: %s', (serverUrl, unavailable) => {
    const why = attestationsApiUnavailable({ ...target(), serverUrl })
    if (unavailable) expect(why).toContain(unavailable)
    else expect(why).toBeUndefined()
  })
})

describe('posting to the attestations API', () => {
  it('posts every verified DSSE bundle once; GitHub can list them by the image digest', async () => {
    const { report, publisher, warnings, digest } = await signAndPost('gh')
    expect(report.verified).toBe(true)
    expect(warnings).toEqual([])
    expect(publisher.posted.map((p) => p.predicateType).sort()).toEqual(
      [PredicateType.cosignSign, PredicateType.vuln].sort(),
    )
    for (const p of publisher.posted) {
      expect(p.digest).toBe(digest)
      expect(p.url).toBe(`https://github.com/octo-org/app/attestations/${p.id}`)
    }
    expect(posts()).toHaveLength(2)
    // What gh attestation verify reads: GET /repos/{owner}/{repo}/attestations/{subject_digest}
    const listed = await fetch(`${github.url}/repos/octo-org/app/attestations/${digest}`, {
      headers: { authorization: `Bearer ${github.token}` },
    })
    const body = (await listed.json()) as { attestations: { bundle: { mediaType: string } }[] }
    expect(body.attestations).toHaveLength(2)
    for (const a of body.attestations)
      expect(a.bundle.mediaType).toBe('application/vnd.dev.sigstore.bundle.v0.3+json')
  })

  it('404 (no such API): warns once, posts nothing more, the signatures stand', async () => {
    github.attestationsApi = false
    const { report, publisher, warnings } = await signAndPost('gh404')
    expect(report.verified).toBe(true)
    expect(report.signatures).toHaveLength(2)
    expect(publisher.posted).toEqual([])
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('404')
    expect(warnings[0]).toContain('GitHub Enterprise Server')
    // The first 404 stops it: the second bundle is not even tried.
    expect(posts()).toHaveLength(1)
  })

  it('5xx: retried by the client, then one warning; the signatures stand', async () => {
    github.fail({ method: 'POST', path: '/attestations', status: 502, times: 100 })
    const { report, publisher, warnings } = await signAndPost('gh5xx')
    expect(report.verified).toBe(true)
    expect(publisher.posted).toEqual([])
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/502.*re-run/)
    // 1 attempt + 2 retries for the first bundle, then stopped.
    expect(posts()).toHaveLength(3)
  })

  it('a transient 5xx is retried and the bundle is stored', async () => {
    github.fail({ method: 'POST', path: '/attestations', status: 503, times: 1 })
    const { publisher, warnings } = await signAndPost('gh503')
    expect(warnings).toEqual([])
    expect(publisher.posted).toHaveLength(2)
    expect(posts()).toHaveLength(3)
  })

  it('403 names the missing permission, and the token never appears in the warning', async () => {
    github.readOnly = true
    try {
      const { publisher, warnings } = await signAndPost('gh403')
      expect(publisher.posted).toEqual([])
      expect(warnings).toHaveLength(1)
      expect(warnings[0]).toContain('attestations: write')
      expect(warnings.join('\n')).not.toContain(github.token)
    } finally {
      github.readOnly = false
    }
  })

  it('422 for one bundle: that one is reported, the others are still posted', async () => {
    github.fail({
      method: 'POST',
      path: '/attestations',
      status: 422,
      times: 1,
      body: { message: 'Validation Failed' },
    })
    const { publisher, warnings } = await signAndPost('gh422')
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('422')
    expect(publisher.posted).toHaveLength(1)
  })

  it('GitHub Enterprise Server: one warning and not a single request', async () => {
    const { report, publisher, warnings } = await signAndPost('ghes', {
      ...target(),
      serverUrl: 'https://ghes.corp.example',
    })
    expect(report.verified).toBe(true)
    expect(publisher.posted).toEqual([])
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('ghes.corp.example is GitHub Enterprise Server')
    expect(posts()).toEqual([])
  })
})
