import { createRequire } from 'node:module';
import { T as TrivyInstallError } from './chunk-B2iF1XkY.js';
import { p as programExecWith, c as childEnv } from './chunk-BPn_haLw.js';
import './chunk-BAQxG8PF.js';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { rm, stat, readFile, access, constants } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import 'node:child_process';

createRequire(import.meta.url);

// scanners/trivy/checksums.ts
var DEFAULT_TRIVY_VERSION = "0.75.0";
var TRIVY_CHECKSUMS = {
  "0.75.0": {
    version: "0.75.0",
    // Source A: awslabs/automated-security-helper
    //   automated_security_helper/utils/tool_downloads.py @ 001ac6d868797f3ce3123af21eb65f2e5a3ccf42
    //   (`_DIGESTS`, stated there as transcribed verbatim from trivy_0.75.0_checksums.txt).
    // Source B: loopingz/rules_k8s_cd lib/private/trivy_toolchain.bzl (the v0.75.0 revision):
    //   the four Linux/macOS values agree with source A.
    checksums: {
      "linux-x64": "c6e65abddb348e25f10549df887045629cf28cc72453cd1c63acb717316b3f3f",
      "linux-arm64": "a1ee9f6ffb7d112b64ff726a2a0717c21175c1114361391f4a132956751a13b3",
      "darwin-x64": "291edaa9778acbe4693d067b5ad60ee11570e5ac68296e85595417528ca641e4",
      "darwin-arm64": "4a77108cccf8e55c8d6823e1e759939a622277e66cd0daa3c1fc621ed69e4568",
      // Source A only among named repositories; four other files in the search index whose
      // repository it does not name (scan evidence reports stating they matched the official
      // checksums file) carry the same value.
      "win32-x64": "4e43bd71a30f51aee39525f60f2b47043af77eb8df8fe082aae4372b69c6660f"
    }
  },
  "0.74.0": {
    version: "0.74.0",
    // Source: loopingz/rules_k8s_cd lib/private/trivy_toolchain.bzl
    //   @ 0e96f1f68148f8c352dd0d12c4d0832f4bebde77.
    // Cross-check: at least three other pinned installers in the search index (a Go tool
    //   catalog, a JS PINNED_TOOLS table, shell install scripts) carry the same four values.
    checksums: {
      "linux-x64": "2ae6fe3ee734b7fdf11335663e18c75ea12dccc76062f09f164a3b0f8be4371a",
      "linux-arm64": "b94ce1976bbf3c15b514b605ee88be7c6d94a29be2302847ff01cb794d47aad5",
      "darwin-x64": "472816f6888dda689d075c30254d4210b4d1035acf365aa72332f584c2f60485",
      "darwin-arm64": "1caada5e0e2091909357c7525d3aa76f4b660b13821bc143b190c7483e31cc11"
    }
  }
};
var COMPROMISED_TRIVY_VERSIONS = {
  "0.69.4": "it was published by the attacker during the March 2026 supply-chain compromise (GHSA-69fq-xp46-6x23, CVE-2026-33634)",
  "0.69.5": "malicious 0.69.5 artifacts were reported during the March 2026 supply-chain compromise (aquasecurity/trivy-action#541)",
  "0.69.6": "malicious 0.69.6 artifacts were reported during the March 2026 supply-chain compromise (aquasecurity/trivy-action#541)"
};
function pinnedChecksum(version, key) {
  return TRIVY_CHECKSUMS[version]?.checksums[key];
}
function pinnedVersions() {
  return Object.keys(TRIVY_CHECKSUMS);
}

// scanners/trivy/platform.ts
var TRIVY_PLATFORM_KEYS = [
  "linux-x64",
  "linux-arm64",
  "darwin-x64",
  "darwin-arm64",
  "win32-x64"
];
var ASSET_SUFFIX = {
  "linux-x64": "Linux-64bit.tar.gz",
  "linux-arm64": "Linux-ARM64.tar.gz",
  "darwin-x64": "macOS-64bit.tar.gz",
  "darwin-arm64": "macOS-ARM64.tar.gz",
  "win32-x64": "windows-64bit.zip"
};
function isTrivyPlatformKey(value) {
  return TRIVY_PLATFORM_KEYS.includes(value);
}
function trivyPlatformKey(platform, arch) {
  const key = `${platform}-${arch}`;
  return isTrivyPlatformKey(key) ? key : void 0;
}
function trivyAssetFor(version, key) {
  const isWindows = key === "win32-x64";
  return {
    key,
    name: `trivy_${version}_${ASSET_SUFFIX[key]}`,
    archive: isWindows ? "zip" : "tar.gz",
    binary: isWindows ? "trivy.exe" : "trivy"
  };
}
var TRIVY_RELEASES_BASE_URL = "https://github.com/aquasecurity/trivy/releases/download";
function trivyAssetUrl(version, asset, baseUrl = TRIVY_RELEASES_BASE_URL) {
  return `${baseUrl.replace(/\/+$/, "")}/v${version}/${asset.name}`;
}

