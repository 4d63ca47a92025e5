/**
 * Keyless signing end to end through the bundle: dist/index.js on a simulated runner signs an
 * image in Debian's docker-registry with the mock Fulcio/Rekor over HTTP and a GitHub-like OIDC
 * token endpoint, then `dist/cli.js verify` and the action's `mode: verify` check the result.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RegistryClient } from '../../src/registry/client.js'
import { staticCredentials } from '../../src/registry/credentials.js'
import { MediaType } from '../../src/registry/media-types.js'
import { parseReference } from '../../src/registry/reference.js'
import { eventFile, reportFor, runAction, runCli, startTripwire } from '../support/e2e/runner.js'
import { fixturePath } from '../support/fixtures.js'
import { FakeGitHub } from '../support/github/fake-github.js'
import { FixtureBuilder, tarOf } from '../support/registry/images.js'
import { type RunningRegistry, startRegistry } from '../support/registry/server.js'
import {
  GITHUB_ISSUER,
  identityOf,
  type MockSigstore,
  startMockSigstore,
} from '../support/sigstore/mock-sigstore.js'
import { standIn } from '../support/trivy-stand-in/index.js'

let registry: RunningRegistry
let sigstore: MockSigstore
let trustedRoot: string
const client = new RegistryClient({ insecure: true, retries: 0 })

beforeAll(async () => {
  ;[registry, sigstore] = await Promise.all([startRegistry('none'), startMockSigstore()])
  trustedRoot = join(await mkdtemp(join(tmpdir(), 'e2e-root-')), 'trusted_root.json')
  writeFileSync(trustedRoot, JSON.stringify(sigstore.trustedRoot))
})
afterAll(async () => {
  await registry?.stop()
  await sigstore?.close()
})

/** A one-layer image pushed by tag; returns its reference and digest. */
async function pushImage(repo: string, tag: string) {
  const layer = gzipSync(
    await tarOf([{ name: 'app/hello.txt', type: 'file', content: `hello ${repo}:${tag}` }]),
  )
  const pushed = await new FixtureBuilder(registry.host).push({
    repo,
    tag,
    layers: [{ bytes: layer, mediaType: MediaType.ociLayerGzip }],
    config: {},
  })
  return { ref: pushed.ref, digest: pushed.digest }
}

async function tagsOf(repo: string): Promise<string[]> {
  return client.listTags(parseReference(`${registry.host}/${repo}`))
}

/** What the runner gives a job with `permissions: id-token: write` in a public repository. */
function runnerEnv(trivy: { env: Record<string, string> }, withToken = true) {
  return {
    ...trivy.env,
    STANDIN_VERSION: '0.75.0',
    GITHUB_EVENT_PATH: eventFile({
      ref: 'refs/heads/main',
      repository: { full_name: 'octo-org/app', private: false, visibility: 'public' },
    }),
    ...(withToken
      ? {
          ACTIONS_ID_TOKEN_REQUEST_URL: sigstore.oidcRequestURL,
          ACTIONS_ID_TOKEN_REQUEST_TOKEN: sigstore.oidcRequestToken,
        }
      : {}),
  }
}

const signInputs = (image: string) => ({
  image,
  'fail-on': 'high',
  'cache-db': 'false',
  sign: 'true',
  'fulcio-url': sigstore.fulcioURL,
  'rekor-url': sigstore.rekorURL,
  'trusted-root': trustedRoot,
})

