/**
 * `github-attestations: true` end to end through dist/index.js (issue 10 §5): a simulated
 * runner signs an image in the local registry with the mock Sigstore, and posts the verified
 * bundles to the local GitHub API stand-in. Where GitHub answers 404 or keeps failing, the
 * step still succeeds with its signature outputs, warns once, and the `github-attestations`
 * output says nothing was stored. Run `npm run bundle` first.
 */
import { writeFileSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { MediaType } from '../../src/registry/media-types.js'
import { eventFile, reportFor, runAction } from '../support/e2e/runner.js'
import { fixturePath } from '../support/fixtures.js'
import { FakeGitHub } from '../support/github/fake-github.js'
import { FixtureBuilder, tarOf } from '../support/registry/images.js'
import { type RunningRegistry, startRegistry } from '../support/registry/server.js'
import { type MockSigstore, startMockSigstore } from '../support/sigstore/mock-sigstore.js'
import { standIn } from '../support/trivy-stand-in/index.js'

let registry: RunningRegistry
let sigstore: MockSigstore
let github: FakeGitHub
let trustedRoot: string

beforeAll(async () => {
  ;[registry, sigstore, github] = await Promise.all([
    startRegistry('none'),
    startMockSigstore(),
    new FakeGitHub().start(),
  ])
  trustedRoot = join(await mkdtemp(join(tmpdir(), 'gh-att-root-')), 'trusted_root.json')
  writeFileSync(trustedRoot, JSON.stringify(sigstore.trustedRoot))
})
afterAll(async () => {
  await Promise.all([registry?.stop(), sigstore?.close(), github?.stop()])
})
beforeEach(() => {
  github.clearFaults()
  github.attestationsApi = true
  github.requests.length = 0
})

async function signWithAttestations(tag: string, env: Record<string, string> = {}) {
  const layer = gzipSync(await tarOf([{ name: 'a.txt', type: 'file', content: `gh ${tag}` }]))
  const image = await new FixtureBuilder(registry.host).push({
    repo: 'octo-org/app',
    tag,
    layers: [{ bytes: layer, mediaType: MediaType.ociLayerGzip }],
    config: {},
  })
  const trivy = standIn({
    [image.ref]: reportFor(fixturePath('alpine-310.json.golden'), image.ref, image.digest),
  })
  const run = await runAction(
    {
      image: image.ref,
      'fail-on': 'high',
      'cache-db': 'false',
      sign: 'true',
      'fulcio-url': sigstore.fulcioURL,
      'rekor-url': sigstore.rekorURL,
      'trusted-root': trustedRoot,
      'github-attestations': 'true',
      'github-token': github.token,
      'max-db-age': '36h',
    },
    {
      ...trivy.env,
      STANDIN_VERSION: '0.75.0',
      GITHUB_API_URL: github.url,
      GITHUB_EVENT_PATH: eventFile({
        ref: 'refs/heads/main',
        repository: { full_name: 'octo-org/app', private: false, visibility: 'public' },
      }),
      ACTIONS_ID_TOKEN_REQUEST_URL: sigstore.oidcRequestURL,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: sigstore.oidcRequestToken,
      ...env,
    },
  )
  return { run, digest: image.digest }
}

const posts = () =>
  github.requests.filter(
    (r) => r.method === 'POST' && r.path === '/repos/octo-org/app/attestations',
  )

describe('github-attestations: true through dist/index.js', () => {
  it('posts the four verified bundles and lists them in the github-attestations output', async () => {
    const { run, digest } = await signWithAttestations('gh-ok')
    expect(run.errors, run.stdout).toEqual([])
    expect(run.exitCode).toBe(0)
    expect(run.outputs['signature-verified']).toBe('true')
    const posted = JSON.parse(run.outputs['github-attestations'] ?? 'null') as {
      digest: string
      predicateType: string
      id: number
      url: string
    }[]
    expect(posted.map((p) => p.predicateType).sort()).toEqual(
      [
        'https://cosign.sigstore.dev/attestation/vuln/v1',
        'https://cyclonedx.org/bom',
        'https://shipgate.dev/attestation/gate/v1',
        'https://sigstore.dev/cosign/sign/v1',
      ].sort(),
    )
    const stored = github.attestations('octo-org', 'app')
    for (const p of posted) {
      expect(p.digest).toBe(digest)
      expect(p.url).toBe(`https://github.com/octo-org/app/attestations/${p.id}`)
      expect(stored.some((s) => s.id === p.id)).toBe(true)
    }
    expect(posts()).toHaveLength(4)
    // The verdict GitHub stored is the signed one, with the DB age measured when the gate ran
    // and the max-db-age it enforced (issue 13).
    const verdict = stored.find(
      (s) =>
        s.id ===
        posted.find((p) => p.predicateType === 'https://shipgate.dev/attestation/gate/v1')?.id,
    )
    const envelope = verdict?.bundle.dsseEnvelope as { payload: string }
    const statement = JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8'))
    expect(statement.subject[0].digest.sha256).toBe(digest.replace('sha256:', ''))
    expect(statement.predicate.verificationResult).toBe('PASSED')
    expect(typeof statement.predicate.scanner.db.ageHours).toBe('number')
    expect(statement.predicate.scanner.db.ageHours).toBeGreaterThanOrEqual(0)
    expect(statement.predicate.thresholds.maxDbAgeHours).toBe(36)
    // The workflow token reaches the log only in the runner's mask command.
    expect(run.stdout).toContain(`::add-mask::${github.token}`)
    expect(run.stdout.split(github.token)).toHaveLength(2)
  })

  it('404 (as on GHES): one warning, no failure, signature outputs set, nothing claimed as posted', async () => {
    github.attestationsApi = false
    const { run } = await signWithAttestations('gh-404')
    expect(run.errors, run.stdout).toEqual([])
    expect(run.exitCode).toBe(0)
    expect(run.outputs.signature).toMatch(/\.sig$/)
    expect(run.outputs['signature-verified']).toBe('true')
    expect(run.outputs['github-attestations']).toBe('[]')
    const warned = run.warnings.filter((w) => w.includes('GitHub attestations'))
    expect(warned).toHaveLength(1)
    expect(warned[0]).toContain('404')
    expect(posts()).toHaveLength(1)
  })

  it('5xx that does not go away: retried, then one warning; the step succeeds with its signatures', async () => {
    github.fail({ method: 'POST', path: '/attestations', status: 500, times: 1000 })
    const { run } = await signWithAttestations('gh-500')
    expect(run.errors, run.stdout).toEqual([])
    expect(run.exitCode).toBe(0)
    expect(run.outputs['signature-verified']).toBe('true')
    expect(run.outputs.signature).toMatch(/\.sig$/)
    expect(run.outputs['github-attestations']).toBe('[]')
    const warned = run.warnings.filter((w) => w.includes('GitHub attestations'))
    expect(warned).toHaveLength(1)
    expect(warned[0]).toContain('500')
    // Octokit's retry plugin: the first attempt and its 3 retries, then Shipgate stops.
    expect(posts()).toHaveLength(4)
  }, 60_000)

  it('GitHub Enterprise Server (GITHUB_SERVER_URL not github.com): skipped with one warning, no request', async () => {
    const { run } = await signWithAttestations('gh-ghes', {
      GITHUB_SERVER_URL: 'https://ghes.corp.example',
    })
    expect(run.exitCode).toBe(0)
    expect(run.outputs['signature-verified']).toBe('true')
    expect(run.outputs['github-attestations']).toBe('[]')
    // (The SBOM artifact upload may warn about GHES too: only the attestations warning counts here.)
    const warned = run.warnings.filter((w) => w.includes('GitHub attestations'))
    expect(warned).toHaveLength(1)
    expect(warned[0]).toContain('ghes.corp.example is GitHub Enterprise Server')
    expect(posts()).toEqual([])
  })
})
