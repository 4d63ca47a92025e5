import { createRequire } from 'node:module';
import { l as readBounded, m as hasBlob, n as getBlob, R as RegistryError, o as parseErrorBody, s as sha256 } from './chunk-4KaJgODh.js';
import { s as silentLogger } from './chunk-BHNJ4lnQ.js';
import { M as MANIFEST_ACCEPT, p as parsePlatform, i as isIndex, a as platformMatches, f as formatPlatform, b as MediaType, c as MAX_MANIFEST_BYTES, I as INDEX_TYPES } from './chunk-DtikF6FY.js';
import { a0 as formatRepository, aI as apiHost, i as isLoopbackHost, aJ as manifestReference, av as formatReference } from './chunk-BfsmuvnE.js';

createRequire(import.meta.url);

// src/registry/http.ts
var REDIRECTS = /* @__PURE__ */ new Set([301, 302, 303, 307, 308]);
var MAX_REDIRECTS = 10;
var DEFAULT_BODY_LIMIT = 16 * 1024 * 1024;
var ERROR_BODY_LIMIT = 64 * 1024;
var USER_AGENT = "shipgate (+https://github.com/shipgate)";
var RegistryTransport = class {
  logger;
  retries;
  timeoutMs;
  insecure;
  retryDelayMs;
  maxRetryDelayMs;
  caCert;
  fetchImpl;
  /** Set on a view made by `withSignal`: every request of that view stops when it aborts. */
  signal;
  /**
   * Manifests read by digest in this job (manifests.ts): content-addressed, so a second read
   * cannot differ. The platform listing, the base-image check and the layer attribution each
   * read the same children and bases; shared by every view of this transport.
   */
  manifestsByDigest = /* @__PURE__ */ new Map();
  auth;
  constructor(opts, auth) {
    this.logger = opts.logger ?? silentLogger;
    this.insecure = opts.insecure ?? false;
    this.retries = opts.retries ?? 3;
    this.retryDelayMs = opts.retryDelayMs ?? 500;
    this.maxRetryDelayMs = opts.maxRetryDelayMs ?? 3e4;
    this.caCert = opts.caCert;
    this.timeoutMs = opts.timeoutMs ?? 3e4;
    this.auth = auth;
  }
  /** A view of this transport (same fetch, same auth state) whose requests stop when `signal` aborts. */
  withSignal(signal) {
    const view = Object.create(this);
    view.signal = signal;
    return view;
  }
  baseUrl(repo) {
    const host = apiHost(repo.registry);
    const scheme = this.insecure && isLoopbackHost(host) ? "http" : "https";
    return `${scheme}://${host}/v2/${repo.repository}/`;
  }
  async getFetch() {
    this.fetchImpl ??= (async () => {
      if (!this.caCert) return globalThis.fetch;
      const undici = await import('./chunk-DAYorXwi.js');
      const { rootCertificates } = await import('node:tls');
      const agent = new undici.Agent({
        connect: { ca: [...rootCertificates, this.caCert.toString()] }
      });
      return ((input, init) => undici.fetch(input, {
        ...init,
        dispatcher: agent
      }));
    })();
    return this.fetchImpl;
  }
  /** One logical request: auth challenge handling, retries with backoff, errors mapped. */
  async request(spec) {
    const base = this.baseUrl(spec.repo);
    const registryOrigin = new URL(base).origin;
    const url = new URL(spec.path.includes("://") ? spec.path : `${base}${spec.path}`);
    const peer = `registry ${spec.repo.registry}`;
    let authRetried = false;
    for (let attempt = 0; ; attempt++) {
      const headers = { "user-agent": USER_AGENT, ...spec.headers };
      const authorization = url.origin === registryOrigin ? await this.auth.authorization(this, spec.repo, spec.action, spec.what) : void 0;
      let sent;
      try {
        sent = await this.send({
          url,
          method: spec.method,
          headers,
          ...spec.body ? { body: spec.body } : {},
          ...authorization ? { authorization: { origin: registryOrigin, value: authorization } } : {},
          ...spec.stream ? { stream: true } : {},
          ...spec.limit ? { limit: spec.limit } : {},
          what: spec.what,
          peer
        });
      } catch (error) {
        if (this.signal?.aborted) throw this.signal.reason;
        if (error instanceof RegistryError && error.kind !== "timeout") throw error;
        const reason = error instanceof RegistryError ? `no answer within ${seconds(this.timeoutMs)}` : networkReason(error);
        if (attempt < this.retries && !isDefinitive(error)) {
          await this.backoff(attempt, void 0, `${spec.what}: ${reason}`);
          continue;
        }
        throw this.transportError(spec.what, peer, attempt + 1, error, url);
      }
      const { res } = sent;
      this.logger.debug(`registry: ${spec.method} ${redactUrl(sent.url)} -> ${res.status}`);
      if (res.ok || spec.accept?.includes(res.status)) return res;
      if (res.status === 401 && !authRetried && sent.url.origin === registryOrigin) {
        const challenge = parseChallenge(res.headers.get("www-authenticate"));
        if (challenge) {
          await res.body?.cancel();
          this.auth.learn(spec.repo, spec.action, challenge);
          authRetried = true;
          attempt--;
          continue;
        }
      }
      if ((res.status === 429 || res.status >= 500) && attempt < this.retries) {
        await res.body?.cancel();
        await this.backoff(
          attempt,
          res.headers.get("retry-after"),
          `${spec.what}: HTTP ${res.status}`
        );
        continue;
      }
      if (sent.url.origin !== registryOrigin && (res.status === 401 || res.status === 403)) {
        throw new RegistryError(
          "denied",
          `${spec.what}: ${sent.url.origin}, where ${spec.repo.registry} sent this request, refused it (HTTP ${res.status}). It got no credentials: they only go to the registry's own origin (${registryOrigin}).`,
          { status: res.status, url: redactUrl(sent.url) }
        );
      }
      throw await this.toError(spec, res, sent.url.toString());
    }
  }
  /**
   * One attempt: the request, with redirects followed by hand so that every hop passes the
   * transport rule and credentials never leave their origin, under the attempt's timeout.
   * Throws a `timeout` RegistryError when the peer goes quiet, other RegistryErrors for
   * requests refused before sending, and fetch's own errors for network failures.
   */
  async send(spec) {
    const doFetch = await this.getFetch();
    const controller = new AbortController();
    let timer;
    const arm = (phase) => {
      clearTimeout(timer);
      timer = setTimeout(
        () => controller.abort(this.timeoutReason(spec, phase)),
        this.timeoutMs
      ).unref();
    };
    const disarm = () => clearTimeout(timer);
    const signal = this.signal ? AbortSignal.any([controller.signal, this.signal]) : controller.signal;
    let url = spec.url;
    let method = spec.method;
    let body = spec.body;
    const headers = { ...spec.headers };
    arm("waiting for the response");
    try {
      for (let hop = 0; ; hop++) {
        this.assertTransport(url, spec, hop === 0 ? "request" : "redirect");
        const sendHeaders = { ...headers };
        if (spec.authorization && url.origin === spec.authorization.origin) {
          sendHeaders.authorization = spec.authorization.value;
        }
        const res = await doFetch(url.toString(), {
          method,
          headers: sendHeaders,
          ...body === void 0 ? {} : { body },
          redirect: "manual",
          signal
        });
        const location = REDIRECTS.has(res.status) ? res.headers.get("location") : null;
        if (!location) {
          if (spec.stream && res.body) {
            disarm();
            return { res: idleTimed(res, arm, disarm, signal), url };
          }
          const ok = res.ok;
          const limit = ok ? spec.limit ?? defaultLimit(spec) : void 0;
          const bytes = await readBody(res, limit?.bytes ?? ERROR_BODY_LIMIT, limit?.error);
          disarm();
          return { res: rebuild(res, bytes), url };
        }
        await res.body?.cancel().catch(() => {
        });
        if (hop >= MAX_REDIRECTS) {
          throw new RegistryError(
            "invalid-response",
            `${spec.what}: more than ${MAX_REDIRECTS} redirects from ${spec.peer}; it is misconfigured.`,
            { url: redactUrl(url) }
          );
        }
        const next = new URL(location, url);
        if (res.status === 303 || (res.status === 301 || res.status === 302) && method === "POST") {
          if (method !== "HEAD") method = "GET";
          body = void 0;
          delete headers["content-type"];
        } else if (body !== void 0 && spec.secretBody && next.origin !== url.origin) {
          throw new RegistryError(
            "insecure",
            `${spec.what}: ${spec.peer} redirected a request that carries a secret to another host (${next.origin}); refusing to send it there.`,
            { url: redactUrl(next) }
          );
        }
        url = next;
      }
    } catch (error) {
      disarm();
      if (signal.aborted && signal.reason instanceof RegistryError) throw signal.reason;
      throw error;
    }
  }
  /**
   * Plain HTTP only where the registry itself may use it (insecure and loopback); every URL a
   * registry hands us (Location, Link, redirect, token realm) must pass the same rule, or a
   * registry could steer a request, and its body, onto the open network unencrypted.
   */
  assertTransport(url, spec, how) {
    if (url.protocol === "https:") return;
    if (url.protocol === "http:" && this.insecure && isLoopbackHost(url.host)) return;
    const via = how === "redirect" ? `${spec.peer} redirected to` : "the URL is";
    const plain = url.protocol === "http:";
    throw new RegistryError(
      "insecure",
      `${spec.what}: refusing to connect because ${via} ${redactUrl(url)}, ${plain ? "plain HTTP to a host that is not loopback" : `an unsupported scheme (${url.protocol})`}. Shipgate talks to registries and token services over HTTPS only (plain HTTP only for loopback registries). ${plain ? "If the registry sits behind a TLS proxy, make the proxy send X-Forwarded-Proto: https (or set http.relativeurls: true in the distribution config) so it hands out https:// URLs." : ""}`.trim(),
      { url: redactUrl(url) }
    );
  }
  timeoutReason(spec, phase) {
    return new RegistryError(
      "timeout",
      `${spec.what}: ${spec.peer} sent nothing for ${seconds(this.timeoutMs)} (${phase}). The registry is stalled or the network drops packets; retry later.`,
      { url: redactUrl(spec.url) }
    );
  }
  /** The error after the last attempt failed at the network level or timed out. */
  transportError(what, peer, attempts, error, url) {
    const tries = attempts === 1 ? "1 attempt" : `${attempts} attempts`;
    if (error instanceof RegistryError && error.kind === "timeout") {
      return new RegistryError(
        "timeout",
        `${what}: ${peer} did not answer within ${seconds(this.timeoutMs)} (${tries}). Check that it is up and reachable from this runner, or retry later.`,
        { url: redactUrl(url), cause: error }
      );
    }
    return new RegistryError(
      "unreachable",
      `Cannot reach ${peer} to ${what} (${networkReason(error)}; ${tries}). Check the registry address, that it is up, and the network${this.insecure ? "" : " (and TLS)"}.`,
      { url: redactUrl(url), cause: error }
    );
  }
  async backoff(attempt, retryAfter, why) {
    let delay = this.retryDelayMs * 2 ** attempt;
    delay += Math.random() * delay * 0.25;
    const asked = parseRetryAfter(retryAfter);
    if (asked !== void 0) delay = asked;
    delay = Math.min(delay, this.maxRetryDelayMs);
    this.logger.info(
      `${why}; retrying in ${(delay / 1e3).toFixed(1)} s (attempt ${attempt + 2} of ${this.retries + 1})`
    );
    await new Promise((resolve2, reject) => {
      const signal = this.signal;
      const timer = setTimeout(() => {
        signal?.removeEventListener("abort", stop);
        resolve2();
      }, delay);
      const stop = () => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      if (signal?.aborted) stop();
      else signal?.addEventListener("abort", stop, { once: true });
    });
  }
  async toError(spec, res, url) {
    const text = spec.method === "HEAD" ? "" : await res.text().catch(() => "");
    const errors = parseErrorBody(text);
    const codes = errors.map((e) => e.code);
    const detail = errors.map((e) => `${e.code}: ${e.message}`).join("; ");
    const details = { status: res.status, codes, url };
    const cred = await this.auth.credentialFor(spec.repo.registry);
    const who = cred ? `the credentials from ${cred.source} (user ${cred.username ?? "token"})` : "anonymous access";
    const verb = spec.action === "pull" ? "pull from" : "push to";
    const repoName = formatRepository(spec.repo);
    const insufficientScope = /insufficient_scope/.test(res.headers.get("www-authenticate") ?? "");
    switch (res.status) {
      case 401:
        if (insufficientScope && cred) {
          return new RegistryError(
            "denied",
            `${spec.what}: ${who} may not ${verb} ${repoName} (401 insufficient_scope). Grant ${spec.action === "pull" ? "read" : "write"} access to this repository, or use credentials that have it.`,
            details
          );
        }
        return new RegistryError(
          "unauthorized",
          `${spec.what}: ${repoName} refused ${who} (401${detail ? `, ${detail}` : ""}). ` + (cred ? "Check the user name and password/token, and that they are valid for this registry." : `Log in first (docker/login-action, or the registry-username/registry-password inputs${spec.repo.registry === "ghcr.io" ? ", or GITHUB_TOKEN" : ""}).`),
          details
        );
      case 403:
        return new RegistryError(
          "denied",
          `${spec.what}: ${who} may not ${verb} ${repoName} (403${detail ? `, ${detail}` : ""}). Grant ${spec.action === "pull" ? "read" : "write"} access to this repository${spec.repo.registry === "ghcr.io" ? ` (for GITHUB_TOKEN: \`permissions: packages: ${spec.action === "pull" ? "read" : "write"}\`)` : ""}.`,
          details
        );
      case 404: {
        let hint = "Check the image name and tag.";
        if (codes.includes("NAME_UNKNOWN"))
          hint = `Repository ${repoName} does not exist (or is private and needs credentials); check the name.`;
        else if (codes.includes("MANIFEST_UNKNOWN"))
          hint = "That tag or digest does not exist in the repository; check it was pushed (list tags with `crane ls` or the registry UI).";
        else if (codes.includes("BLOB_UNKNOWN"))
          hint = "The registry lost a blob the image needs; push the image again.";
        return new RegistryError(
          "not-found",
          `${spec.what}: not found (404${detail ? `, ${detail}` : ""}). ${hint}`,
          details
        );
      }
      case 413:
        return new RegistryError(
          "too-large",
          `${spec.what}: the registry refused the upload as too large (413).`,
          details
        );
      case 429:
        return new RegistryError(
          "rate-limited",
          `${spec.what}: rate limited by ${spec.repo.registry} (429) after ${this.retries + 1} attempts. Authenticate to get a higher limit, or retry later.`,
          details
        );
      default:
        if (res.status >= 500) {
          return new RegistryError(
            "server",
            `${spec.what}: registry ${spec.repo.registry} failed with HTTP ${res.status} after ${this.retries + 1} attempts${detail ? ` (${detail})` : ""}. Retry later or check the registry's status.`,
            details
          );
        }
        return new RegistryError(
          "rejected",
          `${spec.what}: the registry answered HTTP ${res.status}${detail ? ` (${detail})` : text ? ` (${text.slice(0, 200)})` : ""}.`,
          details
        );
    }
  }
};
function defaultLimit(spec) {
  return {
    bytes: DEFAULT_BODY_LIMIT,
    error: (size) => new RegistryError(
      "too-large",
      `${spec.what}: ${spec.peer} sent ${size} bytes or more, over the ${DEFAULT_BODY_LIMIT / 1024 / 1024} MiB a response of this kind may have; refusing it.`
    )
  };
}
async function readBody(res, max, tooBig) {
  if (!res.body) return Buffer.alloc(0);
  const declared = Number(res.headers.get("content-length") ?? Number.NaN);
  if (tooBig && declared > max) {
    await res.body.cancel().catch(() => {
    });
    throw tooBig(declared);
  }
  const chunks = [];
  let total = 0;
  for await (const chunk of res.body) {
    total += chunk.length;
    if (total > max) {
      await res.body.cancel().catch(() => {
      });
      if (tooBig) throw tooBig(total);
      chunks.push(Buffer.from(chunk.subarray(0, chunk.length - (total - max))));
      break;
    }
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}
var NULL_BODY = /* @__PURE__ */ new Set([101, 103, 204, 205, 304]);
function rebuild(res, bytes) {
  const body = bytes.length === 0 || NULL_BODY.has(res.status) ? null : bytes;
  return new Response(body, {
    status: res.status,
    statusText: res.statusText,
    headers: res.headers
  });
}
function idleTimed(res, arm, disarm, signal) {
  const reader = res.body.getReader();
  const body = new ReadableStream({
    async pull(controller) {
      arm("waiting for the next part of the body");
      try {
        const { done, value } = await reader.read();
        disarm();
        if (done) controller.close();
        else controller.enqueue(value);
      } catch (error) {
        disarm();
        controller.error(
          signal.aborted && signal.reason instanceof RegistryError ? signal.reason : error
        );
      }
    },
    async cancel(reason) {
      disarm();
      await reader.cancel(reason);
    }
  });
  return new Response(body, {
    status: res.status,
    statusText: res.statusText,
    headers: res.headers
  });
}
function seconds(ms) {
  return `${Number((ms / 1e3).toFixed(3))} s`;
}
function parseRetryAfter(value, now = Date.now()) {
  if (!value) return void 0;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1e3;
  const at = Date.parse(value);
  return Number.isNaN(at) ? void 0 : Math.max(0, at - now);
}
function nextLink(header) {
  if (!header) return void 0;
  const m = /<([^>]+)>\s*;\s*rel="?next"?/.exec(header);
  return m?.[1];
}
function isDefinitive(error) {
  return networkReason(error) === "ENOTFOUND";
}
function networkReason(error) {
  const cause = error?.cause;
  return cause?.code ?? cause?.message ?? error?.message ?? String(error);
}
function redactUrl(url) {
  const u = new URL(url);
  u.username = "";
  u.password = "";
  return u.toString();
}

// src/registry/auth.ts
var RegistryAuth = class {
  credentials;
  /** How each registry wants to be authenticated, learnt from its first 401. */
  challenges = /* @__PURE__ */ new Map();
  /** Bearer tokens by `registry|scope`. */
  tokens = /* @__PURE__ */ new Map();
  credentialCache = /* @__PURE__ */ new Map();
  constructor(credentials) {
    this.credentials = credentials;
  }
  /** A 401 from the registry's own origin told us how to authenticate: remember it. */
  learn(repo, action, challenge) {
    this.challenges.set(repo.registry, challenge);
    this.forgetTokens(repo, action);
  }
  credentialFor(registry) {
    if (!this.credentials) return Promise.resolve(void 0);
    let found = this.credentialCache.get(registry);
    if (!found) {
      found = this.credentials.get(registry);
      this.credentialCache.set(registry, found);
    }
    return found;
  }
  forgetTokens(repo, action) {
    this.tokens.delete(`${repo.registry}|${scopeFor(repo, action)}`);
  }
  async authorization(t, repo, action, what) {
    const challenge = this.challenges.get(repo.registry);
    if (!challenge) return void 0;
    const cred = await this.credentialFor(repo.registry);
    if (challenge.scheme === "basic") {
      if (cred?.kind !== "basic") return void 0;
      return `Basic ${Buffer.from(`${cred.username}:${cred.password}`).toString("base64")}`;
    }
    const scope = scopeFor(repo, action);
    const key = `${repo.registry}|${scope}`;
    const cached = this.tokens.get(key);
    if (cached && cached.expires > Date.now()) return `Bearer ${cached.token}`;
    const token = await this.fetchToken(t, challenge, scope, cred, repo, what);
    this.tokens.set(key, token);
    return `Bearer ${token.token}`;
  }
  /**
   * A bearer token from the realm the registry named in its challenge. The realm may be on
   * another host, and the user's Basic credentials go there: that is how Docker Hub
   * (auth.docker.io), GHCR (ghcr.io/token), ECR, GAR and ACR work, and what the docker CLI,
   * containerd and distribution's own client do. The registry already decides where its users
   * log in; what we guard against is the network, so the realm must be HTTPS (plain HTTP only
   * for a loopback registry in insecure mode), and the credentials are not forwarded if the
   * token service redirects to yet another origin.
   */
  async fetchToken(t, challenge, scope, cred, repo, what) {
    let url;
    try {
      url = new URL(challenge.realm);
    } catch {
      throw new RegistryError(
        "invalid-response",
        `${what}: ${repo.registry} named a token service that is not a URL (${JSON.stringify(challenge.realm.slice(0, 200))}).`
      );
    }
    const peer = `the token service ${url.origin} of ${repo.registry}`;
    const headers = { "user-agent": USER_AGENT };
    let form;
    let authorization;
    if (cred?.kind === "identity-token") {
      const params = new URLSearchParams({
        grant_type: "refresh_token",
        refresh_token: cred.token,
        scope,
        client_id: "shipgate"
      });
      if (challenge.service) params.set("service", challenge.service);
      headers["content-type"] = "application/x-www-form-urlencoded";
      form = params.toString();
    } else {
      if (challenge.service) url.searchParams.set("service", challenge.service);
      url.searchParams.set("scope", scope);
      if (cred?.kind === "basic") {
        authorization = `Basic ${Buffer.from(`${cred.username}:${cred.password}`).toString("base64")}`;
        url.searchParams.set("account", cred.username);
      }
    }
    let res;
    for (let attempt = 0; ; attempt++) {
      try {
        res = (await t.send({
          url,
          method: form === void 0 ? "GET" : "POST",
          headers,
          ...form === void 0 ? {} : { body: form, secretBody: true },
          ...authorization ? { authorization: { origin: url.origin, value: authorization } } : {},
          what,
          peer
        })).res;
        break;
      } catch (error) {
        if (t.signal?.aborted) throw t.signal.reason;
        if (error instanceof RegistryError && error.kind !== "timeout") throw error;
        if (attempt < t.retries && !isDefinitive(error)) {
          const reason = error instanceof RegistryError ? `no answer within ${seconds(t.timeoutMs)}` : networkReason(error);
          await t.backoff(attempt, void 0, `${what}: token service: ${reason}`);
          continue;
        }
        throw t.transportError(what, peer, attempt + 1, error, url);
      }
    }
    t.logger.debug(
      `registry: token for ${scope} from ${url.origin}${url.pathname} -> ${res.status}`
    );
    if (!res.ok) {
      const text = await res.text().catch(() => "");
      const kind = res.status === 403 ? "denied" : "unauthorized";
      throw new RegistryError(
        kind,
        `${what}: the token service of ${repo.registry} refused ${cred ? `the credentials from ${cred.source}` : "anonymous access"} (HTTP ${res.status}${text ? `: ${text.slice(0, 200).trim()}` : ""}). ${cred ? "Check the user name and password/token." : "Log in first (docker/login-action or registry-username/registry-password)."}`,
        { status: res.status, url: url.origin + url.pathname }
      );
    }
    let body;
    try {
      body = await res.json();
    } catch {
      throw new RegistryError(
        "invalid-response",
        `${what}: the token service of ${repo.registry} answered with something that is not JSON.`
      );
    }
    const token = body?.token ?? body?.access_token;
    if (!token) {
      throw new RegistryError(
        "invalid-response",
        `${what}: the token service of ${repo.registry} returned no token.`
      );
    }
    const lifetime = Math.max(60, Number(body.expires_in) || 60) * 1e3;
    return { token, expires: Date.now() + lifetime - 1e4 };
  }
};
function scopeFor(repo, action) {
  return `repository:${repo.repository}:${action}`;
}
function parseChallenge(header) {
  if (!header) return void 0;
  const match = /^\s*(\w+)\s*(.*)$/.exec(header);
  if (!match) return void 0;
  const scheme = (match[1] ?? "").toLowerCase();
  if (scheme === "basic") return { scheme: "basic" };
  if (scheme !== "bearer") return void 0;
  const params = {};
  for (const m of (match[2] ?? "").matchAll(/(\w+)\s*=\s*(?:"([^"]*)"|([^,\s]*))/g)) {
    params[(m[1] ?? "").toLowerCase()] = m[2] ?? m[3] ?? "";
  }
  if (!params.realm) return void 0;
  return params.service ? { scheme: "bearer", realm: params.realm, service: params.service } : { scheme: "bearer", realm: params.realm };
}

// src/registry/manifests.ts
async function resolve(t, ref, platform = "linux/amd64") {
  const want = typeof platform === "string" ? parsePlatform(platform) : platform;
  const top = await getManifest(t, ref, manifestReference(ref));
  if (!isIndex(top.mediaType, top.manifest)) {
    assertImageManifest(top, ref);
    return {
      digest: top.digest,
      mediaType: top.mediaType,
      manifest: top.manifest,
      size: top.size
    };
  }
  const index = top.manifest;
  const candidates = (index.manifests ?? []).filter(
    (m) => m.annotations?.["vnd.docker.reference.type"] !== "attestation-manifest"
  );
  const chosen = candidates.find((m) => platformMatches(want, m.platform));
  if (!chosen) {
    const available = candidates.map((m) => m.platform ? formatPlatform(m.platform) : "?").join(", ");
    throw new RegistryError(
      "not-found",
      `${formatReference(ref)} has no image for platform ${formatPlatform(want)} (available: ${available || "none"}). Set the platform input to one of those.`
    );
  }
  const child = await getManifest(t, ref, chosen.digest);
  assertImageManifest(child, ref);
  return {
    digest: child.digest,
    mediaType: child.mediaType,
    manifest: child.manifest,
    size: child.size,
    index: { digest: top.digest, mediaType: top.mediaType, platform: chosen.platform ?? want }
  };
}
var MAX_CACHED_MANIFESTS = 512;
async function getManifest(t, repo, reference, accept = MANIFEST_ACCEPT) {
  const what = `pull ${describe(repo, reference)}`;
  const key = reference.includes(":") ? `${repo.registry}/${repo.repository}@${reference}` : "";
  let fetched = key ? t.manifestsByDigest.get(key) : void 0;
  if (!fetched) {
    const res = await t.request({
      repo,
      method: "GET",
      path: `manifests/${reference}`,
      action: "pull",
      headers: { accept: accept.join(", ") },
      what,
      limit: { bytes: MAX_MANIFEST_BYTES, error: (size) => tooLarge(what, size) }
    });
    fetched = {
      bytes: Buffer.from(await res.arrayBuffer()),
      contentType: res.headers.get("content-type") ?? ""
    };
  }
  const { bytes } = fetched;
  const digest = sha256(bytes);
  if (reference.includes(":") && reference !== digest) {
    throw new RegistryError(
      "digest-mismatch",
      `${what}: the registry returned content with digest ${digest}, not the requested ${reference}. The registry or a proxy is corrupting content; do not trust this image.`
    );
  }
  let manifest;
  try {
    manifest = JSON.parse(bytes.toString("utf8"));
  } catch {
    throw new RegistryError("invalid-response", `${what}: the manifest is not valid JSON.`);
  }
  if (key && t.manifestsByDigest.size < MAX_CACHED_MANIFESTS) t.manifestsByDigest.set(key, fetched);
  const headerType = fetched.contentType.split(";")[0]?.trim() ?? "";
  const mediaType = manifest.mediaType || (MANIFEST_ACCEPT.includes(headerType) ? headerType : isIndex(void 0, manifest) ? MediaType.ociIndex : MediaType.ociManifest);
  return { digest, mediaType, size: bytes.length, bytes: Buffer.from(bytes), manifest };
}
async function headManifest(t, repo, reference, accept = MANIFEST_ACCEPT) {
  const res = await t.request({
    repo,
    method: "HEAD",
    path: `manifests/${reference}`,
    action: "pull",
    headers: { accept: accept.join(", ") },
    what: `check ${describe(repo, reference)}`,
    accept: [404]
  });
  if (res.status === 404) return void 0;
  const digest = res.headers.get("docker-content-digest");
  if (!digest) {
    const full = await getManifest(t, repo, reference, accept);
    return { mediaType: full.mediaType, digest: full.digest, size: full.size };
  }
  return {
    mediaType: (res.headers.get("content-type") ?? "").split(";")[0]?.trim() || MediaType.ociManifest,
    digest,
    size: Number(res.headers.get("content-length") ?? 0)
  };
}
async function listTags(t, repo) {
  const tags = [];
  let path = "tags/list";
  for (let page = 0; page < 1e3; page++) {
    const res = await t.request({
      repo,
      method: "GET",
      path,
      action: "pull",
      what: `list tags of ${formatRepository(repo)}`
    });
    const body = await res.json();
    tags.push(...body.tags ?? []);
    const next = nextLink(res.headers.get("link"));
    if (!next) break;
    path = new URL(next, t.baseUrl(repo)).toString();
  }
  return [...new Set(tags)].sort();
}
async function referrers(t, repo, digest, artifactType) {
  const query = artifactType ? `?artifactType=${encodeURIComponent(artifactType)}` : "";
  let path = `referrers/${digest}${query}`;
  const found = [];
  let filtered = false;
  for (let page = 0; page < 1e3; page++) {
    const res = await t.request({
      repo,
      method: "GET",
      path,
      action: "pull",
      headers: { accept: MediaType.ociIndex },
      what: `list referrers of ${formatRepository(repo)}@${digest}`,
      accept: [404, 405, 501]
    });
    if (res.status !== 200) {
      await res.body?.cancel();
      return "unsupported";
    }
    const type = (res.headers.get("content-type") ?? "").split(";")[0]?.trim();
    const text = await res.text();
    let body;
    try {
      body = JSON.parse(text);
    } catch {
      return "unsupported";
    }
    if (type && type !== MediaType.ociIndex && !Array.isArray(body.manifests)) return "unsupported";
    filtered ||= (res.headers.get("oci-filters-applied") ?? "").includes("artifactType");
    found.push(...body.manifests ?? []);
    const next = nextLink(res.headers.get("link"));
    if (!next) break;
    path = new URL(next, t.baseUrl(repo)).toString();
  }
  return artifactType && !filtered ? found.filter((d) => d.artifactType === artifactType) : found;
}
async function putManifestWithSubject(t, repo, tagOrDigest, bytes, mediaType) {
  const body = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes);
  const digest = sha256(body);
  const what = `push ${describe(repo, tagOrDigest)}`;
  if (body.length > MAX_MANIFEST_BYTES) throw tooLarge(what, body.length);
  if (tagOrDigest.includes(":") && tagOrDigest !== digest) {
    throw new RegistryError(
      "rejected",
      `${what}: the manifest's digest is ${digest}, not ${tagOrDigest}.`
    );
  }
  const res = await t.request({
    repo,
    method: "PUT",
    path: `manifests/${tagOrDigest}`,
    action: "pull,push",
    headers: { "content-type": mediaType },
    body,
    what
  });
  await res.body?.cancel();
  const returned = res.headers.get("docker-content-digest");
  if (returned && returned !== digest) {
    throw new RegistryError(
      "digest-mismatch",
      `${what}: the registry stored digest ${returned} but we sent ${digest}; it rewrote the manifest.`
    );
  }
  const subject = res.headers.get("oci-subject") ?? void 0;
  return subject ? { digest, subject } : { digest };
}
async function deleteManifest(t, repo, digest) {
  const res = await t.request({
    repo,
    method: "DELETE",
    path: `manifests/${digest}`,
    action: "pull,push",
    what: `delete ${describe(repo, digest)}`
  });
  await res.body?.cancel();
}
function describe(repo, reference) {
  return `${formatRepository(repo)}${reference.includes(":") ? "@" : ":"}${reference}`;
}
function assertImageManifest(m, ref) {
  const doc = m.manifest;
  if (!doc.config || !Array.isArray(doc.layers)) {
    throw new RegistryError(
      "invalid-response",
      `${formatReference(ref)} (${m.mediaType}) is not a container image manifest (no config or layers).`
    );
  }
  if (INDEX_TYPES.includes(m.mediaType)) {
    throw new RegistryError(
      "invalid-response",
      `${formatReference(ref)}: nested index where an image was expected.`
    );
  }
}
function tooLarge(what, size) {
  return new RegistryError(
    "too-large",
    `${what}: the manifest is ${size} bytes, over the 4 MiB limit registries enforce; refusing it. A manifest this big is malformed or hostile.`
  );
}