describe('sign: true through dist/index.js', () => {
  let image: { ref: string; digest: string }
  let signed: Awaited<ReturnType<typeof runAction>>

  beforeAll(async () => {
    image = await pushImage('octo-org/app', 'v1')
    const trivy = standIn({
      [image.ref]: reportFor(fixturePath('alpine-310.json.golden'), image.ref, image.digest),
    })
    signed = await runAction(signInputs(image.ref), runnerEnv(trivy))
  })

  it('passes the gate, signs the pushed digest and says so in its outputs', async () => {
    expect(signed.errors, signed.stdout).toEqual([])
    expect(signed.exitCode).toBe(0)
    expect(signed.outputs.verdict).toBe('pass')
    expect(signed.outputs.digest).toBe(image.digest)
    const hex = image.digest.replace('sha256:', '')
    expect(signed.outputs.signature).toBe(`${registry.host}/octo-org/app:sha256-${hex}.sig`)
    // Read back from the registry and verified before it was claimed (issue 10 §3).
    expect(signed.outputs['signature-verified']).toBe('true')
    expect(signed.stdout).toMatch(/Read back and verified 8 signature\(s\)\/attestation\(s\)/)
    const attestations = JSON.parse(signed.outputs.attestations ?? 'null') as {
      digest: string
      format: string
      predicateType: string
      reference: string
    }[]
    expect(attestations.every((a) => a.digest === image.digest)).toBe(true)
    expect(attestations.map((a) => `${a.format} ${a.predicateType}`).sort()).toEqual(
      [
        'bundle https://cosign.sigstore.dev/attestation/vuln/v1',
        'bundle https://cyclonedx.org/bom',
        'bundle https://shipgate.dev/attestation/gate/v1',
        'cosign https://cosign.sigstore.dev/attestation/vuln/v1',
        'cosign https://cyclonedx.org/bom',
        'cosign https://shipgate.dev/attestation/gate/v1',
      ].sort(),
    )
    const sbom = JSON.parse(readFileSync(signed.outputs.sbom as string, 'utf8'))
    expect(sbom.bomFormat).toBe('CycloneDX')
    // What cosign and the tag-schema readers look for is in the registry.
    const tags = await tagsOf('octo-org/app')
    expect(tags).toEqual(
      expect.arrayContaining([`sha256-${hex}.sig`, `sha256-${hex}.att`, `sha256-${hex}`]),
    )
    // The OIDC token came from the runner's endpoint and is masked, never printed in clear.
    expect(sigstore.calls.oidc).toBeGreaterThan(0)
    const jwt = /^::add-mask::(ey\S+)$/m.exec(signed.stdout)?.[1]
    expect(jwt).toBeDefined()
    expect(signed.stdout.split(jwt as string)).toHaveLength(2)
    expect(signed.stdout).toContain(
      `Signed as ${identityOf(sigstore.claims)} (issuer ${GITHUB_ISSUER})`,
    )
    const report = JSON.parse(readFileSync(signed.outputs.report as string, 'utf8'))
    expect(report.images[0].signing.digest).toBe(image.digest)
  })

  it('`shipgate verify` accepts the workflow identity and prints what verified', async () => {
    const r = await runCli([
      'verify',
      image.ref,
      '--certificate-identity',
      identityOf(sigstore.claims),
      '--certificate-oidc-issuer',
      GITHUB_ISSUER,
      '--trusted-root',
      trustedRoot,
      '--require',
      'both',
      '--attestation',
      'cyclonedx',
      'vuln',
    ])
    expect(r.exitCode, `${r.stdout}\n${r.stderr}`).toBe(0)
    expect(r.stdout).toContain(`${image.ref} -> ${image.digest}`)
    const verified = r.stdout.split('\n').filter((l) => /^\s+verified\s/.test(l))
    expect(verified.map((l) => l.trim().split(/\s+/).slice(1, 4).join(' ')).sort()).toEqual(
      [
        'bundle attestation https://cosign.sigstore.dev/attestation/vuln/v1',
        'bundle attestation https://cyclonedx.org/bom',
        'bundle attestation https://shipgate.dev/attestation/gate/v1',
        'bundle signature signer',
        'cosign attestation https://cosign.sigstore.dev/attestation/vuln/v1',
        'cosign attestation https://cyclonedx.org/bom',
        'cosign attestation https://shipgate.dev/attestation/gate/v1',
        'cosign signature signer',
      ].sort(),
    )
    expect(verified.every((l) => l.includes(`signer ${identityOf(sigstore.claims)}`))).toBe(true)
    expect(r.stdout).toMatch(/^Verified: 2 signature\(s\), 6 attestation\(s\)/m)
  })

  it('the signed gate verdict: PASSED for this digest, the policy digest, Trivy and its DB, in both layouts', async () => {
    const hex = image.digest.replace('sha256:', '')
    const att = await client.getManifest(
      parseReference(`${registry.host}/octo-org/app`),
      `sha256-${hex}.att`,
    )
    const layers = (
      att.manifest as { layers: { digest: string; annotations: Record<string, string> }[] }
    ).layers
    const layer = layers.find(
      (l) => l.annotations.predicateType === 'https://shipgate.dev/attestation/gate/v1',
    )
    expect(layer).toBeDefined()
    const envelope = JSON.parse(
      Buffer.from(
        await client.getBlobBytes(
          parseReference(`${registry.host}/octo-org/app`),
          layer?.digest as string,
        ),
      ).toString(),
    )
    const statement = JSON.parse(Buffer.from(envelope.payload, 'base64').toString())
    expect(statement.subject).toEqual([
      { name: `${registry.host}/octo-org/app`, digest: { sha256: hex } },
    ])
    const p = statement.predicate
    expect(p).toMatchObject({
      verifier: { id: 'https://shipgate.dev/verifier' },
      resourceUri: `${registry.host}/octo-org/app@${image.digest}`,
      policy: { uri: identityOf(sigstore.claims) },
      verificationResult: 'PASSED',
      thresholds: { failOn: 'HIGH', scope: 'all', ignoreUnfixed: false, ignores: [] },
    })
    expect(p.policy.digest.sha256).toMatch(/^[0-9a-f]{64}$/)
    // The Trivy that wrote the report (the fixture says `dev`: no release tag to point at).
    expect(p.scanner.version).toBe(p.verifier.version.trivy)
    expect(p.scanner.uri).toMatch(/^pkg:github\/aquasecurity\/trivy(@v\d|$)/)
    expect(p.timeVerified).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
    // The stand-in Trivy wrote db/metadata.json when it "downloaded" the DB for this job.
    expect(Date.parse(p.scanner.db.lastUpdate)).toBeLessThanOrEqual(Date.parse(p.timeVerified))
    expect(p.findings).toMatchObject({ critical: 0, high: 0 })
  })

  it('`shipgate verify --require both,verdict --max-db-age 24h` accepts the signed image', async () => {
    const r = await runCli([
      'verify',
      image.ref,
      '--certificate-identity',
      identityOf(sigstore.claims),
      '--certificate-oidc-issuer',
      GITHUB_ISSUER,
      '--trusted-root',
      trustedRoot,
      '--require',
      'both,verdict',
      '--max-db-age',
      '24h',
    ])
    expect(r.exitCode, `${r.stdout}\n${r.stderr}`).toBe(0)
    expect(r.stdout).toMatch(
      /verified\s+bundle attestation https:\/\/shipgate\.dev\/attestation\/gate\/v1/,
    )
    expect(r.stdout).toMatch(
      /verified\s+cosign attestation https:\/\/shipgate\.dev\/attestation\/gate\/v1/,
    )
  })

  it('`shipgate verify --require verdict` refuses a bad --max-db-age naming the flag', async () => {
    const r = await runCli([
      'verify',
      image.ref,
      '--certificate-identity',
      identityOf(sigstore.claims),
      '--certificate-oidc-issuer',
      GITHUB_ISSUER,
      '--trusted-root',
      trustedRoot,
      '--max-db-age',
      'a day',
    ])
    expect(r.exitCode).toBe(2)
    expect(r.stderr).toMatch(/^error: --max-db-age: "a day" is not a duration/m)
  })

  it('`shipgate verify` rejects another identity with exit 1', async () => {
    const r = await runCli([
      'verify',
      image.ref,
      '--certificate-identity',
      'https://github.com/octo-org/app/.github/workflows/other.yml@refs/heads/main',
      '--certificate-oidc-issuer',
      GITHUB_ISSUER,
      '--trusted-root',
      trustedRoot,
    ])
    expect(r.exitCode, `${r.stdout}\n${r.stderr}`).toBe(1)
    expect(r.stdout).toMatch(/^NOT verified/m)
    expect(r.stdout).toMatch(/REJECTED .*UNTRUSTED_SIGNER_ERROR/)
    expect(r.stdout).not.toMatch(/^\s+verified\s/m)
  })

  it('`mode: verify` in the action passes for the signer and fails for anyone else', async () => {
    const verifyInputs = {
      mode: 'verify',
      image: image.ref,
      'certificate-oidc-issuer': GITHUB_ISSUER,
      'trusted-root': trustedRoot,
      'verify-attestations': 'cyclonedx,vuln',
    }
    const ok = await runAction({
      ...verifyInputs,
      'certificate-identity': identityOf(sigstore.claims),
    })
    expect(ok.errors, ok.stdout).toEqual([])
    expect(ok.exitCode).toBe(0)
    expect(ok.outputs.verdict).toBe('pass')
    expect(ok.stdout).toMatch(/^Verified: 2 signature\(s\), 6 attestation\(s\)/m)
    expect(ok.outputs.digest).toBe(image.digest)
    expect(ok.summary).toContain('### ✅ Signatures verified for 1 image(s)')
    expect(ok.summary).toContain(
      `verified  cosign signature  signer ${identityOf(sigstore.claims)}`,
    )

    const withVerdict = await runAction({
      ...verifyInputs,
      'certificate-identity': identityOf(sigstore.claims),
      'verify-require': 'both,verdict',
      'verify-max-db-age': '24h',
    })
    expect(withVerdict.errors, withVerdict.stdout).toEqual([])
    expect(withVerdict.outputs.verdict).toBe('pass')

    const wrong = await runAction({
      ...verifyInputs,
      'certificate-identity-regexp': 'https://github\\.com/evil-org/.*',
    })
    expect(wrong.exitCode).toBe(1)
    expect(wrong.outputs.verdict).toBe('fail')
    expect(wrong.stdout).toMatch(/^NOT verified/m)
    expect(wrong.errors).toEqual([
      `1 of 1 image(s) did not verify (${image.ref}); see the lines above.`,
    ])
    expect(wrong.summary).toContain('### ❌ Signature verification failed')
    expect(wrong.summary).toContain('UNTRUSTED_SIGNER_ERROR')
  })
})

