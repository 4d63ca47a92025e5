import { RFC3161Timestamp } from '@sigstore/core'
/**
 * Failure paths keep the build honest and lose nothing: Sigstore services down or slow, a
 * registry refusing pushes, a missing OIDC permission, the privacy rule; and tampering that
 * verification must catch.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { cosignTag } from '../../src/sign/cosign-format.js'
import { githubIdentity } from '../../src/sign/github-identity.js'
import { MISSING_ID_TOKEN_MESSAGE } from '../../src/sign/identity.js'
import { PredicateType } from '../../src/sign/payloads.js'
import { readSigningSettings } from '../../src/sign/settings.js'
import { SigningError, signAndAttest } from '../../src/sign/step.js'
import { trustedRootFromJSON } from '../../src/sign/trust-root.js'
import { verifyExitCode, verifyImage } from '../../src/sign/verify.js'
import { memoryStore } from '../support/sigstore/memory-store.js'
import {
  GITHUB_ISSUER,
  identityOf,
  type MockSigstore,
  startMockSigstore,
} from '../support/sigstore/mock-sigstore.js'
import { CYCLONEDX, mockDeps, mockSettings, TRIVY_JSON } from '../support/sigstore/session.js'

const repo = { registry: '127.0.0.1:5000', repository: 'octo-org/app' }
const IMAGE = '127.0.0.1:5000/octo-org/app:v1'
const input = { image: IMAGE, sbomPath: CYCLONEDX, vuln: { trivyJsonPath: TRIVY_JSON } }

let sigstore: MockSigstore
let foreign: MockSigstore
beforeAll(async () => {
  ;[sigstore, foreign] = await Promise.all([startMockSigstore(), startMockSigstore()])
})
afterAll(async () => {
  await Promise.all([sigstore?.close(), foreign?.close()])
})
beforeEach(() => {
  for (const k of Object.keys(sigstore.faults))
    delete sigstore.faults[k as keyof typeof sigstore.faults]
})

describe('Sigstore services failing', () => {
  it('retries a Fulcio that fails twice, then signs', async () => {
    const store = memoryStore({ referrersApi: false })
    store.addImage(repo, 'v1')
    sigstore.faults.fulcio = { status: 503, times: 2 }
    const before = sigstore.calls.fulcio
    const report = await signAndAttest(input, mockSettings(sigstore), mockDeps(sigstore, store))
    expect(report.signatures).toHaveLength(2)
    // 2 failures + 1 success, and only one certificate for the whole image (6 signatures).
    expect(sigstore.calls.fulcio - before).toBe(3)
  })

  it('gives up on a Fulcio that stays down with an error naming it, pushing nothing', async () => {
    const store = memoryStore({ referrersApi: false })
    store.addImage(repo, 'v1')
    sigstore.faults.fulcio = { status: 503, times: 100 }
    const error = await signAndAttest(
      input,
      mockSettings(sigstore),
      mockDeps(sigstore, store),
    ).catch((e) => e)
    expect(error.message).toMatch(
      /^Fulcio \(http:\/\/127\.0\.0\.1:\d+\) did not issue a signing certificate after 3 attempts/,
    )
    expect(error.message).toContain('Nothing was signed or pushed')
    expect(store.writes).toEqual([])
  })

  it('times out a slow Rekor, retries, and reports Rekor when it never answers in time', async () => {
    const store = memoryStore({ referrersApi: false })
    store.addImage(repo, 'v1')
    // Margins wide enough for a loaded 2-core machine: Fulcio must answer within the timeout,
    // Rekor never does.
    sigstore.faults.rekor = { delayMs: 8000, times: 100 }
    const deps = mockDeps(sigstore, store, {
      retry: { retries: 1, minTimeoutMs: 10, maxTimeoutMs: 20, timeoutMs: 1500 },
    })
    const error = await signAndAttest(input, mockSettings(sigstore), deps).catch((e) => e)
    expect(error.message).toMatch(
      /^Rekor \(http:\/\/127\.0\.0\.1:\d+\) did not record the signature after 2 attempts/,
    )
    expect(store.writes).toEqual([])
  })

  it('recovers from a slow Rekor answer by retrying', async () => {
    const store = memoryStore({ referrersApi: true })
    store.addImage(repo, 'v1')
    sigstore.faults.rekor = { delayMs: 8000, times: 1 }
    const deps = mockDeps(sigstore, store, {
      retry: { retries: 2, minTimeoutMs: 10, maxTimeoutMs: 20, timeoutMs: 1500 },
    })
    const report = await signAndAttest(input, mockSettings(sigstore), deps)
    expect(report.attestations).toHaveLength(4)
  })

  it('adds an RFC 3161 timestamp when tsa-url is set, and it verifies', async () => {
    const store = memoryStore({ referrersApi: true })
    store.addImage(repo, 'v1')
    const before = sigstore.calls.tsa
    await signAndAttest(input, mockSettings(sigstore, {}, true), mockDeps(sigstore, store))
    // One timestamp per signing operation: .sig, the sign/v1 bundle, two attestations (shared by
    // both formats), plus one per `.att` layer over the layer bytes (what cosign checks there).
    expect(sigstore.calls.tsa - before).toBe(6)
    // cosign (2.x and 3 classic) verifies an `.att` timestamp over the layer, not the DSSE signature.
    const att = store.manifests.get(
      store.tags.get(`${repo.registry}/${repo.repository}:${IMAGE_DIGEST_TAG(store)}.att`) ?? '',
    )
    const layers = JSON.parse(Buffer.from(att?.bytes ?? []).toString()).layers as {
      digest: string
      annotations: Record<string, string>
    }[]
    expect(layers).toHaveLength(2)
    for (const layer of layers) {
      const stamp = JSON.parse(layer.annotations['dev.sigstore.cosign/rfc3161timestamp'] ?? '{}')
      const ts = RFC3161Timestamp.parse(Buffer.from(stamp.SignedRFC3161Timestamp, 'base64'))
      const blob = store.blobs.get(layer.digest) as Uint8Array
      expect(() => ts.tstInfo.verify(Buffer.from(blob))).not.toThrow()
    }
    const result = await verifyImage(
      {
        image: IMAGE,
        policy: { identity: { exact: identityOf(sigstore.claims) }, issuer: GITHUB_ISSUER },
        require: 'both',
      },
      {
        store,
        trustedRoot: trustedRootFromJSON(sigstore.trustedRoot),
        logger: mockDeps(sigstore, store).logger,
      },
    )
    expect(result.rejected).toEqual([])
    expect(result.ok).toBe(true)
  })
})

/** `sha256-<hex>` of the one image in `store` tagged v1. */
function IMAGE_DIGEST_TAG(store: ReturnType<typeof memoryStore>): string {
  return (store.tags.get(`${repo.registry}/${repo.repository}:v1`) ?? '').replace(':', '-')
}

