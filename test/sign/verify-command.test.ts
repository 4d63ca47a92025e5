import { afterAll, beforeAll, expect, it } from 'vitest'
import { silentLogger } from '../../src/logger.js'
import { signAndAttest } from '../../src/sign/step.js'
import { trustedRootFromJSON } from '../../src/sign/trust-root.js'
import { runVerify } from '../../src/sign/verify-command.js'
import { memoryStore } from '../support/sigstore/memory-store.js'
import {
  GITHUB_ISSUER,
  identityOf,
  type MockSigstore,
  startMockSigstore,
} from '../support/sigstore/mock-sigstore.js'
import { CYCLONEDX, mockDeps, mockSettings, TRIVY_JSON } from '../support/sigstore/session.js'

let sigstore: MockSigstore
const store = memoryStore({ referrersApi: false })
const image = '127.0.0.1:5000/octo-org/app:v1'
beforeAll(async () => {
  sigstore = await startMockSigstore()
  store.addImage({ registry: '127.0.0.1:5000', repository: 'octo-org/app' }, 'v1')
  await signAndAttest(
    { image, sbomPath: CYCLONEDX, vuln: { trivyJsonPath: TRIVY_JSON } },
    mockSettings(sigstore),
    mockDeps(sigstore, store),
  )
})
afterAll(async () => {
  await sigstore?.close()
})

const run = async (options: Parameters<typeof runVerify>[0]) => {
  const printed: string[] = []
  const out = await runVerify(options, {
    store,
    logger: silentLogger,
    print: (t) => printed.push(t),
    trustedRoot: trustedRootFromJSON(sigstore.trustedRoot),
  })
  return { ...out, text: printed.join('\n') }
}

it('exit 0 and prints each verified artifact with its signer', async () => {
  const r = await run({
    image,
    certificateIdentity: identityOf(sigstore.claims),
    certificateOidcIssuer: GITHUB_ISSUER,
    require: 'both',
    attestations: ['cyclonedx', 'vuln'],
  })
  expect(r.exitCode).toBe(0)
  expect(r.text).toContain(`signer ${identityOf(sigstore.claims)} (issuer ${GITHUB_ISSUER})`)
  expect(r.text).toContain('Verified: 2 signature(s), 4 attestation(s).')
})

it('exit 1 for another identity or issuer', async () => {
  expect(
    (
      await run({
        image,
        certificateIdentity:
          'https://github.com/octo-org/app/.github/workflows/evil.yml@refs/heads/main',
        certificateOidcIssuer: GITHUB_ISSUER,
      })
    ).exitCode,
  ).toBe(1)
  expect(
    (
      await run({
        image,
        certificateIdentity: identityOf(sigstore.claims),
        certificateOidcIssuer: 'https://accounts.google.com',
      })
    ).exitCode,
  ).toBe(1)
  // A regexp is anchored: a prefix does not match.
  expect(
    (
      await run({
        image,
        certificateIdentityRegexp: 'https://github\\.com/octo-org/app',
        certificateOidcIssuer: GITHUB_ISSUER,
      })
    ).exitCode,
  ).toBe(1)
  expect(
    (
      await run({
        image,
        certificateIdentityRegexp: 'https://github\\.com/octo-org/app/.*',
        certificateOidcIssuer: GITHUB_ISSUER,
      })
    ).exitCode,
  ).toBe(0)
})

it('exit 2 with a usage message for missing options or a missing image', async () => {
  const noIdentity = await run({ image, certificateOidcIssuer: GITHUB_ISSUER })
  expect(noIdentity).toMatchObject({ exitCode: 2 })
  expect(noIdentity.text).toContain('--certificate-identity is required')
  const missing = await run({
    image: '127.0.0.1:5000/octo-org/nope:v1',
    certificateIdentity: 'x',
    certificateOidcIssuer: GITHUB_ISSUER,
  })
  expect(missing.exitCode).toBe(2)
  expect(missing.text).toContain('does not exist in the registry')
})
