import { createRequire } from 'node:module';
import { r as registryClient } from './chunk--j_mKdh8.js';
import { b as actionLogger, i as info2 } from './chunk-4KaJgODh.js';
import { r as runVerify } from './chunk-BuRB1OHR.js';
import './chunk-CtVjW91D.js';
import { r as registryStore } from './chunk-BJCvRWus.js';
import './chunk-D-RVBky_.js';
import { l as loadTrustedRoot } from './chunk-9tMmc47b.js';
import './chunk-BHNJ4lnQ.js';
import './chunk-DtikF6FY.js';
import './chunk-Chco1JLJ.js';
import './chunk-wVvfRtYZ.js';
import './chunk-Ck4F28M3.js';
import './chunk-BS_9fr8K.js';
import { I as InputError, aj as VERIFY_SPEC, P as setOutput, ak as summary, L as warning, al as setFailed } from './chunk-BfsmuvnE.js';
import 'node:child_process';
import 'node:fs/promises';
import 'node:os';
import 'node:path';
import 'node:crypto';
import 'node:stream';
import 'node:fs';
import 'os';
import 'fs';
import 'crypto';

createRequire(import.meta.url);

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
          info2(t);
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

export { verifyMode };
