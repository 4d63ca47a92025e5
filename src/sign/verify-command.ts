/**
 * `shipgate verify IMAGE --certificate-identity … --certificate-oidc-issuer …` and the action's
 * `verify` mode, minus argument parsing: validates the options, loads the trust root, verifies,
 * prints, and returns the exit status (0 verified, 1 not verified, 2 error).
 */
import type { Logger } from '../logger.js'
import type { IdentityMatcher } from './bundle-verify.js'
import type { OciStore } from './oci-store.js'
import { loadTrustedRoot, type TrustedRoot } from './trust-root.js'
import { parseDuration } from './verdict.js'
import { renderVerifyResult, type VerifyResult, verifyExitCode, verifyImage } from './verify.js'
import { parseRequire, VerifyUsageError } from './verify-options.js'

export interface VerifyCommandOptions {
  image: string
  certificateIdentity?: string
  certificateIdentityRegexp?: string
  certificateOidcIssuer?: string
  /**
   * `any` (default), `cosign`, `bundle` or `both`, and/or `verdict` (a PASSED gate verdict),
   * separated by commas or spaces: `both,verdict`.
   */
  require?: string
  /** `24h`, `90m`…: with it, the verdict's DB must be at most that old when the gate ran. */
  maxDbAge?: string
  /** Predicate types (or the short names cyclonedx, spdxjson, vuln) that must be attested. */
  attestations?: string[]
  /** trusted_root.json; default: public Sigstore via TUF. */
  trustedRoot?: string
}

const SHORT_TYPES: Record<string, string> = {
  cyclonedx: 'https://cyclonedx.org/bom',
  spdxjson: 'https://spdx.dev/Document',
  'spdx-json': 'https://spdx.dev/Document',
  vuln: 'https://cosign.sigstore.dev/attestation/vuln/v1',
}

export { parseRequire, VerifyUsageError } from './verify-options.js'

export function identityMatcher(o: VerifyCommandOptions): IdentityMatcher {
  if (o.certificateIdentity && o.certificateIdentityRegexp) {
    throw new VerifyUsageError(
      'Give either --certificate-identity or --certificate-identity-regexp, not both.',
    )
  }
  if (o.certificateIdentity) return { exact: o.certificateIdentity }
  if (o.certificateIdentityRegexp) {
    try {
      new RegExp(o.certificateIdentityRegexp)
    } catch (error) {
      throw new VerifyUsageError(
        `--certificate-identity-regexp is not a valid regular expression: ${(error as Error).message}`,
      )
    }
    return { regexp: o.certificateIdentityRegexp }
  }
  throw new VerifyUsageError(
    '--certificate-identity is required: the workflow identity that must have signed, e.g. https://github.com/OWNER/REPO/.github/workflows/release.yml@refs/heads/main',
  )
}

export async function runVerify(
  options: VerifyCommandOptions,
  deps: {
    store: OciStore
    logger: Logger
    print: (text: string) => void
    trustedRoot?: TrustedRoot
  },
): Promise<{ exitCode: 0 | 1 | 2; result?: VerifyResult }> {
  try {
    const identity = identityMatcher(options)
    if (!options.certificateOidcIssuer) {
      throw new VerifyUsageError(
        '--certificate-oidc-issuer is required: https://token.actions.githubusercontent.com for GitHub Actions.',
      )
    }
    const require = parseRequire(options.require, '--require')
    let maxDbAgeMs: number | undefined
    try {
      maxDbAgeMs =
        options.maxDbAge === undefined ? undefined : parseDuration(options.maxDbAge, '--max-db-age')
    } catch (error) {
      throw new VerifyUsageError((error as Error).message)
    }
    const trustedRoot =
      deps.trustedRoot ??
      (await loadTrustedRoot(options.trustedRoot ? { path: options.trustedRoot } : {}))
    const result = await verifyImage(
      {
        image: options.image,
        policy: { identity, issuer: options.certificateOidcIssuer },
        require: require.formats,
        // --max-db-age is about the verdict: it implies requiring one.
        ...(require.verdict || maxDbAgeMs !== undefined
          ? { requireVerdict: maxDbAgeMs === undefined ? {} : { maxDbAgeMs } }
          : {}),
        requireAttestations: (options.attestations ?? []).map((t) => SHORT_TYPES[t] ?? t),
      },
      { store: deps.store, trustedRoot, logger: deps.logger },
    )
    deps.print(renderVerifyResult(result))
    return { exitCode: verifyExitCode(result), result }
  } catch (error) {
    deps.print(`Error: ${(error as Error).message}`)
    return { exitCode: 2 }
  }
}