describe('mode: verify refusals', () => {
  it('an unsigned image does not verify', async () => {
    const unsigned = await pushImage('octo-org/app', 'unsigned')
    const r = await runAction({
      mode: 'verify',
      image: unsigned.ref,
      'certificate-identity': identityOf(sigstore.claims),
      'certificate-oidc-issuer': GITHUB_ISSUER,
      'trusted-root': trustedRoot,
    })
    expect(r.exitCode).toBe(1)
    expect(r.outputs).toMatchObject({ verdict: 'fail', digest: unsigned.digest })
    expect(r.stdout).toMatch(/^NOT verified: no verified signature/m)
    expect(r.errors).toEqual([
      `1 of 1 image(s) did not verify (${unsigned.ref}); see the lines above.`,
    ])
  })

  it.each([
    [
      'no identity',
      { 'certificate-oidc-issuer': GITHUB_ISSUER },
      /^Input `certificate-identity`: verify mode needs the workflow identity/,
    ],
    [
      'no issuer',
      {
        'certificate-identity':
          'https://github.com/octo-org/app/.github/workflows/release.yml@refs/heads/main',
      },
      /^Input `certificate-oidc-issuer`: verify mode needs the OIDC issuer/,
    ],
    [
      'a max DB age that is not a duration',
      {
        'certificate-identity':
          'https://github.com/octo-org/app/.github/workflows/release.yml@refs/heads/main',
        'certificate-oidc-issuer': GITHUB_ISSUER,
        'verify-max-db-age': 'a day',
      },
      /^Input `verify-max-db-age`: "a day" is not a duration/,
    ],
    [
      'a verify-require that is not known',
      {
        'certificate-identity':
          'https://github.com/octo-org/app/.github/workflows/release.yml@refs/heads/main',
        'certificate-oidc-issuer': GITHUB_ISSUER,
        'verify-require': 'verdicts',
      },
      /^Input `verify-require`: "verdicts" is not valid/,
    ],
    [
      'a trusted root that is not there',
      {
        'certificate-identity':
          'https://github.com/octo-org/app/.github/workflows/release.yml@refs/heads/main',
        'certificate-oidc-issuer': GITHUB_ISSUER,
        'trusted-root': '/nonexistent/trusted_root.json',
      },
      /^Cannot read the trusted root \/nonexistent\/trusted_root\.json: .*Point 'trusted-root' at/,
    ],
  ])(
    '%s: a usage error naming the input, before any registry request',
    async (_, inputs, message) => {
      const tripwire = await startTripwire()
      try {
        const r = await runAction({
          mode: 'verify',
          image: `${tripwire.host}/octo-org/app:v1`,
          ...inputs,
        })
        expect(r.exitCode).toBe(1)
        expect(r.errors).toHaveLength(1)
        expect(r.errors[0]).toMatch(message)
        expect(r.errors[0]).not.toMatch(/did not verify/)
        expect(tripwire.requests).toEqual([])
      } finally {
        await tripwire.close()
      }
    },
  )
})

