/**
 * Real cosign reads what Shipgate signed. Shipgate signs images in Debian's docker-registry
 * (mock Fulcio/Rekor/TSA over HTTP, their keys in a trusted_root.json), then cosign 3.1.3 and
 * 2.6.5 — built by scripts/peers.sh — verify signatures and attestations with
 * `--trusted-root` and the workflow's identity, in each signature format that version
 * documents, and reject a tampered signature and a wrong identity. What cosign rejects is the
 * signal: the layout is fixed until it accepts.
 *
 * Nothing here disables a check cosign makes against the public instance for lack of the real
 * thing: the mock Fulcio embeds SCTs from a mock CT log that is in the trusted root, Rekor's
 * SETs and the TSA's timestamps are signed by keys in the trusted root, so no
 * `--insecure-ignore-sct`, `--insecure-ignore-tlog` or SIGSTORE_REKOR_PUBLIC_KEY is used.
 * The only relaxation is plain HTTP to the 127.0.0.1 registry (`--allow-insecure-registry`,
 * `--allow-http-registry`).
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { execa } from 'execa'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { emptyCounts } from '../../src/model.js'
import { RegistryClient } from '../../src/registry/client.js'
import { MediaType } from '../../src/registry/media-types.js'
import { parseReference } from '../../src/registry/reference.js'
import { Annotation, OCI_MANIFEST, sha256 } from '../../src/sign/cosign-format.js'
import { PredicateType } from '../../src/sign/payloads.js'
import { registryStore } from '../../src/sign/registry-store.js'
import { signAndAttest } from '../../src/sign/step.js'
import { GATE_VERDICT_PREDICATE_TYPE, gateVerdictPredicate } from '../../src/sign/verdict.js'
import { FixtureBuilder, tarOf } from '../support/registry/images.js'
import { type RunningRegistry, startRegistry } from '../support/registry/server.js'
import {
  GITHUB_ISSUER,
  identityOf,
  type MockSigstore,
  startMockSigstore,
} from '../support/sigstore/mock-sigstore.js'
import { CYCLONEDX, mockDeps, mockSettings, TRIVY_JSON } from '../support/sigstore/session.js'

const PEERS = join(
  process.env.SHIPGATE_PEERS_DIR ?? join(process.env.HOME ?? '', '.cache', 'shipgate-peers'),
)
const COSIGN = {
  3: join(PEERS, 'cosign3', 'v3.1.3', 'cosign3'),
  2: join(PEERS, 'cosign2', 'v2.6.5', 'cosign2'),
} as const

function binary(major: 2 | 3): string {
  const path = COSIGN[major]
  if (!existsSync(path)) {
    throw new Error(
      `cosign ${major === 3 ? 'v3.1.3' : 'v2.6.5'} is not built (${path} is missing): run scripts/peers.sh (builds the pinned peers into ${PEERS}), then re-run this test.`,
    )
  }
  return path
}

let registry: RunningRegistry
let sigstore: MockSigstore
let trustedRoot: string
let home: string
const client = new RegistryClient({ insecure: true, retries: 0 })

beforeAll(async () => {
  ;[registry, sigstore] = await Promise.all([startRegistry('none'), startMockSigstore()])
  home = mkdtempSync(join(tmpdir(), 'cosign-home-'))
  trustedRoot = join(home, 'trusted_root.json')
  writeFileSync(trustedRoot, JSON.stringify(sigstore.trustedRoot))
})
afterAll(async () => {
  await registry?.stop()
  await sigstore?.close()
})

async function pushImage(repo: string, tag: string) {
  const layer = gzipSync(await tarOf([{ name: 'a.txt', type: 'file', content: `${repo}:${tag}` }]))
  return new FixtureBuilder(registry.host).push({
    repo,
    tag,
    layers: [{ bytes: layer, mediaType: MediaType.ociLayerGzip }],
  } as Parameters<FixtureBuilder['push']>[0])
}

/** Sign with Shipgate in `format`: signature, SBOM, vuln report and gate verdict, with a TSA. */
async function signed(repo: string, format: 'both' | 'cosign' | 'bundle') {
  const image = await pushImage(repo, format)
  await signAndAttest(
    {
      image: `${registry.host}/${repo}@${image.digest}`,
      sbomPath: CYCLONEDX,
      vuln: { trivyJsonPath: TRIVY_JSON },
      verdict: (s) =>
        gateVerdictPredicate({
          ...s,
          passed: true,
          policy: { failOn: 'HIGH', scope: 'all', ignoreUnfixed: false, ignores: [] },
          shipgateVersion: '0.1.0',
          trivyVersion: '0.74.0',
          db: { updatedAt: new Date().toISOString() },
          counts: emptyCounts(),
          ignored: 0,
          suppressedByVex: 0,
          timeVerified: new Date(),
        }),
    },
    mockSettings(sigstore, { 'signature-format': format, 'attest-verdict': 'true' }, true),
    mockDeps(sigstore, registryStore(client)),
  )
  return { ref: `${registry.host}/${repo}@${image.digest}`, digest: image.digest }
}