// scanners/trivy/versions.ts
var PLAIN = /^(0|[1-9]\d{0,14})\.(0|[1-9]\d{0,14})\.(0|[1-9]\d{0,14})$/;
async function semver() {
  return (await import('./chunk-RaJV1Pj3.js')).default;
}
async function validVersion(version) {
  if (PLAIN.test(version)) return version;
  return (await semver()).valid(version);
}
async function versionAtLeast(version, min) {
  const a = PLAIN.exec(version);
  const b = PLAIN.exec(min);
  if (a && b) {
    for (let i = 1; i <= 3; i++) {
      const d = Number(a[i]) - Number(b[i]);
      if (d !== 0) return d > 0;
    }
    return true;
  }
  return (await semver()).gte(version, min);
}

// scanners/trivy/signature.ts
var TRIVY_SIGNING_ISSUER = "https://token.actions.githubusercontent.com";
var FIRST_BUNDLED_TRIVY_VERSION = "0.68.1";
function trivyReleaseIdentity(version) {
  return `https://github.com/aquasecurity/trivy/.github/workflows/reusable-release.yaml@refs/tags/v${version}`;
}
function bundleName(assetName) {
  return `${assetName}.sigstore.json`;
}
function hasSigstoreBundle(version) {
  return versionAtLeast(version, FIRST_BUNDLED_TRIVY_VERSION);
}
var TrivySignatureError = class extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
  code;
  name = "TrivySignatureError";
};
async function verifyTrivySignature(input) {
  const [{ bundleFromJSON }, { toSignedEntity }, { bundleVerifier, verificationPolicy }] = await Promise.all([
    import('./chunk-DIh1x3ca.js'),
    import('./chunk-chLiqRpN.js'),
    import('./chunk-B-5-dNDc.js')
  ]);
  const { version, assetName } = input;
  const identity = trivyReleaseIdentity(version);
  let bundle;
  try {
    bundle = bundleFromJSON(JSON.parse(input.bundleText));
  } catch (error) {
    throw new TrivySignatureError(
      "signature-malformed",
      `${bundleName(assetName)} is not a Sigstore bundle (${error.message}); nothing was installed.`
    );
  }
  if (bundle.content.$case !== "messageSignature") {
    throw new TrivySignatureError(
      "signature-malformed",
      `${bundleName(assetName)} holds a ${bundle.content.$case} bundle, not the blob signature Trivy's release workflow publishes; nothing was installed.`
    );
  }
  const verifier = bundleVerifier(input.trustedRoot);
  try {
    const signer = verifier.verify(
      // The signed entity is the asset itself, so any changed byte breaks the signature.
      toSignedEntity(bundle, input.artifact),
      verificationPolicy({ identity: { exact: identity }, issuer: TRIVY_SIGNING_ISSUER })
    );
    const logIndex = bundle.verificationMaterial.tlogEntries[0]?.logIndex;
    return {
      identity: signer.identity?.subjectAlternativeName ?? identity,
      issuer: signer.identity?.extensions?.issuer ?? TRIVY_SIGNING_ISSUER,
      ...logIndex !== void 0 ? { logIndex: String(logIndex) } : {}
    };
  } catch (error) {
    const e = error;
    if (e.name === "PolicyError") {
      throw new TrivySignatureError(
        "signature-identity",
        `Refusing ${assetName}: its signature is valid but was not made by Trivy's release workflow for v${version} (expected ${identity}, issuer ${TRIVY_SIGNING_ISSUER}; ${e.message}). Someone other than Trivy signed these bytes; nothing was installed.`
      );
    }
    throw new TrivySignatureError(
      "signature-invalid",
      `Refusing ${assetName}: its Sigstore bundle does not verify (${e.code ? `${e.code}: ` : ""}${e.message ?? String(error)}). The download may have been tampered with, or the bundle belongs to other bytes; nothing was installed.`
    );
  }
}