describe('sign: true refusals', () => {
  it('without ACTIONS_ID_TOKEN_REQUEST_URL fails before any scan and names id-token: write', async () => {
    const image = await pushImage('octo-org/app', 'no-token')
    const trivy = standIn({
      [image.ref]: reportFor(fixturePath('alpine-310.json.golden'), image.ref, image.digest),
    })
    const r = await runAction(signInputs(image.ref), runnerEnv(trivy, false))
    expect(r.exitCode).toBe(1)
    expect(r.errors.join('\n')).toContain('id-token: write')
    expect(trivy.calls().filter((a) => a[0] === 'image')).toEqual([])
    // Failed before any work: the verdict output says fail, never pass.
    expect(r.outputs.verdict).toBe('fail')
  })

  it('an image that fails the gate is not signed, and the step fails on the policy', async () => {
    const image = await pushImage('octo-org/app', 'vulnerable')
    const trivy = standIn({
      [image.ref]: reportFor(
        fixturePath('securecodebox__juice-shop-v10.2.0.json'),
        image.ref,
        image.digest,
      ),
    })
    const before = sigstore.calls.fulcio
    const r = await runAction(signInputs(image.ref), runnerEnv(trivy))
    expect(r.exitCode).toBe(1)
    expect(r.outputs.verdict).toBe('fail')
    expect(r.errors.join('\n')).toMatch(/^Blocked: 25 critical/)
    expect(r.warnings.join('\n')).toMatch(/Not signed: the image did not pass the gate/)
    expect(r.outputs.signature ?? '').toBe('')
    expect(sigstore.calls.fulcio).toBe(before)
    const hex = image.digest.replace('sha256:', '')
    const tags = await tagsOf('octo-org/app')
    expect(tags).toContain('vulnerable')
    expect(tags.filter((t) => t.startsWith(`sha256-${hex}`))).toEqual([])
  })
})

