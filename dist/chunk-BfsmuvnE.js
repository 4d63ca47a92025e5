import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, lstat, open, rm, rename, realpath, readFile } from 'node:fs/promises';
import { resolve, dirname, join, basename, sep } from 'node:path';
import * as os from 'os';
import { EOL } from 'os';
import * as fs from 'fs';
import { promises, constants } from 'fs';
import * as crypto from 'crypto';

createRequire(import.meta.url);
var cached;
function workflowEvent() {
  if (cached) return cached;
  let payload = {};
  const path = process.env.GITHUB_EVENT_PATH;
  if (path) {
    if (existsSync(path)) payload = JSON.parse(readFileSync(path, "utf8"));
    else process.stdout.write(`GITHUB_EVENT_PATH ${path} does not exist
`);
  }
  cached = { eventName: process.env.GITHUB_EVENT_NAME, payload };
  return cached;
}
function workflowRepo() {
  const full = process.env.GITHUB_REPOSITORY;
  if (full) {
    const [owner = "", repo = ""] = full.split("/");
    return { owner, repo };
  }
  const repository = workflowEvent().payload.repository;
  if (repository) return { owner: repository.owner?.login ?? "", repo: repository.name ?? "" };
  throw new Error(
    "context.repo requires a GITHUB_REPOSITORY environment variable like 'owner/repo'"
  );
}

createRequire(import.meta.url);

// src/canonical-json.ts
function canonicalJson(value) {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== void 0).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

createRequire(import.meta.url);
var GATE_VERDICT_PREDICATE_TYPE = "https://shipgate.dev/attestation/gate/v1";
var SHIPGATE_VERIFIER_ID = "https://shipgate.dev/verifier";
function policyDigest(policy) {
  return createHash("sha256").update(canonicalJson(policy)).digest("hex");
}
function rfc3339(date) {
  return date.toISOString().replace(/\.\d+Z$/, "Z");
}
function normalizedTime(value) {
  if (!value) return void 0;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? void 0 : rfc3339(new Date(ms));
}
function gateVerdictPredicate(input) {
  const trivy = input.trivyVersion?.replace(/^v/, "") ?? "";
  const db = {};
  const lastUpdate = normalizedTime(input.db.updatedAt);
  const nextUpdate = normalizedTime(input.db.nextUpdate);
  if (lastUpdate) db.lastUpdate = lastUpdate;
  if (nextUpdate) db.nextUpdate = nextUpdate;
  if (lastUpdate && input.measuredDb && normalizedTime(input.measuredDb.updatedAt) === lastUpdate)
    db.ageHours = input.measuredDb.ageHours;
  return {
    verifier: {
      id: SHIPGATE_VERIFIER_ID,
      version: { shipgate: input.shipgateVersion, ...trivy ? { trivy } : {} }
    },
    timeVerified: rfc3339(input.timeVerified),
    resourceUri: `${input.repository}@${input.digest}`,
    policy: { uri: input.policyUri, digest: { sha256: policyDigest(input.policy) } },
    verificationResult: input.passed ? "PASSED" : "FAILED",
    scanner: {
      // Release versions are tags `vX.Y.Z`; a dev build has no tag to point at.
      uri: /^\d/.test(trivy) ? `pkg:github/aquasecurity/trivy@v${trivy}` : "pkg:github/aquasecurity/trivy",
      version: trivy,
      db
    },
    findings: {
      critical: input.counts.CRITICAL,
      high: input.counts.HIGH,
      medium: input.counts.MEDIUM,
      low: input.counts.LOW,
      unknown: input.counts.UNKNOWN,
      ignored: input.ignored,
      suppressedByVex: input.suppressedByVex
    },
    thresholds: input.policy
  };
}
function dbFromTrivyReport(report) {
  const db = report?.Trivy?.Server?.VulnerabilityDB;
  if (!db || typeof db.UpdatedAt !== "string") return void 0;
  return {
    updatedAt: db.UpdatedAt,
    ...typeof db.NextUpdate === "string" ? { nextUpdate: db.NextUpdate } : {}
  };
}
var DurationError = class extends Error {
  name = "DurationError";
};
var UNIT_MS = { s: 1e3, m: 6e4, h: 36e5, d: 864e5 };
function parseDuration(raw, label) {
  const text = raw.trim();
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)([smhd])/g)];
  if (!text || parts.map((p) => p[0]).join("") !== text) {
    throw new DurationError(
      `${label}: ${JSON.stringify(raw)} is not a duration; use a number with s, m, h or d, e.g. 24h or 1h30m.`
    );
  }
  const ms = parts.reduce((sum, p) => sum + Number(p[1]) * (UNIT_MS[p[2]] ?? 0), 0);
  if (ms <= 0) throw new DurationError(`${label}: the duration must be greater than zero.`);
  return ms;
}
function verdictProblems(statement, digest, maxDbAgeMs) {
  if (statement.predicateType !== GATE_VERDICT_PREDICATE_TYPE) return ["not a gate verdict"];
  const p = statement.predicate;
  const problems = [];
  if (p?.verificationResult !== "PASSED") {
    problems.push(`the verdict is ${p?.verificationResult ?? "missing"}, not PASSED`);
  }
  if (typeof p?.resourceUri !== "string" || !p.resourceUri.endsWith(`@${digest}`)) {
    problems.push(`the verdict is for ${p?.resourceUri ?? "no resource"}, not ${digest}`);
  }
  if (maxDbAgeMs !== void 0) {
    const verified = Date.parse(p?.timeVerified ?? "");
    const built = Date.parse(p?.scanner?.db?.lastUpdate ?? "");
    if (Number.isNaN(verified) || Number.isNaN(built)) {
      problems.push("the verdict does not say when the vulnerability DB was built");
    } else if (verified - built > maxDbAgeMs) {
      const hours = ((verified - built) / 36e5).toFixed(1);
      problems.push(
        `the vulnerability DB was ${hours} h old when the gate ran, more than the ${(maxDbAgeMs / 36e5).toFixed(1)} h allowed`
      );
    }
  }
  return problems;
}

createRequire(import.meta.url);

// src/settings/origin.ts
function toOrigin(label) {
  if (typeof label !== "string") return label;
  if (label.startsWith("-") || /^[A-Z][A-Z_]*$/.test(label)) return { kind: "flag", name: label };
  return { kind: "input", name: label };
}
function originName(origin) {
  switch (origin.kind) {
    case "input":
    case "flag":
      return origin.name;
    case "policy":
      return origin.key;
    case "default":
      return "default";
  }
}
function describeOrigin(origin) {
  switch (origin.kind) {
    case "input":
      return `Input \`${origin.name}\``;
    case "flag":
      return origin.name.startsWith("-") ? `Flag \`${origin.name}\`` : `Argument \`${origin.name}\``;
    case "policy":
      return `${origin.file}${origin.line ? `:${origin.line}` : ""} \`${origin.key}\``;
    case "default":
      return "The default";
  }
}
function shortOrigin(origin) {
  switch (origin.kind) {
    case "input":
      return `input \`${origin.name}\``;
    case "flag":
      return origin.name.startsWith("-") ? `flag \`${origin.name}\`` : `argument ${origin.name}`;
    case "policy":
      return `${origin.file}${origin.line ? `:${origin.line}` : ""}`;
    case "default":
      return "default";
  }
}
var InputError = class extends Error {
  /** The name as the user typed it (`fail-on`, `--fail-on`, the policy key). */
  input;
  origin;
  constructor(label, message) {
    const origin = toOrigin(label);
    super(`${describeOrigin(origin)}: ${message}`);
    this.name = "InputError";
    this.origin = origin;
    this.input = originName(origin);
  }
};

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

