import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);
import {
  formatReference,
  parseReference
} from "./chunk-K22WIUD6.js";

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

export {
  recommend,
  FORBIDDABLE,
  PolicyInputError,
  parseBaseImagePolicy,
  parseSize,
  formatBytes,
  baseAllowed,
  judgeBaseImage,
  baseImageReason
};