describe('sign: true against a registry with bearer-token auth (how ghcr.io behaves)', () => {
  let tokenRegistry: RunningRegistry
  let pusher: RegistryClient
  beforeAll(async () => {
    tokenRegistry = await startRegistry('token')
    pusher = new RegistryClient({
      insecure: true,
      retries: 0,
      credentials: staticCredentials('pusher', tokenRegistry.users.pusher ?? ''),
    })
  })
  afterAll(async () => {
    await tokenRegistry?.stop()
  })

  it('credentials without push rights: the step fails saying so, the report and SBOM are kept, nothing is pushed', async () => {
    const builder = new FixtureBuilder(tokenRegistry.host)
    // The harness builder pushes anonymously; this registry wants the pusher's token.
    Object.assign(builder, { client: pusher })
    const layer = gzipSync(await tarOf([{ name: 'a.txt', type: 'file', content: 'token' }]))
    const image = await builder.push({
      repo: 'octo-org/private',
      tag: 'v1',
      layers: [{ bytes: layer, mediaType: MediaType.ociLayerGzip }],
      config: {},
    })
    const trivy = standIn({
      [image.ref]: reportFor(fixturePath('alpine-310.json.golden'), image.ref, image.digest),
    })
    const r = await runAction(
      {
        ...signInputs(image.ref),
        'registry-username': 'reader',
        'registry-password': tokenRegistry.users.reader ?? '',
      },
      runnerEnv(trivy),
    )
    expect(r.exitCode).toBe(1)
    expect(r.errors).toHaveLength(1)
    expect(r.errors[0]).toMatch(/^Signing .* failed: /)
    expect(r.errors[0]).toContain('(user reader) may not push to')
    expect(r.errors[0]).toContain("'packages: write'")
    // The password is masked; the scan's results are all there.
    expect(r.stdout).toContain(`::add-mask::${tokenRegistry.users.reader}`)
    expect(r.outputs.signature).toBe('')
    expect(readFileSync(r.outputs.report as string, 'utf8')).toContain('may not push')
    expect(JSON.parse(readFileSync(r.outputs.sbom as string, 'utf8')).bomFormat).toBe('CycloneDX')
    expect(r.summary).toContain('may not push')
    const tags = await pusher.listTags(parseReference(`${tokenRegistry.host}/octo-org/private`))
    expect(tags).toEqual(['v1'])
  })
})

/** A pull_request event: from a fork (head repo differs from the base repo) or from a branch. */
function pullRequestEnv(gh: FakeGitHub, number: number, fork: boolean) {
  return {
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: eventFile({
      pull_request: {
        number,
        head: { repo: { full_name: fork ? 'mallory/app' : 'octo-org/app' } },
        base: { repo: { full_name: 'octo-org/app' } },
      },
      repository: { full_name: 'octo-org/app', private: false, visibility: 'public' },
    }),
    GITHUB_API_URL: gh.url,
    GITHUB_REPOSITORY: 'octo-org/app',
  }
}

