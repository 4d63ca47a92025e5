import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);
import {
  InputError
} from "./chunk-SALW6YM5.js";

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

export {
  PolicyFileError,
  PolicyLockError,
  PolicyEventError,
  pullRequestContext,
  DEFAULT_POLICY_PATH,
  describeLocation,
  parsePolicyLocation
};
