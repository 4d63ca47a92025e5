/** Shared wiring for signing tests: settings against a mock Sigstore and a token from it. */
import { recordingLogger } from '../../../src/logger.js'
import { staticIdentity } from '../../../src/sign/identity.js'
import type { OciStore } from '../../../src/sign/oci-store.js'
import { type EnabledSigningSettings, readSigningSettings } from '../../../src/sign/settings.js'
import type { SigningDeps } from '../../../src/sign/step.js'
import { trustedRootFromJSON } from '../../../src/sign/trust-root.js'
import type { MockSigstore } from './mock-sigstore.js'

export const FIXTURES = new URL('../../fixtures/trivy/', import.meta.url).pathname
export const CYCLONEDX = `${FIXTURES}fluentd-multiple-lockfiles.cdx.json.golden`
export const SPDX = `${FIXTURES}trivy-docs__alpine-3.15.spdx.json`
export const TRIVY_JSON = `${FIXTURES}alpine-310.json.golden`

export function mockSettings(
  sigstore: MockSigstore,
  raw: Record<string, string> = {},
  withTsa = false,
): EnabledSigningSettings {
  const settings = readSigningSettings(
    {
      sign: 'true',
      'fulcio-url': sigstore.fulcioURL,
      'rekor-url': sigstore.rekorURL,
      ...(withTsa ? { 'tsa-url': sigstore.tsaURL } : {}),
      'trusted-root': '(given in memory)',
      // Library-level tests sign without a gate run; the verdict has its own tests.
      'attest-verdict': 'false',
      ...raw,
    },
    { repositoryVisibility: 'public' },
  )
  if (!settings.sign) throw new Error('expected signing settings')
  return settings
}

export function mockDeps(
  sigstore: MockSigstore,
  store: OciStore,
  extra: Partial<SigningDeps> = {},
) {
  const logger = recordingLogger()
  const deps = {
    store,
    identity: staticIdentity(sigstore.token()),
    logger,
    trustedRoot: trustedRootFromJSON(sigstore.trustedRoot),
    retry: { retries: 2, minTimeoutMs: 10, maxTimeoutMs: 50, timeoutMs: 2_000 },
    ...extra,
  } satisfies SigningDeps
  return deps
}
