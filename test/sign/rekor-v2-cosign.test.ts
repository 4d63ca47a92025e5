/**
 * Real cosign 3.1.3 (built by scripts/peers.sh) verifies what Shipgate signed with
 * `rekor-version: 2`: v0.3 bundles whose Rekor entries are hashedrekord v0.0.2 over the DSSE
 * PAE, proven by the stand-in log's C2SP checkpoint, dated by the TSA. The trusted root given
 * to cosign holds the mock's keys, the Rekor v2 log's included; no check is relaxed.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { execa } from 'execa'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RegistryClient } from '../../src/registry/client.js'
import { MediaType } from '../../src/registry/media-types.js'
import { registryStore } from '../../src/sign/registry-store.js'
import { signAndAttest } from '../../src/sign/step.js'
import { requirePeer } from '../support/peers.js'
import { FixtureBuilder, tarOf } from '../support/registry/images.js'
import { type RunningRegistry, startRegistry } from '../support/registry/server.js'
import {
  GITHUB_ISSUER,
  identityOf,
  type MockSigstore,
  startMockSigstore,
} from '../support/sigstore/mock-sigstore.js'
import { CYCLONEDX, mockDeps, mockSettings, TRIVY_JSON } from '../support/sigstore/session.js'

// The version and path are scripts/peers.sh's to know (test/support/peers.ts asks it).
let COSIGN3: string

let registry: RunningRegistry
let sigstore: MockSigstore
let home: string
let trustedRoot: string
const client = new RegistryClient({ insecure: true, retries: 0 })

beforeAll(async () => {
  COSIGN3 = requirePeer('cosign3').path
  ;[registry, sigstore] = await Promise.all([startRegistry('none'), startMockSigstore()])
  home = mkdtempSync(join(tmpdir(), 'cosign-v2-home-'))
  trustedRoot = join(home, 'trusted_root.json')
  writeFileSync(trustedRoot, JSON.stringify(sigstore.trustedRoot))
})
afterAll(async () => {
  await registry?.stop()
  await sigstore?.close()
})

async function cosign(args: string[]) {
  const r = await execa(COSIGN3, args, {
    env: { PATH: process.env.PATH ?? '', HOME: home, TUF_ROOT: join(home, 'tuf') },
    extendEnv: false,
    reject: false,
    timeout: 120_000,
  })
  return { exitCode: r.exitCode, out: `${r.stdout}\n${r.stderr}` }
}

describe('rekor-version: 2 read by cosign 3.1.3', () => {
  let ref: string
  beforeAll(async () => {
    const layer = gzipSync(await tarOf([{ name: 'a.txt', type: 'file', content: 'rekor v2' }]))
    const image = await new FixtureBuilder(registry.host).push({
      repo: 'octo-org/v2',
      tag: 'v2',
      layers: [{ bytes: layer, mediaType: MediaType.ociLayerGzip }],
    } as Parameters<FixtureBuilder['push']>[0])
    ref = `${registry.host}/octo-org/v2@${image.digest}`
    const before = sigstore.rekorV2.entries.length
    const report = await signAndAttest(
      { image: ref, sbomPath: CYCLONEDX, vuln: { trivyJsonPath: TRIVY_JSON } },
      mockSettings(
        sigstore,
        { 'rekor-version': '2', 'rekor-url': sigstore.rekorV2URL, 'signature-format': 'bundle' },
        true,
      ),
      mockDeps(sigstore, registryStore(client)),
    )
    expect(report.verified).toBe(true)
    expect(sigstore.rekorV2.entries.length - before).toBe(3)
  })

  const args = () => [
    '--trusted-root',
    trustedRoot,
    '--certificate-identity',
    identityOf(sigstore.claims),
    '--certificate-oidc-issuer',
    GITHUB_ISSUER,
    '--allow-insecure-registry',
    '--allow-http-registry',
  ]

  it('cosign verify accepts the image signature', async () => {
    const r = await cosign(['verify', ...args(), ref])
    expect(r.exitCode, r.out).toBe(0)
  })

  it('cosign verify-attestation accepts the vuln attestation', async () => {
    const r = await cosign(['verify-attestation', '--type', 'vuln', ...args(), ref])
    expect(r.exitCode, r.out).toBe(0)
  })

  it('cosign rejects the image for another identity', async () => {
    const r = await cosign([
      'verify',
      ...args().map((a) => (a === identityOf(sigstore.claims) ? 'https://github.com/evil/x' : a)),
      ref,
    ])
    expect(r.exitCode).not.toBe(0)
  })
})
