import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PredicateType } from '../../src/sign/payloads.js'
import { signAndAttest } from '../../src/sign/step.js'
import { trustedRootFromJSON } from '../../src/sign/trust-root.js'
import { renderVerifyResult, verifyExitCode, verifyImage } from '../../src/sign/verify.js'
import { memoryStore } from '../support/sigstore/memory-store.js'
import {
  GITHUB_ISSUER,
  identityOf,
  type MockSigstore,
  startMockSigstore,
} from '../support/sigstore/mock-sigstore.js'
import { CYCLONEDX, mockDeps, mockSettings, TRIVY_JSON } from '../support/sigstore/session.js'

const repo = { registry: '127.0.0.1:5000', repository: 'octo-org/app' }

let sigstore: MockSigstore
beforeAll(async () => {
  sigstore = await startMockSigstore()
})
afterAll(async () => {
  await sigstore?.close()
})

describe.each([
  { referrersApi: true, via: 'referrers-api' },
  { referrersApi: false, via: 'tag-schema' },
])(
  'sign, push, discover, verify (in-memory registry, referrers API: $referrersApi)',
  ({ referrersApi, via }) => {
    it('signs the digest in both formats and verifies every artifact', async () => {
      const store = memoryStore({ referrersApi })
      const image = store.addImage(repo, 'v1')
      const deps = mockDeps(sigstore, store)
      const report = await signAndAttest(
        {
          image: '127.0.0.1:5000/octo-org/app:v1',
          sbomPath: CYCLONEDX,
          vuln: { trivyJsonPath: TRIVY_JSON },
        },
        mockSettings(sigstore),
        deps,
      )
      expect(report.digest).toBe(image.digest)
      expect(report.signatures.map((s) => s.format).sort()).toEqual(['bundle', 'cosign'])
      expect(report.signatures.find((s) => s.format === 'cosign')?.reference).toBe(
        `127.0.0.1:5000/octo-org/app:${image.digest.replace(':', '-')}.sig`,
      )
      expect(report.attestations.map((a) => `${a.format} ${a.predicateType}`).sort()).toEqual(
        [
          `bundle ${PredicateType.cyclonedx}`,
          `bundle ${PredicateType.vuln}`,
          `cosign ${PredicateType.cyclonedx}`,
          `cosign ${PredicateType.vuln}`,
        ].sort(),
      )

      const result = await verifyImage(
        {
          image: '127.0.0.1:5000/octo-org/app:v1',
          policy: { identity: { exact: identityOf(sigstore.claims) }, issuer: GITHUB_ISSUER },
          require: 'both',
          requireAttestations: [PredicateType.cyclonedx, PredicateType.vuln],
        },
        { store, trustedRoot: trustedRootFromJSON(sigstore.trustedRoot), logger: deps.logger },
      )
      expect(result.rejected).toEqual([])
      expect(result.referrersVia).toBe(via)
      expect(result.ok).toBe(true)
      expect(verifyExitCode(result)).toBe(0)
      expect(result.verified).toHaveLength(6)
      for (const v of result.verified) {
        expect(v.signer.subject).toBe(
          'https://github.com/octo-org/app/.github/workflows/release.yml@refs/heads/main',
        )
        expect(v.signer.issuer).toBe(GITHUB_ISSUER)
      }
      expect(renderVerifyResult(result)).toContain('Verified: 2 signature(s), 4 attestation(s).')
    })
  },
)

