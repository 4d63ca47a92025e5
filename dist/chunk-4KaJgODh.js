import { createRequire } from 'node:module';
import { spawn } from 'node:child_process';
import { I as InputError, J as parseReference, X as DOCKER_HUB, L as warning, Y as debug, a as info, Z as escapeLog, d as setSecret, F as registerSecret, _ as parseImages, $ as getInput, a0 as formatRepository } from './chunk-BfsmuvnE.js';
import { readFile, rm, mkdir, mkdtemp, rename } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { Transform, PassThrough, Readable } from 'node:stream';
import { createWriteStream, rmSync, createReadStream } from 'node:fs';

createRequire(import.meta.url);

// src/registry/errors.ts
var RegistryError = class extends Error {
  name = "RegistryError";
  kind;
  details;
  constructor(kind, message, details = {}) {
    super(message, details.cause === void 0 ? void 0 : { cause: details.cause });
    this.kind = kind;
    this.details = details;
  }
  get status() {
    return this.details.status;
  }
};
function parseErrorBody(text) {
  try {
    const body = JSON.parse(text);
    if (!Array.isArray(body.errors)) return [];
    return body.errors.map((e) => ({
      code: String(e.code ?? ""),
      message: String(e.message ?? "")
    }));
  } catch {
    return [];
  }
}

createRequire(import.meta.url);

// src/child-env.ts
var RUNNER_CREDENTIALS = /* @__PURE__ */ new Set([
  "ACTIONS_RUNTIME_TOKEN",
  "ACTIONS_RUNTIME_URL",
  "ACTIONS_RESULTS_URL",
  "ACTIONS_CACHE_URL",
  "ACTIONS_ID_TOKEN_REQUEST_TOKEN",
  "ACTIONS_ID_TOKEN_REQUEST_URL"
]);
function isShipgateOnly(name) {
  return name.toUpperCase().startsWith("INPUT_") || RUNNER_CREDENTIALS.has(name.toUpperCase());
}
function childEnv(env = process.env) {
  const out = {};
  for (const [k, v] of Object.entries(env)) {
    if (v !== void 0 && !isShipgateOnly(k)) out[k] = v;
  }
  return out;
}
var DEFAULT_MAX_OUTPUT = 16 * 1024 * 1024;
var Tail = class {
  constructor(max) {
    this.max = max;
  }
  max;
  text = "";
  add(chunk) {
    this.text += chunk;
    if (this.text.length > this.max * 2) this.text = this.text.slice(-this.max);
  }
  toString() {
    return this.text.length > this.max ? this.text.slice(-this.max) : this.text;
  }
};
function withoutFinalNewline(text) {
  return text.endsWith("\r\n") ? text.slice(0, -2) : text.endsWith("\n") ? text.slice(0, -1) : text;
}
var running = /* @__PURE__ */ new Set();
var exitHook$1 = false;
function stopOnExit() {
  if (exitHook$1) return;
  exitHook$1 = true;
  process.once("exit", () => {
    for (const child of running) child.kill("SIGTERM");
  });
}
function runProgram(file, args, opts) {
  return new Promise((resolve) => {
    const max = opts.maxOutput ?? DEFAULT_MAX_OUTPUT;
    const stdout = new Tail(max);
    const stderr = new Tail(max);
    let timedOut = false;
    let startError;
    let child;
    try {
      child = spawn(file, [...args], {
        env: opts.env,
        cwd: opts.cwd,
        stdio: [opts.input === void 0 ? "ignore" : "pipe", "pipe", "pipe"],
        windowsHide: true
      });
    } catch (error) {
      resolve({
        stdout: "",
        stderr: "",
        failed: true,
        timedOut: false,
        startError: error.code ?? error.message
      });
      return;
    }
    running.add(child);
    stopOnExit();
    child.stdout?.setEncoding("utf8").on("data", (d) => stdout.add(d));
    child.stderr?.setEncoding("utf8").on("data", (d) => stderr.add(d));
    if (opts.input !== void 0 && child.stdin) {
      child.stdin.on("error", () => {
      });
      child.stdin.end(opts.input);
    }
    let killTimer;
    const timer = opts.timeoutMs !== void 0 ? setTimeout(() => {
      timedOut = true;
      child.kill("SIGTERM");
      killTimer = setTimeout(() => child.kill("SIGKILL"), opts.killGraceMs ?? 5e3);
    }, opts.timeoutMs) : void 0;
    child.on("error", (error) => {
      startError ??= error.code ?? error.message;
    });
    child.on("close", (code, signal) => {
      running.delete(child);
      if (timer) clearTimeout(timer);
      if (killTimer) clearTimeout(killTimer);
      const exitCode = code ?? void 0;
      resolve({
        ...exitCode !== void 0 && startError === void 0 ? { exitCode } : {},
        ...signal ? { signal } : {},
        stdout: withoutFinalNewline(stdout.toString()),
        stderr: withoutFinalNewline(stderr.toString()),
        failed: timedOut || startError !== void 0 || exitCode !== 0,
        timedOut,
        ...startError !== void 0 ? { startError } : {}
      });
    });
  });
}
function failureOf(result) {
  if (result.startError !== void 0) return `could not be started (${result.startError})`;
  if (result.timedOut) return "timed out and was stopped";
  if (result.signal) return `was ended by ${result.signal}`;
  return `exited with code ${result.exitCode}`;
}
function programExecWith(envOf) {
  return async (file, args, options = {}) => {
    const result = await runProgram(file, args, {
      env: envOf(options.env),
      ...options.timeoutMs !== void 0 ? { timeoutMs: options.timeoutMs } : {}
    });
    return {
      exitCode: result.exitCode ?? 1,
      stdout: result.stdout,
      stderr: result.stderr || (result.failed ? `${file} ${failureOf(result)}` : "")
    };
  };
}