describe('issue 9 item 7: no token in any output', () => {
  const gh = new FakeGitHub()
  beforeAll(async () => {
    await gh.start()
  })
  afterAll(async () => {
    await gh.stop()
  })

  it('Fulcio echoing the OIDC JWT in its error: the JWT reaches no output, summary, report file or PR comment', async () => {
    const image = await pushImage('octo-org/app', 'echo-token')
    const trivy = standIn({
      [image.ref]: reportFor(fixturePath('alpine-310.json.golden'), image.ref, image.digest),
    })
    gh.addPullRequest('octo-org', 'app', 31)
    gh.token = 'ghs_comment_token'
    // 400: not retried, so the echoed body is the final error @sigstore/sign reports.
    sigstore.faults.fulcio = { status: 400, times: 1, echoToken: true }
    const r = await runAction(
      { ...signInputs(image.ref), 'github-token': 'ghs_comment_token' },
      {
        ...runnerEnv(trivy),
        ...pullRequestEnv(gh, 31, false),
      },
    )
    sigstore.faults.fulcio = undefined
    // The token the runner handed out: registered with ::add-mask:: when it was obtained.
    const jwt = /^::add-mask::(ey\S+)$/m.exec(r.stdout)?.[1] as string
    expect(jwt, r.stdout).toMatch(/^eyJ/)
    // The failure is real and explained, with the token cut out.
    expect(r.exitCode).toBe(1)
    expect(r.outputs.verdict).toBe('fail')
    expect(r.errors.join('\n')).toMatch(/Fulcio .* did not issue a signing certificate/)
    expect(r.errors.join('\n')).toContain('[REDACTED]')
    const report = readFileSync(r.outputs.report as string, 'utf8')
    const comment = gh.comments('octo-org', 'app', 31)[0]?.body ?? ''
    expect(comment).toContain('did not issue a signing certificate')
    expect(r.summary).toContain('did not issue a signing certificate')
    const sinks = {
      outputs: JSON.stringify(r.outputs),
      summary: r.summary,
      report,
      comment,
      // The log: only the mask command itself may carry it.
      log: r.stdout.replaceAll(`::add-mask::${jwt}`, ''),
      stderr: r.stderr,
    }
    for (const [sink, text] of Object.entries(sinks)) {
      expect(text.includes(jwt), `${sink} contains the OIDC token`).toBe(false)
      // Nor any part of it (a header.payload pair is enough to replay claims).
      expect(/eyJ[\w-]{10,}\.[\w-]{10,}/.test(text), `${sink} contains a JWT-shaped string`).toBe(
        false,
      )
    }
  })
})

