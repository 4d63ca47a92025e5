/**
 * Runs policy-controller's tester on an examples/ ClusterImagePolicy and one image. Offline: the
 * tester takes `--trustroot <TrustRoot YAML>`, and a TrustRoot with inline `spec.sigstoreKeys`
 * (cmd/tester/trustroot.go → config.ConvertSigstoreKeys) needs no TUF, so the mock's trust root
 * is handed over as a file. The only changes made to the example are where its trust comes from
 * (`keyless.trustRootRef`/`ctlog.trustRootRef` naming that TrustRoot, URLs pointing at the mock)
 * and the registry its glob names; identities, predicate types and policies stay its own.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { execa } from 'execa'
import { parse, stringify } from 'yaml'
import { policyControllerTrustRoot } from '../support/peers.js'

const EXAMPLES = new URL('../../examples/', import.meta.url).pathname
export const TRUST_ROOT = 'shipgate-mock'

export interface Cip {
  spec: {
    images: { glob: string }[]
    authorities: {
      keyless: {
        url: string
        trustRootRef?: string
        identities: { issuer: string; subject: string }[]
      }
      ctlog?: { url: string; trustRootRef?: string }
    }[]
  }
}

export function policyTesterHarness(opts: {
  tester: string
  registryHost: string
  sigstore: { fulcioURL: string; rekorURL: string; trustedRoot: Record<string, unknown> }
}) {
  const dir = mkdtempSync(join(tmpdir(), 'peers-pc-'))
  const file = (prefix: string) =>
    join(dir, `${prefix}-${Math.random().toString(36).slice(2)}.yaml`)
  const trustRoot = policyControllerTrustRoot(TRUST_ROOT, opts.sigstore.trustedRoot)

  function trustRootFile(root: ReturnType<typeof policyControllerTrustRoot> = trustRoot): string {
    const out = file('trustroot')
    writeFileSync(out, stringify(root))
    return out
  }

  function localized(example: string, edit: (cip: Cip) => void = () => {}): string {
    const cip = parse(readFileSync(join(EXAMPLES, example), 'utf8')) as Cip
    cip.spec.images = cip.spec.images.map((i) => ({
      glob: i.glob.replace(/^ghcr\.io\//, `${opts.registryHost}/`),
    }))
    for (const a of cip.spec.authorities) {
      a.keyless.url = opts.sigstore.fulcioURL
      a.keyless.trustRootRef = TRUST_ROOT
      a.ctlog = { url: opts.sigstore.rekorURL, trustRootRef: TRUST_ROOT }
    }
    edit(cip)
    const out = file('cip')
    writeFileSync(out, stringify(cip))
    return out
  }

  async function test(policy: string, image: string, trustroot = trustRootFile()) {
    const home = mkdtempSync(join(tmpdir(), 'peers-pc-home-'))
    const r = await execa(
      opts.tester,
      ['--policy', policy, '--image', image, '--trustroot', trustroot],
      {
        reject: false,
        env: { HOME: home, PATH: process.env.PATH ?? '' },
        extendEnv: false,
        timeout: 120_000,
      },
    )
    return { exitCode: r.exitCode, out: `${r.stdout}\n${r.stderr}` }
  }

  return { trustRoot, trustRootFile, localized, test }
}