async function cosign(major: 2 | 3, args: string[], env: Record<string, string> = {}) {
  const result = await execa(binary(major), args, {
    env: { PATH: process.env.PATH ?? '', HOME: home, TUF_ROOT: join(home, 'tuf'), ...env },
    extendEnv: false,
    reject: false,
    timeout: 120_000,
  })
  return { exitCode: result.exitCode, out: `${result.stdout}\n${result.stderr}` }
}

const identity = () => [
  '--certificate-identity',
  identityOf(sigstore.claims),
  '--certificate-oidc-issuer',
  GITHUB_ISSUER,
]
const common = () => [
  '--trusted-root',
  trustedRoot,
  '--allow-insecure-registry',
  '--allow-http-registry',
]

const pemOf = (label: string, b64: string) =>
  `-----BEGIN ${label}-----\n${(b64.match(/.{1,64}/g) ?? []).join('\n')}\n-----END ${label}-----\n`

/**
 * cosign 2.6.5 refuses `--trusted-root` for classic `verify-attestation` ("trusted root path
 * currently only supported with --new-bundle-format"). Its classic path takes the very same
 * mock keys the pre-trusted-root way: the Fulcio root as `--certificate-chain`, the TSA chain
 * as `--timestamp-certificate-chain`, and the Rekor and CT log keys through the env variables
 * cosign 2 documents for private instances. Nothing is skipped: SCT, SET and timestamp are
 * still checked, against keys from the same trusted_root.json.
 */
function cosign2ClassicMaterial(): { args: string[]; env: Record<string, string> } {
  const root = sigstore.trustedRoot as {
    certificateAuthorities: { certChain: { certificates: { rawBytes: string }[] } }[]
    tlogs: { publicKey: { rawBytes: string } }[]
    ctlogs: { publicKey: { rawBytes: string } }[]
    timestampAuthorities: { certChain: { certificates: { rawBytes: string }[] } }[]
  }
  const file = (name: string, text: string) => {
    const path = join(home, name)
    writeFileSync(path, text)
    return path
  }
  const certs = (list: { rawBytes: string }[]) =>
    list.map((c) => pemOf('CERTIFICATE', c.rawBytes)).join('')
  return {
    args: [
      '--certificate-chain',
      file('fulcio-chain.pem', certs(root.certificateAuthorities[0]?.certChain.certificates ?? [])),
      '--timestamp-certificate-chain',
      file('tsa-chain.pem', certs(root.timestampAuthorities[0]?.certChain.certificates ?? [])),
      '--allow-insecure-registry',
      '--allow-http-registry',
    ],
    env: {
      SIGSTORE_REKOR_PUBLIC_KEY: file(
        'rekor.pub',
        pemOf('PUBLIC KEY', root.tlogs[0]?.publicKey.rawBytes ?? ''),
      ),
      SIGSTORE_CT_LOG_PUBLIC_KEY_FILE: file(
        'ctlog.pub',
        pemOf('PUBLIC KEY', root.ctlogs[0]?.publicKey.rawBytes ?? ''),
      ),
    },
  }
}

/** The signature formats each cosign version documents for `verify`. */
const cases = [
  { major: 3 as const, format: 'bundle' as const, flags: [] as string[] },
  { major: 3 as const, format: 'cosign' as const, flags: ['--new-bundle-format=false'] },
  // The classic timestamp is only checked on request; it must cover the layer (cosign's rule).
  {
    major: 3 as const,
    format: 'cosign' as const,
    flags: ['--new-bundle-format=false', '--use-signed-timestamps'],
  },
  // `both` (Shipgate's default): cosign 3 reads the bundle half, and the classic half on request.
  { major: 3 as const, format: 'both' as const, flags: [] as string[] },
  { major: 3 as const, format: 'both' as const, flags: ['--new-bundle-format=false'] },
  { major: 2 as const, format: 'cosign' as const, flags: [] as string[] },
  { major: 2 as const, format: 'cosign' as const, flags: ['--use-signed-timestamps'] },
  { major: 2 as const, format: 'bundle' as const, flags: ['--new-bundle-format'] },
  { major: 2 as const, format: 'both' as const, flags: [] as string[] },
]