// src/registry/reference.ts
var DOCKER_HUB = "docker.io";
var DOCKER_HUB_API = "registry-1.docker.io";
var COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
var TAG = /^[\w][\w.-]{0,127}$/;
var DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$/;
var SHA256 = /^sha256:[a-f0-9]{64}$/;
var DOMAIN = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?$|^\[[0-9a-fA-F:.]+\](?::[0-9]+)?$/;
var InvalidReferenceError = class extends Error {
  name = "InvalidReferenceError";
  input;
  problem;
  constructor(input, problem) {
    super(
      `Invalid image reference ${JSON.stringify(input)}: ${problem}. Expected [registry/]repository[:tag][@sha256:digest], e.g. ghcr.io/owner/app:1.2.3.`
    );
    this.input = input;
    this.problem = problem;
  }
};
function parseReference(input) {
  const raw = input.trim();
  if (raw === "") throw new InvalidReferenceError(input, "it is empty");
  if (/\s/.test(raw)) throw new InvalidReferenceError(input, "it contains whitespace");
  if (raw.includes("://")) {
    throw new InvalidReferenceError(input, "drop the URL scheme (no http:// or https://)");
  }
  let rest = raw;
  let digest;
  const at = rest.indexOf("@");
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) {
      throw new InvalidReferenceError(input, `${JSON.stringify(digest)} is not a digest`);
    }
    if (digest.startsWith("sha256:") && !SHA256.test(digest)) {
      throw new InvalidReferenceError(input, "a sha256 digest has 64 lower-case hex characters");
    }
  }
  let tag;
  const lastSlash = rest.lastIndexOf("/");
  const colon = rest.lastIndexOf(":");
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) {
      throw new InvalidReferenceError(
        input,
        `tag ${JSON.stringify(tag)} must be 1-128 characters of letters, digits, '_', '.', '-', not starting with '.' or '-'`
      );
    }
  }
  let registry = DOCKER_HUB;
  let path = rest;
  const firstSlash = rest.indexOf("/");
  if (firstSlash !== -1) {
    const first = rest.slice(0, firstSlash);
    if (first.includes(".") || first.includes(":") || first === "localhost" || /[A-Z]/.test(first)) {
      if (!DOMAIN.test(first)) {
        throw new InvalidReferenceError(
          input,
          `${JSON.stringify(first)} is not a valid registry host`
        );
      }
      registry = first;
      path = rest.slice(firstSlash + 1);
    }
  }
  if (registry === "index.docker.io" || registry === DOCKER_HUB_API) registry = DOCKER_HUB;
  if (path === "") throw new InvalidReferenceError(input, "the repository name is missing");
  if (path !== path.toLowerCase()) {
    throw new InvalidReferenceError(input, "repository names must be lower case");
  }
  for (const component of path.split("/")) {
    if (!COMPONENT.test(component)) {
      throw new InvalidReferenceError(
        input,
        `path component ${JSON.stringify(component)} may only use a-z, 0-9 and single '.', '_', '__' or '-' separators`
      );
    }
  }
  if (registry === DOCKER_HUB && !path.includes("/")) path = `library/${path}`;
  if (registry.length + 1 + path.length > 255) {
    throw new InvalidReferenceError(input, "the name is longer than 255 characters");
  }
  const ref = { registry, repository: path };
  if (tag !== void 0) ref.tag = tag;
  if (digest !== void 0) ref.digest = digest;
  return ref;
}
function formatReference(ref) {
  let out = `${ref.registry}/${ref.repository}`;
  if (ref.tag) out += `:${ref.tag}`;
  if (ref.digest) out += `@${ref.digest}`;
  return out;
}
function formatRepository(ref) {
  return `${ref.registry}/${ref.repository}`;
}
function manifestReference(ref) {
  return ref.digest ?? ref.tag ?? "latest";
}
function apiHost(registry) {
  return registry === DOCKER_HUB ? DOCKER_HUB_API : registry;
}
function isLoopbackHost(hostAndPort) {
  const host = hostAndPort.replace(/:[0-9]+$/, "").replace(/^\[|\]$/g, "").toLowerCase();
  return host === "localhost" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host);
}

createRequire(import.meta.url);

// scanners/base-image/recommend.ts
var TARGETS = {
  distrolessStatic: { name: "gcr.io/distroless/static-debian12:nonroot", packages: 5 },
  distrolessBase: { name: "gcr.io/distroless/base-debian12:nonroot", packages: 9 },
  chainguardStatic: { name: "cgr.dev/chainguard/static:latest", packages: 5 },
  ubiMicro: { name: "registry.access.redhat.com/ubi9/ubi-micro", packages: void 0 }
};
function mb(n) {
  return `${(n / 1e6).toFixed(1)} MB`;
}
function recommend(f) {
  const problems = [];
  if (f.shell) problems.push(`a shell (${f.shells.join(", ") || "sh"})`);
  if (f.packageManager) problems.push(`a package manager (${f.packageManager})`);
  if (f.runsAsRoot) problems.push("root as its user");
  const family = f.base?.family;
  if (problems.length === 0 && (f.base?.minimal || f.shell === false)) {
    if (f.shell === null) {
      return f.runsAsRoot === false || f.runsAsRoot === null ? void 0 : "Set a non-root USER (e.g. USER 65532:65532).";
    }
    return void 0;
  }
  const userFix = f.runsAsRoot ? " and set a non-root user (USER 65532:65532, `nonroot` in distroless)" : "";
  const removal = (target) => {
    const parts = [];
    if (f.packages !== void 0 && target.packages !== void 0 && f.packages > target.packages) {
      parts.push(`about ${f.packages - target.packages} of its ${f.packages} packages`);
    }
    if (f.baseLayerSize !== void 0 && (f.layers ?? 0) >= 1)
      parts.push(`up to ${mb(f.baseLayerSize)} of compressed OS layer`);
    return parts.length > 0 ? `, removing ${parts.join(" and ")}` : "";
  };
  const has = `The image has ${problems.length > 0 ? problems.join(", ") : "a large base"}.`;
  const os = f.osRelease?.id ?? (family === "alpine" ? "alpine" : void 0);
  if (os === "debian" || os === "ubuntu" || family === "debian" || family === "ubuntu" || family === "slim" || f.packageDb === "dpkg") {
    if (!f.shell && !f.packageManager) return `${has} Set a non-root USER (e.g. 65532:65532).`;
    return `${has} Build the final stage FROM ${TARGETS.distrolessBase.name} (or ${TARGETS.distrolessStatic.name} for a static binary; ${TARGETS.chainguardStatic.name} is the Chainguard equivalent)${userFix}: no shell, no apt/dpkg${removal(TARGETS.distrolessBase)}.`;
  }
  if (os === "alpine") {
    return `${has} Copy the app into ${TARGETS.chainguardStatic.name} or ${TARGETS.distrolessStatic.name}${userFix}: no shell, no apk${removal(TARGETS.chainguardStatic)}.`;
  }
  if (os === "rhel" || family === "ubi" || family === "ubi-minimal") {
    return `${has} Use ${TARGETS.ubiMicro.name} for the final stage${userFix}: no shell tooling beyond the minimum and no package manager${removal(TARGETS.ubiMicro)}.`;
  }
  if (family === "busybox") {
    return `${has} Busybox exists to give you a shell; for a static binary use ${TARGETS.distrolessStatic.name} or scratch${userFix}${removal({})}.`;
  }
  if (!f.shell && !f.packageManager && f.runsAsRoot)
    return "Set a non-root USER (e.g. USER 65532:65532).";
  return `${has} Move the final stage to ${TARGETS.distrolessStatic.name} (static binaries) or ${TARGETS.distrolessBase.name} (glibc)${userFix}${removal(TARGETS.distrolessBase)}.`;
}
function recommendedBase(f) {
  const sentence = recommend(f);
  if (!sentence) return void 0;
  const named = Object.values(TARGETS).map((t) => ({ name: t.name, at: sentence.indexOf(t.name) })).filter((t) => t.at !== -1).sort((a, b) => a.at - b.at);
  return named[0]?.name;
}

