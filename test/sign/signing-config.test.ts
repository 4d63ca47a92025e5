/** Issue 10 §2: the public-good endpoints, TSA included, come from the TUF signing config. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PUBLIC_GOOD } from '../../src/sign/settings.js'
import { endpointsFromSigningConfig } from '../../src/sign/signing-config.js'
import { signAndAttest } from '../../src/sign/step.js'
import { memoryStore } from '../support/sigstore/memory-store.js'
import { type MockSigstore, startMockSigstore } from '../support/sigstore/mock-sigstore.js'
import { mockDeps, mockSettings, TRIVY_JSON } from '../support/sigstore/session.js'

/** Public-good root-signing `targets/signing_config.v0.2.json` (sigstore-2026.md §2.1). */
const PUBLIC_GOOD_CONFIG = {
  mediaType: 'application/vnd.dev.sigstore.signingconfig.v0.2+json',
  caUrls: [
    {
      url: 'https://fulcio.sigstore.dev',
      majorApiVersion: 1,
      validFor: { start: '2022-04-13T20:06:15.000Z' },
      operator: 'sigstore.dev',
    },
  ],
  oidcUrls: [
    {
      url: 'https://oauth2.sigstore.dev/auth',
      majorApiVersion: 1,
      validFor: { start: '2022-04-13T20:06:15.000Z' },
      operator: 'sigstore.dev',
    },
  ],
  rekorTlogUrls: [
    {
      url: 'https://rekor.sigstore.dev',
      majorApiVersion: 1,
      validFor: { start: '2021-01-12T11:53:27.000Z' },
      operator: 'sigstore.dev',
    },
  ],
  tsaUrls: [
    {
      url: 'https://timestamp.sigstore.dev/api/v1/timestamp',
      majorApiVersion: 1,
      validFor: { start: '2025-07-04T00:00:00Z' },
      operator: 'sigstore.dev',
    },
  ],
  rekorTlogConfig: { selector: 'ANY' },
  tsaConfig: { selector: 'ANY' },
}

const now = new Date('2026-11-30T00:00:00Z')

describe('endpointsFromSigningConfig', () => {
  it('public good: Fulcio, Rekor v1 and the TSA it lists', () => {
    expect(endpointsFromSigningConfig(PUBLIC_GOOD_CONFIG, now)).toEqual({
      fulcioURL: 'https://fulcio.sigstore.dev',
      rekorURL: 'https://rekor.sigstore.dev',
      tsaURL: 'https://timestamp.sigstore.dev/api/v1/timestamp',
    })
  })

  it('the Rekor v2 opt-in file: the v1 log is still chosen (the classic format needs a SET)', () => {
    const v2 = {
      ...PUBLIC_GOOD_CONFIG,
      rekorTlogUrls: [
        {
          url: 'https://log2025-1.rekor.sigstore.dev',
          majorApiVersion: 2,
          validFor: { start: '2026-01-01T00:00:00Z' },
        },
        ...PUBLIC_GOOD_CONFIG.rekorTlogUrls,
      ],
    }
    expect(endpointsFromSigningConfig(v2, now).rekorURL).toBe('https://rekor.sigstore.dev')
  })

  it('skips services not yet or no longer valid, and takes the newest valid one', () => {
    const config = {
      ...PUBLIC_GOOD_CONFIG,
      tsaUrls: [
        {
          url: 'https://old.example/ts',
          majorApiVersion: 1,
          validFor: { start: '2020-01-01T00:00:00Z', end: '2025-01-01T00:00:00Z' },
        },
        {
          url: 'https://future.example/ts',
          majorApiVersion: 1,
          validFor: { start: '2030-01-01T00:00:00Z' },
        },
        {
          url: 'https://a.example/ts',
          majorApiVersion: 1,
          validFor: { start: '2024-01-01T00:00:00Z' },
        },
        {
          url: 'https://b.example/ts',
          majorApiVersion: 1,
          validFor: { start: '2025-06-01T00:00:00Z' },
        },
      ],
    }
    expect(endpointsFromSigningConfig(config, now).tsaURL).toBe('https://b.example/ts')
    expect(
      endpointsFromSigningConfig({ ...PUBLIC_GOOD_CONFIG, tsaUrls: [] }, now),
    ).not.toHaveProperty('tsaURL')
  })

  it('refuses a document that is not a signing config, or lacks Fulcio or a Rekor v1 log', () => {
    expect(() => endpointsFromSigningConfig({ mediaType: 'application/json' }, now)).toThrow(
      /media type/,
    )
    expect(() => endpointsFromSigningConfig({ ...PUBLIC_GOOD_CONFIG, caUrls: [] }, now)).toThrow(
      /no valid Fulcio/,
    )
    expect(() =>
      endpointsFromSigningConfig({ ...PUBLIC_GOOD_CONFIG, rekorTlogUrls: [] }, now),
    ).toThrow(/no valid Rekor v1/)
  })
})

describe('signing with the signing config', () => {
  let sigstore: MockSigstore
  beforeAll(async () => {
    sigstore = await startMockSigstore()
  })
  afterAll(async () => {
    await sigstore?.close()
  })

  it('signs against the services the config lists (once per session), timestamped by its TSA', async () => {
    const store = memoryStore({ referrersApi: false })
    const repo = { registry: '127.0.0.1:5000', repository: 'octo-org/app' }
    store.addImage(repo, 'cfg')
    // Public-good settings as the action resolves them without any service URL...
    const settings = {
      ...mockSettings(sigstore, { 'attest-sbom': 'false' }),
      useSigningConfig: true,
      endpoints: { fulcioURL: PUBLIC_GOOD.fulcioURL, rekorURL: PUBLIC_GOOD.rekorURL },
    }
    // ...and a "signing config" that points at the mock: only it can produce verifying signatures.
    let fetched = 0
    const signingConfig = async () => {
      fetched++
      return endpointsFromSigningConfig(
        {
          mediaType: 'application/vnd.dev.sigstore.signingconfig.v0.2+json',
          caUrls: [{ url: sigstore.fulcioURL, majorApiVersion: 1 }],
          rekorTlogUrls: [{ url: sigstore.rekorURL, majorApiVersion: 1 }],
          tsaUrls: [{ url: sigstore.tsaURL, majorApiVersion: 1 }],
        },
        new Date(),
      )
    }
    const before = sigstore.calls.tsa
    const report = await signAndAttest(
      { image: '127.0.0.1:5000/octo-org/app:cfg', vuln: { trivyJsonPath: TRIVY_JSON } },
      settings,
      mockDeps(sigstore, store, { signingConfig }),
    )
    expect(report.verified).toBe(true)
    expect(fetched).toBe(1)
    expect(sigstore.calls.tsa).toBeGreaterThan(before)
  })
})