createRequire(import.meta.url);

// src/sign/tuf.ts
var PUBLIC_GOOD_TUF = "https://tuf-repo-cdn.sigstore.dev";
var clients = /* @__PURE__ */ new Map();
function tufRepositoryName(o) {
  return o.tufMirrorURL ?? PUBLIC_GOOD_TUF;
}
function tufClient(o = {}) {
  const key = JSON.stringify([o.tufMirrorURL, o.tufRootPath, o.tufCachePath]);
  let client = clients.get(key);
  if (!client) {
    client = import('./chunk-DajMsyLq.js').then(
      ({ initTUF }) => initTUF({
        ...o.tufCachePath ? { cachePath: o.tufCachePath } : {},
        ...o.tufMirrorURL ? { mirrorURL: o.tufMirrorURL } : {},
        ...o.tufRootPath ? { rootPath: o.tufRootPath } : {}
      })
    );
    clients.set(key, client);
  }
  return client;
}

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

createRequire(import.meta.url);
var info2 = (message) => info(escapeLog(message));
var actionLogger = {
  debug: (m) => debug(m),
  info: info2,
  warning: (m) => warning(m)
};
var getInput2 = (name) => getInput(name);
function actionRegistryLogin() {
  const password = getInput2("registry-password");
  if (password) {
    setSecret(password);
    registerSecret(password);
  }
  return registryLogin({
    username: getInput2("registry-username") || void 0,
    password: password || void 0,
    registry: parseRegistryHost(getInput2("registry"), "registry"),
    images: parseImages(getInput2("image"))
  });
}
function runUrl() {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run } = process.env;
  if (!server || !repo || !run) return void 0;
  const attempt = process.env.GITHUB_RUN_ATTEMPT;
  return `${server}/${repo}/actions/runs/${run}${attempt ? `/attempts/${attempt}` : ""}`;
}
function trivyCacheDir() {
  return join(process.env.RUNNER_TEMP || tmpdir(), "shipgate-trivy-cache");
}