describe.each(cases.map((c) => ({ ...c, label: c.flags.join(' ') || '(default flags)' })))(
  'cosign $major $label reads the $format layout',
  ({ major, format, flags }) => {
    let image: { ref: string; digest: string }
    beforeAll(async () => {
      binary(major)
      image = await signed(`peer${major}-${format}${flags.length ? '-flag' : ''}/app`, format)
    })

    it('`cosign verify` accepts the workflow identity', async () => {
      const r = await cosign(major, ['verify', ...common(), ...flags, ...identity(), image.ref])
      expect(r.exitCode, r.out).toBe(0)
      expect(r.out).toContain(image.digest)
    })

    it.each([
      ['vuln', PredicateType.vuln],
      ['cyclonedx', PredicateType.cyclonedx],
      [GATE_VERDICT_PREDICATE_TYPE, GATE_VERDICT_PREDICATE_TYPE],
    ])('`cosign verify-attestation --type %s` accepts it', async (_, type) => {
      // cosign 2.6.5 switches to bundle mode by itself once any bundle referrer exists (the
      // `both` layout), and then wants --trusted-root; with only `.att` it is the legacy path.
      const legacy = major === 2 && format === 'cosign'
      const material = legacy ? cosign2ClassicMaterial() : { args: common(), env: {} }
      const r = await cosign(
        major,
        [
          'verify-attestation',
          ...material.args,
          ...flags,
          ...identity(),
          '--type',
          type,
          image.ref,
        ],
        material.env,
      )
      expect(r.exitCode, r.out).toBe(0)
    })

    it('`cosign verify` rejects a wrong identity', async () => {
      const r = await cosign(major, [
        'verify',
        ...common(),
        ...flags,
        '--certificate-identity',
        'https://github.com/octo-org/app/.github/workflows/other.yml@refs/heads/main',
        '--certificate-oidc-issuer',
        GITHUB_ISSUER,
        image.ref,
      ])
      expect(r.exitCode, r.out).not.toBe(0)
      expect(r.out).toMatch(/no matching (signatures|attestations)/i)
      expect(r.out).toMatch(/expected SAN value|none of the expected identities/i)
    })
  },
)

describe.each([3 as const, 2 as const])('cosign %s rejects a tampered .sig', (major) => {
  it('a signature annotation swapped for another image’s fails', async () => {
    binary(major)
    const a = await signed(`tamper${major}/a`, 'cosign')
    const b = await signed(`tamper${major}/b`, 'cosign')
    // Copy b's .sig manifest (layer + annotations) under a's tag: signed, but for another digest.
    const repoA = parseReference(`${registry.host}/tamper${major}/a`)
    const repoB = parseReference(`${registry.host}/tamper${major}/b`)
    const sigB = await client.getManifest(repoB, `${b.digest.replace(':', '-')}.sig`)
    const manifest = sigB.manifest as {
      layers: { digest: string; annotations: Record<string, string> }[]
      config: { digest: string }
    }
    for (const d of [manifest.layers[0]?.digest, manifest.config.digest]) {
      await client.putBlob(repoA, await client.getBlobBytes(repoB, d as string))
    }
    // Keep a's own certificate and bundle, but b's payload and signature.
    const sigA = await client.getManifest(repoA, `${a.digest.replace(':', '-')}.sig`)
    const ownLayer = (sigA.manifest as typeof manifest).layers[0]
    const tampered = {
      ...manifest,
      layers: [
        {
          ...manifest.layers[0],
          annotations: {
            ...ownLayer?.annotations,
            [Annotation.signature]: manifest.layers[0]?.annotations[Annotation.signature],
          },
        },
      ],
    }
    const bytes = Buffer.from(JSON.stringify(tampered))
    await client.putManifest(repoA, `${a.digest.replace(':', '-')}.sig`, bytes, OCI_MANIFEST)
    expect(sha256(bytes)).not.toBe(sigA.digest)
    const r = await cosign(major, [
      'verify',
      ...common(),
      ...(major === 3 ? ['--new-bundle-format=false'] : []),
      ...identity(),
      a.ref,
    ])
    expect(r.exitCode, r.out).not.toBe(0)
  })
})
