/**
 * The same `.att` timestamp attack as att-timestamp.test.ts, in a real registry and read by
 * the real cosign 3.1.3 (`verify-attestation --new-bundle-format=false
 * --use-signed-timestamps`): cosign and `shipgate verify` must agree, accepting the layer as
 * Shipgate signed it and rejecting a genuine timestamp over other bytes.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { execa } from 'execa'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { recordingLogger } from '../../src/logger.js'
import { RegistryClient } from '../../src/registry/client.js'
import { MediaType } from '../../src/registry/media-types.js'
import { Annotation, cosignTag, OCI_MANIFEST } from '../../src/sign/cosign-format.js'
import { PredicateType } from '../../src/sign/payloads.js'
import { registryStore } from '../../src/sign/registry-store.js'
import { keylessSigner } from '../../src/sign/sigstore-signer.js'
import { signAndAttest } from '../../src/sign/step.js'
import { trustedRootFromJSON } from '../../src/sign/trust-root.js'
import { verifyImage } from '../../src/sign/verify.js'
import { requirePeer } from '../support/peers.js'
import { FixtureBuilder, tarOf } from '../support/registry/images.js'
import { type RunningRegistry, startRegistry } from '../support/registry/server.js'
import {
  GITHUB_ISSUER,
  identityOf,
  type MockSigstore,
  startMockSigstore,
} from '../support/sigstore/mock-sigstore.js'
import { mockDeps, mockSettings, TRIVY_JSON } from '../support/sigstore/session.js'

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
  home = mkdtempSync(join(tmpdir(), 'cosign-att-ts-'))
  trustedRoot = join(home, 'trusted_root.json')
  writeFileSync(trustedRoot, JSON.stringify(sigstore.trustedRoot))
})
afterAll(async () => {
  await registry?.stop()
  await sigstore?.close()
})

async function signClassic(tag: string) {
  const layer = gzipSync(await tarOf([{ name: 'a.txt', type: 'file', content: `ts ${tag}` }]))
  const image = await new FixtureBuilder(registry.host).push({
    repo: 'octo-org/ts',
    tag,
    layers: [{ bytes: layer, mediaType: MediaType.ociLayerGzip }],
  } as Parameters<FixtureBuilder['push']>[0])
  const ref = `${registry.host}/octo-org/ts@${image.digest}`
  const report = await signAndAttest(
    { image: ref, vuln: { trivyJsonPath: TRIVY_JSON } },
    mockSettings(sigstore, { 'signature-format': 'cosign', 'attest-sbom': 'false' }, true),
    mockDeps(sigstore, registryStore(client)),
  )
  expect(report.verified).toBe(true)
  return { ref, digest: image.digest }
}

async function judge(ref: string) {
  const cosign = await execa(
    COSIGN3,
    [
      'verify-attestation',
      '--new-bundle-format=false',
      '--use-signed-timestamps',
      '--trusted-root',
      trustedRoot,
      '--certificate-identity',
      identityOf(sigstore.claims),
      '--certificate-oidc-issuer',
      GITHUB_ISSUER,
      '--allow-insecure-registry',
      '--allow-http-registry',
      '--type',
      'vuln',
      ref,
    ],
    {
      env: { PATH: process.env.PATH ?? '', HOME: home, TUF_ROOT: join(home, 'tuf') },
      extendEnv: false,
      reject: false,
      timeout: 120_000,
    },
  )
  const shipgate = await verifyImage(
    {
      image: ref,
      policy: { identity: { exact: identityOf(sigstore.claims) }, issuer: GITHUB_ISSUER },
      require: 'cosign',
      requireAttestations: [PredicateType.vuln],
    },
    {
      store: registryStore(client),
      trustedRoot: trustedRootFromJSON(sigstore.trustedRoot),
      logger: recordingLogger(),
    },
  )
  return {
    cosign: cosign.exitCode === 0,
    cosignOut: `${cosign.stdout}\n${cosign.stderr}`,
    shipgate,
  }
}

describe('.att RFC 3161 timestamp: cosign 3.1.3 and shipgate verify agree', () => {
  it('as Shipgate signed it: both accept', async () => {
    const { ref } = await signClassic('ok')
    const r = await judge(ref)
    expect(r.cosign, r.cosignOut).toBe(true)
    expect(r.shipgate.ok).toBe(true)
  })

  it('a genuine timestamp over other bytes: both reject', async () => {
    const { ref, digest } = await signClassic('tampered')
    const repo = { registry: registry.host, repository: 'octo-org/ts' }
    const store = registryStore(client)
    const tag = cosignTag(digest, 'att')
    const fetched = await store.getManifest(repo, tag)
    const manifest = JSON.parse(Buffer.from(fetched?.bytes ?? []).toString()) as {
      layers: { annotations: Record<string, string> }[]
    }
    const stamp = await keylessSigner({
      endpoints: {
        fulcioURL: sigstore.fulcioURL,
        rekorURL: sigstore.rekorURL,
        tsaURL: sigstore.tsaURL,
      },
      getToken: async () => sigstore.token(),
    }).timestamp(Buffer.from('other bytes'))
    for (const layer of manifest.layers)
      layer.annotations[Annotation.timestamp] = JSON.stringify({
        SignedRFC3161Timestamp: Buffer.from(stamp ?? []).toString('base64'),
      })
    await store.putManifest(repo, tag, Buffer.from(JSON.stringify(manifest)), OCI_MANIFEST)
    const r = await judge(ref)
    expect(r.cosign, r.cosignOut).toBe(false)
    expect(r.cosignOut).toMatch(/timestamp/i)
    expect(r.shipgate.ok).toBe(false)
    expect(r.shipgate.rejected.map((x) => x.reason).join()).toMatch(/RFC 3161 timestamp/)
  })
})
