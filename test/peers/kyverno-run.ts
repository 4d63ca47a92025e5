/**
 * Runs the real Kyverno CLI on an examples/ ImageValidatingPolicy and a Pod naming one image.
 * The only changes made to the example are where its trust comes from (the attestor's
 * `tuf.mirror`/`tuf.root.path`, see ./tuf-repo.ts, and `ctlog.url`, the mock Rekor) and the
 * registry its glob names; identities, attestations and CEL stay the example's own.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { execa } from 'execa'
import { parse, stringify } from 'yaml'
import type { TufRepo } from './tuf-repo.js'

const EXAMPLES = new URL('../../examples/', import.meta.url).pathname

export interface Ivpol {
  spec: {
    matchImageReferences: { glob: string }[]
    attestors: {
      name: string
      cosign: {
        keyless: { identities: { subject: string }[] }
        ctlog?: { url: string }
        tuf?: unknown
      }
    }[]
    validations: { expression: string; message: string }[]
  }
}

export interface KyvernoResult {
  exitCode: number | undefined
  out: string
  pass: number
  fail: number
  error: number
}

interface Keyless {
  subject: string
  issuer: string
  roots?: string
  rekor?: { url: string; pubkey?: string }
  ctlog?: { pubkey?: string; tsaCertChain?: string }
}
type Attestors = { entries: { keyless: Keyless }[] }[]
export interface ClusterPolicy {
  spec: {
    rules: {
      verifyImages: {
        type: string
        imageReferences: string[]
        attestors: Attestors
        attestations?: { type: string; attestors: Attestors }[]
      }[]
    }[]
  }
}

export function kyvernoHarness(opts: {
  kyverno: string
  registryHost: string
  rekorURL: string
  tuf: TufRepo
  /** PEMs of the mock's trust root (test/support/peers.ts trustedRootPems). */
  pems: { fulcioChain: string; rekorKey: string; ctlogKey: string; tsaChain: string }
}) {
  const dir = mkdtempSync(join(tmpdir(), 'peers-kyverno-'))
  const file = (prefix: string) =>
    join(dir, `${prefix}-${Math.random().toString(36).slice(2)}.yaml`)

  function localized(example: string, edit: (p: Ivpol) => void = () => {}): string {
    const policy = parse(readFileSync(join(EXAMPLES, example), 'utf8')) as Ivpol
    policy.spec.matchImageReferences = policy.spec.matchImageReferences.map((m) => ({
      glob: m.glob.replace(/^ghcr\.io\//, `${opts.registryHost}/`),
    }))
    for (const a of policy.spec.attestors) {
      a.cosign.ctlog = { url: opts.rekorURL }
      a.cosign.tuf = { mirror: opts.tuf.url, root: { path: opts.tuf.rootPath } }
    }
    edit(policy)
    const out = file('policy')
    writeFileSync(out, stringify(policy))
    return out
  }

  /**
   * A ClusterPolicy example (`verifyImages`), re-pointed at the local registry, with its keyless
   * entries given the mock's Fulcio root, Rekor key, CT log key and TSA chain inline (`roots`,
   * `rekor.pubkey`, `ctlog.pubkey`, `ctlog.tsaCertChain`): with all four set, Kyverno's
   * ClusterPolicy cosign verifier (pkg/image/verifiers/cpol/cosign/cosign.go) needs no TUF.
   */
  function localizedClusterPolicy(
    example: string,
    edit: (p: ClusterPolicy) => void = () => {},
  ): string {
    const policy = parse(readFileSync(join(EXAMPLES, example), 'utf8')) as ClusterPolicy
    for (const rule of policy.spec.rules) {
      for (const v of rule.verifyImages) {
        v.imageReferences = v.imageReferences.map((r) =>
          r.replace(/^ghcr\.io\//, `${opts.registryHost}/`),
        )
        for (const attestors of [v.attestors, ...(v.attestations ?? []).map((a) => a.attestors)]) {
          for (const { entries } of attestors) {
            for (const { keyless } of entries) {
              keyless.roots = opts.pems.fulcioChain
              keyless.rekor = { url: opts.rekorURL, pubkey: opts.pems.rekorKey }
              keyless.ctlog = { pubkey: opts.pems.ctlogKey, tsaCertChain: opts.pems.tsaChain }
            }
          }
        }
      }
    }
    edit(policy)
    const out = file('clusterpolicy')
    writeFileSync(out, stringify(policy))
    return out
  }

  async function apply(policy: string, image: string): Promise<KyvernoResult> {
    const pod = file('pod')
    writeFileSync(
      pod,
      stringify({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'app', namespace: 'default' },
        spec: { containers: [{ name: 'app', image }] },
      }),
    )
    // A fresh HOME per run: TUF caches under ~/.sigstore, and nothing may come from an earlier run.
    const home = mkdtempSync(join(tmpdir(), 'peers-kyverno-home-'))
    const r = await execa(
      opts.kyverno,
      ['apply', policy, '--resource', pod, '--registry', '--remove-color', '--detailed-results'],
      {
        reject: false,
        env: { HOME: home, PATH: process.env.PATH ?? '' },
        extendEnv: false,
        timeout: 180_000,
      },
    )
    const out = `${r.stdout}\n${r.stderr}`
    const counts = /pass: (\d+), fail: (\d+), warn: (\d+), error: (\d+), skip: (\d+)/.exec(out)
    return {
      exitCode: r.exitCode,
      out,
      pass: Number(counts?.[1] ?? -1),
      fail: Number(counts?.[2] ?? -1),
      error: Number(counts?.[4] ?? -1),
    }
  }

  return { localized, localizedClusterPolicy, apply }
}