createRequire(import.meta.url);
async function getBlob(t, repo, digest, opts = {}) {
  const what = `download blob ${digest} of ${formatRepository(repo)}`;
  if (!digest.startsWith("sha256:")) {
    throw new RegistryError("invalid-response", `${what}: only sha256 digests are supported.`);
  }
  const res = await t.request({
    repo,
    method: "GET",
    path: `blobs/${digest}`,
    action: "pull",
    what,
    stream: true
  });
  if (!res.body) throw new RegistryError("invalid-response", `${what}: the registry sent no body.`);
  return verifyingStream(
    Readable.fromWeb(res.body),
    digest,
    opts.size,
    what
  );
}
function verifyingStream(source, digest, size, what) {
  const hash = createHash("sha256");
  let seen = 0;
  const verify = new Transform({
    transform(chunk, _enc, done) {
      hash.update(chunk);
      seen += chunk.length;
      done(null, chunk);
    },
    flush(done) {
      const got = `sha256:${hash.digest("hex")}`;
      if (got !== digest || size !== void 0 && seen !== size) {
        done(
          new RegistryError(
            "digest-mismatch",
            `${what}: received ${seen} bytes with digest ${got}, expected ${digest}${size !== void 0 ? ` (${size} bytes)` : ""}. The download was corrupted or tampered with.`
          )
        );
        return;
      }
      done();
    }
  });
  source.on("error", (error) => verify.destroy(error));
  return source.pipe(verify);
}
async function readBounded(open, what, maxBytes = 64 * 1024 * 1024) {
  const stream = await open();
  const chunks = [];
  let total = 0;
  for await (const chunk of stream) {
    total += chunk.length;
    if (total > maxBytes) {
      stream.destroy();
      throw new RegistryError(
        "too-large",
        `${what}: larger than ${maxBytes} bytes, refusing to buffer it.`
      );
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
async function hasBlob(t, repo, digest) {
  const res = await t.request({
    repo,
    method: "HEAD",
    path: `blobs/${digest}`,
    action: "pull",
    what: `check blob ${digest} of ${formatRepository(repo)}`,
    accept: [404]
  });
  return res.status !== 404;
}
function sha256(bytes) {
  return `sha256:${createHash("sha256").update(bytes).digest("hex")}`;
}
var DEFAULT_BLOB_CACHE_BYTES = 2 * 1024 * 1024 * 1024;
var DIGEST = /^sha256:[a-f0-9]{64}$/;
var temporaryDirs = /* @__PURE__ */ new Set();
var exitHook = false;
function removeAtExit(dir) {
  temporaryDirs.add(dir);
  if (exitHook) return;
  exitHook = true;
  process.once("exit", () => {
    for (const d of temporaryDirs) rmSync(d, { recursive: true, force: true });
  });
}
var BlobCache = class {
  maxBytes;
  fixedDir;
  dirReady;
  entries = /* @__PURE__ */ new Map();
  pending = /* @__PURE__ */ new Map();
  used = 0;
  clock = 0;
  tmp = 0;
  stats = { downloads: 0, hits: 0, bypassed: 0 };
  constructor(opts = {}) {
    this.maxBytes = opts.maxBytes ?? DEFAULT_BLOB_CACHE_BYTES;
    this.fixedDir = opts.dir;
  }
  /** Bytes currently held on disk. */
  get size() {
    return this.used;
  }
  /**
   * The blob `digest` as a verifying stream: from disk when an earlier read cached it, else
   * from `download` (itself digest-verifying), stored first when it fits the budget. Two reads
   * of the same digest at once share one download.
   */
  async open(digest, size, download, signal) {
    if (!DIGEST.test(digest) || size === void 0 || size > this.maxBytes) {
      this.stats.bypassed++;
      return download();
    }
    let entry = this.entries.get(digest);
    if (!entry) {
      const filling = this.pending.get(digest);
      if (!filling) {
        let settle = () => {
        };
        const stored = new Promise((resolve) => {
          settle = resolve;
        });
        this.pending.set(
          digest,
          stored.finally(() => this.pending.delete(digest))
        );
        try {
          const tee = await this.tee(digest, size, download);
          tee.stored.then(settle);
          return tee.stream;
        } catch (error) {
          settle(void 0);
          throw error;
        }
      }
      entry = await abortable(filling, signal);
      if (!entry) {
        this.stats.bypassed++;
        return download();
      }
      this.stats.hits++;
    } else {
      this.stats.hits++;
    }
    entry.lastUsed = ++this.clock;
    return this.read(digest, entry);
  }
  /** Resolves when every copy being written has become an entry (or was dropped). */
  async idle() {
    while (this.pending.size > 0) await Promise.all(this.pending.values());
  }
  /** Removes every cached blob and the directory. */
  async close() {
    const dir = this.dirReady && await this.dirReady.catch(() => void 0);
    this.entries.clear();
    this.used = 0;
    if (dir && !this.fixedDir) {
      await rm(dir, { recursive: true, force: true });
      temporaryDirs.delete(dir);
    }
  }
  dir() {
    this.dirReady ??= (async () => {
      if (this.fixedDir) {
        await mkdir(this.fixedDir, { recursive: true });
        return this.fixedDir;
      }
      const dir = await mkdtemp(join(process.env.RUNNER_TEMP || tmpdir(), "shipgate-blobs-"));
      removeAtExit(dir);
      return dir;
    })();
    return this.dirReady;
  }
  /**
   * Streams a download of known size to its first reader and, at the same time, to a
   * temporary file that becomes an entry only when the download ended with a matching digest.
   * `stored` never rejects: later readers then download for themselves.
   */
  async tee(digest, size, download) {
    const dir = await this.dir();
    const part = join(dir, `${digest.slice(7)}.${++this.tmp}.part`);
    const source = await download();
    this.stats.downloads++;
    let seen = 0;
    const counter = new Transform({
      transform: (chunk, _enc, done) => {
        seen += chunk.length;
        if (seen > size) {
          done(
            new RegistryError(
              "digest-mismatch",
              `blob ${digest}: the registry sent more than the ${size} bytes its descriptor declares.`
            )
          );
          return;
        }
        done(null, chunk);
      }
    });
    const reader = new PassThrough();
    const file = createWriteStream(part);
    source.on("error", (error) => counter.destroy(error));
    source.pipe(counter);
    counter.pipe(reader);
    counter.pipe(file);
    let ended = false;
    counter.on("end", () => {
      ended = true;
    });
    reader.on("close", () => {
      if (!ended) counter.destroy(new Error(`the reader of blob ${digest} stopped early`));
    });
    const stored = new Promise((resolve) => {
      let failed = false;
      counter.on("error", (error) => {
        failed = true;
        reader.destroy(error);
        file.destroy();
        rm(part, { force: true }).finally(() => resolve(void 0));
      });
      file.on("error", () => {
        failed = true;
        rm(part, { force: true }).finally(() => resolve(void 0));
      });
      file.on("finish", () => {
        if (failed) return;
        this.makeRoom(seen);
        const path = join(dir, digest.slice(7));
        rename(part, path).then(
          () => {
            const entry = { path, size: seen, lastUsed: ++this.clock };
            this.entries.set(digest, entry);
            this.used += seen;
            resolve(entry);
          },
          () => resolve(void 0)
        );
      });
    });
    return { stream: reader, stored };
  }
  /** Drops least recently used blobs until `bytes` fit (an open reader keeps its file). */
  makeRoom(bytes) {
    const byAge = [...this.entries.entries()].sort((a, b) => a[1].lastUsed - b[1].lastUsed);
    for (const [digest, entry] of byAge) {
      if (this.used + bytes <= this.maxBytes) break;
      this.entries.delete(digest);
      this.used -= entry.size;
      rmSync(entry.path, { force: true });
    }
  }
  read(digest, entry) {
    const stream = verifyingStream(
      createReadStream(entry.path),
      digest,
      entry.size,
      `read cached blob ${digest}`
    );
    stream.once("error", (error) => {
      if (error instanceof RegistryError && error.kind === "digest-mismatch") {
        if (this.entries.get(digest) === entry) {
          this.entries.delete(digest);
          this.used -= entry.size;
          rmSync(entry.path, { force: true });
        }
      }
    });
    return stream;
  }
};
function abortable(promise, signal) {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const stop = () => reject(signal.reason);
    signal.addEventListener("abort", stop, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener("abort", stop);
        resolve(v);
      },
      (e) => {
        signal.removeEventListener("abort", stop);
        reject(e);
      }
    );
  });
}

export { BlobCache as B, RegistryError as R, actionRegistryLogin as a, actionLogger as b, childEnv as c, runProgram as d, trivyLoginEnv as e, failureOf as f, getInput2 as g, tufClient as h, info2 as i, tufRepositoryName as j, defaultCredentials as k, readBounded as l, hasBlob as m, getBlob as n, parseErrorBody as o, programExecWith as p, registryLogin as q, runUrl as r, sha256 as s, trivyCacheDir as t };
