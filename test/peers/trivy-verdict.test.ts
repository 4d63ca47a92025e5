/**
 * DEPENDS ON THE GATE VERDICT ATTESTATION and `shipgate verify --require verdict --max-db-age`
 * (issue 10 §4, the "signing" helper's work): fails until both land.
 *
 * The DB age end to end with nothing simulated but Sigstore: the real Trivy scans an image in the
 * local registry with a DB whose UpdatedAt is three hours old (built with the real trivy-db
 * packages and downloaded by the action from the local registry), Shipgate signs the verdict,
 * and `dist/cli.js verify` accepts it under `--max-db-age 24h` and refuses it under `1h`.
 */
import { writeFileSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eventFile, runAction, runCli } from '../support/e2e/runner.js'
import { peerBinDir, requirePeer } from '../support/peers.js'
import { type RunningRegistry, startRegistry } from '../support/registry/server.js'
import {
  GITHUB_ISSUER,
  type MockSigstore,
  startMockSigstore,
} from '../support/sigstore/mock-sigstore.js'
import { NODE24_BIN } from '../support/trivy-stand-in/index.js'
import { buildTrivyDb, pushAlpine, pushTrivyDb, seedAdvisories } from '../trivy-db/seed.js'
import { EXAMPLE_IDENTITY } from './signed-image.js'

const UPDATED_AT = new Date(Math.floor(Date.now() / 1000) * 1000 - 3 * 3_600_000)

let registry: RunningRegistry
let sigstore: MockSigstore
let trustedRoot: string
let pinned: string

beforeAll(async () => {
  const trivyDir = peerBinDir('trivy')
  requirePeer('trivy-db-build')
  ;[registry, sigstore] = await Promise.all([startRegistry('none'), startMockSigstore()])
  trustedRoot = join(await mkdtemp(join(tmpdir(), 'peers-root-')), 'trusted_root.json')
  writeFileSync(trustedRoot, JSON.stringify(sigstore.trustedRoot))
  const alpine = await pushAlpine(registry.host)
  // Only the Alpine advisories matter here; seedAdvisories needs a dpkg status naming the Debian ones.
  const advisories = seedAdvisories(
    'Package: zlib1g\nSource: zlib\nStatus: install ok installed\nVersion: 1\n\nPackage: libc6\nSource: glibc\nStatus: install ok installed\nVersion: 1\n\nPackage: bash\nStatus: install ok installed\nVersion: 1\n',
  ).advisories
  const dbRepository = await pushTrivyDb(registry.host, buildTrivyDb(advisories, UPDATED_AT))
  const image = `${alpine.ref}-arm64`
  pinned = `${alpine.ref.replace(/:[^:/]+$/, '')}@${alpine.arm64}`
  const r = await runAction(
    {
      image,
      'trivy-version': '0.74.0',
      'db-repository': dbRepository,
      'cache-db': 'false',
      scanners: 'vuln',
      'base-image-policy': 'off',
      'fail-on': 'high',
      sign: 'true',
      'fulcio-url': sigstore.fulcioURL,
      'rekor-url': sigstore.rekorURL,
      'trusted-root': trustedRoot,
    },
    {
      PATH: [trivyDir, NODE24_BIN, process.env.PATH ?? ''].join(delimiter),
      GITHUB_EVENT_PATH: eventFile({
        ref: 'refs/heads/main',
        repository: { full_name: 'octo-org/app', private: false, visibility: 'public' },
      }),
      ACTIONS_ID_TOKEN_REQUEST_URL: sigstore.oidcRequestURL,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: sigstore.oidcRequestToken,
    },
  )
  expect(r.exitCode, r.stdout).toBe(0)
  expect(r.outputs.digest).toBe(alpine.arm64)
})
afterAll(async () => {
  await registry?.stop()
  await sigstore?.close()
})

const verify = (maxDbAge: string) =>
  runCli([
    'verify',
    pinned,
    '--certificate-identity',
    EXAMPLE_IDENTITY,
    '--certificate-oidc-issuer',
    GITHUB_ISSUER,
    '--trusted-root',
    trustedRoot,
    '--require',
    'verdict',
    '--max-db-age',
    maxDbAge,
  ])

describe('[needs the verdict attestation] the real DB age reaches the signed verdict', () => {
  it('verify --require verdict --max-db-age 24h accepts a verdict made with a 3-hour-old DB', async () => {
    const r = await verify('24h')
    expect(r.exitCode, `${r.stdout}\n${r.stderr}`).toBe(0)
  })

  it('verify --max-db-age 1h refuses the same verdict', async () => {
    const r = await verify('1h')
    expect(r.exitCode, `${r.stdout}\n${r.stderr}`).toBe(1)
  })
})
