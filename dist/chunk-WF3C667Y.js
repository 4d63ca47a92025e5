import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);
import {
  registryClient
} from "./chunk-4VBJX3YP.js";
import {
  actionLogger,
  info
} from "./chunk-6N446GHY.js";
import {
  runVerify
} from "./chunk-COLJ2HJ5.js";
import "./chunk-ESCXPJGD.js";
import {
  registryStore
} from "./chunk-CW4JDSVR.js";
import "./chunk-HHNZGLXG.js";
import "./chunk-YK72TXWA.js";
import {
  loadTrustedRoot
} from "./chunk-PXABWXTD.js";
import "./chunk-JNUQ4EZU.js";
import "./chunk-2G6ZBOL4.js";
import "./chunk-MBLVPOPM.js";
import "./chunk-4ZAB52P4.js";
import "./chunk-XTSEHG7D.js";
import "./chunk-7CQ6IEZN.js";
import "./chunk-ELAE5XEJ.js";
import "./chunk-5GA5Q6TN.js";
import "./chunk-D7QOOREE.js";
import "./chunk-J3ABBXKE.js";
import "./chunk-IYES6C6U.js";
import "./chunk-Z775AAB3.js";
import {
  setFailed,
  setOutput,
  summary,
  warning
} from "./chunk-J3WWJA3C.js";
import {
  VERIFY_SPEC
} from "./chunk-3WZSFTDF.js";
import "./chunk-5MEF7QLO.js";
import "./chunk-7EYA4VLM.js";
import "./chunk-HS2ZKHN2.js";
import "./chunk-EEIKABHZ.js";
import "./chunk-K22WIUD6.js";
import "./chunk-POUKRGL4.js";
import "./chunk-YWDDBBXO.js";
import "./chunk-F24ULZSG.js";
import {
  InputError
} from "./chunk-SALW6YM5.js";
import "./chunk-RCMRYTCI.js";

// src/modes/verify.ts
function at(setting, key) {
  return setting.origin.kind === "default" ? key : setting.origin;
}
function verifyOptions(s) {
  const identity = s.certificateIdentity.value;
  const identityRegexp = s.certificateIdentityRegexp.value;
  if (identity && identityRegexp) {
    throw new InputError(
      at(s.certificateIdentity, VERIFY_SPEC.certificateIdentity.key),
      "give either `certificate-identity` or `certificate-identity-regexp`, not both."
    );
  }
  if (!identity && !identityRegexp) {
    throw new InputError(
      at(s.certificateIdentity, VERIFY_SPEC.certificateIdentity.key),
      "verify mode needs the workflow identity that must have signed, e.g. https://github.com/OWNER/REPO/.github/workflows/release.yml@refs/heads/main (or `certificate-identity-regexp`)."
    );
  }
  const issuer = s.certificateOidcIssuer.value;
  if (!issuer) {
    throw new InputError(
      at(s.certificateOidcIssuer, VERIFY_SPEC.certificateOidcIssuer.key),
      "verify mode needs the OIDC issuer of the signer: https://token.actions.githubusercontent.com for GitHub Actions."
    );
  }
  const attestations = s.verifyAttestations.value;
  return {
    certificateIdentity: identity,
    certificateIdentityRegexp: identityRegexp,
    certificateOidcIssuer: issuer,
    require: s.verifyRequire.value,
    maxDbAge: s.verifyMaxDbAge.value,
    attestations: attestations.length ? attestations : void 0
  };
}
function codeBlock(text) {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  return `${fence}text
${text}
${fence}`;
}
async function verifyMode(s) {
  const images = s.images.value;
  if (!images.length) {
    throw new InputError(
      at(s.images, VERIFY_SPEC.images.key),
      "verify mode needs the image references whose signatures to check."
    );
  }
  const options = verifyOptions(s);
  const trustedRootPath = s.trustedRoot.value;
  const trustedRoot = await loadTrustedRoot(trustedRootPath ? { path: trustedRootPath } : {});
  const client = registryClient();
  const notVerified = [];
  const errored = [];
  const sections = [];
  let firstDigest = "";
  for (const image of images) {
    const printed = [];
    const { exitCode, result } = await runVerify(
      { image, ...options },
      {
        store: registryStore(client),
        logger: actionLogger,
        trustedRoot,
        print: (t) => {
          printed.push(t);
          info(t);
        }
      }
    );
    firstDigest ||= result?.digest ?? "";
    if (exitCode === 1) notVerified.push(image);
    if (exitCode === 2) errored.push(image);
    const icon = exitCode === 0 ? "\u2705" : "\u274C";
    const status = exitCode === 0 ? "verified" : exitCode === 1 ? "NOT verified" : "not checked";
    sections.push(
      `${icon} \`${image.replace(/`/g, "")}\` ${status}

${codeBlock(printed.join("\n"))}`
    );
  }
  const failed = notVerified.length + errored.length;
  setOutput("verdict", failed ? "fail" : "pass");
  setOutput("digest", firstDigest);
  const problems = [
    notVerified.length ? `${notVerified.length} of ${images.length} image(s) did not verify (${notVerified.join(", ")}); see the lines above.` : "",
    errored.length ? `${errored.length} of ${images.length} image(s) could not be checked (${errored.join(", ")}); the error is in the lines above.` : ""
  ].filter(Boolean);
  const headline = failed ? "### \u274C Signature verification failed" : `### \u2705 Signatures verified for ${images.length} image(s)`;
  try {
    await summary.addRaw([headline, ...sections].join("\n\n")).write();
  } catch (error) {
    warning(`Could not write the job summary: ${error.message}`);
  }
  if (failed) setFailed(problems.join("\n"));
}
export {
  verifyMode
};