describe('registry refusing the push', () => {
  it('fails with what was signed and what reached the registry; the SBOM path is still reported', async () => {
    const store = memoryStore({ referrersApi: false })
    store.addImage(repo, 'v1')
    store.refuseWrites = new Error('denied: requested access to the resource is denied')
    const error = await signAndAttest(
      input,
      mockSettings(sigstore),
      mockDeps(sigstore, store),
    ).catch((e) => e)
    expect(error).toBeInstanceOf(SigningError)
    expect(error.message).toContain('pushing to 127.0.0.1:5000/octo-org/app failed: denied')
    expect(error.message).toContain('0 of 6 signatures/attestations reached the registry')
    expect(error.partial.sbom).toBe(CYCLONEDX)
    expect(error.partial.digest).toMatch(/^sha256:/)
  })

  it('says the image is missing instead of signing a tag that does not exist', async () => {
    const store = memoryStore({ referrersApi: false })
    const before = { ...sigstore.calls }
    await expect(
      signAndAttest(input, mockSettings(sigstore), mockDeps(sigstore, store)),
    ).rejects.toThrow(/127\.0\.0\.1:5000\/octo-org\/app:v1 does not exist in the registry/)
    expect(sigstore.calls).toEqual(before)
  })
})

describe('OIDC permission and privacy', () => {
  it('fails before any work when id-token: write is missing, naming the permission and forks', async () => {
    const store = memoryStore({ referrersApi: false })
    store.addImage(repo, 'v1')
    const before = { ...sigstore.calls }
    const identity = githubIdentity({})
    await expect(
      signAndAttest(input, mockSettings(sigstore), mockDeps(sigstore, store, { identity })),
    ).rejects.toThrow(MISSING_ID_TOKEN_MESSAGE)
    expect(MISSING_ID_TOKEN_MESSAGE).toContain('id-token: write')
    expect(MISSING_ID_TOKEN_MESSAGE).toContain('forks')
    expect(sigstore.calls).toEqual(before)
    expect(store.writes).toEqual([])
  })

  it('gets the token from the runner with @actions/core when the permission is there', async () => {
    const store = memoryStore({ referrersApi: false })
    store.addImage(repo, 'v1')
    const identity = githubIdentity({
      ACTIONS_ID_TOKEN_REQUEST_URL: sigstore.oidcRequestURL,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: sigstore.oidcRequestToken,
    })
    const saved = {
      url: process.env.ACTIONS_ID_TOKEN_REQUEST_URL,
      token: process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN,
    }
    process.env.ACTIONS_ID_TOKEN_REQUEST_URL = sigstore.oidcRequestURL
    process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = sigstore.oidcRequestToken
    try {
      const before = sigstore.calls.oidc
      const report = await signAndAttest(
        input,
        mockSettings(sigstore),
        mockDeps(sigstore, store, { identity }),
      )
      expect(report.signatures).toHaveLength(2)
      expect(sigstore.calls.oidc - before).toBe(1)
    } finally {
      process.env.ACTIONS_ID_TOKEN_REQUEST_URL = saved.url ?? ''
      process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = saved.token ?? ''
      if (!saved.url) delete process.env.ACTIONS_ID_TOKEN_REQUEST_URL
      if (!saved.token) delete process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN
    }
  })

  it('refuses the public log for a private repository unless opted in, with the exact way out', () => {
    const run = (raw: Record<string, string>) =>
      readSigningSettings({ sign: 'true', ...raw }, { repositoryVisibility: 'private' })
    expect(() => run({})).toThrow(
      "Refusing to sign from a private repository with the public Sigstore transparency log: the Rekor entry and the Fulcio certificate publish the repository name, the workflow path and the git ref, forever. Either opt in with 'public-transparency-log: true', or point 'rekor-url' and 'fulcio-url' (and 'trusted-root') at a private Sigstore instance.",
    )
    expect(run({ 'public-transparency-log': 'true' })).toMatchObject({
      sign: true,
      publicTransparencyLogOptIn: true,
    })
    expect(
      run({
        'fulcio-url': 'https://fulcio.corp.example',
        'rekor-url': 'https://rekor.corp.example',
        'trusted-root': 'root.json',
      }),
    ).toMatchObject({ sign: true, publicTransparencyLog: false })
  })

  it('refuses when the token says the repository is private even if the settings thought otherwise', async () => {
    const privateRepo = await startMockSigstore({ claims: { repository_visibility: 'private' } })
    try {
      const store = memoryStore({ referrersApi: false })
      store.addImage(repo, 'v1')
      // Settings as if for the public log (the privacy rule applies to public-good Rekor only).
      const settings = {
        ...mockSettings(privateRepo),
        publicTransparencyLog: true,
        publicTransparencyLogOptIn: false,
      }
      await expect(signAndAttest(input, settings, mockDeps(privateRepo, store))).rejects.toThrow(
        /Refusing to sign from a private repository/,
      )
      expect(privateRepo.calls.fulcio).toBe(0)
    } finally {
      await privateRepo.close()
    }
  })
})

