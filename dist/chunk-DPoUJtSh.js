import { createRequire } from 'node:module';
import { r as runProgram, c as childEnv, f as failureOf } from './chunk-BPn_haLw.js';
import { I as InputError, w as parseReference, F as DOCKER_HUB } from './chunk-BAQxG8PF.js';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';

createRequire(import.meta.url);
function staticCredentials(username, password, opts = {}) {
  const source = opts.source ?? "registry-username/registry-password";
  return {
    async get(registry) {
      if (opts.registry && normalizeHost(opts.registry) !== normalizeHost(registry))
        return void 0;
      return { kind: "basic", username, password, source };
    }
  };
}
function environmentCredentials(env = process.env) {
  return {
    async get(registry) {
      if (normalizeHost(registry) !== "ghcr.io") return void 0;
      const token = env.GITHUB_TOKEN || env.GH_TOKEN;
      if (!token) return void 0;
      const username = env.GITHUB_ACTOR || "x-access-token";
      return {
        kind: "basic",
        username,
        password: token,
        source: env.GITHUB_TOKEN ? "GITHUB_TOKEN" : "GH_TOKEN"
      };
    }
  };
}
function dockerConfigCredentials(opts = {}) {
  const env = opts.env ?? process.env;
  const helperTimeoutMs = opts.helperTimeoutMs ?? HELPER_TIMEOUT_MS;
  const path = opts.path ?? join(env.DOCKER_CONFIG || join(homedir(), ".docker"), "config.json");
  let loaded;
  const load = () => {
    loaded ??= readFile(path, "utf8").then(
      (text) => {
        try {
          return JSON.parse(text);
        } catch (error) {
          throw new Error(
            `${path} is not valid JSON (${error.message}); fix or remove it, or pass registry-username/registry-password.`
          );
        }
      },
      (error) => {
        if (error.code === "ENOENT") return void 0;
        throw error;
      }
    );
    return loaded;
  };
  return {
    async get(registry) {
      const config = await load();
      if (!config) return void 0;
      const host = normalizeHost(registry);
      const source = `docker config ${path}`;
      const helper = config.credHelpers?.[host] ?? config.credHelpers?.[registry];
      if (helper) return runHelper(helper, host, source, helperTimeoutMs);
      for (const [key, entry] of Object.entries(config.auths ?? {})) {
        if (normalizeHost(key) !== host) continue;
        if (entry.identitytoken)
          return { kind: "identity-token", token: entry.identitytoken, source };
        if (entry.auth) {
          const decoded = Buffer.from(entry.auth, "base64").toString("utf8");
          const colon = decoded.indexOf(":");
          if (colon <= 0) {
            throw new Error(
              `${path}: the "auth" entry for ${key} is not base64("user:password"); run docker login ${key} again.`
            );
          }
          return {
            kind: "basic",
            username: decoded.slice(0, colon),
            password: decoded.slice(colon + 1),
            source
          };
        }
        if (entry.username && entry.password) {
          return { kind: "basic", username: entry.username, password: entry.password, source };
        }
      }
      if (config.credsStore) return runHelper(config.credsStore, host, source, helperTimeoutMs);
      return void 0;
    }
  };
}
function chainCredentials(...providers) {
  return {
    async get(registry) {
      for (const provider of providers) {
        const found = await provider.get(registry);
        if (found) return found;
      }
      return void 0;
    }
  };
}
function defaultCredentials(opts = {}) {
  const providers = [];
  if (opts.username && opts.password && opts.registry)
    providers.push(staticCredentials(opts.username, opts.password, { registry: opts.registry }));
  providers.push(dockerConfigCredentials({ env: opts.env }));
  providers.push(environmentCredentials(opts.env));
  return chainCredentials(...providers);
}
function normalizeHost(value) {
  let host = value.trim().replace(/^[a-z]+:\/\//i, "");
  host = host.split("/")[0] ?? host;
  host = host.toLowerCase();
  if (host === "index.docker.io" || host === "registry-1.docker.io" || host === DOCKER_HUB) {
    return DOCKER_HUB;
  }
  return host;
}
var HELPER_TIMEOUT_MS = 3e4;
async function runHelper(helper, host, source, timeoutMs) {
  if (!/^[A-Za-z0-9._-]+$/.test(helper)) {
    throw new Error(`Docker credential helper name ${JSON.stringify(helper)} is not valid.`);
  }
  const server = host === DOCKER_HUB ? "https://index.docker.io/v1/" : host;
  const result = await runProgram(`docker-credential-${helper}`, ["get"], {
    input: server,
    timeoutMs,
    // The helper answers for one host; it never needs the job's tokens or the action's inputs.
    env: childEnv()
  });
  if (result.timedOut) {
    throw new Error(
      `docker-credential-${helper} did not answer within ${timeoutMs / 1e3} s for ${host} and was stopped; it may be waiting for a locked keychain or an interactive prompt. Unlock or fix the helper (try \`echo ${server} | docker-credential-${helper} get\`), or pass registry-username/registry-password instead.`
    );
  }
  if (result.exitCode === void 0) {
    throw new Error(
      `docker-credential-${helper} ${failureOf(result)} for ${host}; install it or fix credHelpers/credsStore in the docker config.`
    );
  }
  if (result.exitCode !== 0) {
    if (/not found/i.test(result.stdout + result.stderr)) return void 0;
    throw new Error(
      `docker-credential-${helper} failed for ${host} (exit ${result.exitCode}); check that the helper is installed and logged in.`
    );
  }
  const parsed = JSON.parse(result.stdout);
  if (!parsed.Secret) return void 0;
  if (parsed.Username === "<token>") {
    return { kind: "identity-token", token: parsed.Secret, source: `${source} (${helper} helper)` };
  }
  return {
    kind: "basic",
    username: parsed.Username ?? "",
    password: parsed.Secret,
    source: `${source} (${helper} helper)`
  };
}

// src/registry/login.ts
function parseRegistryHost(raw, label) {
  const value = raw.trim();
  if (value === "") return void 0;
  if (/^[a-z]+:\/\//i.test(value) || value.includes("/") || /\s/.test(value)) {
    throw new InputError(
      label,
      `"${raw}" is not a registry host; give the host and optional port only, like ghcr.io or registry.example.com:5000 (no https://, no path).`
    );
  }
  try {
    parseReference(`${value}/x`);
  } catch {
    throw new InputError(label, `"${raw}" is not a valid registry host name.`);
  }
  if (!/[.:]/.test(value) && value !== "localhost") {
    throw new InputError(
      label,
      `"${raw}" has no dot or port, so it would be read as a Docker Hub user; write docker.io for Docker Hub, or the full host name.`
    );
  }
  return normalizeHost(value);
}
function imageHost(image) {
  try {
    return normalizeHost(parseReference(image).registry);
  } catch {
    return void 0;
  }
}
function registryLogin(opts) {
  if (!opts.username || !opts.password) return void 0;
  const host = opts.registry ?? (opts.images[0] === void 0 ? void 0 : imageHost(opts.images[0]));
  if (!host) return void 0;
  return { host, username: opts.username, password: opts.password };
}
function trivyLoginEnv(image, login) {
  if (login && imageHost(image) === login.host) {
    return { TRIVY_USERNAME: login.username, TRIVY_PASSWORD: login.password };
  }
  return {};
}

export { defaultCredentials as d, parseRegistryHost as p, registryLogin as r, trivyLoginEnv as t };
