import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);

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

export {
  DOCKER_HUB,
  parseReference,
  formatReference,
  formatRepository,
  manifestReference,
  apiHost,
  isLoopbackHost
};
