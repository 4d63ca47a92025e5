/**
 * Issue 10 §2: the public-good endpoints come from the Sigstore TUF repository's
 * `signing_config.v0.2.json`. Here a real TUF repository (test/support/sigstore/tuf-repo.ts,
 * signed metadata verified by @sigstore/tuf) serves a signing config naming the mock Fulcio,
 * Rekor and TSA, and the mock's trusted_root.json.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readSigningSettings } from '../../src/sign/settings.js'
import {
  publicGoodEndpoints,
  REKOR_V2_SIGNING_CONFIG_TARGET,
  SIGNING_CONFIG_TARGET,
} from '../../src/sign/signing-config.js'
import { signingSession } from '../../src/sign/step.js'
import { loadTrustedRoot, trustedRootFromJSON } from '../../src/sign/trust-root.js'
import type { TufOptions } from '../../src/sign/tuf.js'
import { memoryStore } from '../support/sigstore/memory-store.js'
import { type MockSigstore, startMockSigstore } from '../support/sigstore/mock-sigstore.js'
import { mockDeps, TRIVY_JSON } from '../support/sigstore/session.js'
import { startTufRepo, type TufRepo } from '../support/sigstore/tuf-repo.js'

const repo = { registry: '127.0.0.1:5000', repository: 'octo-org/app' }
let viaTuf: MockSigstore
let other: MockSigstore
let tuf: TufRepo
let tufOptions: TufOptions

beforeAll(async () => {
  ;[viaTuf, other] = await Promise.all([startMockSigstore(), startMockSigstore()])
  tuf = await startTufRepo({
    [SIGNING_CONFIG_TARGET]: JSON.stringify({
      mediaType: 'application/vnd.dev.sigstore.signingconfig.v0.2+json',
      caUrls: [
        { url: viaTuf.fulcioURL, majorApiVersion: 1, validFor: { start: '2020-01-01T00:00:00Z' } },
      ],
      oidcUrls: [],
      rekorTlogUrls: [
        { url: viaTuf.rekorURL, majorApiVersion: 1, validFor: { start: '2020-01-01T00:00:00Z' } },
      ],
      tsaUrls: [
        { url: viaTuf.tsaURL, majorApiVersion: 1, validFor: { start: '2020-01-01T00:00:00Z' } },
      ],
      rekorTlogConfig: { selector: 'ANY' },
      tsaConfig: { selector: 'ANY' },
    }),
    'trusted_root.json': JSON.stringify(viaTuf.trustedRoot),
  })
  tufOptions = { tufMirrorURL: tuf.url, tufRootPath: tuf.rootPath, tufCachePath: tuf.cachePath }
})
afterAll(async () => {
  await Promise.all([viaTuf?.close(), other?.close(), tuf?.close()])
})

/** What the action resolves without any service URL, in a public repository. */
const publicGood = () => {
  const s = readSigningSettings(
    { sign: 'true', 'attest-sbom': 'false', 'attest-verdict': 'false' },
    { repositoryVisibility: 'public' },
  )
  if (!s.sign) throw new Error('expected signing settings')
  return s
}