// scanners/base-image/policy.ts
var FORBIDDABLE = ["shell", "package-manager", "root-user", "unpinned-base"];
var PolicyInputError = class extends Error {
  name = "PolicyInputError";
};
function parseBaseImagePolicy(inputs) {
  const mode = (inputs.mode ?? "").trim().toLowerCase() || "warn";
  if (mode === "off") return void 0;
  if (mode !== "warn" && mode !== "enforce") {
    throw new PolicyInputError(
      `base-image-policy: "${inputs.mode}" is not one of off, warn, enforce.`
    );
  }
  const list = (v) => (v ?? "").split(/[\n,]/).map((s) => s.trim()).filter((s) => s !== "" && !s.startsWith("#"));
  const forbid = [];
  for (const word of list(inputs.forbid)) {
    const w = word.toLowerCase();
    if (!FORBIDDABLE.includes(w)) {
      throw new PolicyInputError(`forbid: "${word}" is not one of ${FORBIDDABLE.join(", ")}.`);
    }
    forbid.push(w);
  }
  const policy = {
    mode,
    allowedBaseImages: list(inputs.allowedBaseImages),
    forbid
  };
  if (inputs.maxImageSize?.trim())
    policy.maxImageSize = parseSize(inputs.maxImageSize, "max-image-size");
  return policy;
}
var UNITS = {
  "": 1,
  b: 1,
  k: 1e3,
  kb: 1e3,
  m: 1e6,
  mb: 1e6,
  g: 1e9,
  gb: 1e9,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3
};
function parseSize(value, input = "size") {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(value);
  const unit = m?.[2]?.toLowerCase() ?? "";
  if (!m || !(unit in UNITS)) {
    throw new PolicyInputError(
      `${input}: "${value}" is not a size; use e.g. 200MB, 1.5GiB or a number of bytes.`
    );
  }
  return Math.round(Number(m[1]) * (UNITS[unit] ?? 1));
}
function formatBytes(n) {
  if (n < 1e3) return `${n} B`;
  if (n < 1e6) return `${(n / 1e3).toFixed(1)} kB`;
  if (n < 1e9) return `${(n / 1e6).toFixed(1)} MB`;
  return `${(n / 1e9).toFixed(2)} GB`;
}
function globToRegExp(glob) {
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === "*" && glob[i + 1] === "*") {
      re += ".*";
      i++;
    } else if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else re += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`);
}
function nameForms(name) {
  const forms = /* @__PURE__ */ new Set([name]);
  try {
    const ref = parseReference(name);
    forms.add(formatReference(ref));
    forms.add(`${ref.registry}/${ref.repository}`);
    if (ref.tag) forms.add(`${ref.registry}/${ref.repository}:${ref.tag}`);
    if (ref.registry === "docker.io") {
      const short = ref.repository.replace(/^library\//, "");
      forms.add(short);
      if (ref.tag) forms.add(`${short}:${ref.tag}`);
    }
  } catch {
  }
  return [...forms];
}
function baseAllowed(name, globs) {
  const forms = nameForms(name);
  return globs.some((g) => {
    const re = globToRegExp(g);
    return forms.some((f) => re.test(f));
  });
}
function judgeBaseImage(facts, policy) {
  const violations = [];
  const offline = facts.source === "trivy-report" ? " from the Trivy report alone; run with registry access to check it" : "";
  if (policy.allowedBaseImages.length > 0) {
    const name = facts.base?.name;
    if (!name) {
      violations.push({
        rule: "allowed-base-images",
        message: `The base image could not be determined${offline}, so it cannot be shown to be one of: ${policy.allowedBaseImages.join(", ")}.`
      });
    } else if (!baseAllowed(name, policy.allowedBaseImages)) {
      violations.push({
        rule: "allowed-base-images",
        message: `Base image ${name} (${facts.base?.how}) is not in allowed-base-images (${policy.allowedBaseImages.join(", ")}).`
      });
    }
  }
  for (const rule of policy.forbid) {
    if (rule === "shell") {
      if (facts.shell === true)
        violations.push({
          rule: "forbid:shell",
          message: `The image contains a shell (${facts.shells.join(", ")}).`
        });
      else if (facts.shell === null)
        violations.push({
          rule: "forbid:shell",
          message: `Whether the image contains a shell cannot be known${offline}.`
        });
    }
    if (rule === "package-manager") {
      if (facts.packageManager)
        violations.push({
          rule: "forbid:package-manager",
          message: `The image contains a package manager (${facts.packageManager}).`
        });
      else if (facts.packageManager === null)
        violations.push({
          rule: "forbid:package-manager",
          message: `Whether the image contains a package manager cannot be known${offline}.`
        });
    }
    if (rule === "root-user") {
      if (facts.runsAsRoot === true)
        violations.push({
          rule: "forbid:root-user",
          message: `The image runs as root (User ${facts.user ? JSON.stringify(facts.user) : "not set"}).`
        });
      else if (facts.runsAsRoot === null)
        violations.push({
          rule: "forbid:root-user",
          message: `Whether the image runs as root cannot be known (User ${JSON.stringify(facts.user ?? "")}${offline ? `${offline}` : ""}).`
        });
    }
    if (rule === "unpinned-base") {
      for (const f of facts.dockerfile?.findings ?? []) {
        if (f.rule === "unpinned-from" || f.rule === "latest-tag") {
          violations.push({
            rule: "forbid:unpinned-base",
            message: `${facts.dockerfile?.path ?? "Dockerfile"}:${f.line}: ${f.message}`
          });
        }
      }
      if (!facts.dockerfile && !facts.base?.digest) {
        violations.push({
          rule: "forbid:unpinned-base",
          message: "No Dockerfile was given and the image does not record its base digest, so a pinned base cannot be shown; set the dockerfile input."
        });
      }
    }
  }
  if (policy.maxImageSize !== void 0) {
    if (facts.compressedSize === void 0) {
      violations.push({
        rule: "max-image-size",
        message: `The compressed image size cannot be known${offline}.`
      });
    } else if (facts.compressedSize > policy.maxImageSize) {
      violations.push({
        rule: "max-image-size",
        message: `The image is ${formatBytes(facts.compressedSize)} compressed, over max-image-size ${formatBytes(policy.maxImageSize)}.`
      });
    }
  }
  const report = {
    image: facts.image,
    mode: policy.mode,
    source: facts.source,
    shell: facts.shell,
    packageManager: facts.packageManager,
    runsAsRoot: facts.runsAsRoot,
    unknown: facts.unknown,
    violations
  };
  if (facts.digest) report.digest = facts.digest;
  if (facts.platform) report.platform = facts.platform;
  if (facts.base) {
    const { family: _family, ...base } = facts.base;
    report.base = base;
  }
  if (facts.os) report.os = facts.os;
  if (facts.packages !== void 0) report.packages = facts.packages;
  if (facts.user !== void 0) report.user = facts.user;
  if (facts.compressedSize !== void 0) report.compressedSize = facts.compressedSize;
  if (facts.layers !== void 0) report.layers = facts.layers;
  if (facts.shells.length > 0) report.shells = facts.shells;
  if (facts.dockerfile) {
    report.dockerfile = { findings: facts.dockerfile.findings };
    if (facts.dockerfile.path) report.dockerfile.path = facts.dockerfile.path;
  }
  const rec = recommend(facts);
  if (rec) report.recommendation = rec;
  const target = recommendedBase(facts);
  if (target) report.recommendedBase = target;
  return report;
}
function baseImageReason(report) {
  if (report.violations.length === 0) return void 0;
  const rules = [...new Set(report.violations.map((v) => v.rule.replace(/^forbid:/, "")))];
  return `Base image: ${report.violations.length} violation${report.violations.length === 1 ? "" : "s"} (${rules.join(", ")})`;
}

createRequire(import.meta.url);

// src/inputs.ts
var FAIL_ON_VALUES = ["critical", "high", "medium", "low", "unknown", "none"];
function parseFailOn(value, label = "fail-on") {
  const v = (value || "high").trim().toLowerCase();
  if (!FAIL_ON_VALUES.includes(v)) {
    throw new InputError(
      label,
      `"${value}" is not a severity. Use one of ${FAIL_ON_VALUES.join(", ")} (findings at or above it fail the step).`
    );
  }
  return v === "none" ? "NONE" : v.toUpperCase();
}
function parseBoolean(value, label, fallback) {
  if (value === "") return fallback;
  if (/^(true|yes|on|1)$/i.test(value)) return true;
  if (/^(false|no|off|0)$/i.test(value)) return false;
  throw new InputError(label, `"${value}" is not a boolean; use true or false.`);
}
function parseList(value) {
  return value.split(/[\n,]/).map((s) => s.replace(/\s#.*$/, "").trim()).filter((s) => s && !s.startsWith("#"));
}
var SCANNERS = ["vuln", "secret", "misconfig"];
function parseScanners(value, label = "scanners") {
  const list = parseList(value || "vuln,secret");
  for (const s of list) {
    if (s === "license") {
      throw new InputError(
        label,
        "Shipgate does not evaluate licence findings yet, so a `license` scan would be silently ignored. Remove it, or run `trivy --scanners license` in its own step."
      );
    }
    if (!SCANNERS.includes(s)) {
      throw new InputError(label, `unknown scanner "${s}"; use any of ${SCANNERS.join(", ")}.`);
    }
  }
  if (!list.length)
    throw new InputError(label, `name at least one scanner (${SCANNERS.join(", ")}).`);
  return [...new Set(list)];
}
var DURATION_UNITS_MS = { h: 36e5, m: 6e4, s: 1e3, ms: 1 };
var TIMEOUT_RANGE_MS = { min: 1e3, max: 6 * 36e5 };
function durationToMs(value) {
  if (!/^(\d+(\.\d+)?(h|ms|m|s))+$/.test(value)) return void 0;
  let total = 0;
  for (const m of value.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)) {
    total += Number(m[1]) * (DURATION_UNITS_MS[m[2]] ?? Number.NaN);
  }
  return Number.isFinite(total) ? total : void 0;
}
function parseTimeout(value, label = "timeout") {
  const v = (value || "10m").trim();
  const ms = durationToMs(v);
  if (ms === void 0) {
    throw new InputError(label, `"${value}" is not a duration; write it like 10m, 90s or 1h30m.`);
  }
  if (ms < TIMEOUT_RANGE_MS.min || ms > TIMEOUT_RANGE_MS.max) {
    throw new InputError(
      label,
      `"${value}" is out of range: give a duration from 1s to 6h (a job's maximum), e.g. 10m.`
    );
  }
  return v;
}
function parsePositiveInt(value, label, fallback, max = 64) {
  if (value === "") return fallback;
  const v = value.trim();
  const n = /^\d{1,16}$/.test(v) ? Number(v) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < 1 || n > max) {
    throw new InputError(label, `"${value}" must be a whole number from 1 to ${max}.`);
  }
  return n;
}
function parseImages(value, label = "image") {
  const images = parseList(value);
  for (const image of images) {
    if (/\s/.test(image) || !/^[a-z0-9]/i.test(image) || /[^A-Za-z0-9._\-/:@]/.test(image)) {
      throw new InputError(
        label,
        `"${image}" is not an image reference; write it like ghcr.io/acme/api@sha256:\u2026 or ghcr.io/acme/api:1.2.`
      );
    }
  }
  return [...new Set(images)];
}
var PLATFORM_RE = /^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?$/;
function parsePlatform(value, label = "platform") {
  if (!value) return void 0;
  if (!PLATFORM_RE.test(value)) {
    throw new InputError(
      label,
      `"${value}" is not a platform; write it like linux/amd64 or linux/arm64/v8.`
    );
  }
  return value;
}
var ALL_PLATFORMS = { kind: "all" };
function parsePlatforms(value, label = "platform") {
  const raw = value.trim();
  if (!raw || raw.toLowerCase() === "all") return ALL_PLATFORMS;
  const platforms = [...new Set(parseList(raw))];
  for (const p of platforms) {
    if (!PLATFORM_RE.test(p)) {
      throw new InputError(
        label,
        `"${p}" is not a platform; write \`all\`, or platforms like linux/amd64,linux/arm64/v8.`
      );
    }
  }
  return { kind: "some", platforms };
}
function singlePlatform(selection) {
  return selection?.kind === "some" && selection.platforms.length === 1 ? selection.platforms[0] : void 0;
}
function describePlatforms(selection) {
  return selection?.kind === "some" ? selection.platforms.join(",") : void 0;
}
function parseOneOf(value, label, allowed) {
  const v = value.trim().toLowerCase();
  if (!allowed.includes(v)) {
    throw new InputError(label, `"${value}" is not one of ${allowed.join(", ")}.`);
  }
  return v;
}

