/**
 * Where the real peer binaries are: the tools users run next to Shipgate (Trivy, cosign 3 and
 * 2, the Kyverno CLI, policy-controller's tester) and the test DB builder, all built from pinned
 * sources by scripts/peers.sh into a cache outside the repository. The script is the one place
 * that knows versions and paths; this module only asks it (`--print`).
 *
 * A test that needs a tool which is not built fails with a message naming scripts/peers.sh: a
 * missing peer is never a silent skip, or the compatibility table would claim what no test ran.
 */
import { execFileSync } from 'node:child_process'
import { accessSync, constants } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export type PeerName =
  | 'trivy'
  | 'cosign3'
  | 'cosign2'
  | 'kyverno'
  | 'policy-tester'
  | 'trivy-db-build'

export interface Peer {
  name: PeerName
  /** The pinned version, or for trivy-db-build the hash of its source. */
  version: string
  /** The binary, whether or not it exists yet. */
  path: string
}

// SHIPGATE_ROOT: the benches run bundled from a temporary directory (bench/run.mjs sets it).
const REPO = process.env.SHIPGATE_ROOT ?? fileURLToPath(new URL('../../', import.meta.url))
export const PEERS_SCRIPT = join(REPO, 'scripts', 'peers.sh')

let listed: Map<PeerName, Peer> | undefined

/**
 * Every peer scripts/peers.sh knows, built or not. `env` (for the script: SHIPGATE_PEERS_DIR)
 * bypasses the cached default listing.
 */
export function listPeers(env?: NodeJS.ProcessEnv): Map<PeerName, Peer> {
  if (listed && !env) return listed
  const out = execFileSync('bash', [PEERS_SCRIPT, '--print'], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  })
  const peers = new Map<PeerName, Peer>()
  for (const line of out.split('\n')) {
    const [name, version, path] = line.trim().split(/\s+/)
    if (name && version && path)
      peers.set(name as PeerName, { name: name as PeerName, version, path })
  }
  if (!env) listed = peers
  return peers
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/** The peer, built; throws (failing the test) with what to run when it is not. */
export function requirePeer(name: PeerName, env?: NodeJS.ProcessEnv): Peer {
  const peer = listPeers(env).get(name)
  if (!peer) {
    throw new Error(`scripts/peers.sh --print does not list "${name}"; add it to scripts/peers.sh.`)
  }
  if (!isExecutable(peer.path)) {
    throw new Error(
      `${name} ${peer.version} is not built (no executable at ${peer.path}). ` +
        'Run scripts/peers.sh (it builds the pinned peers from the Go module proxy, about 10-20 minutes ' +
        'the first time on two cores); its build log is beside that path.',
    )
  }
  return peer
}

/** The directory to put first on PATH so `name` resolves to the real binary. */
export function peerBinDir(name: PeerName): string {
  return dirname(requirePeer(name).path)
}

type TrustedRootLog = { baseUrl: string; publicKey: { rawBytes: string; keyDetails?: string } }
type TrustedRootCa = {
  subject: { organization: string; commonName: string }
  uri: string
  certChain: { certificates: { rawBytes: string }[] }
}
interface TrustedRootJson {
  tlogs: TrustedRootLog[]
  ctlogs: TrustedRootLog[]
  certificateAuthorities: TrustedRootCa[]
  timestampAuthorities: TrustedRootCa[]
}

const pem = (type: string, der: string) =>
  `-----BEGIN ${type}-----\n${(der.match(/.{1,64}/g) ?? []).join('\n')}\n-----END ${type}-----\n`
const chainPem = (c: TrustedRootCa) =>
  c.certChain.certificates.map((x) => pem('CERTIFICATE', x.rawBytes)).join('')

/**
 * The first Fulcio chain, Rekor key, CT log key and TSA chain of a trusted root (protobuf-specs
 * JSON), as PEM: what verifiers that take no trusted_root.json file accept instead.
 */
export function trustedRootPems(trustedRoot: Record<string, unknown>) {
  const root = trustedRoot as unknown as TrustedRootJson
  const first = <T>(list: T[], what: string): T => {
    const item = list[0]
    if (!item) throw new Error(`the trusted root has no ${what}`)
    return item
  }
  return {
    fulcioChain: chainPem(first(root.certificateAuthorities, 'certificate authority')),
    rekorKey: pem('PUBLIC KEY', first(root.tlogs, 'transparency log').publicKey.rawBytes),
    ctlogKey: pem('PUBLIC KEY', first(root.ctlogs, 'CT log').publicKey.rawBytes),
    tsaChain: chainPem(first(root.timestampAuthorities, 'timestamp authority')),
  }
}

/**
 * The trust root a mock Sigstore publishes (protobuf-specs JSON) as policy-controller's
 * `TrustRoot` with inline `sigstoreKeys`: the one way its tester verifies keyless signatures
 * without reaching the public-good TUF repository. PEM everywhere, base64'd as []byte fields are.
 */
export function policyControllerTrustRoot(
  name: string,
  trustedRoot: Record<string, unknown>,
  /** Keep Ed25519 log keys, to show v0.15.1 refusing them (test/peers/policy-controller.test.ts). */
  opts: { keepEd25519?: boolean } = {},
) {
  const b64 = (text: string) => Buffer.from(text).toString('base64')
  const log = (l: TrustedRootLog) => ({
    baseURL: l.baseUrl,
    hashAlgorithm: 'sha-256',
    publicKey: b64(pem('PUBLIC KEY', l.publicKey.rawBytes)),
  })
  const ca = (c: TrustedRootCa) => ({ subject: c.subject, uri: c.uri, certChain: b64(chainPem(c)) })
  const root = trustedRoot as unknown as TrustedRootJson
  return {
    apiVersion: 'policy.sigstore.dev/v1alpha1',
    kind: 'TrustRoot',
    metadata: { name },
    spec: {
      sigstoreKeys: {
        certificateAuthorities: root.certificateAuthorities.map(ca),
        // policy-controller v0.15.1 reads every transparency-log key as ECDSA and refuses the
        // whole TrustRoot on any other ("creating CheckOpts: getting Rekor public keys: public
        // key 1 is not ecdsa.PublicKey"): a Rekor v2 log's Ed25519 key cannot be handed to it,
        // so it checks Rekor v1 entries only (README compatibility table).
        tLogs: root.tlogs
          .filter((l) => opts.keepEd25519 || l.publicKey.keyDetails !== 'PKIX_ED25519')
          .map(log),
        ctLogs: root.ctlogs.map(log),
        timestampAuthorities: root.timestampAuthorities.map(ca),
      },
    },
  }
}
