import { createRequire } from 'node:module';

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

export { parsePlatforms as $, __esm as A, safeJson as B, singlePlatform as C, DEFAULT_POLICY_PATH as D, describeOrigin as E, DOCKER_HUB as F, __require as G, toDbMetadata as H, InputError as I, redactDeep as J, formatReference as K, escapeField as L, recommend as M, formatBytes as N, redactDeepForJson as O, PolicyInputError as P, describePlatforms as Q, REDACTED as R, SEVERITIES as S, parseVersionInfo as T, parseOneOf as U, DEFAULT_MAX_DB_AGE as V, parseMaxDbAge as W, parseList as X, parsePositiveInt as Y, ALL_PLATFORMS as Z, __toESM as _, parseSize as a, parseTimeout as a0, parseScanners as a1, parseFailOn as a2, toOrigin as a3, shortOrigin as a4, parseSeverity as a5, PolicyLockError as a6, parsePolicyLocation as a7, baseAllowed as a8, describeLocation as a9, FORBIDDABLE as aa, apiHost as ab, manifestReference as ac, severityRank as ad, emptyCounts as ae, parsePlatform as af, escapeStrings as ag, neutraliseCommands as ah, DbAgeError as ai, __toCommonJS as aj, __export as ak, baseImageReason as b, parseIdentityRegexp as c, describeVexSource as d, parseRequiredAuthors as e, parseVexSetting as f, parseVexSources as g, pullRequestContext as h, escapeLog as i, judgeBaseImage as j, parseImages as k, redactedMessage as l, isLoopbackHost as m, redact as n, originName as o, parseBaseImagePolicy as p, maxDbAgeMs as q, registerSecret as r, parseBoolean as s, checkDbAge as t, localVersionInfo as u, __commonJS as v, parseReference as w, formatRepository as x, PolicyFileError as y, PolicyEventError as z };
