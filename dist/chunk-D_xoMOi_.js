import { createRequire } from 'node:module';
import { p as parseDuration } from './chunk-D1w318ai.js';
import { I as InputError, w as parseReference, T as parseVersionInfo, m as isLoopbackHost, c as parseIdentityRegexp, e as parseRequiredAuthors, f as parseVexSetting, U as parseOneOf, V as DEFAULT_MAX_DB_AGE, W as parseMaxDbAge, X as parseList, Y as parsePositiveInt, s as parseBoolean, Z as ALL_PLATFORMS, $ as parsePlatforms, a0 as parseTimeout, a1 as parseScanners, a2 as parseFailOn, k as parseImages, a3 as toOrigin, P as PolicyInputError, a as parseSize, p as parseBaseImagePolicy } from './chunk-BAQxG8PF.js';
import { randomBytes } from 'node:crypto';
import { mkdir, lstat, open, rm, rename, realpath, readFile } from 'node:fs/promises';
import { resolve, dirname, join, basename, sep } from 'node:path';

createRequire(import.meta.url);

// src/policy/scope.ts
function scopeHas(scope, filter) {
  return scope.split(",").includes(filter);
}
function scopeOf(filters) {
  if (filters.new && filters.app) return "new,app";
  if (filters.new) return "new";
  if (filters.app) return "app";
  return "all";
}
function parseGateScope(raw, origin) {
  const words = raw.split(/[\s,]+/).map((w) => w.trim().toLowerCase()).filter(Boolean);
  const unknown = words.filter((w) => w !== "all" && w !== "new" && w !== "app");
  if (words.length === 0 || unknown.length > 0) {
    throw new InputError(
      origin,
      `"${raw.trim()}" is not a scope: use all (every finding counts), new (only findings missing from the baseline), app (only findings from the image's own layers, not its base image), or new,app (both).`
    );
  }
  if (words.includes("all")) {
    if (words.length > 1) {
      throw new InputError(
        origin,
        `"${raw.trim()}" combines all with a narrower scope; all already counts every finding. Give all alone, or new, app or new,app.`
      );
    }
    return "all";
  }
  return scopeOf({ new: words.includes("new"), app: words.includes("app") });
}

createRequire(import.meta.url);

// scanners/trivy/server.ts
var TRIVY_SERVER_INPUT = "trivy-server";
var TRIVY_SERVER_TOKEN_INPUT = "trivy-server-token";
var TRIVY_SERVER_TOKEN_HEADER_INPUT = "trivy-server-token-header";
var DEFAULT_TOKEN_HEADER = "Trivy-Token";
function parseTrivyServer(raw, label = TRIVY_SERVER_INPUT) {
  const v = raw.trim();
  if (!v) return void 0;
  let url;
  try {
    url = new URL(v);
  } catch {
    throw new InputError(
      label,
      `"${v}" is not a URL; write it like https://trivy.example.com:4954.`
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new InputError(label, `"${v}" must start with https:// (or http://), as Trivy requires.`);
  }
  if (url.username || url.password) {
    throw new InputError(
      label,
      `the URL carries credentials, which would be logged; give the token in ${toOrigin(label).kind === "flag" ? "the TRIVY_TOKEN environment variable" : `\`${TRIVY_SERVER_TOKEN_INPUT}\``} instead.`
    );
  }
  if (url.search || url.hash) {
    throw new InputError(label, `"${v}" has a query or fragment; give the server's base URL only.`);
  }
  return v.replace(/\/+$/, "");
}
function trivyServerWithToken(url, token, tokenHeader, names = {
  server: TRIVY_SERVER_INPUT,
  token: `\`${TRIVY_SERVER_TOKEN_INPUT}\``
}) {
  if (token && new URL(url).protocol === "http:" && !isLoopbackHost(new URL(url).host)) {
    throw new InputError(
      names.server,
      `${url} would carry ${names.token} in clear to another host. Serve the Trivy server over https:// (e.g. behind a TLS proxy), or run it on this machine (127.0.0.1).`
    );
  }
  return {
    url,
    ...token ? { token } : {},
    ...tokenHeader && tokenHeader !== DEFAULT_TOKEN_HEADER ? { tokenHeader } : {}
  };
}
function parseTokenHeader(raw, label = TRIVY_SERVER_TOKEN_HEADER_INPUT) {
  const v = raw.trim();
  if (!v) return DEFAULT_TOKEN_HEADER;
  if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/.test(v)) {
    throw new InputError(label, `"${v}" is not an HTTP header name (letters, digits and - only).`);
  }
  return v;
}
function clientArgs(server) {
  const args = ["--server", server.url];
  if (server.tokenHeader && server.tokenHeader !== DEFAULT_TOKEN_HEADER) {
    args.push("--token-header", server.tokenHeader);
  }
  return { args, env: server.token ? { TRIVY_TOKEN: server.token } : {} };
}
async function serverDbMetadata(server, fetchImpl = fetch) {
  const url = `${server.url}/version`;
  let res;
  try {
    res = await fetchImpl(url, { signal: AbortSignal.timeout(3e4) });
  } catch (error) {
    throw new Error(
      `The Trivy server ${server.url} did not answer GET /version (${error.message}). Check \`${TRIVY_SERVER_INPUT}\` and that the runner can reach the server.`
    );
  }
  if (!res.ok) {
    throw new Error(
      `The Trivy server ${server.url} answered GET /version with HTTP ${res.status}. Check \`${TRIVY_SERVER_INPUT}\` (a path prefix belongs in the URL).`
    );
  }
  const text2 = (await res.text()).slice(0, 64 * 1024);
  return parseVersionInfo(text2).vulnerabilityDb;
}

