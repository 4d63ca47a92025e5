import type { TrivyPlatformKey } from './platform.js'

/**
 * SHA-256 of Trivy release archives, shipped inside Shipgate.
 *
 * Every download is first checked against its own Sigstore bundle (signature.ts): that proves
 * Trivy's release workflow built it. This table is the second, independent check for the
 * versions it lists: a release's own `trivy_<ver>_checksums.txt` and signature come from the
 * same pipeline as the binary, so they vouch for nothing when that pipeline is compromised
 * (Trivy v0.69.4, March 2026). A digest recorded here at review time does.
 *
 * New versions: `npm run trivy-checksums -- <version>` adds one only after the signed
 * checksums file verifies, and records the signer in the entry's comment.
 *
 * Provenance rules for this table:
 * - every value was copied from a public repository that pins it (named beside the entry),
 *   never computed here and never taken from a single unreviewed source when a second exists;
 * - GitHub release downloads are not reachable from Shipgate's build machines, so none of
 *   these were re-hashed locally. Re-verify against the upstream checksums file (and the
 *   `.sigstore.json` bundle) when adding a version.
 */

/** 64 lower-case hex characters. */
export type Sha256 = string

export interface PinnedTrivyRelease {
  version: string
  checksums: Partial<Record<TrivyPlatformKey, Sha256>>
}

/** The version installed when the `trivy-version` input is empty. Newest entry of the table. */
export const DEFAULT_TRIVY_VERSION = '0.75.0'

export const TRIVY_CHECKSUMS: Readonly<Record<string, PinnedTrivyRelease>> = {
  '0.75.0': {
    version: '0.75.0',
    // Source A: awslabs/automated-security-helper
    //   automated_security_helper/utils/tool_downloads.py @ 001ac6d868797f3ce3123af21eb65f2e5a3ccf42
    //   (`_DIGESTS`, stated there as transcribed verbatim from trivy_0.75.0_checksums.txt).
    // Source B: loopingz/rules_k8s_cd lib/private/trivy_toolchain.bzl (the v0.75.0 revision):
    //   the four Linux/macOS values agree with source A.
    checksums: {
      'linux-x64': 'c6e65abddb348e25f10549df887045629cf28cc72453cd1c63acb717316b3f3f',
      'linux-arm64': 'a1ee9f6ffb7d112b64ff726a2a0717c21175c1114361391f4a132956751a13b3',
      'darwin-x64': '291edaa9778acbe4693d067b5ad60ee11570e5ac68296e85595417528ca641e4',
      'darwin-arm64': '4a77108cccf8e55c8d6823e1e759939a622277e66cd0daa3c1fc621ed69e4568',
      // Source A only among named repositories; four other files in the search index whose
      // repository it does not name (scan evidence reports stating they matched the official
      // checksums file) carry the same value.
      'win32-x64': '4e43bd71a30f51aee39525f60f2b47043af77eb8df8fe082aae4372b69c6660f',
    },
  },
  '0.74.0': {
    version: '0.74.0',
    // Source: loopingz/rules_k8s_cd lib/private/trivy_toolchain.bzl
    //   @ 0e96f1f68148f8c352dd0d12c4d0832f4bebde77.
    // Cross-check: at least three other pinned installers in the search index (a Go tool
    //   catalog, a JS PINNED_TOOLS table, shell install scripts) carry the same four values.
    checksums: {
      'linux-x64': '2ae6fe3ee734b7fdf11335663e18c75ea12dccc76062f09f164a3b0f8be4371a',
      'linux-arm64': 'b94ce1976bbf3c15b514b605ee88be7c6d94a29be2302847ff01cb794d47aad5',
      'darwin-x64': '472816f6888dda689d075c30254d4210b4d1035acf365aa72332f584c2f60485',
      'darwin-arm64': '1caada5e0e2091909357c7525d3aa76f4b660b13821bc143b190c7483e31cc11',
    },
  },
}

/**
 * Versions that must never run, whatever checksum a user supplies: a matching digest only
 * proves the bytes are the attacker's bytes.
 */
export const COMPROMISED_TRIVY_VERSIONS: Readonly<Record<string, string>> = {
  '0.69.4':
    'it was published by the attacker during the March 2026 supply-chain compromise (GHSA-69fq-xp46-6x23, CVE-2026-33634)',
  '0.69.5':
    'malicious 0.69.5 artifacts were reported during the March 2026 supply-chain compromise (aquasecurity/trivy-action#541)',
  '0.69.6':
    'malicious 0.69.6 artifacts were reported during the March 2026 supply-chain compromise (aquasecurity/trivy-action#541)',
}

export function pinnedChecksum(version: string, key: TrivyPlatformKey): Sha256 | undefined {
  return TRIVY_CHECKSUMS[version]?.checksums[key]
}

export function pinnedVersions(): string[] {
  return Object.keys(TRIVY_CHECKSUMS)
}
