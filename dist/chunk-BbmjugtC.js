import { createRequire } from 'node:module';
import { m as isLoopbackHost } from './chunk-BAQxG8PF.js';

createRequire(import.meta.url);

// src/sign/settings.ts
var PUBLIC_GOOD = {
  fulcioURL: "https://fulcio.sigstore.dev",
  rekorURL: "https://rekor.sigstore.dev",
  tsaURL: void 0
};
var SBOM_FORMATS = ["cyclonedx", "spdx-json", "none"];
var SIGNATURE_FORMATS = ["both", "cosign", "bundle"];
var REKOR_VERSIONS = ["1", "2"];
var SigningInputError = class extends Error {
  constructor(input, message) {
    super(message);
    this.input = input;
  }
  input;
  name = "SigningInputError";
};
function given(value) {
  const trimmed = value?.trim();
  return trimmed ? trimmed : void 0;
}
function bool(raw, name) {
  const value = given(raw[name]);
  if (value === void 0) return void 0;
  if (/^(true|yes|on|1)$/i.test(value)) return true;
  if (/^(false|no|off|0)$/i.test(value)) return false;
  throw new SigningInputError(
    name,
    `Input '${name}' must be true or false, got ${JSON.stringify(value)}.`
  );
}
function oneOf(raw, name, allowed, fallback) {
  const value = given(raw[name]);
  if (value === void 0) return fallback;
  const lower = value.toLowerCase();
  if (allowed.includes(lower)) return lower;
  throw new SigningInputError(
    name,
    `Input '${name}' must be one of ${allowed.join(", ")}, got ${JSON.stringify(value)}.`
  );
}
function serviceURL(raw, name) {
  const value = given(raw[name]);
  if (value === void 0) return void 0;
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new SigningInputError(
      name,
      `Input '${name}' must be a URL such as https://fulcio.example.com, got ${JSON.stringify(value)}.`
    );
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && isLoopbackHost(url.host))) {
    throw new SigningInputError(
      name,
      `Input '${name}' must use https:// (plain http is accepted for 127.0.0.1/localhost only), got ${JSON.stringify(value)}.`
    );
  }
  return value.replace(/\/+$/, "");
}
function isPublicGoodRekor(url) {
  const host = new URL(url).hostname;
  const publicHost = new URL(PUBLIC_GOOD.rekorURL).hostname;
  return host === publicHost || host.endsWith(`.${publicHost}`);
}
function isPublicGoodFulcio(url) {
  return new URL(url).hostname === new URL(PUBLIC_GOOD.fulcioURL).hostname;
}
function privacyRefusal(visibility) {
  const what = visibility ? `a ${visibility} repository` : "a repository whose visibility is unknown";
  return `Refusing to sign from ${what} with the public Sigstore transparency log: the Rekor entry and the Fulcio certificate publish the repository name, the workflow path and the git ref, forever. Either opt in with 'public-transparency-log: true', or point 'rekor-url' and 'fulcio-url' (and 'trusted-root') at a private Sigstore instance.`;
}
function readSigningSettings(raw, context = {}) {
  const sign = bool(raw, "sign") ?? false;
  const sbomFormat = oneOf(raw, "sbom-format", SBOM_FORMATS, "cyclonedx");
  const attestSbomInput = bool(raw, "attest-sbom");
  const attestVulnInput = bool(raw, "attest-vulnerabilities");
  const attestVerdictInput = bool(raw, "attest-verdict");
  const rekorVersion = Number(oneOf(raw, "rekor-version", REKOR_VERSIONS, "1"));
  const signatureFormat = oneOf(
    raw,
    "signature-format",
    SIGNATURE_FORMATS,
    rekorVersion === 2 ? "bundle" : "both"
  );
  const fulcioURL = serviceURL(raw, "fulcio-url");
  const rekorURL = serviceURL(raw, "rekor-url");
  const tsaURL = serviceURL(raw, "tsa-url");
  const publicLogOptIn = bool(raw, "public-transparency-log");
  const trustedRootPath = given(raw["trusted-root"]);
  if (!sign) {
    for (const name of [
      "attest-sbom",
      "attest-vulnerabilities",
      "attest-verdict",
      "github-attestations"
    ]) {
      if (bool(raw, name) === true) {
        throw new SigningInputError(
          name,
          `Input '${name}: true' needs 'sign: true': attestations are signed with the workflow's keyless identity. Set 'sign: true' (and 'permissions: id-token: write'), or remove '${name}'.`
        );
      }
    }
    return { sign: false, sbomFormat };
  }
  if (sbomFormat === "none" && attestSbomInput === true) {
    throw new SigningInputError(
      "attest-sbom",
      "Input 'attest-sbom: true' needs an SBOM, but 'sbom-format' is none. Set 'sbom-format' to cyclonedx or spdx-json, or 'attest-sbom: false'."
    );
  }
  if (rekorVersion === 2 && signatureFormat !== "bundle") {
    throw new SigningInputError(
      "signature-format",
      `Input 'signature-format: ${signatureFormat}' cannot be used with 'rekor-version: 2': cosign's classic .sig/.att layout carries Rekor's SignedEntryTimestamp (the dev.sigstore.cosign/bundle annotation), and Rekor v2 issues none. Set 'signature-format: bundle' (or remove it), or keep 'rekor-version: 1' for admission controllers that read only .sig/.att (policy-controller's default, Kyverno ClusterPolicy).`
    );
  }
  const endpoints = {
    fulcioURL: fulcioURL ?? PUBLIC_GOOD.fulcioURL,
    rekorURL: rekorURL ?? PUBLIC_GOOD.rekorURL
  };
  if (tsaURL) endpoints.tsaURL = tsaURL;
  const customFulcio = !isPublicGoodFulcio(endpoints.fulcioURL);
  const publicRekor = isPublicGoodRekor(endpoints.rekorURL);
  if (customFulcio === publicRekor) {
    throw new SigningInputError(
      customFulcio ? "rekor-url" : "fulcio-url",
      `Inputs 'fulcio-url' (${endpoints.fulcioURL}) and 'rekor-url' (${endpoints.rekorURL}) mix the public Sigstore instance with a private one. Set both to the same instance.`
    );
  }
  if (customFulcio && !trustedRootPath) {
    throw new SigningInputError(
      "trusted-root",
      "A private Sigstore instance ('fulcio-url'/'rekor-url') needs 'trusted-root': the path to its trusted_root.json, so Shipgate can check its own signatures and 'shipgate verify' can check them later."
    );
  }
  const useSigningConfig = !fulcioURL && !rekorURL && !tsaURL;
  if (rekorVersion === 2 && !useSigningConfig && !tsaURL) {
    throw new SigningInputError(
      "tsa-url",
      "Input 'rekor-version: 2' needs 'tsa-url': Rekor v2 returns no signed entry time, so a timestamp authority's RFC 3161 timestamp is the only proof the short-lived certificate was valid when signing. Set 'tsa-url' (public Sigstore: https://timestamp.sigstore.dev/api/v1/timestamp), or give no service URL at all to take them from the public signing config."
    );
  }
  if (publicRekor && context.repositoryVisibility !== "public" && publicLogOptIn !== true) {
    throw new SigningInputError(
      "public-transparency-log",
      privacyRefusal(context.repositoryVisibility)
    );
  }
  const settings = {
    sign: true,
    sbomFormat,
    attestSbom: attestSbomInput ?? sbomFormat !== "none",
    attestVulnerabilities: attestVulnInput ?? true,
    attestVerdict: attestVerdictInput ?? true,
    githubAttestations: bool(raw, "github-attestations") ?? false,
    signatureFormat,
    rekorVersion,
    endpoints,
    useSigningConfig,
    publicTransparencyLog: publicRekor,
    publicTransparencyLogOptIn: publicLogOptIn === true
  };
  if (trustedRootPath) settings.trustedRootPath = trustedRootPath;
  return settings;
}

export { PUBLIC_GOOD as P, REKOR_VERSIONS as R, SBOM_FORMATS as S, SIGNATURE_FORMATS as a, SigningInputError as b, isPublicGoodRekor as c, isPublicGoodFulcio as i, privacyRefusal as p, readSigningSettings as r };