describe('issue 10 §3: read back, then claim', () => {
  /** A registry that keeps every write but drops one layer annotation of `.sig`/`.att` manifests. */
  function droppingAnnotation(store: ReturnType<typeof memoryStore>, annotation: string) {
    const put = store.putManifest.bind(store)
    store.putManifest = async (r, ref, bytes, mediaType) => {
      if (/\.(sig|att)$/.test(ref)) {
        const m = JSON.parse(Buffer.from(bytes).toString('utf8'))
        for (const l of m.layers ?? []) delete l.annotations?.[annotation]
        bytes = Buffer.from(JSON.stringify(m))
      }
      return put(r, ref, bytes, mediaType)
    }
    return store
  }

  /** A registry whose tag reads lag behind: `.sig` keeps answering the manifest before ours. */
  function staleSigTag(store: ReturnType<typeof memoryStore>) {
    const get = store.getManifest.bind(store)
    let stale: Awaited<ReturnType<typeof get>> | undefined
    let frozen = false
    store.getManifest = async (r, ref) => {
      if (ref.endsWith('.sig')) {
        if (!frozen) {
          frozen = true
          stale = await get(r, ref)
        }
        return stale
      }
      return get(r, ref)
    }
    return store
  }

  it('a verified read-back marks the report verified', async () => {
    const store = memoryStore({ referrersApi: false })
    store.addImage(repo, 'ok')
    const report = await signAndAttest(
      { image: '127.0.0.1:5000/octo-org/app:ok', vuln: { trivyJsonPath: TRIVY_JSON } },
      mockSettings(sigstore, { 'attest-sbom': 'false' }),
      mockDeps(sigstore, store),
    )
    expect(report.verified).toBe(true)
  })

  it.each([
    [
      'drops the bundle annotation of the .sig layer',
      (s: ReturnType<typeof memoryStore>) => droppingAnnotation(s, 'dev.sigstore.cosign/bundle'),
      /cosign signature.*rejected: .*\.sig#0/,
    ],
    ['serves a stale .sig tag', staleSigTag, /cosign signature.*\(not found\)/],
  ])('a registry that %s fails signing, naming the artifact', async (_, hostile, message) => {
    const store = hostile(memoryStore({ referrersApi: false }))
    store.addImage(repo, 'hostile')
    const error = await signAndAttest(
      { image: '127.0.0.1:5000/octo-org/app:hostile', vuln: { trivyJsonPath: TRIVY_JSON } },
      mockSettings(sigstore, { 'attest-sbom': 'false' }),
      mockDeps(sigstore, store),
    ).catch((e: Error & { partial?: { verified?: boolean } }) => e)
    expect(error).toBeInstanceOf(Error)
    expect((error as Error).message).toMatch(/reading them back from the registry did not verify/)
    expect((error as Error).message).toMatch(message)
    expect((error as { partial?: { verified?: boolean } }).partial?.verified).toBeUndefined()
  })
})

describe('issue 10 §1: concurrent signers on a registry without the referrers API', () => {
  it('two runs that read the tag-schema index at the same moment both end up in it', async () => {
    const store = memoryStore({ referrersApi: false })
    store.addImage(repo, 'race')
    // Both runs read the (empty) index before either writes: the lost-update interleaving.
    const getManifest = store.getManifest.bind(store)
    let waiting: (() => void)[] = []
    let barrierUsed = false
    store.getManifest = async (r, ref) => {
      const result = await getManifest(r, ref)
      if (/^sha256-[a-f0-9]{64}$/.test(ref) && !barrierUsed) {
        await new Promise<void>((resolve) => {
          waiting.push(resolve)
          if (waiting.length === 2) {
            barrierUsed = true
            for (const w of waiting) w()
            waiting = []
          }
        })
      }
      return result
    }
    const other = await startMockSigstore({
      claims: { job_workflow_ref: 'octo-org/app/.github/workflows/other.yml@refs/heads/main' },
    })
    try {
      const settings = (s: MockSigstore) =>
        mockSettings(s, { 'signature-format': 'bundle', 'attest-sbom': 'false' })
      const input = {
        image: '127.0.0.1:5000/octo-org/app:race',
        vuln: { trivyJsonPath: TRIVY_JSON },
      }
      const [a, b] = await Promise.all([
        signAndAttest(input, settings(sigstore), mockDeps(sigstore, store)),
        signAndAttest(input, settings(other), mockDeps(other, store)),
      ])
      const digest = store.tags.get(`${repo.registry}/${repo.repository}:race`) as string
      const index = await getManifest(repo, digest.replace(':', '-'))
      const listed = JSON.parse(Buffer.from(index?.bytes ?? []).toString()).manifests as {
        digest: string
      }[]
      const ours = [...a.signatures, ...a.attestations, ...b.signatures, ...b.attestations].map(
        (s) => s.reference.split('@')[1],
      )
      expect(ours).toHaveLength(4)
      expect(listed.map((m) => m.digest).sort()).toEqual(ours.sort())
    } finally {
      await other.close()
    }
  })
})
