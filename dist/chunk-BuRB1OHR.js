import { createRequire } from 'node:module';
import { v as verifyImage, r as renderVerifyResult, a as verifyExitCode } from './chunk-CtVjW91D.js';
import { l as loadTrustedRoot } from './chunk-9tMmc47b.js';
import { af as VerifyUsageError, ag as parseRequire, ah as parseDuration } from './chunk-BfsmuvnE.js';

createRequire(import.meta.url);

// src/sign/verify-command.ts
var SHORT_TYPES = {
  cyclonedx: "https://cyclonedx.org/bom",
  spdxjson: "https://spdx.dev/Document",
  "spdx-json": "https://spdx.dev/Document",
  vuln: "https://cosign.sigstore.dev/attestation/vuln/v1"
};
function identityMatcher(o) {
  if (o.certificateIdentity && o.certificateIdentityRegexp) {
    throw new VerifyUsageError(
      "Give either --certificate-identity or --certificate-identity-regexp, not both."
    );
  }
  if (o.certificateIdentity) return { exact: o.certificateIdentity };
  if (o.certificateIdentityRegexp) {
    try {
      new RegExp(o.certificateIdentityRegexp);
    } catch (error) {
      throw new VerifyUsageError(
        `--certificate-identity-regexp is not a valid regular expression: ${error.message}`
      );
    }
    return { regexp: o.certificateIdentityRegexp };
  }
  throw new VerifyUsageError(
    "--certificate-identity is required: the workflow identity that must have signed, e.g. https://github.com/OWNER/REPO/.github/workflows/release.yml@refs/heads/main"
  );
}
async function runVerify(options, deps) {
  try {
    const identity = identityMatcher(options);
    if (!options.certificateOidcIssuer) {
      throw new VerifyUsageError(
        "--certificate-oidc-issuer is required: https://token.actions.githubusercontent.com for GitHub Actions."
      );
    }
    const require2 = parseRequire(options.require, "--require");
    let maxDbAgeMs;
    try {
      maxDbAgeMs = options.maxDbAge === void 0 ? void 0 : parseDuration(options.maxDbAge, "--max-db-age");
    } catch (error) {
      throw new VerifyUsageError(error.message);
    }
    const trustedRoot = deps.trustedRoot ?? await loadTrustedRoot(options.trustedRoot ? { path: options.trustedRoot } : {});
    const result = await verifyImage(
      {
        image: options.image,
        policy: { identity, issuer: options.certificateOidcIssuer },
        require: require2.formats,
        // --max-db-age is about the verdict: it implies requiring one.
        ...require2.verdict || maxDbAgeMs !== void 0 ? { requireVerdict: maxDbAgeMs === void 0 ? {} : { maxDbAgeMs } } : {},
        requireAttestations: (options.attestations ?? []).map((t) => SHORT_TYPES[t] ?? t)
      },
      { store: deps.store, trustedRoot, logger: deps.logger }
    );
    deps.print(renderVerifyResult(result));
    return { exitCode: verifyExitCode(result), result };
  } catch (error) {
    deps.print(`Error: ${error.message}`);
    return { exitCode: 2 };
  }
}

export { runVerify as r };