createRequire(import.meta.url);

// scanners/trivy/db-age.ts
var MAX_DB_AGE_INPUT = "max-db-age";
var DEFAULT_MAX_DB_AGE = "48h";
function parseMaxDbAge(raw, label = MAX_DB_AGE_INPUT) {
  const v = (raw || DEFAULT_MAX_DB_AGE).trim();
  maxDbAgeMs(v, label);
  return v;
}
function maxDbAgeMs(raw, label = MAX_DB_AGE_INPUT) {
  const v = (raw || DEFAULT_MAX_DB_AGE).trim();
  const days = /^(\d{1,3})d$/.exec(v);
  const ms = days ? Number(days[1]) * 864e5 : durationToMs(v);
  if (ms === void 0) {
    throw new InputError(label, `"${raw}" is not a duration; write it like 48h, 2d or 36h30m.`);
  }
  if (ms < 36e5 || ms > 90 * 864e5) {
    throw new InputError(
      label,
      `"${raw}" is out of range: give an age from 1h to 90d (the DB is rebuilt every 6 h; default ${DEFAULT_MAX_DB_AGE}).`
    );
  }
  return ms;
}
function toDbMetadata(value) {
  if (typeof value !== "object" || value === null) return void 0;
  const record = value;
  const text = (v) => typeof v === "string" ? v : void 0;
  return {
    UpdatedAt: text(record.UpdatedAt),
    DownloadedAt: text(record.DownloadedAt),
    NextUpdate: text(record.NextUpdate)
  };
}
function parseVersionInfo(text) {
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`trivy version --format json printed no JSON: ${text.slice(0, 200)}`);
  }
  if (typeof parsed !== "object" || parsed === null) {
    throw new Error("trivy version --format json printed no JSON object.");
  }
  const r = parsed;
  const meta = toDbMetadata;
  return {
    ...typeof r.Version === "string" ? { version: r.Version } : {},
    ...meta(r.VulnerabilityDB) ? { vulnerabilityDb: meta(r.VulnerabilityDB) } : {},
    ...meta(r.JavaDB) ? { javaDb: meta(r.JavaDB) } : {}
  };
}
async function localVersionInfo(trivyPath, cacheDir, exec) {
  const args = ["version", "--format", "json", ...cacheDir ? ["--cache-dir", cacheDir] : []];
  const r = await exec(trivyPath, args, { timeoutMs: 6e4 });
  if (r.exitCode !== 0) {
    throw new Error(
      `trivy version --format json failed (exit ${r.exitCode}): ${r.stderr.slice(-300)}`
    );
  }
  return parseVersionInfo(r.stdout);
}
var DbAgeError = class extends Error {
  name = "DbAgeError";
};
function checkDbAge(meta, maxAgeMs, now, source) {
  const where = source === "server" ? "the Trivy server" : "the runner";
  const stamp = Date.parse(meta?.UpdatedAt ?? "");
  if (!meta?.UpdatedAt || Number.isNaN(stamp)) {
    throw new DbAgeError(
      `The vulnerability DB on ${where} has no readable UpdatedAt, so its age is unknown and a scan with it could miss any recent vulnerability. ${source === "server" ? "Check that the server has downloaded its DB (trivy server logs)." : "Clear the cached DB (cache-db: false) so it is downloaded again."}`
    );
  }
  const ageMs = now.getTime() - stamp;
  const round = (ms) => Math.round(ms / 36e5 * 10) / 10;
  const freshness = {
    updatedAt: meta.UpdatedAt,
    ageHours: round(ageMs),
    maxAgeHours: round(maxAgeMs),
    source
  };
  if (ageMs > maxAgeMs) {
    throw new DbAgeError(
      `The vulnerability DB on ${where} was built ${freshness.ageHours} h ago (UpdatedAt ${meta.UpdatedAt}), older than \`${MAX_DB_AGE_INPUT}\` (${freshness.maxAgeHours} h): vulnerabilities published since then would pass unnoticed, so nothing is judged. ${source === "server" ? "Make the Trivy server update its DB (it checks hourly; restart it or check its network access to the DB mirrors)." : "Let the DB download again (check `db-repository` and the runner network, or set `cache-db: false`)."} Raise \`${MAX_DB_AGE_INPUT}\` only if a stale DB is acceptable.`
    );
  }
  return freshness;
}