// scanners/trivy/install.ts
var TRIVY_VERSION_INPUT = "trivy-version";
var TRIVY_CHECKSUM_INPUT = "trivy-checksum";
var TOOL_NAME = "trivy";
function createToolCacheAdapter() {
  const load = () => import('./chunk-BlE2GPTQ.js');
  return {
    find: async (tool, version, arch) => (await load()).find(tool, version, arch),
    downloadTool: async (url) => (await load()).downloadTool(url),
    extractTar: async (file) => (await load()).extractTar(file),
    extractZip: async (file) => (await load()).extractZip(file),
    cacheDir: async (dir, tool, version, arch) => (await load()).cacheDir(dir, tool, version, arch)
  };
}
var programExec = programExecWith((env) => childEnv(env ?? process.env));
var publicGoodRoot;
function publicGoodTrustedRoot() {
  publicGoodRoot ??= import('./chunk-DiuGvxkU.js').then(
    ({ loadTrustedRoot }) => loadTrustedRoot({
      tufCachePath: path.join(process.env.RUNNER_TEMP || tmpdir(), "shipgate-sigstore-tuf")
    })
  ).catch((error) => {
    publicGoodRoot = void 0;
    throw error;
  });
  return publicGoodRoot;
}
async function installTrivy(opts, deps) {
  const { logger } = deps;
  const version = await parseTrivyVersion(opts.version);
  refuseCompromised(version);
  const platform = opts.platform ?? process.platform;
  const arch = opts.arch ?? process.arch;
  const key = trivyPlatformKey(platform, arch);
  if (!key) {
    throw new TrivyInstallError(
      "unsupported-platform",
      `Shipgate cannot install Trivy on ${platform}/${arch}: supported runners are ${TRIVY_PLATFORM_KEYS.join(", ")}. Install Trivy yourself in an earlier step (it is reused when it reports the requested version).`
    );
  }
  const asset = trivyAssetFor(version, key);
  const given = normalizeChecksumInput(version, asset, opts.checksum);
  if (opts.reusePath !== false) {
    const onPath = await findTrivyOnPath(version, deps);
    if (onPath) return onPath;
  }
  const cachedDir = await deps.toolCache.find(TOOL_NAME, version, arch);
  if (cachedDir) {
    const binary2 = path.join(cachedDir, asset.binary);
    if (await isFile(binary2)) {
      logger.info(`Using Trivy ${version} from the tool cache (${cachedDir}).`);
      return { path: binary2, dir: cachedDir, version, source: "tool-cache" };
    }
    logger.warning(`Tool cache entry ${cachedDir} has no ${asset.binary}; downloading again.`);
  }
  const signed = await hasSigstoreBundle(version);
  const expected = given ?? (signed ? pinnedChecksum(version, asset.key) : requirePinnedChecksum(version, asset));
  const url = trivyAssetUrl(version, asset, opts.downloadBaseUrl ?? TRIVY_RELEASES_BASE_URL);
  logger.info(`Downloading Trivy ${version} from ${url}`);
  let archive;
  try {
    archive = await deps.toolCache.downloadTool(url);
  } catch (cause) {
    throw new TrivyInstallError(
      "download-failed",
      `Could not download ${asset.name} from ${url}: ${errorMessage(cause)}. Check that Trivy ${version} exists and that the runner can reach github.com.`,
      { cause }
    );
  }
  const actual = await sha256File(archive);
  if (expected !== void 0 && actual !== expected) {
    await rm(archive, { force: true });
    throw new TrivyInstallError(
      "checksum-mismatch",
      `Refusing ${asset.name}: its SHA-256 is ${actual} but ${expected} was expected (${opts.checksum ? `from the "${TRIVY_CHECKSUM_INPUT}" input` : "from Shipgate's pinned checksum table"}). The download from ${url} may have been tampered with or truncated; nothing was installed.`,
      { input: opts.checksum ? TRIVY_CHECKSUM_INPUT : void 0 }
    );
  }
  if (signed) {
    try {
      await verifyDownloadedSignature(version, asset, archive, url, deps);
    } catch (error) {
      await rm(archive, { force: true });
      throw error;
    }
  }
  logger.info(
    `Verified ${asset.name} (sha256 ${actual}${expected === void 0 ? `; not in Shipgate's checksum table, trusted on its signature alone` : given ? `, equal to "${TRIVY_CHECKSUM_INPUT}"` : `, equal to Shipgate's pinned table`}).`
  );
  let extracted;
  try {
    extracted = asset.archive === "zip" ? await deps.toolCache.extractZip(archive) : await deps.toolCache.extractTar(archive);
  } catch (cause) {
    throw new TrivyInstallError(
      "broken-archive",
      `Could not extract ${asset.name}: ${errorMessage(cause)}`,
      { cause }
    );
  } finally {
    await rm(archive, { force: true });
  }
  if (!await isFile(path.join(extracted, asset.binary))) {
    throw new TrivyInstallError(
      "broken-archive",
      `${asset.name} passed its checksum but holds no ${asset.binary} at its root; nothing was installed.`
    );
  }
  const dir = await deps.toolCache.cacheDir(extracted, TOOL_NAME, version, arch);
  const binary = path.join(dir, asset.binary);
  if (platform === process.platform && arch === process.arch) {
    const reported = await reportedVersion(binary, deps.exec);
    if (reported !== version) {
      throw new TrivyInstallError(
        "binary-check-failed",
        `Installed ${binary} but it reports version ${reported ?? "(none)"} instead of ${version}.`
      );
    }
  }
  logger.info(`Installed Trivy ${version} at ${binary}.`);
  return { path: binary, dir, version, source: "download" };
}
async function parseTrivyVersion(input) {
  const raw = (input ?? "").trim();
  if (raw === "") return DEFAULT_TRIVY_VERSION;
  if (raw.toLowerCase() === "latest") {
    throw new TrivyInstallError(
      "invalid-version",
      `"${TRIVY_VERSION_INPUT}: latest" is not supported: Shipgate only installs exact, reviewed versions. Leave it empty for the pinned default (${DEFAULT_TRIVY_VERSION}) or set an exact version such as ${DEFAULT_TRIVY_VERSION}.`,
      { input: TRIVY_VERSION_INPUT }
    );
  }
  const parsed = await validVersion(raw.replace(/^v(?=\d)/, ""));
  if (!parsed) {
    throw new TrivyInstallError(
      "invalid-version",
      `"${TRIVY_VERSION_INPUT}" must be an exact version like ${DEFAULT_TRIVY_VERSION}, got "${raw}". Ranges and tags are not accepted.`,
      { input: TRIVY_VERSION_INPUT }
    );
  }
  return parsed;
}
function refuseCompromised(version) {
  const reason = COMPROMISED_TRIVY_VERSIONS[version];
  if (reason) {
    throw new TrivyInstallError(
      "compromised-version",
      `Refusing Trivy ${version}: ${reason}. No checksum can make it safe. Set "${TRIVY_VERSION_INPUT}" to ${DEFAULT_TRIVY_VERSION} (or leave it empty), and rotate any secret a workflow that ran Trivy ${version} could read.`,
      { input: TRIVY_VERSION_INPUT }
    );
  }
}
async function verifyDownloadedSignature(version, asset, archive, archiveUrl, deps) {
  const bundleUrl = `${archiveUrl}.sigstore.json`;
  let bundleFile;
  try {
    bundleFile = await deps.toolCache.downloadTool(bundleUrl);
  } catch (cause) {
    const status = cause.httpStatusCode;
    throw new TrivyInstallError(
      "signature-missing",
      `Refusing ${asset.name}: its signature ${bundleName(asset.name)} could not be downloaded from ${bundleUrl} (${status ? `HTTP ${status}` : errorMessage(cause)}). Every Trivy release since ${FIRST_BUNDLED_TRIVY_VERSION} publishes one; without it nothing proves who built these bytes, so nothing was installed.`,
      { cause }
    );
  }
  let bundleText;
  try {
    bundleText = await readFile(bundleFile, "utf8");
  } finally {
    await rm(bundleFile, { force: true });
  }
  let trustedRoot;
  try {
    trustedRoot = await (deps.trustedRoot ?? publicGoodTrustedRoot)();
  } catch (cause) {
    throw new TrivyInstallError(
      "signature-unverifiable",
      `Cannot check the signature of ${asset.name}: ${errorMessage(cause)}. Nothing was installed. Let the runner reach tuf-repo-cdn.sigstore.dev, or install a Trivy you verified yourself in an earlier step (it is reused when it reports the requested version).`,
      { cause }
    );
  }
  try {
    const signer = await verifyTrivySignature({
      version,
      assetName: asset.name,
      artifact: await readFile(archive),
      bundleText,
      trustedRoot
    });
    deps.logger.info(
      `Verified the Sigstore signature of ${asset.name}: signed by ${signer.identity} (issuer ${signer.issuer}${signer.logIndex ? `, Rekor log index ${signer.logIndex}` : ""}).`
    );
  } catch (error) {
    if (error instanceof TrivySignatureError) {
      throw new TrivyInstallError(error.code, error.message, { cause: error });
    }
    throw error;
  }
}
function requirePinnedChecksum(version, asset) {
  const pinned = pinnedChecksum(version, asset.key);
  if (pinned) return pinned;
  const listed = pinnedVersions().includes(version);
  throw new TrivyInstallError(
    "checksum-required",
    `${listed ? `Shipgate has no pinned checksum for ${asset.name}` : `Trivy ${version} is not in Shipgate's pinned checksum table (pinned: ${pinnedVersions().join(", ")})`}, and releases before ${FIRST_BUNDLED_TRIVY_VERSION} publish no Sigstore bundle Shipgate could check instead. Set the "${TRIVY_CHECKSUM_INPUT}" input to the SHA-256 of ${asset.name} (listed in trivy_${version}_checksums.txt on https://github.com/aquasecurity/trivy/releases/tag/v${version}), or use ${TRIVY_VERSION_INPUT} ${DEFAULT_TRIVY_VERSION} or later (signed by ${trivyReleaseIdentity(DEFAULT_TRIVY_VERSION)}).`,
    { input: TRIVY_CHECKSUM_INPUT }
  );
}
function normalizeChecksumInput(version, asset, given) {
  const trimmed = (given ?? "").trim();
  if (trimmed === "") return void 0;
  const normalized = trimmed.replace(/^sha256:/i, "").toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(normalized)) {
    throw new TrivyInstallError(
      "invalid-checksum",
      `"${TRIVY_CHECKSUM_INPUT}" must be a SHA-256 (64 hex characters) of ${asset.name}, got "${trimmed}".`,
      { input: TRIVY_CHECKSUM_INPUT }
    );
  }
  const pinned = pinnedChecksum(version, asset.key);
  if (pinned && pinned !== normalized) {
    throw new TrivyInstallError(
      "checksum-conflict",
      `"${TRIVY_CHECKSUM_INPUT}" (${normalized}) contradicts Shipgate's pinned SHA-256 of ${asset.name} (${pinned}). Remove "${TRIVY_CHECKSUM_INPUT}" to use the pinned value, or find out which one is wrong before going on.`,
      { input: TRIVY_CHECKSUM_INPUT }
    );
  }
  return normalized;
}
async function findTrivyOnPath(version, deps) {
  const candidate = await whichTrivy(deps.env);
  if (!candidate) return void 0;
  const reported = await reportedVersion(candidate, deps.exec);
  if (reported !== version) {
    deps.logger.info(
      `Ignoring ${candidate} on PATH: it reports version ${reported ?? "(unknown)"}, not ${version}.`
    );
    return void 0;
  }
  deps.logger.info(`Using Trivy ${version} already on PATH at ${candidate}.`);
  return { path: candidate, dir: path.dirname(candidate), version, source: "path" };
}
async function whichTrivy(env) {
  const isWindows = process.platform === "win32";
  const names = isWindows ? ["trivy.exe"] : ["trivy"];
  for (const dir of (env.PATH ?? env.Path ?? "").split(path.delimiter)) {
    if (!dir || !path.isAbsolute(dir)) continue;
    for (const name of names) {
      const file = path.join(dir, name);
      if (await isFile(file) && (isWindows || await isExecutable(file))) return file;
    }
  }
  return void 0;
}
async function reportedVersion(binary, exec) {
  const result = await exec(binary, ["--version"], { timeoutMs: 3e4 });
  if (result.exitCode !== 0) return void 0;
  const match = /^Version:\s*v?(\S+)/m.exec(result.stdout);
  return match?.[1] ? await validVersion(match[1]) ?? void 0 : void 0;
}
async function sha256File(file) {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk);
  return hash.digest("hex");
}
async function isFile(file) {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}
async function isExecutable(file) {
  try {
    await access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
function errorMessage(error) {
  return error instanceof Error ? error.message : String(error);
}

export { TRIVY_CHECKSUM_INPUT, TRIVY_VERSION_INPUT, TrivyInstallError, createToolCacheAdapter, installTrivy, parseTrivyVersion, programExec, publicGoodTrustedRoot, reportedVersion, sha256File };