// src/baseline-source.ts
var REPORT_PREFIX = "report:";
function hasTagOrDigest(reference) {
  return reference.includes("@") || (reference.split("/").at(-1) ?? "").includes(":");
}
function classifyBaseline(value, label = "compare-to") {
  const v = value.trim();
  if (v.startsWith(REPORT_PREFIX)) {
    const path = v.slice(REPORT_PREFIX.length).trim();
    if (!path) {
      throw new InputError(label, `"${value}" names no file; write report:path/to/report.json.`);
    }
    return { kind: "report", path };
  }
  if (/^(\.{1,2}\/|\/)/.test(v)) return { kind: "report", path: v };
  if (/\.json$/i.test(v) && !hasTagOrDigest(v)) {
    throw new InputError(
      label,
      `"${value}" reads as an image reference, yet looks like a file. A report must be written unambiguously: ./${v} (relative to the working directory: the workspace in the action), an absolute path, or report:${v}.`
    );
  }
  const [image] = parseImages(v, label);
  if (!image) throw new InputError(label, "is empty; give an image reference or ./report.json.");
  return { kind: "image", image };
}
function parseSarifPath(raw, label) {
  const value = raw.trim();
  if (!value) return void 0;
  if (/[\u0000-\u001f\u007f]/.test(value)) {
    throw new InputError(
      label,
      `${JSON.stringify(raw)} holds a newline or control character; give one path, e.g. results.sarif, or sarif/ for a directory of one file per image.`
    );
  }
  return value;
}
function sarifTarget(raw, files) {
  const directory = /[/\\]$/.test(raw) || files > 1;
  return { kind: directory ? "directory" : "file", path: resolve(raw) };
}
var SarifPathError = class extends Error {
};
async function realAncestor(path) {
  let p = path;
  for (; ; ) {
    try {
      return await realpath(p);
    } catch (error) {
      if (error.code !== "ENOENT") throw error;
      const up = dirname(p);
      if (up === p) throw error;
      p = up;
    }
  }
}
var inside = (path, root) => path === root || path.startsWith(`${root}${sep}`);
async function confine(path, roots, raw) {
  if (!roots) return;
  const real = await realAncestor(path);
  const realRoots = await Promise.all(roots.map((r) => realAncestor(resolve(r))));
  if (!realRoots.some((root) => inside(real, root))) {
    throw new SarifPathError(
      `the sarif path ${JSON.stringify(raw)} resolves to ${real}, outside ${roots.join(" and ")}; give a path inside the workspace (a symlink in the checkout cannot redirect it).`
    );
  }
}
async function replaceWith(path, fill) {
  const existing = await lstat(path).catch(() => void 0);
  if (existing?.isDirectory()) {
    throw new SarifPathError(
      `${path} is a directory; end the sarif path with / to write one file per image into it.`
    );
  }
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  const file = await open(temp, "wx", 420);
  try {
    await fill(file);
  } catch (error) {
    await file.close();
    await rm(temp, { force: true });
    throw error;
  }
  await file.close();
  try {
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
async function openSarifTarget(target, raw, roots) {
  const dir = target.kind === "file" ? dirname(target.path) : target.path;
  await confine(dir, roots, raw);
  await mkdir(dir, { recursive: true }).catch((error) => {
    throw new SarifPathError(
      `cannot create the directory ${dir} for SARIF (${error.code ?? error.message}); ${target.kind === "directory" && (error.code === "EEXIST" || error.code === "ENOTDIR") ? "a file is in the way: give another sarif path." : "check the sarif path."}`
    );
  });
  await confine(dir, roots, raw);
  let placed = 0;
  const place = (name) => {
    if (target.kind === "file" && placed > 0) {
      throw new Error("internal: a SARIF file target takes one file");
    }
    placed++;
    return target.kind === "file" ? target.path : join(dir, name);
  };
  return { place };
}
async function sarifForStdout(files) {
  const texts = await Promise.all(files.map((f) => readFile(f.path, "utf8")));
  if (texts.length === 1) return texts[0];
  const logs = texts.map(
    (t) => JSON.parse(t)
  );
  const first = logs[0];
  const combined = {
    version: first?.version ?? "2.1.0",
    ...first?.$schema ? { $schema: first.$schema } : {},
    runs: logs.flatMap((l) => l.runs)
  };
  return `${JSON.stringify(combined, null, 2)}
`;
}

// src/rescan/result.ts
var RESCAN_FAIL = ["never", "new", "any"];

// src/rescan/options.ts
function parseRescanFail(raw, label = "rescan-fail") {
  const v = (raw || "any").trim().toLowerCase();
  if (!RESCAN_FAIL.includes(v)) {
    throw new InputError(
      label,
      `"${raw}" is not one of ${RESCAN_FAIL.join(", ")}: \`any\` fails the step while any watched image fails the policy, \`new\` only when a blocking finding appeared since the last rescan, \`never\` only when something could not be scanned or its issue not updated.`
    );
  }
  return v;
}
function parseWatchedImages(images, label = "image") {
  if (!images.length) {
    throw new InputError(
      label,
      "nothing to watch: `mode: rescan` needs the images you shipped, one per line, by tag (ghcr.io/acme/api:1.2, resolved to its digest on every run) or by digest (ghcr.io/acme/api@sha256:\u2026), in `image` or in the policy file's `rescan.images`."
    );
  }
  for (const image of images) {
    try {
      parseReference(image);
    } catch (error) {
      throw new InputError(label, error.message);
    }
  }
  return images;
}

// src/sign/verify-options.ts
var VerifyUsageError = class extends Error {
  name = "VerifyUsageError";
};
var FORMATS = ["any", "cosign", "bundle", "both"];
function parseRequire(raw, label) {
  const tokens = (raw ?? "").toLowerCase().split(/[\s,]+/).filter(Boolean);
  const formats = tokens.filter((t) => FORMATS.includes(t));
  const unknown = tokens.filter((t) => t !== "verdict" && !formats.includes(t));
  if (unknown.length || formats.length > 1) {
    throw new VerifyUsageError(
      `${label}: ${JSON.stringify(raw)} is not valid; give one of ${FORMATS.join(", ")} (which signature formats must verify) and/or verdict (a PASSED gate verdict), e.g. both,verdict.`
    );
  }
  return { formats: formats[0] ?? "any", verdict: tokens.includes("verdict") };
}

// src/settings/spec.ts
var spec = (row) => row;
var text = (raw) => raw.trim() || void 0;
function baseImageParser(key, parse) {
  return (raw, origin) => {
    try {
      return parse(raw);
    } catch (error) {
      if (!(error instanceof PolicyInputError)) throw error;
      throw new InputError(origin, error.message.replace(new RegExp(`^${key}: `), ""));
    }
  };
}
var BASE_IMAGE_MODES = ["off", "warn", "enforce"];
var MAX_IMAGE_SIZE = 1e12;
var JAVA_DB_MODES = ["auto", "always"];
var COMMENT_WHEN = ["auto", "always", "never"];
var COMMENT_MODES = ["update", "recreate"];
var COMMENT_PER = ["job", "image"];
var MODES = ["scan", "verify", "rescan"];
function viaShared(origin, parse) {
  try {
    return parse("");
  } catch (error) {
    throw new InputError(origin, error.message.replace(/^: /, ""));
  }
}
var SCAN_SPEC = {
  images: spec({ key: "image", flag: "IMAGE", parse: parseImages, default: [] }),
  trivyReport: spec({ key: "trivy-report", flag: "--report", parse: text, default: void 0 }),
  failOn: spec({
    key: "fail-on",
    flag: "--fail-on",
    policy: true,
    parse: parseFailOn,
    default: "HIGH"
  }),
  failOnScope: spec({
    key: "fail-on-scope",
    flag: "--fail-on-scope",
    policy: true,
    parse: parseGateScope,
    default: "all"
  }),
  ignoreUnfixed: spec({
    key: "ignore-unfixed",
    flag: "--ignore-unfixed",
    policy: true,
    parse: (raw, o) => parseBoolean(raw, o, false),
    default: false
  }),
  ignoreFile: spec({
    key: "ignore-file",
    flag: "--ignore-file",
    policy: true,
    parse: text,
    default: void 0
  }),
  scanners: spec({
    key: "scanners",
    flag: "--scanners",
    parse: parseScanners,
    default: ["vuln", "secret"]
  }),
  timeout: spec({ key: "timeout", flag: "--timeout", parse: parseTimeout, default: "10m" }),
  platform: spec({
    key: "platform",
    flag: "--platform",
    parse: parsePlatforms,
    default: ALL_PLATFORMS
  }),
  /** Action only (the CLI does not sign): sign each platform image of an index too. */
  signPlatforms: spec({
    key: "sign-platforms",
    parse: (raw, o) => parseBoolean(raw, o, false),
    default: false
  }),
  maxParallel: spec({
    key: "max-parallel",
    flag: "--max-parallel",
    parse: (raw, o) => parsePositiveInt(raw, o, 2, 64),
    default: 2
  }),
  sarif: spec({
    key: "sarif",
    flag: "--sarif",
    parse: parseSarifPath,
    default: void 0
  }),
  compareTo: spec({
    key: "compare-to",
    flag: "--compare-to",
    // Classified from syntax alone, never from which files exist (a forged-baseline defence).
    parse: (raw, o) => parseList(raw).map((v) => classifyBaseline(v, o)),
    default: []
  }),
  commentKey: spec({
    key: "comment-key",
    flag: "--comment-key",
    parse: text,
    default: void 0
  }),
  baseImagePolicy: spec({
    key: "base-image-policy",
    flag: "--base-image-policy",
    policy: true,
    parse: (raw, o) => parseOneOf(raw, o, BASE_IMAGE_MODES),
    default: "warn"
  }),
  allowedBaseImages: spec({
    key: "allowed-base-images",
    flag: "--allowed-base-images",
    policy: true,
    parse: (raw) => parseList(raw),
    default: []
  }),
  forbid: spec({
    key: "forbid",
    flag: "--forbid",
    policy: true,
    parse: baseImageParser(
      "forbid",
      (raw) => parseBaseImagePolicy({ mode: "warn", forbid: raw })?.forbid ?? []
    ),
    default: []
  }),
  maxImageSize: spec({
    key: "max-image-size",
    flag: "--max-image-size",
    policy: true,
    parse: (raw, o) => {
      const bytes = baseImageParser("max-image-size", (r) => parseSize(r, "max-image-size"))(raw, o);
      if (!(bytes >= 1 && bytes <= MAX_IMAGE_SIZE)) {
        throw new InputError(o, `"${raw}" is out of range: give a size from 1 byte to 1TB.`);
      }
      return bytes;
    },
    default: void 0
  }),
  dockerfile: spec({ key: "dockerfile", flag: "--dockerfile", parse: text, default: void 0 }),
  // Issue 13, scale. The token is not a setting: it is read and masked where it is used
  // (action/trivy.ts; the CLI reads TRIVY_TOKEN, never a flag), so it never reaches the
  // settings record in the report.
  trivyServer: spec({
    key: "trivy-server",
    flag: "--trivy-server",
    parse: (raw, o) => parseTrivyServer(raw, o),
    default: void 0
  }),
  trivyServerTokenHeader: spec({
    key: "trivy-server-token-header",
    flag: "--trivy-server-token-header",
    parse: (raw, o) => parseTokenHeader(raw, o),
    default: DEFAULT_TOKEN_HEADER
  }),
  maxDbAge: spec({
    key: "max-db-age",
    flag: "--max-db-age",
    policy: true,
    parse: (raw, o) => parseMaxDbAge(raw, o),
    default: DEFAULT_MAX_DB_AGE
  }),
  javaDb: spec({
    key: "java-db",
    flag: "--java-db",
    parse: (raw, o) => parseOneOf(raw, o, JAVA_DB_MODES),
    default: "auto"
  }),
  // Issue 11 §3, VEX: documents for Trivy's --vex, and whose statements count (src/vex/).
  vex: spec({
    key: "vex",
    flag: "--vex",
    policy: true,
    parse: parseVexSetting,
    default: []
  }),
  vexRequiredAuthor: spec({
    key: "vex-required-author",
    flag: "--vex-required-author",
    policy: true,
    parse: parseRequiredAuthors,
    default: void 0
  }),
  // `vex: oci` keeps only attestations signed by this identity: verify mode's inputs, same parsers.
  vexCertificateIdentity: spec({
    key: "certificate-identity",
    flag: "--certificate-identity",
    policy: true,
    parse: text,
    default: void 0
  }),
  vexCertificateIdentityRegexp: spec({
    key: "certificate-identity-regexp",
    flag: "--certificate-identity-regexp",
    policy: true,
    parse: parseIdentityRegexp,
    default: void 0
  }),
  vexCertificateOidcIssuer: spec({
    key: "certificate-oidc-issuer",
    flag: "--certificate-oidc-issuer",
    policy: true,
    parse: text,
    default: void 0
  }),
  vexTrustedRoot: spec({
    key: "trusted-root",
    flag: "--trusted-root",
    parse: text,
    default: void 0
  })
};
var COMMENT_SPEC = {
  comment: spec({
    key: "comment",
    policy: true,
    parse: (raw, o) => parseOneOf(raw, o, COMMENT_WHEN),
    default: "auto"
  }),
  commentMode: spec({
    key: "comment-mode",
    policy: true,
    parse: (raw, o) => parseOneOf(raw, o, COMMENT_MODES),
    default: "update"
  }),
  commentPer: spec({
    key: "comment-per",
    policy: true,
    parse: (raw, o) => parseOneOf(raw, o, COMMENT_PER),
    default: "job"
  }),
  commentAuthor: spec({ key: "comment-author", parse: text, default: void 0 }),
  githubToken: spec({ key: "github-token", parse: (raw) => raw, default: "" }),
  pullRequest: spec({
    key: "pull-request",
    parse: (raw, o) => parsePositiveInt(raw, o, 0, 1e9),
    default: void 0
  })
};
var VERIFY_SPEC = {
  images: SCAN_SPEC.images,
  certificateIdentity: spec({
    key: "certificate-identity",
    policy: true,
    parse: text,
    default: void 0
  }),
  certificateIdentityRegexp: spec({
    key: "certificate-identity-regexp",
    policy: true,
    parse: (raw, o) => {
      try {
        new RegExp(raw);
      } catch (error) {
        throw new InputError(o, `not a valid regular expression: ${error.message}`);
      }
      return raw;
    },
    default: void 0
  }),
  certificateOidcIssuer: spec({
    key: "certificate-oidc-issuer",
    policy: true,
    parse: text,
    default: void 0
  }),
  // The verify command's own parsers, so the action and `shipgate verify` accept the same text.
  verifyRequire: spec({
    key: "verify-require",
    parse: (raw, o) => viaShared(o, (label) => {
      parseRequire(raw, label);
      return raw.trim().toLowerCase();
    }),
    default: "any"
  }),
  verifyMaxDbAge: spec({
    key: "verify-max-db-age",
    parse: (raw, o) => viaShared(o, (label) => {
      parseDuration(raw, label);
      return raw.trim();
    }),
    default: void 0
  }),
  verifyAttestations: spec({
    key: "verify-attestations",
    parse: (raw) => raw.split(/[\s,]+/).filter(Boolean),
    default: []
  }),
  trustedRoot: spec({ key: "trusted-root", parse: text, default: void 0 })
};
var RESCAN_SPEC = {
  // The `image` input or IMAGE arguments, else the policy file's `rescan.images`.
  images: spec({
    key: "image",
    flag: "IMAGE",
    policy: true,
    policyKey: "rescan.images",
    parse: parseImages,
    default: []
  }),
  failOn: SCAN_SPEC.failOn,
  ignoreUnfixed: SCAN_SPEC.ignoreUnfixed,
  ignoreFile: SCAN_SPEC.ignoreFile,
  scanners: SCAN_SPEC.scanners,
  timeout: SCAN_SPEC.timeout,
  platform: SCAN_SPEC.platform,
  maxParallel: SCAN_SPEC.maxParallel,
  rescanFail: spec({
    key: "rescan-fail",
    flag: "--rescan-fail",
    policy: true,
    parse: parseRescanFail,
    default: "any"
  }),
  /** The account Shipgate writes issues as, when not the token's own (a custom App). */
  commentAuthor: COMMENT_SPEC.commentAuthor,
  githubToken: COMMENT_SPEC.githubToken
};
var POLICY_SPEC = spec({
  key: "policy",
  flag: "--policy",
  parse: text,
  default: void 0
});
var POLICY_ALLOW_MUTABLE_SPEC = spec({
  key: "policy-allow-mutable",
  flag: "--policy-allow-mutable",
  parse: (raw, o) => parseBoolean(raw, o, false),
  default: false
});
var MODE_SPEC = spec({
  key: "mode",
  parse: (raw, o) => parseOneOf(raw, o, MODES),
  default: "scan"
});
function baseImagePolicyOf(s) {
  if (s.baseImagePolicy === "off") return void 0;
  const policy = {
    mode: s.baseImagePolicy,
    allowedBaseImages: s.allowedBaseImages,
    forbid: s.forbid
  };
  if (s.maxImageSize !== void 0) policy.maxImageSize = s.maxImageSize;
  return policy;
}

export { COMMENT_SPEC as C, DEFAULT_TOKEN_HEADER as D, MODE_SPEC as M, POLICY_SPEC as P, RESCAN_SPEC as R, SCAN_SPEC as S, TRIVY_SERVER_TOKEN_INPUT as T, VerifyUsageError as V, POLICY_ALLOW_MUTABLE_SPEC as a, VERIFY_SPEC as b, TRIVY_SERVER_INPUT as c, parseWatchedImages as d, scopeHas as e, baseImagePolicyOf as f, scopeOf as g, sarifTarget as h, clientArgs as i, sarifForStdout as j, openSarifTarget as o, parseRequire as p, replaceWith as r, serverDbMetadata as s, trivyServerWithToken as t };
