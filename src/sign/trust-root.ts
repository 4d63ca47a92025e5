/**
 * The Sigstore trust root that verification checks against: public-good from TUF
 * (@sigstore/tuf, the same root cosign uses), or a trusted_root.json for a private instance.
 */
import { readFile } from 'node:fs/promises'
import { TrustedRoot } from '@sigstore/protobuf-specs'
import type { CaChains } from './certificate.js'
import { type TufOptions, tufClient, tufRepositoryName } from './tuf.js'

export type { TrustedRoot } from '@sigstore/protobuf-specs'

export class TrustRootError extends Error {
  override name = 'TrustRootError'
}

export async function loadTrustedRoot(
  options: TufOptions & {
    /** trusted_root.json path; without it, the public-good root from TUF. */
    path?: string
  },
): Promise<TrustedRoot> {
  if (options.path) {
    let json: unknown
    try {
      json = JSON.parse(await readFile(options.path, 'utf8'))
    } catch (error) {
      throw new TrustRootError(
        `Cannot read the trusted root ${options.path}: ${(error as Error).message}. Point 'trusted-root' at the trusted_root.json of your Sigstore instance.`,
      )
    }
    try {
      return TrustedRoot.fromJSON(json)
    } catch (error) {
      throw new TrustRootError(
        `${options.path} is not a Sigstore trusted root (trusted_root.json): ${(error as Error).message}`,
      )
    }
  }
  let text: string
  try {
    // The job's one TUF client, shared with the signing config (src/sign/tuf.ts).
    text = await (await tufClient(options)).getTarget('trusted_root.json')
  } catch (error) {
    throw new TrustRootError(
      `Cannot fetch the public Sigstore trust root over TUF (${tufRepositoryName(options)}): ${(error as Error).message}. Without network access to it (air-gapped runners, GHES without egress) set 'trusted-root' to a trusted_root.json file.`,
    )
  }
  return TrustedRoot.fromJSON(JSON.parse(text))
}

export function trustedRootFromJSON(json: unknown): TrustedRoot {
  return TrustedRoot.fromJSON(json)
}

export function caChains(root: TrustedRoot): CaChains {
  return root.certificateAuthorities.map((ca) =>
    (ca.certChain?.certificates ?? []).map((c) => c.rawBytes),
  )
}
