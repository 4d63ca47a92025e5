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

const REPO = fileURLToPath(new URL('../../', import.meta.url))
export const PEERS_SCRIPT = join(REPO, 'scripts', 'peers.sh')

let listed: Map<PeerName, Peer> | undefined

/** Every peer scripts/peers.sh knows, built or not. */
export function listPeers(): Map<PeerName, Peer> {
  if (listed) return listed
  const out = execFileSync('bash', [PEERS_SCRIPT, '--print'], { encoding: 'utf8' })
  listed = new Map()
  for (const line of out.split('\n')) {
    const [name, version, path] = line.trim().split(/\s+/)
    if (name && version && path)
      listed.set(name as PeerName, { name: name as PeerName, version, path })
  }
  return listed
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
export function requirePeer(name: PeerName): Peer {
  const peer = listPeers().get(name)
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