// src/registry/platforms.ts
var MAX_PLATFORMS = 32;
var SAFE_PART = /^[A-Za-z0-9._-]{1,32}$/;
var IMAGE_MANIFESTS = [MediaType.ociManifest, MediaType.dockerManifest];
var IMAGE_CONFIGS = [MediaType.ociConfig, MediaType.dockerConfig];
function isRunnable(d) {
  if (!IMAGE_MANIFESTS.includes(d.mediaType)) return false;
  if (d.artifactType) return false;
  if (d.annotations?.["vnd.docker.reference.type"]) return false;
  const p = d.platform;
  if (!p?.os || !p.architecture) return false;
  return p.os !== "unknown" && p.architecture !== "unknown";
}
async function listPlatforms(t, ref, platforms, label = "Input `platform`") {
  const top = await getManifest(t, ref, manifestReference(ref));
  if (!isIndex(top.mediaType, top.manifest)) return { kind: "image", digest: top.digest };
  const index = top.manifest;
  const runnable = (Array.isArray(index.manifests) ? index.manifests : []).filter(isRunnable);
  for (const d of runnable) {
    const p = d.platform;
    if (![p.os, p.architecture, p.variant ?? "x"].every(
      (part) => SAFE_PART.test(String(part)) && !/^\.+$/.test(String(part))
    )) {
      throw new RegistryError(
        "invalid-response",
        `${formatReference(ref)} is an index listing a platform with an invalid name (${JSON.stringify(formatPlatform(p)).slice(0, 80)}); refusing to scan it.`
      );
    }
  }
  const available = [
    ...new Set(
      runnable.map((d) => formatPlatform(d.platform))
    )
  ];
  let chosen;
  if (platforms) {
    chosen = [];
    for (const name of platforms) {
      const want = parsePlatform(name);
      const found = runnable.find((d) => platformMatches(want, d.platform));
      if (!found) {
        throw new RegistryError(
          "rejected",
          `${label}: ${formatReference(ref)} has no image for ${name} (available: ${available.join(", ") || "none"}). Name platforms the index has, or scan them all (platform: all).`
        );
      }
      chosen.push(found);
    }
  } else {
    chosen = runnable;
  }
  chosen = chosen.filter((d, i) => chosen.findIndex((o) => o.digest === d.digest) === i);
  if (chosen.length === 0) {
    throw new RegistryError(
      "invalid-response",
      `${formatReference(ref)} is an image index with no runnable image (only attestations or artifacts): nothing to scan.`
    );
  }
  if (chosen.length > MAX_PLATFORMS) {
    throw new RegistryError(
      "too-large",
      `${formatReference(ref)} is an index of ${chosen.length} platform images, more than the ${MAX_PLATFORMS} Shipgate scans for one image. An index that large is malformed or hostile; if it is real, name the platforms to scan with the \`platform\` input (e.g. linux/amd64,linux/arm64).`
    );
  }
  const children = [];
  for (const d of chosen) {
    const platform = formatPlatform(d.platform);
    let child;
    try {
      child = await getManifest(t, ref, d.digest);
    } catch (error) {
      throw new RegistryError(
        error instanceof RegistryError && error.kind === "digest-mismatch" ? "digest-mismatch" : "invalid-response",
        `${formatReference(ref)}: the index lists ${platform} as ${d.digest}, which could not be read: ${error.message}`
      );
    }
    const doc = child.manifest;
    if (isIndex(child.mediaType, child.manifest) || !doc.config || !Array.isArray(doc.layers) || doc.subject !== void 0 || doc.artifactType !== void 0 || !IMAGE_CONFIGS.includes(doc.config.mediaType)) {
      if (platforms) {
        throw new RegistryError(
          "invalid-response",
          `${formatReference(ref)}: the entry for ${platform} (${d.digest}) is not a container image.`
        );
      }
      continue;
    }
    children.push({ platform, digest: child.digest });
  }
  if (children.length === 0) {
    throw new RegistryError(
      "invalid-response",
      `${formatReference(ref)} is an image index with no runnable image (only attestations or artifacts): nothing to scan.`
    );
  }
  return { kind: "index", digest: top.digest, children, available };
}