describe('tampering fails verification', () => {
  async function signed(referrersApi = false) {
    const store = memoryStore({ referrersApi })
    const image = store.addImage(repo, 'v1')
    await signAndAttest(input, mockSettings(sigstore), mockDeps(sigstore, store))
    return { store, digest: image.digest }
  }
  const verify = (
    store: ReturnType<typeof memoryStore>,
    opts: { root?: MockSigstore; identity?: string; image?: string } = {},
  ) =>
    verifyImage(
      {
        image: opts.image ?? IMAGE,
        policy: {
          identity: { exact: opts.identity ?? identityOf(sigstore.claims) },
          issuer: GITHUB_ISSUER,
        },
        require: 'any',
      },
      {
        store,
        trustedRoot: trustedRootFromJSON((opts.root ?? sigstore).trustedRoot),
        logger: mockDeps(sigstore, store).logger,
      },
    )

  it('a changed payload fails verification of that signature', async () => {
    const { store, digest } = await signed()
    // The payload changes (its layer digest updated so only the signature can tell).
    const sig = await store.getManifest(repo, cosignTag(digest, 'sig'))
    const manifest = JSON.parse(Buffer.from(sig?.bytes ?? []).toString('utf8'))
    const layer = manifest.layers[0]
    const payload = JSON.parse(
      Buffer.from(await store.getBlob(repo, layer.digest)).toString('utf8'),
    )
    payload.optional = { tampered: 'yes' }
    const bytes = Buffer.from(JSON.stringify(payload))
    layer.digest = await store.putBlob(repo, bytes)
    layer.size = bytes.length
    await store.putManifest(
      repo,
      cosignTag(digest, 'sig'),
      Buffer.from(JSON.stringify(manifest)),
      manifest.mediaType,
    )
    const result = await verify(store)
    const cosignSig = result.rejected.find((r) => r.reference.includes('.sig'))
    expect(cosignSig?.reason).toMatch(/SIGNATURE_ERROR|TLOG/)
    expect(result.verified.some((v) => v.format === 'cosign' && v.kind === 'signature')).toBe(false)
  })

  it('a different identity is not accepted (exact, anchored match)', async () => {
    const { store } = await signed(true)
    const exact = identityOf(sigstore.claims)
    for (const identity of [
      'https://github.com/octo-org/app',
      exact.replace('release.yml', 'other.yml'),
      `${exact}x`,
      exact.replace('.github', 'xgithub'),
    ]) {
      const result = await verify(store, { identity })
      expect(result.verified).toEqual([])
      expect(result.rejected.length).toBe(6)
      expect(result.rejected[0]?.reason).toContain('UNTRUSTED_SIGNER_ERROR')
      expect(verifyExitCode(result)).toBe(1)
    }
  })

  it('a foreign trust root verifies nothing', async () => {
    const { store } = await signed(false)
    const result = await verify(store, { root: foreign })
    expect(result.verified).toEqual([])
    expect(result.rejected).toHaveLength(6)
    expect(result.ok).toBe(false)
  })

  it('signatures copied onto another digest are rejected', async () => {
    const { store, digest } = await signed(false)
    const other = store.addImage(repo, 'v2', 'another image')
    // Copy the .sig, .att and the referrers index onto the other digest's tags.
    for (const suffix of ['.sig', '.att', '']) {
      const from = `${digest.replace(':', '-')}${suffix}`
      const to = `${other.digest.replace(':', '-')}${suffix}`
      const m = await store.getManifest(repo, from)
      if (m) await store.putManifest(repo, to, m.bytes, m.mediaType)
    }
    const result = await verify(store, { image: '127.0.0.1:5000/octo-org/app:v2' })
    expect(result.verified).toEqual([])
    expect(result.rejected.length).toBe(6)
    expect(result.rejected.map((r) => r.reason).join('\n')).toContain(`not ${other.digest}`)
    expect(verifyExitCode(result)).toBe(1)
  })

  it('unsigned images are "not verified" (exit 1), not an error', async () => {
    const store = memoryStore({ referrersApi: false })
    store.addImage(repo, 'v1')
    const result = await verify(store)
    expect(result.missing).toEqual(['no verified signature in either format'])
    expect(verifyExitCode(result)).toBe(1)
    expect(verifyExitCode(new Error('registry unreachable'))).toBe(2)
  })

  it('requires the attestation types asked for', async () => {
    const store = memoryStore({ referrersApi: false })
    store.addImage(repo, 'v1')
    await signAndAttest(
      { image: IMAGE, sbomPath: CYCLONEDX },
      mockSettings(sigstore, { 'attest-vulnerabilities': 'false' }),
      mockDeps(sigstore, store),
    )
    const result = await verifyImage(
      {
        image: IMAGE,
        policy: { identity: { exact: identityOf(sigstore.claims) }, issuer: GITHUB_ISSUER },
        requireAttestations: [PredicateType.vuln],
      },
      {
        store,
        trustedRoot: trustedRootFromJSON(sigstore.trustedRoot),
        logger: mockDeps(sigstore, store).logger,
      },
    )
    expect(result.ok).toBe(false)
    expect(result.missing).toEqual([`no verified attestation of type ${PredicateType.vuln}`])
  })
})