createRequire(import.meta.url);

// src/vex/sources.ts
function describeVexSource(source) {
  return source.kind === "file" ? source.path : source.kind === "url" ? source.url : "oci";
}
function parseVexSources(raw, label) {
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  for (const line of raw.split(/\r?\n/)) {
    const value = line.trim();
    if (!value || value.startsWith("#")) continue;
    const source = parseOne(value, label);
    const key = describeVexSource(source);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(source);
  }
  return out;
}
function parseOne(value, label) {
  if (value === "oci") return { kind: "oci" };
  if (value === "repo" || value === "repository" || value === "sbom-ref") {
    throw new InputError(
      label,
      `"${value}" is a Trivy VEX source Shipgate does not pass on: its statements are neither signed nor pinned, so nothing shows who made them. Give the documents as paths or https URLs, or \`oci\` for signed attestations.`
    );
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    let url;
    try {
      url = new URL(value);
    } catch {
      throw new InputError(label, `"${value}" is not a valid URL.`);
    }
    if (url.protocol !== "https:") {
      throw new InputError(
        label,
        `"${value}" is not an https URL: a VEX document suppresses findings, so it is fetched only over https. Use https, or commit the document and give its path.`
      );
    }
    if (url.username || url.password) {
      throw new InputError(
        label,
        `"${url.protocol}//${url.host}${url.pathname}" carries credentials in the URL; they would be written to the report. Host the document where it can be read without them, or commit it.`
      );
    }
    return { kind: "url", url: url.href };
  }
  if (value.includes("\0")) throw new InputError(label, "a path must not contain a NUL byte.");
  return { kind: "file", path: value };
}
function parseVexSetting(raw, label) {
  return parseVexSources(raw, label).map(describeVexSource);
}
function parseRequiredAuthors(raw, label) {
  const authors = raw.split(/\r?\n/).map((s) => s.trim()).filter(Boolean);
  for (const a of authors) {
    if (a.length > 256) throw new InputError(label, "an author name is at most 256 characters.");
  }
  if (!authors.length) return void 0;
  return [...new Set(authors)];
}
function parseIdentityRegexp(raw, label) {
  try {
    new RegExp(raw);
  } catch (error) {
    throw new InputError(label, `not a valid regular expression: ${error.message}`);
  }
  return raw;
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

createRequire(import.meta.url);

// src/settings/resolve.ts
function actionSource(get) {
  return {
    kind: "action",
    originOf: (spec) => ({ kind: "input", name: spec.key }),
    read: (spec) => get(spec.key)
  };
}
function cliSource(flags) {
  return {
    kind: "cli",
    originOf: (spec) => spec.flag ? { kind: "flag", name: spec.flag } : void 0,
    read: (spec) => spec.flag ? flags[spec.flag] : void 0
  };
}
function resolveOne(spec, ctx) {
  const { source, policy } = ctx;
  const origin = source.originOf(spec);
  const given = origin ? source.read(spec) : void 0;
  const policyKey = spec.policyKey ?? spec.key;
  const fromFile = spec.policy ? policy?.values[policyKey] : void 0;
  if (policy && fromFile && (fromFile.locked || !given)) {
    const file = fromFile.file ?? policy.file;
    const at = { kind: "policy", file, key: policyKey, line: fromFile.line };
    if (fromFile.locked && given && origin) {
      ctx.notes.push(
        `${file} locks \`${policyKey}\`, so the value given to \`${originName(origin)}\` is not used.`
      );
    }
    return { value: spec.parse(fromFile.raw, at), origin: at };
  }
  if (given && origin) return { value: spec.parse(given, origin), origin };
  return { value: spec.default, origin: { kind: "default" } };
}
function resolveTable(table, ctx) {
  const out = {};
  for (const [field, spec] of Object.entries(table)) out[field] = resolveOne(spec, ctx);
  return out;
}
function named(source, spec) {
  const origin = source.originOf(spec);
  return `\`${origin ? originName(origin) : spec.key}\``;
}
function blame(setting, spec, source) {
  if (setting.origin.kind !== "default") return setting.origin;
  return source.originOf(spec) ?? { kind: "input", name: spec.key };
}
function checkScan(scan, source) {
  const n = (s) => named(source, s);
  const images = scan.images.value;
  const report = scan.trivyReport.value;
  if (!images.length && !report) {
    throw new InputError(
      blame(scan.images, SCAN_SPEC.images, source),
      source.kind === "cli" ? "nothing to scan: give one or more images, or --report FILE with an existing Trivy JSON report." : "nothing to scan. Set `image` to one or more image references (newline separated), or `trivy-report` to an existing Trivy JSON report."
    );
  }
  if (report && images.length > 1) {
    throw new InputError(
      blame(scan.trivyReport, SCAN_SPEC.trivyReport, source),
      `a report describes one image, but ${n(SCAN_SPEC.images)} lists ${images.length}. Give one image (or none) with ${n(SCAN_SPEC.trivyReport)}.`
    );
  }
  const compareTo = scan.compareTo.value;
  const baselineCount = report ? 1 : images.length;
  if (compareTo.length > 1 && compareTo.length !== baselineCount) {
    throw new InputError(
      blame(scan.compareTo, SCAN_SPEC.compareTo, source),
      `lists ${compareTo.length} baselines for ${baselineCount} image(s); give one baseline per image, in the same order, or a single one.`
    );
  }
  if (scopeHas(scan.failOnScope.value, "new") && !compareTo.length) {
    throw new InputError(
      blame(scan.failOnScope, SCAN_SPEC.failOnScope, source),
      `\`${scan.failOnScope.value}\` gates only on findings the change introduces, which needs a baseline: set ${n(SCAN_SPEC.compareTo)} to the base branch image or an earlier report.`
    );
  }
}
function resolveSettings(source, policy, command) {
  const ctx = { source, policy, notes: [...policy?.warnings ?? []] };
  const mode = command ?? resolveOne(MODE_SPEC, ctx).value;
  const applied = policy?.sha256 ? { file: policy.file, sha256: policy.sha256 } : void 0;
  const common = {
    policy: applied,
    policyReport: policy?.report,
    exceptions: policy?.ignoreRules ?? []
  };
  if (mode === "verify") {
    return { mode, verify: resolveTable(VERIFY_SPEC, ctx), notes: ctx.notes, ...common };
  }
  if (mode === "rescan") {
    if (policy?.values.vex?.raw)
      ctx.notes.push(
        `${policy.values.vex.file ?? policy.file} lists VEX documents, but mode: rescan does not apply VEX: the findings they mark count.`
      );
    const rescan = resolveTable(RESCAN_SPEC, ctx);
    parseWatchedImages(rescan.images.value, blame(rescan.images, RESCAN_SPEC.images, source));
    return { mode, rescan, notes: ctx.notes, ...common };
  }
  const scan = resolveTable(SCAN_SPEC, ctx);
  checkScan(scan, source);
  const comment = resolveTable(COMMENT_SPEC, ctx);
  return { mode, scan, comment, notes: ctx.notes, ...common };
}
function valuesOf(settings) {
  return Object.fromEntries(Object.entries(settings).map(([k, s]) => [k, s.value]));
}

createRequire(import.meta.url);

// src/model.ts
var SEVERITIES = ["CRITICAL", "HIGH", "MEDIUM", "LOW", "UNKNOWN"];
function emptyCounts() {
  return { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, UNKNOWN: 0 };
}
var RANKS = Object.fromEntries(SEVERITIES.map((s, i) => [s, i]));
function severityRank(s) {
  return Object.hasOwn(RANKS, s) ? RANKS[s] : -1;
}
function parseSeverity(value) {
  const upper = value.trim().toUpperCase();
  return SEVERITIES.includes(upper) ? upper : void 0;
}

createRequire(import.meta.url);

// src/github/workflow-commands.ts
var CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
function escapeField(text) {
  return text.replace(CONTROL, (c) => {
    switch (c) {
      case "\n":
        return "\\n";
      case "\r":
        return "\\r";
      case "	":
        return "\\t";
      default: {
        const code = c.charCodeAt(0);
        return code > 255 ? `\\u${code.toString(16).padStart(4, "0")}` : `\\x${code.toString(16).padStart(2, "0")}`;
      }
    }
  });
}
function neutraliseCommands(text) {
  return text.replace(/(^|\r\n|\r|\n)((?:[^\S\r\n]|\u0085)*)::/g, "$1$2\\::");
}
function escapeLog(text) {
  return neutraliseCommands(text);
}
function escapeStrings(value) {
  return JSON.parse(
    JSON.stringify(value),
    (_key, v) => typeof v === "string" ? escapeField(v) : v
  );
}
function safeJson(value) {
  return JSON.stringify(value, null, 2).replace(
    /[\u2028\u2029]/g,
    (c) => c === "\u2028" ? "\\u2028" : "\\u2029"
  );
}

createRequire(import.meta.url);

// src/redact.ts
var REDACTED = "[REDACTED]";
var JWT_SHAPE = /eyJ[A-Za-z0-9_-]{2,}={0,2}\.[A-Za-z0-9_-]{2,}={0,2}\.[A-Za-z0-9_-]*={0,2}/g;
var MIN_SECRET_LENGTH = 4;
var secrets = /* @__PURE__ */ new Set();
var longestFirst = [];
var inJsonText = [];
var SHORTEST_JWT = 9;
var shortest = SHORTEST_JWT;
function registerSecret(value) {
  if (!value || value.trim().length < MIN_SECRET_LENGTH) return;
  for (const form of encodings(value)) secrets.add(form);
  longestFirst = [...secrets].sort((a, b) => b.length - a.length);
  inJsonText = longestFirst.some((f) => /[\uD800-\uDFFF]/.test(f)) ? void 0 : longestFirst.map((f) => JSON.stringify(f).slice(1, -1));
  shortest = Math.min(SHORTEST_JWT, longestFirst.at(-1)?.length ?? SHORTEST_JWT);
}
function encodings(value) {
  const forms = /* @__PURE__ */ new Set([value, value.trim()]);
  forms.add(JSON.stringify(value).slice(1, -1));
  try {
    forms.add(encodeURIComponent(value));
  } catch {
  }
  forms.add(Buffer.from(value).toString("base64"));
  forms.add(Buffer.from(value).toString("base64url"));
  return [...forms].filter((f) => f.length >= MIN_SECRET_LENGTH);
}
function redact(text) {
  if (text.length < shortest) return text;
  let out = text.includes("eyJ") ? text.replace(JWT_SHAPE, REDACTED) : text;
  for (const secret of longestFirst) {
    if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  return out;
}
var MAX_DEPTH = 200;
function redactDeep(value) {
  return walk(value, 0);
}
function walk(value, depth) {
  if (typeof value === "string") return redact(value);
  if (value === null || typeof value !== "object") return value;
  walkInto(value, depth);
  return value;
}
function walkInto(value, depth) {
  walkIntoWith(value, depth, walkInto);
}
var JWT_ANYWHERE = new RegExp(JWT_SHAPE.source);
function jsonMayHoldSecret(text, forms) {
  if (text.includes("eyJ") && JWT_ANYWHERE.test(text)) return true;
  for (const form of forms) if (text.includes(form)) return true;
  return false;
}
function redactDeepForJson(value, longArray) {
  const texts = /* @__PURE__ */ new Map();
  const forms = inJsonText;
  if (!forms) return { value: redactDeep(value), texts };
  const visit = (v, depth) => {
    if (v === null || typeof v !== "object") return;
    if (!Array.isArray(v) || v.length < longArray) {
      walkIntoWith(v, depth, visit);
      return;
    }
    for (let i = 0; i < v.length; i++) {
      const inner = v[i];
      if (typeof inner === "string") {
        const out = redact(inner);
        if (out !== inner) v[i] = out;
      }
      if (typeof inner !== "object" || inner === null) continue;
      let text;
      try {
        text = JSON.stringify(inner);
      } catch {
      }
      if (text !== void 0 && !jsonMayHoldSecret(text, forms)) texts.set(inner, text);
      else walkInto(inner, depth + 1);
    }
  };
  if (typeof value === "string") return { value: redact(value), texts };
  visit(value, 0);
  return { value, texts };
}
function walkIntoWith(value, depth, next) {
  if (depth > MAX_DEPTH) {
    throw new Error(`redactDeep: a value nested deeper than ${MAX_DEPTH} levels (a cycle?)`);
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const inner = value[i];
      if (typeof inner === "string") {
        if (inner.length < shortest) continue;
        const out = redact(inner);
        if (out !== inner) value[i] = out;
      } else if (typeof inner === "object" && inner !== null) next(inner, depth + 1);
    }
    return;
  }
  const record = value;
  for (const key in record) {
    const inner = record[key];
    if (typeof inner === "string") {
      if (inner.length < shortest) continue;
      const out = redact(inner);
      if (out !== inner) record[key] = out;
    } else if (typeof inner === "object" && inner !== null) next(inner, depth + 1);
  }
}
function redactedMessage(error) {
  return redact(error instanceof Error ? error.message : String(error));
}

createRequire(import.meta.url);
var __awaiter = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve) {
      resolve(value);
    });
  }
  return new (P || (P = Promise))(function(resolve, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, [])).next());
  });
};
var { access, appendFile, writeFile } = promises;
var SUMMARY_ENV_VAR = "GITHUB_STEP_SUMMARY";
var Summary = class {
  constructor() {
    this._buffer = "";
  }
  /**
   * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
   * Also checks r/w permissions.
   *
   * @returns step summary file path
   */
  filePath() {
    return __awaiter(this, void 0, void 0, function* () {
      if (this._filePath) {
        return this._filePath;
      }
      const pathFromEnv = process.env[SUMMARY_ENV_VAR];
      if (!pathFromEnv) {
        throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
      }
      try {
        yield access(pathFromEnv, constants.R_OK | constants.W_OK);
      } catch (_a) {
        throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
      }
      this._filePath = pathFromEnv;
      return this._filePath;
    });
  }
  /**
   * Wraps content in an HTML tag, adding any HTML attributes
   *
   * @param {string} tag HTML tag to wrap
   * @param {string | null} content content within the tag
   * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
   *
   * @returns {string} content wrapped in HTML element
   */
  wrap(tag, content, attrs = {}) {
    const htmlAttrs = Object.entries(attrs).map(([key, value]) => ` ${key}="${value}"`).join("");
    if (!content) {
      return `<${tag}${htmlAttrs}>`;
    }
    return `<${tag}${htmlAttrs}>${content}</${tag}>`;
  }
  /**
   * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
   *
   * @param {SummaryWriteOptions} [options] (optional) options for write operation
   *
   * @returns {Promise<Summary>} summary instance
   */
  write(options) {
    return __awaiter(this, void 0, void 0, function* () {
      const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
      const filePath = yield this.filePath();
      const writeFunc = overwrite ? writeFile : appendFile;
      yield writeFunc(filePath, this._buffer, { encoding: "utf8" });
      return this.emptyBuffer();
    });
  }
  /**
   * Clears the summary buffer and wipes the summary file
   *
   * @returns {Summary} summary instance
   */
  clear() {
    return __awaiter(this, void 0, void 0, function* () {
      return this.emptyBuffer().write({ overwrite: true });
    });
  }
  /**
   * Returns the current summary buffer as a string
   *
   * @returns {string} string of summary buffer
   */
  stringify() {
    return this._buffer;
  }
  /**
   * If the summary buffer is empty
   *
   * @returns {boolen} true if the buffer is empty
   */
  isEmptyBuffer() {
    return this._buffer.length === 0;
  }
  /**
   * Resets the summary buffer without writing to summary file
   *
   * @returns {Summary} summary instance
   */
  emptyBuffer() {
    this._buffer = "";
    return this;
  }
  /**
   * Adds raw text to the summary buffer
   *
   * @param {string} text content to add
   * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
   *
   * @returns {Summary} summary instance
   */
  addRaw(text, addEOL = false) {
    this._buffer += text;
    return addEOL ? this.addEOL() : this;
  }
  /**
   * Adds the operating system-specific end-of-line marker to the buffer
   *
   * @returns {Summary} summary instance
   */
  addEOL() {
    return this.addRaw(EOL);
  }
  /**
   * Adds an HTML codeblock to the summary buffer
   *
   * @param {string} code content to render within fenced code block
   * @param {string} lang (optional) language to syntax highlight code
   *
   * @returns {Summary} summary instance
   */
  addCodeBlock(code, lang) {
    const attrs = Object.assign({}, lang && { lang });
    const element = this.wrap("pre", this.wrap("code", code), attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML list to the summary buffer
   *
   * @param {string[]} items list of items to render
   * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
   *
   * @returns {Summary} summary instance
   */
  addList(items, ordered = false) {
    const tag = ordered ? "ol" : "ul";
    const listItems = items.map((item) => this.wrap("li", item)).join("");
    const element = this.wrap(tag, listItems);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML table to the summary buffer
   *
   * @param {SummaryTableCell[]} rows table rows
   *
   * @returns {Summary} summary instance
   */
  addTable(rows) {
    const tableBody = rows.map((row) => {
      const cells = row.map((cell) => {
        if (typeof cell === "string") {
          return this.wrap("td", cell);
        }
        const { header, data, colspan, rowspan } = cell;
        const tag = header ? "th" : "td";
        const attrs = Object.assign(Object.assign({}, colspan && { colspan }), rowspan && { rowspan });
        return this.wrap(tag, data, attrs);
      }).join("");
      return this.wrap("tr", cells);
    }).join("");
    const element = this.wrap("table", tableBody);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds a collapsable HTML details element to the summary buffer
   *
   * @param {string} label text for the closed state
   * @param {string} content collapsable content
   *
   * @returns {Summary} summary instance
   */
  addDetails(label, content) {
    const element = this.wrap("details", this.wrap("summary", label) + content);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML image tag to the summary buffer
   *
   * @param {string} src path to the image you to embed
   * @param {string} alt text description of the image
   * @param {SummaryImageOptions} options (optional) addition image attributes
   *
   * @returns {Summary} summary instance
   */
  addImage(src, alt, options) {
    const { width, height } = options || {};
    const attrs = Object.assign(Object.assign({}, width && { width }), height && { height });
    const element = this.wrap("img", null, Object.assign({ src, alt }, attrs));
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML section heading element
   *
   * @param {string} text heading text
   * @param {number | string} [level=1] (optional) the heading level, default: 1
   *
   * @returns {Summary} summary instance
   */
  addHeading(text, level) {
    const tag = `h${level}`;
    const allowedTag = ["h1", "h2", "h3", "h4", "h5", "h6"].includes(tag) ? tag : "h1";
    const element = this.wrap(allowedTag, text);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML thematic break (<hr>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addSeparator() {
    const element = this.wrap("hr", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML line break (<br>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addBreak() {
    const element = this.wrap("br", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML blockquote to the summary buffer
   *
   * @param {string} text quote text
   * @param {string} cite (optional) citation url
   *
   * @returns {Summary} summary instance
   */
  addQuote(text, cite) {
    const attrs = Object.assign({}, cite && { cite });
    const element = this.wrap("blockquote", text, attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML anchor tag to the summary buffer
   *
   * @param {string} text link text/content
   * @param {string} href hyperlink
   *
   * @returns {Summary} summary instance
   */
  addLink(text, href) {
    const element = this.wrap("a", text, { href });
    return this.addRaw(element).addEOL();
  }
};
var _summary = new Summary();
var summary = _summary;

// node_modules/@actions/core/lib/utils.js
function toCommandValue(input) {
  if (input === null || input === void 0) {
    return "";
  } else if (typeof input === "string" || input instanceof String) {
    return input;
  }
  return JSON.stringify(input);
}
function toCommandProperties(annotationProperties) {
  if (!Object.keys(annotationProperties).length) {
    return {};
  }
  return {
    title: annotationProperties.title,
    file: annotationProperties.file,
    line: annotationProperties.startLine,
    endLine: annotationProperties.endLine,
    col: annotationProperties.startColumn,
    endColumn: annotationProperties.endColumn
  };
}

// node_modules/@actions/core/lib/command.js
function issueCommand(command, properties, message) {
  const cmd = new Command(command, properties, message);
  process.stdout.write(cmd.toString() + os.EOL);
}
function issue(name, message = "") {
  issueCommand(name, {}, message);
}
var CMD_STRING = "::";
var Command = class {
  constructor(command, properties, message) {
    if (!command) {
      command = "missing.command";
    }
    this.command = command;
    this.properties = properties;
    this.message = message;
  }
  toString() {
    let cmdStr = CMD_STRING + this.command;
    if (this.properties && Object.keys(this.properties).length > 0) {
      cmdStr += " ";
      let first = true;
      for (const key in this.properties) {
        if (this.properties.hasOwnProperty(key)) {
          const val = this.properties[key];
          if (val) {
            if (first) {
              first = false;
            } else {
              cmdStr += ",";
            }
            cmdStr += `${key}=${escapeProperty(val)}`;
          }
        }
      }
    }
    cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
    return cmdStr;
  }
};
function escapeData(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A").replace(/:/g, "%3A").replace(/,/g, "%2C");
}
function issueFileCommand(command, message) {
  const filePath = process.env[`GITHUB_${command}`];
  if (!filePath) {
    throw new Error(`Unable to find environment variable for file command ${command}`);
  }
  if (!fs.existsSync(filePath)) {
    throw new Error(`Missing file at path: ${filePath}`);
  }
  fs.appendFileSync(filePath, `${toCommandValue(message)}${os.EOL}`, {
    encoding: "utf8"
  });
}
function prepareKeyValueMessage(key, value) {
  const delimiter = `ghadelimiter_${crypto.randomUUID()}`;
  const convertedValue = toCommandValue(value);
  if (key.includes(delimiter)) {
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
  }
  if (convertedValue.includes(delimiter)) {
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
  }
  return `${key}<<${delimiter}${os.EOL}${convertedValue}${os.EOL}${delimiter}`;
}
var __awaiter2 = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve) {
      resolve(value);
    });
  }
  return new (P || (P = Promise))(function(resolve, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, [])).next());
  });
};
var ExitCode;
(function(ExitCode2) {
  ExitCode2[ExitCode2["Success"] = 0] = "Success";
  ExitCode2[ExitCode2["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
function setSecret(secret) {
  issueCommand("add-mask", {}, secret);
}
function getInput(name, options) {
  const val = process.env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] || "";
  return val.trim();
}
function setOutput(name, value) {
  const filePath = process.env["GITHUB_OUTPUT"] || "";
  if (filePath) {
    return issueFileCommand("OUTPUT", prepareKeyValueMessage(name, value));
  }
  process.stdout.write(os.EOL);
  issueCommand("set-output", { name }, toCommandValue(value));
}
function setFailed(message) {
  process.exitCode = ExitCode.Failure;
  error(message);
}
function isDebug() {
  return process.env["RUNNER_DEBUG"] === "1";
}
function debug(message) {
  issueCommand("debug", {}, message);
}
function error(message, properties = {}) {
  issueCommand("error", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function warning(message, properties = {}) {
  issueCommand("warning", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function info(message) {
  process.stdout.write(message + os.EOL);
}
function startGroup(name) {
  issue("group", name);
}
function endGroup() {
  issue("endgroup");
}
function group(name, fn) {
  return __awaiter2(this, void 0, void 0, function* () {
    startGroup(name);
    let result;
    try {
      result = yield fn();
    } finally {
      endGroup();
    }
    return result;
  });
}
function getIDToken(aud) {
  return __awaiter2(this, void 0, void 0, function* () {
    return yield (yield import('./chunk-C8pCKogx.js')).OidcClient.getIDToken(aud);
  });
}

createRequire(import.meta.url);

// src/policy-file/event.ts
var PULL_REQUEST_EVENTS = /* @__PURE__ */ new Set(["pull_request", "pull_request_target"]);
var SHA = /^[0-9a-f]{40}$/;
var NAME = /^[A-Za-z0-9._-]+$/;
var PolicyEventError = class extends Error {
  name = "PolicyEventError";
};
function pullRequestContext(eventName, payload) {
  if (!eventName || !PULL_REQUEST_EVENTS.has(eventName)) return void 0;
  const pr = payload?.pull_request;
  const sha = pr?.base?.sha;
  const fullName = pr?.base?.repo?.full_name;
  const [owner, repo, ...rest] = typeof fullName === "string" ? fullName.split("/") : [];
  if (typeof sha !== "string" || !SHA.test(sha) || !owner || !repo || rest.length || !NAME.test(owner) || !NAME.test(repo)) {
    throw new PolicyEventError(
      `The ${eventName} event payload has no base commit (pull_request.base.sha and base.repo.full_name), so the base branch's policy cannot be read. Shipgate does not fall back to the pull request's own policy file.`
    );
  }
  return { owner, repo, baseSha: sha };
}

// src/policy-file/errors.ts
var PolicyFileError = class extends Error {
  constructor(file, key, line, detail) {
    super(`${file}${line ? `:${line}` : ""}${key ? ` \`${key}\`` : ""}: ${detail}`);
    this.file = file;
    this.key = key;
    this.line = line;
  }
  file;
  key;
  line;
  name = "PolicyFileError";
};
var PolicyLockError = class extends PolicyFileError {
  name = "PolicyLockError";
};

// src/policy-file/location.ts
var DEFAULT_POLICY_PATH = ".github/shipgate.yml";
var REMOTE = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})\/(.+)@([^@]+)$/;
var FULL_SHA = /^[0-9a-fA-F]{40}$/;
function describeLocation(loc) {
  return loc.kind === "file" ? loc.path : `${loc.owner}/${loc.repo}/${loc.path}@${loc.ref}`;
}
function checkRepoPath(path, label, raw) {
  const clean = path.replace(/^\.\//, "");
  if (clean === "" || clean.startsWith("/") || clean.split("/").some((s) => s === ".." || s === "" || s === ".") || /[\0\r\n\\]/.test(clean)) {
    throw new InputError(
      label,
      `"${raw}" is not a path inside a repository; write it relative to the repository root, without "..", e.g. .github/shipgate.yml.`
    );
  }
  return clean;
}
function parsePolicyLocation(raw, label, allowMutable, repoPathOnly = false) {
  const value = raw.trim();
  if (!value) return { kind: "file", path: DEFAULT_POLICY_PATH };
  if (!value.includes("@") && repoPathOnly)
    return { kind: "file", path: checkRepoPath(value, label, raw) };
  if (!value.includes("@")) {
    if (/[\0\r\n]/.test(value))
      throw new InputError(label, "the path holds a control character; give a plain file path.");
    return { kind: "file", path: value.replace(/^\.\/(?=.)/, "") };
  }
  const m = REMOTE.exec(value);
  if (!m) {
    throw new InputError(
      label,
      `"${raw}" is neither a path in this repository nor owner/repo/path@<commit SHA>; write e.g. acme/policies/shipgate.yml@0123456789abcdef0123456789abcdef01234567.`
    );
  }
  const [, owner, repo, path, ref] = m;
  const pinned = FULL_SHA.test(ref);
  if (!pinned && !allowMutable) {
    throw new InputError(
      label,
      `"${ref}" is not a full commit SHA. A tag or branch can change under you without review; pin the central policy to the 40-character commit SHA (git rev-parse ${ref}), or set policy-allow-mutable: true to accept that.`
    );
  }
  return {
    kind: "repo",
    owner,
    repo,
    path: checkRepoPath(path, label, raw),
    ref: pinned ? ref.toLowerCase() : ref,
    pinned
  };
}

const require$1 = createRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require$1 !== "undefined" ? require$1 : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require$1 !== "undefined" ? require$1 : a)[b]
}) : x)(function(x) {
  if (typeof require$1 !== "undefined") return require$1.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  __defProp(target, "default", { value: mod, enumerable: true }) ,
  mod
));
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

export { getInput as $, SCAN_SPEC as A, shortOrigin as B, COMMENT_SPEC as C, DEFAULT_TOKEN_HEADER as D, getIDToken as E, registerSecret as F, baseImagePolicyOf as G, judgeBaseImage as H, InputError as I, parseReference as J, describeOrigin as K, warning as L, redactDeepForJson as M, describePlatforms as N, workflowEvent as O, setOutput as P, workflowRepo as Q, redact as R, SEVERITIES as S, TRIVY_SERVER_TOKEN_INPUT as T, redactDeep as U, dbFromTrivyReport as V, gateVerdictPredicate as W, DOCKER_HUB as X, debug as Y, escapeLog as Z, parseImages as _, info as a, formatRepository as a0, PolicyInputError as a1, baseImageReason as a2, parseBaseImagePolicy as a3, parseSize as a4, describeVexSource as a5, parseIdentityRegexp as a6, parseRequiredAuthors as a7, parseVexSetting as a8, parseVexSources as a9, isDebug as aA, RESCAN_SPEC as aB, PolicyLockError as aC, parsePolicyLocation as aD, canonicalJson as aE, baseAllowed as aF, describeLocation as aG, FORBIDDABLE as aH, apiHost as aI, manifestReference as aJ, parseTimeout as aK, parsePlatform as aL, escapeStrings as aM, neutraliseCommands as aN, cliSource as aO, parsePositiveInt as aP, sarifForStdout as aQ, DbAgeError as aR, __toCommonJS as aS, __export as aT, error as aU, pullRequestContext as aa, __toESM as ab, POLICY_SPEC as ac, POLICY_ALLOW_MUTABLE_SPEC as ad, originName as ae, VerifyUsageError as af, parseRequire as ag, parseDuration as ah, REDACTED as ai, VERIFY_SPEC as aj, summary as ak, setFailed as al, __commonJS as am, actionSource as an, resolveSettings as ao, PolicyFileError as ap, PolicyEventError as aq, DEFAULT_POLICY_PATH as ar, __esm as as, safeJson as at, __require as au, formatReference as av, escapeField as aw, GATE_VERDICT_PREDICATE_TYPE as ax, verdictProblems as ay, recommend as az, parseBoolean as b, checkDbAge as c, setSecret as d, TRIVY_SERVER_INPUT as e, trivyServerWithToken as f, group as g, scopeOf as h, isLoopbackHost as i, scopeHas as j, severityRank as k, localVersionInfo as l, maxDbAgeMs as m, formatBytes as n, emptyCounts as o, parseSeverity as p, sarifTarget as q, redactedMessage as r, serverDbMetadata as s, toDbMetadata as t, openSarifTarget as u, valuesOf as v, singlePlatform as w, replaceWith as x, clientArgs as y, parseVersionInfo as z };