// src/registry/uploads.ts
async function putBlob(t, repo, bytes, mediaType = "application/octet-stream") {
  const body = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes);
  const digest = sha256(body);
  const descriptor = { mediaType, digest, size: body.length };
  if (await hasBlob(t, repo, digest)) return descriptor;
  const what = `upload blob ${digest} to ${formatRepository(repo)}`;
  const start = await t.request({
    repo,
    method: "POST",
    path: "blobs/uploads/",
    action: "pull,push",
    what
  });
  await start.body?.cancel();
  const location = start.headers.get("location");
  if (!location) {
    throw new RegistryError(
      "invalid-response",
      `${what}: the registry did not say where to upload (no Location header).`
    );
  }
  const url = new URL(location, t.baseUrl(repo));
  url.searchParams.set("digest", digest);
  const done = await t.request({
    repo,
    method: "PUT",
    path: url.toString(),
    action: "pull,push",
    headers: { "content-type": "application/octet-stream" },
    body,
    what
  });
  await done.body?.cancel();
  return descriptor;
}

// src/registry/client.ts
var RegistryClient = class _RegistryClient {
  transport;
  blobCache;
  constructor(opts = {}, transport, blobCache) {
    this.transport = transport ?? new RegistryTransport(opts, new RegistryAuth(opts.credentials));
    this.blobCache = blobCache;
  }
  /**
   * The same client whose blob reads go through `cache`: a blob another image of the job
   * already read (same digest, bytes verified) comes from disk instead of the registry.
   */
  withBlobCache(cache) {
    return new _RegistryClient({}, this.transport, cache);
  }
  /**
   * The same client (credentials, learnt challenges, cached tokens) under an overall deadline:
   * every request, retry wait and blob stream of the returned view stops when `signal` aborts,
   * with the signal's reason (give it a RegistryError that says what ran out). Per-attempt
   * timeouts bound one silence; this bounds the whole read, so a registry dripping a byte
   * every few seconds cannot hold a job.
   */
  withSignal(signal) {
    return new _RegistryClient({}, this.transport.withSignal(signal), this.blobCache);
  }
  /**
   * The image manifest a reference names. An index is resolved to `platform` (default
   * linux/amd64); a single-platform image is returned as it is.
   */
  resolve(ref, platform = "linux/amd64") {
    return resolve(this.transport, ref, platform);
  }
  /** The platforms to scan of a reference (all when `platforms` is undefined): registry/platforms.ts. */
  platforms(ref, platforms, label) {
    return listPlatforms(this.transport, ref, platforms, label);
  }
  /** Fetches and digest-checks a manifest or index by tag or digest; refuses bodies over 4 MiB. */
  getManifest(repo, reference, accept = MANIFEST_ACCEPT) {
    return getManifest(this.transport, repo, reference, accept);
  }
  /** The descriptor of a manifest, or undefined when the tag or digest does not exist. */
  headManifest(repo, reference, accept = MANIFEST_ACCEPT) {
    return headManifest(this.transport, repo, reference, accept);
  }
  /**
   * A blob as a stream. Bytes are hashed as they pass; the stream errors with a
   * `digest-mismatch` RegistryError at the end if they do not match `digest` (or `size`).
   */
  getBlob(repo, digest, opts = {}) {
    const download = () => getBlob(this.transport, repo, digest, opts);
    if (!this.blobCache) return download();
    return this.blobCache.open(digest, opts.size, download, this.transport.signal);
  }
  /** A whole blob in memory (configs, small artifacts), digest-checked; refuses more than `maxBytes`. */
  getBlobBytes(repo, digest, opts = {}) {
    return readBounded(
      () => this.getBlob(repo, digest),
      `download blob ${digest} of ${formatRepository(repo)}`,
      opts.maxBytes
    );
  }
  /** Whether the repository already has a blob. */
  hasBlob(repo, digest) {
    return hasBlob(this.transport, repo, digest);
  }
  /** All tags of a repository (follows `Link` pagination where a registry uses it), sorted. */
  listTags(repo) {
    return listTags(this.transport, repo);
  }
  /**
   * Referrers of a manifest through the OCI 1.1 referrers API, or `'unsupported'` when the
   * registry does not implement it (distribution 2.8: plain-text 404). Use
   * `listReferrers` in referrers.ts for the tag-schema fallback.
   */
  referrers(repo, digest, artifactType) {
    return referrers(this.transport, repo, digest, artifactType);
  }
  /** Uploads a blob (POST then PUT, monolithic); skipped when the registry already has it. */
  putBlob(repo, bytes, mediaType = "application/octet-stream") {
    return putBlob(this.transport, repo, bytes, mediaType);
  }
  /** Uploads a manifest under a tag or its digest; returns its digest. */
  async putManifest(repo, tagOrDigest, bytes, mediaType) {
    return (await this.putManifestWithSubject(repo, tagOrDigest, bytes, mediaType)).digest;
  }
  /**
   * Like putManifest, and reports whether the registry acknowledged the manifest's `subject`
   * (`OCI-Subject` header): when it did not, referrers must be recorded in the tag schema.
   */
  putManifestWithSubject(repo, tagOrDigest, bytes, mediaType) {
    return putManifestWithSubject(this.transport, repo, tagOrDigest, bytes, mediaType);
  }
  /** Deletes a manifest by digest (distribution refuses deletion by tag). */
  deleteManifest(repo, digest) {
    return deleteManifest(this.transport, repo, digest);
  }
};

export { RegistryClient as R };