describe('signing config from a TUF repository', () => {
  it('signs against exactly the Fulcio, Rekor and TSA it lists, with one TUF fetch per file for the whole job', async () => {
    const settings = publicGood()
    expect(settings.useSigningConfig).toBe(true)
    const before = { ...viaTuf.calls }
    const otherBefore = { ...other.calls }
    // The job: the trust root and the signing config from TUF, two images signed.
    const trustedRoot = await loadTrustedRoot(tufOptions)
    const store = memoryStore({ referrersApi: true })
    store.addImage(repo, 'a')
    store.addImage(repo, 'b')
    const session = signingSession(
      settings,
      mockDeps(viaTuf, store, {
        trustedRoot,
        signingConfig: () => publicGoodEndpoints(tufOptions),
      }),
    )
    for (const tag of ['a', 'b']) {
      const report = await session.sign({
        image: `127.0.0.1:5000/octo-org/app:${tag}`,
        vuln: { trivyJsonPath: TRIVY_JSON },
      })
      expect(report.verified).toBe(true)
    }
    // A second lookup in the same job (verify mode, another stage) fetches nothing again.
    await loadTrustedRoot(tufOptions)
    await publicGoodEndpoints(tufOptions)

    // Only the services in the signing config were used; the TSA timestamped every signature.
    expect(viaTuf.calls.fulcio - before.fulcio).toBe(1)
    // Per image: the .sig, the signature bundle and the vuln attestation.
    expect(viaTuf.calls.rekor - before.rekor).toBe(6)
    expect(viaTuf.calls.tsa - before.tsa).toBeGreaterThanOrEqual(6)
    expect(other.calls).toEqual(otherBefore)

    expect(Object.fromEntries(tuf.requests)).toEqual({
      '/2.root.json': 1, // "is there a newer root?": 404, once
      '/timestamp.json': 1,
      '/snapshot.json': 1,
      '/targets.json': 1,
      '/targets/trusted_root.json': 1,
      [`/targets/${SIGNING_CONFIG_TARGET}`]: 1,
    })
  })

  it('fulcio-url / rekor-url / tsa-url override the signing config, which is then not fetched', async () => {
    const settings = readSigningSettings(
      {
        sign: 'true',
        'attest-sbom': 'false',
        'attest-verdict': 'false',
        'fulcio-url': other.fulcioURL,
        'rekor-url': other.rekorURL,
        'tsa-url': other.tsaURL,
        'trusted-root': '(given in memory)',
      },
      { repositoryVisibility: 'public' },
    )
    if (!settings.sign) throw new Error('expected signing settings')
    expect(settings.useSigningConfig).toBe(false)
    const viaTufBefore = { ...viaTuf.calls }
    const otherBefore = { ...other.calls }
    let configFetches = 0
    const store = memoryStore({ referrersApi: true })
    store.addImage(repo, 'override')
    const report = await signingSession(
      settings,
      mockDeps(other, store, {
        trustedRoot: trustedRootFromJSON(other.trustedRoot),
        signingConfig: () => {
          configFetches++
          return publicGoodEndpoints(tufOptions)
        },
      }),
    ).sign({ image: '127.0.0.1:5000/octo-org/app:override', vuln: { trivyJsonPath: TRIVY_JSON } })
    expect(report.verified).toBe(true)
    expect(configFetches).toBe(0)
    expect(viaTuf.calls).toEqual(viaTufBefore)
    expect(other.calls.fulcio - otherBefore.fulcio).toBe(1)
    expect(other.calls.tsa).toBeGreaterThan(otherBefore.tsa)
  })

  it('an unreachable TUF repository: a clear error naming trusted-root (and the service inputs) for air-gapped runners', async () => {
    const closed = await startTufRepo({})
    await closed.close()
    const unreachable: TufOptions = {
      tufMirrorURL: closed.url,
      tufRootPath: closed.rootPath,
      tufCachePath: closed.cachePath,
    }
    const config = await publicGoodEndpoints(unreachable).catch((e: Error) => e)
    expect(config).toBeInstanceOf(Error)
    expect((config as Error).message).toContain(`over TUF (${closed.url})`)
    expect((config as Error).message).toContain("'trusted-root'")
    expect((config as Error).message).toContain("'fulcio-url', 'rekor-url' and 'tsa-url'")
    const root = await loadTrustedRoot(unreachable).catch((e: Error) => e)
    expect(root).toBeInstanceOf(Error)
    expect((root as Error).message).toContain(`over TUF (${closed.url})`)
    expect((root as Error).message).toContain("set 'trusted-root' to a trusted_root.json file")
  })

  it('a signing config swapped on the mirror (bytes not those targets.json signed) is refused', async () => {
    const evil = await startTufRepo(
      {
        [SIGNING_CONFIG_TARGET]:
          '{"mediaType":"application/vnd.dev.sigstore.signingconfig.v0.2+json"}',
      },
      {
        [SIGNING_CONFIG_TARGET]: JSON.stringify({
          mediaType: 'application/vnd.dev.sigstore.signingconfig.v0.2+json',
          caUrls: [{ url: 'https://fulcio.evil.example', majorApiVersion: 1 }],
          rekorTlogUrls: [{ url: 'https://rekor.evil.example', majorApiVersion: 1 }],
        }),
      },
    )
    try {
      const error = await publicGoodEndpoints({
        tufMirrorURL: evil.url,
        tufRootPath: evil.rootPath,
        tufCachePath: evil.cachePath,
      }).catch((e: Error) => e)
      expect(error).toBeInstanceOf(Error)
      expect((error as Error).message).toContain('Cannot fetch the public Sigstore signing config')
      expect((error as Error).message).not.toContain('evil.example')
    } finally {
      await evil.close()
    }
  })

  it('a validly signed target that is not a usable signing config is refused, saying so', async () => {
    const odd = await startTufRepo({ [SIGNING_CONFIG_TARGET]: '{}' })
    try {
      await expect(
        publicGoodEndpoints({
          tufMirrorURL: odd.url,
          tufRootPath: odd.rootPath,
          tufCachePath: odd.cachePath,
        }),
      ).rejects.toThrow(/signing config is unusable/)
    } finally {
      await odd.close()
    }
  })

  it('rekor-version 2: the v2 log from the opt-in signing_config_rekor_v2 target when the default lists only v1', async () => {
    const service = (url: string, majorApiVersion: number) => ({
      url,
      majorApiVersion,
      validFor: { start: '2020-01-01T00:00:00Z' },
    })
    const v1Only = {
      mediaType: 'application/vnd.dev.sigstore.signingconfig.v0.2+json',
      caUrls: [service('https://fulcio.example', 1)],
      rekorTlogUrls: [service('https://rekor.example', 1)],
      tsaUrls: [service('https://tsa.example/api/v1/timestamp', 1)],
    }
    const withOptIn = await startTufRepo({
      [SIGNING_CONFIG_TARGET]: JSON.stringify(v1Only),
      [REKOR_V2_SIGNING_CONFIG_TARGET]: JSON.stringify({
        ...v1Only,
        rekorTlogUrls: [service('https://log2025-1.rekor.example', 2), ...v1Only.rekorTlogUrls],
      }),
    })
    const without = await startTufRepo({ [SIGNING_CONFIG_TARGET]: JSON.stringify(v1Only) })
    const opts = (r: TufRepo): TufOptions => ({
      tufMirrorURL: r.url,
      tufRootPath: r.rootPath,
      tufCachePath: r.cachePath,
    })
    try {
      expect(await publicGoodEndpoints({ ...opts(withOptIn), rekorVersion: 2 })).toEqual({
        fulcioURL: 'https://fulcio.example',
        rekorURL: 'https://log2025-1.rekor.example',
        tsaURL: 'https://tsa.example/api/v1/timestamp',
      })
      // rekor-version 1 never reads the opt-in file.
      expect((await publicGoodEndpoints(opts(withOptIn))).rekorURL).toBe('https://rekor.example')
      expect(withOptIn.requests.get(`/targets/${REKOR_V2_SIGNING_CONFIG_TARGET}`)).toBe(1)
      await expect(publicGoodEndpoints({ ...opts(without), rekorVersion: 2 })).rejects.toThrow(
        /lists no Rekor v2 log.*'rekor-url'/,
      )
    } finally {
      await Promise.all([withOptIn.close(), without.close()])
    }
  })
})