describe('issue 9 item 15: fork pull requests', () => {
  const gh = new FakeGitHub()
  beforeAll(async () => {
    await gh.start()
  })
  afterAll(async () => {
    await gh.stop()
  })

  it('sign: true on a fork PR (no OIDC token by design): scan, gate, summary and comment run; signing is skipped with the reason; a pass exits 0', async () => {
    const image = await pushImage('octo-org/app', 'fork-pass')
    const trivy = standIn({
      [image.ref]: reportFor(fixturePath('alpine-310.json.golden'), image.ref, image.digest),
    })
    gh.addPullRequest('octo-org', 'app', 41)
    gh.token = 'ghs_fork'
    const before = sigstore.calls.fulcio
    const r = await runAction(
      { ...signInputs(image.ref), 'github-token': 'ghs_fork' },
      { ...runnerEnv(trivy, false), ...pullRequestEnv(gh, 41, true) },
    )
    expect(r.errors, r.stdout).toEqual([])
    expect(r.exitCode).toBe(0)
    expect(r.outputs.verdict).toBe('pass')
    expect(trivy.calls().filter((a) => a[0] === 'image').length).toBeGreaterThan(0)
    expect(sigstore.calls.fulcio).toBe(before)
    expect(r.outputs.signature).toBe('')
    expect(r.outputs['signature-verified'] ?? '').toBe('')
    const skipped = /Signing skipped: .*fork.*mallory\/app.*no OIDC token/
    expect(r.warnings.join('\n')).toMatch(skipped)
    expect(r.summary).toMatch(skipped)
    expect(gh.comments('octo-org', 'app', 41)[0]?.body).toMatch(skipped)
    const report = JSON.parse(readFileSync(r.outputs.report as string, 'utf8'))
    expect(report.warnings.join('\n')).toMatch(skipped)
    const hex = image.digest.replace('sha256:', '')
    expect((await tagsOf('octo-org/app')).filter((t) => t.startsWith(`sha256-${hex}`))).toEqual([])
  })

  it('a failing fork PR still fails on the policy, not on signing', async () => {
    const image = await pushImage('octo-org/app', 'fork-fail')
    const trivy = standIn({
      [image.ref]: reportFor(
        fixturePath('securecodebox__juice-shop-v10.2.0.json'),
        image.ref,
        image.digest,
      ),
    })
    gh.addPullRequest('octo-org', 'app', 42)
    gh.token = 'ghs_fork'
    const r = await runAction(
      { ...signInputs(image.ref), 'github-token': 'ghs_fork' },
      { ...runnerEnv(trivy, false), ...pullRequestEnv(gh, 42, true) },
    )
    expect(r.exitCode).toBe(1)
    expect(r.outputs.verdict).toBe('fail')
    expect(r.errors.join('\n')).toMatch(/^Blocked: 25 critical/)
    expect(r.errors.join('\n')).not.toContain('id-token')
    expect(gh.comments('octo-org', 'app', 42)[0]?.body).toMatch(/Blocked: 25 critical/)
  })

  it('a PR from a branch of the same repository without id-token: write still fails before any work', async () => {
    const image = await pushImage('octo-org/app', 'branch-pr')
    const trivy = standIn({
      [image.ref]: reportFor(fixturePath('alpine-310.json.golden'), image.ref, image.digest),
    })
    gh.addPullRequest('octo-org', 'app', 43)
    const r = await runAction(
      { ...signInputs(image.ref), 'github-token': 'ghs_fork' },
      { ...runnerEnv(trivy, false), ...pullRequestEnv(gh, 43, false) },
    )
    expect(r.exitCode).toBe(1)
    expect(r.errors.join('\n')).toContain('id-token: write')
    expect(trivy.calls().filter((a) => a[0] === 'image')).toEqual([])
    expect(r.outputs.verdict).toBe('fail')
  })
})

describe('issue 10 §4: the verdict carries the DB age, and verify enforces --max-db-age', () => {
  it('a scan with a 3-day-old DB (Trivy server report): 24h rejects with the age, 96h accepts; an unsigned image has no verdict', async () => {
    const image = await pushImage('octo-org/app', 'old-db')
    const file = reportFor(fixturePath('alpine-310.json.golden'), image.ref, image.digest)
    const report = JSON.parse(readFileSync(file, 'utf8'))
    const built = new Date(Date.now() - 72 * 3_600_000).toISOString()
    report.Trivy = {
      ...(report.Trivy ?? {}),
      Server: { VulnerabilityDB: { Version: 2, UpdatedAt: built, NextUpdate: built } },
    }
    writeFileSync(file, JSON.stringify(report))
    const trivy = standIn({ [image.ref]: file })
    const r = await runAction(signInputs(image.ref), runnerEnv(trivy))
    expect(r.errors, r.stdout).toEqual([])
    const verify = (maxAge: string, ref = image.ref) =>
      runCli([
        'verify',
        ref,
        '--certificate-identity',
        identityOf(sigstore.claims),
        '--certificate-oidc-issuer',
        GITHUB_ISSUER,
        '--trusted-root',
        trustedRoot,
        '--require',
        'verdict',
        '--max-db-age',
        maxAge,
      ])
    const strict = await verify('24h')
    expect(strict.exitCode, strict.stdout).toBe(1)
    expect(strict.stdout).toMatch(
      /NOT verified: no accepting gate verdict .*the vulnerability DB was 7\d\.\d h old when the gate ran, more than the 24\.0 h allowed/,
    )
    const lenient = await verify('96h')
    expect(lenient.exitCode, lenient.stdout).toBe(0)

    const unsigned = await pushImage('octo-org/app', 'no-verdict')
    const none = await verify('96h', unsigned.ref)
    expect(none.exitCode).toBe(1)
    expect(none.stdout).toMatch(
      /no verified gate verdict \(https:\/\/shipgate\.dev\/attestation\/gate\/v1\)/,
    )
  })
})
