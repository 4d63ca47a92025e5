import { createRequire } from 'node:module';
import { a as require_light, O as Octokit, r as retry } from './chunk-CPVhvj0S.js';
import { L as GitHubApiError } from './chunk-CxTsKb1n.js';
import { r as require_lib } from './chunk-DeOTirqK.js';
import { ab as __toESM } from './chunk-BfsmuvnE.js';

createRequire(import.meta.url);

// node_modules/@octokit/plugin-paginate-rest/dist-bundle/index.js
var VERSION = "0.0.0-development";
function normalizePaginatedListResponse(response) {
  if (!response.data) {
    return {
      ...response,
      data: []
    };
  }
  const responseNeedsNormalization = ("total_count" in response.data || "total_commits" in response.data) && !("url" in response.data);
  if (!responseNeedsNormalization) return response;
  const incompleteResults = response.data.incomplete_results;
  const repositorySelection = response.data.repository_selection;
  const totalCount = response.data.total_count;
  const totalCommits = response.data.total_commits;
  delete response.data.incomplete_results;
  delete response.data.repository_selection;
  delete response.data.total_count;
  delete response.data.total_commits;
  const namespaceKey = Object.keys(response.data)[0];
  const data = response.data[namespaceKey];
  response.data = data;
  if (typeof incompleteResults !== "undefined") {
    response.data.incomplete_results = incompleteResults;
  }
  if (typeof repositorySelection !== "undefined") {
    response.data.repository_selection = repositorySelection;
  }
  response.data.total_count = totalCount;
  response.data.total_commits = totalCommits;
  return response;
}
function iterator(octokit, route, parameters) {
  const options = typeof route === "function" ? route.endpoint(parameters) : octokit.request.endpoint(route, parameters);
  const requestMethod = typeof route === "function" ? route : octokit.request;
  const method = options.method;
  const headers = options.headers;
  let url = options.url;
  return {
    [Symbol.asyncIterator]: () => ({
      async next() {
        if (!url) return { done: true };
        try {
          const response = await requestMethod({ method, url, headers });
          const normalizedResponse = normalizePaginatedListResponse(response);
          url = ((normalizedResponse.headers.link || "").match(
            /<([^<>]+)>;\s*rel="next"/
          ) || [])[1];
          if (!url && "total_commits" in normalizedResponse.data) {
            const parsedUrl = new URL(normalizedResponse.url);
            const params = parsedUrl.searchParams;
            const page = parseInt(params.get("page") || "1", 10);
            const per_page = parseInt(params.get("per_page") || "250", 10);
            if (page * per_page < normalizedResponse.data.total_commits) {
              params.set("page", String(page + 1));
              url = parsedUrl.toString();
            }
          }
          return { value: normalizedResponse };
        } catch (error) {
          if (error.status !== 409) throw error;
          url = "";
          return {
            value: {
              status: 200,
              headers: {},
              data: []
            }
          };
        }
      }
    })
  };
}
function paginate(octokit, route, parameters, mapFn) {
  if (typeof parameters === "function") {
    mapFn = parameters;
    parameters = void 0;
  }
  return gather(
    octokit,
    [],
    iterator(octokit, route, parameters)[Symbol.asyncIterator](),
    mapFn
  );
}
function gather(octokit, results, iterator2, mapFn) {
  return iterator2.next().then((result) => {
    if (result.done) {
      return results;
    }
    let earlyExit = false;
    function done() {
      earlyExit = true;
    }
    results = results.concat(
      mapFn ? mapFn(result.value, done) : result.value.data
    );
    if (earlyExit) {
      return results;
    }
    return gather(octokit, results, iterator2, mapFn);
  });
}
Object.assign(paginate, {
  iterator
});
function paginateRest(octokit) {
  return {
    paginate: Object.assign(paginate.bind(null, octokit), {
      iterator: iterator.bind(null, octokit)
    })
  };
}
paginateRest.VERSION = VERSION;

// node_modules/@octokit/plugin-throttling/dist-bundle/index.js
var import_light = __toESM(require_light());
var VERSION2 = "0.0.0-development";
var noop = () => Promise.resolve();
function wrapRequest(state, request, options) {
  return state.retryLimiter.schedule(doRequest, state, request, options);
}
async function doRequest(state, request, options) {
  const { pathname } = new URL(options.url, "http://github.test");
  const isAuth = isAuthRequest(options.method, pathname);
  const isWrite = !isAuth && options.method !== "GET" && options.method !== "HEAD";
  const isSearch = options.method === "GET" && pathname.startsWith("/search/");
  const isGraphQL = pathname.startsWith("/graphql");
  const retryCount = ~~request.retryCount;
  const jobOptions = retryCount > 0 ? { priority: 0, weight: 0 } : {};
  if (state.clustering) {
    jobOptions.expiration = 1e3 * 60;
  }
  if (isWrite || isGraphQL) {
    await state.write.key(state.id).schedule(jobOptions, noop);
  }
  if (isWrite && state.triggersNotification(pathname)) {
    await state.notifications.key(state.id).schedule(jobOptions, noop);
  }
  if (isSearch) {
    await state.search.key(state.id).schedule(jobOptions, noop);
  }
  const req = (isAuth ? state.auth : state.global).key(state.id).schedule(jobOptions, request, options);
  if (isGraphQL) {
    const res = await req;
    if (res.data.errors != null && res.data.errors.some((error) => error.type === "RATE_LIMITED")) {
      const error = Object.assign(new Error("GraphQL Rate Limit Exceeded"), {
        response: res,
        data: res.data
      });
      throw error;
    }
  }
  return req;
}
function isAuthRequest(method, pathname) {
  return method === "PATCH" && // https://docs.github.com/en/rest/apps/apps?apiVersion=2022-11-28#create-a-scoped-access-token
  /^\/applications\/[^/]+\/token\/scoped$/.test(pathname) || method === "POST" && // https://docs.github.com/en/rest/apps/oauth-applications?apiVersion=2022-11-28#reset-a-token
  (/^\/applications\/[^/]+\/token$/.test(pathname) || // https://docs.github.com/en/rest/apps/apps?apiVersion=2022-11-28#create-an-installation-access-token-for-an-app
  /^\/app\/installations\/[^/]+\/access_tokens$/.test(pathname) || // https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps
  pathname === "/login/oauth/access_token");
}
var triggers_notification_paths_default = [
  "/orgs/{org}/invitations",
  "/orgs/{org}/invitations/{invitation_id}",
  "/orgs/{org}/teams/{team_slug}/discussions",
  "/orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments",
  "/repos/{owner}/{repo}/collaborators/{username}",
  "/repos/{owner}/{repo}/commits/{commit_sha}/comments",
  "/repos/{owner}/{repo}/issues",
  "/repos/{owner}/{repo}/issues/{issue_number}/comments",
  "/repos/{owner}/{repo}/issues/{issue_number}/sub_issue",
  "/repos/{owner}/{repo}/issues/{issue_number}/sub_issues/priority",
  "/repos/{owner}/{repo}/pulls",
  "/repos/{owner}/{repo}/pulls/{pull_number}/comments",
  "/repos/{owner}/{repo}/pulls/{pull_number}/comments/{comment_id}/replies",
  "/repos/{owner}/{repo}/pulls/{pull_number}/merge",
  "/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers",
  "/repos/{owner}/{repo}/pulls/{pull_number}/reviews",
  "/repos/{owner}/{repo}/releases",
  "/teams/{team_id}/discussions",
  "/teams/{team_id}/discussions/{discussion_number}/comments"
];
function routeMatcher(paths) {
  const regexes = paths.map(
    (path) => path.split("/").map((c) => c.startsWith("{") ? "(?:.+?)" : c).join("/")
  );
  const regex2 = `^(?:${regexes.map((r) => `(?:${r})`).join("|")})[^/]*$`;
  return new RegExp(regex2, "i");
}
var regex = routeMatcher(triggers_notification_paths_default);
var triggersNotification = regex.test.bind(regex);
var groups = {};
var createGroups = function(Bottleneck, common) {
  groups.global = new Bottleneck.Group({
    id: "octokit-global",
    maxConcurrent: 10,
    ...common
  });
  groups.auth = new Bottleneck.Group({
    id: "octokit-auth",
    maxConcurrent: 1,
    ...common
  });
  groups.search = new Bottleneck.Group({
    id: "octokit-search",
    maxConcurrent: 1,
    minTime: 2e3,
    ...common
  });
  groups.write = new Bottleneck.Group({
    id: "octokit-write",
    maxConcurrent: 1,
    minTime: 1e3,
    ...common
  });
  groups.notifications = new Bottleneck.Group({
    id: "octokit-notifications",
    maxConcurrent: 1,
    minTime: 3e3,
    ...common
  });
};
function throttling(octokit, octokitOptions) {
  const {
    enabled = true,
    Bottleneck = import_light.default,
    id = "no-id",
    timeout = 1e3 * 60 * 2,
    // Redis TTL: 2 minutes
    connection
  } = octokitOptions.throttle || {};
  if (!enabled) {
    return {};
  }
  const common = { timeout };
  if (typeof connection !== "undefined") {
    common.connection = connection;
  }
  const state = Object.assign(
    {
      clustering: connection != null,
      triggersNotification,
      fallbackSecondaryRateRetryAfter: 60,
      retryAfterBaseValue: 1e3,
      id
    },
    octokitOptions.throttle
  );
  if (typeof state.onSecondaryRateLimit !== "function" || typeof state.onRateLimit !== "function") {
    throw new Error(`octokit/plugin-throttling error:
        You must pass the onSecondaryRateLimit and onRateLimit error handlers.
        See https://octokit.github.io/rest.js/#throttling

        const octokit = new Octokit({
          throttle: {
            onSecondaryRateLimit: (retryAfter, options) => {/* ... */},
            onRateLimit: (retryAfter, options) => {/* ... */}
          }
        })
    `);
  }
  let initialized = false;
  const initializeBottleneck = () => {
    if (initialized) {
      return;
    }
    initialized = true;
    if (groups.global == null) {
      createGroups(Bottleneck, common);
    }
    state.global = state.global ?? groups.global;
    state.auth = state.auth ?? groups.auth;
    state.search = state.search ?? groups.search;
    state.write = state.write ?? groups.write;
    state.notifications = state.notifications ?? groups.notifications;
    state.retryLimiter = state.retryLimiter ?? new Bottleneck();
    const events = {};
    const emitter = new Bottleneck.Events(events);
    events.on("secondary-limit", state.onSecondaryRateLimit);
    events.on("rate-limit", state.onRateLimit);
    events.on(
      "error",
      (e) => octokit.log.warn("Error in throttling-plugin limit handler", e)
    );
    state.retryLimiter.on("failed", async function(error, info) {
      const [state2, request, options] = info.args;
      const { pathname } = new URL(options.url, "http://github.test");
      const shouldRetryGraphQL = pathname.startsWith("/graphql") && error.status !== 401;
      if (!(shouldRetryGraphQL || error.status === 403 || error.status === 429)) {
        return;
      }
      const retryCount = ~~request.retryCount;
      request.retryCount = retryCount;
      options.request.retryCount = retryCount;
      const { wantRetry, retryAfter = 0 } = await (async function() {
        if (/\bsecondary rate\b/i.test(error.message)) {
          const retryAfter2 = Number(error.response.headers["retry-after"]) || state2.fallbackSecondaryRateRetryAfter;
          const wantRetry2 = await emitter.trigger(
            "secondary-limit",
            retryAfter2,
            options,
            octokit,
            retryCount
          );
          return { wantRetry: wantRetry2, retryAfter: retryAfter2 };
        }
        if (error.response.headers != null && error.response.headers["x-ratelimit-remaining"] === "0" || (error.response.data?.errors ?? []).some(
          (error2) => error2.type === "RATE_LIMITED"
        )) {
          const rateLimitReset = new Date(
            ~~error.response.headers["x-ratelimit-reset"] * 1e3
          ).getTime();
          const retryAfter2 = Math.max(
            // Add one second so we retry _after_ the reset time
            // https://docs.github.com/en/rest/overview/resources-in-the-rest-api?apiVersion=2022-11-28#exceeding-the-rate-limit
            Math.ceil((rateLimitReset - Date.now()) / 1e3) + 1,
            0
          );
          const wantRetry2 = await emitter.trigger(
            "rate-limit",
            retryAfter2,
            options,
            octokit,
            retryCount
          );
          return { wantRetry: wantRetry2, retryAfter: retryAfter2 };
        }
        return {};
      })();
      if (wantRetry) {
        request.retryCount++;
        return retryAfter * state2.retryAfterBaseValue;
      }
    });
  };
  octokit.hook.wrap("request", (request, options) => {
    initializeBottleneck();
    return wrapRequest(state, request, options);
  });
  return {};
}
throttling.VERSION = VERSION2;
throttling.triggersNotification = triggersNotification;

// src/github/fetch.ts
var import_minipass_fetch = __toESM(require_lib());
var REDIRECT_STATUSES = /* @__PURE__ */ new Set([301, 302, 303, 307, 308]);
var MAX_REDIRECTS = 20;
var CREDENTIALS = /* @__PURE__ */ new Set(["authorization", "cookie", "proxy-authorization"]);
var BODY_HEADERS = /* @__PURE__ */ new Set([
  "content-encoding",
  "content-language",
  "content-location",
  "content-type",
  "content-length"
]);
function headerRecord(headers) {
  const out = {};
  if (!headers) return out;
  const entries = Symbol.iterator in Object(headers) ? [...headers] : Object.entries(headers);
  for (const [name, value] of entries) out[name.toLowerCase()] = String(value);
  return out;
}
var without = (headers, names) => Object.fromEntries(Object.entries(headers).filter(([name]) => !names.has(name)));
function timedFetch(timeoutMs) {
  const timed = async (input, init = {}) => {
    const signal = init.signal ?? AbortSignal.timeout(timeoutMs);
    const first = new URL(String(input));
    let url = first;
    let method = (init.method ?? "GET").toUpperCase();
    let body = init.body;
    let headers = headerRecord(init.headers);
    for (let hops = 0; ; hops++) {
      const res = await (0, import_minipass_fetch.default)(url.href, {
        ...init,
        method,
        body,
        headers,
        signal,
        redirect: "manual"
      });
      const location = REDIRECT_STATUSES.has(res.status) ? res.headers.get("location") : null;
      if (location === null || init.redirect === "manual") return res;
      res.body?.resume?.();
      if (init.redirect === "error") {
        throw new TypeError(`${first.href} redirected to ${location}, and redirects were refused`);
      }
      if (hops >= MAX_REDIRECTS) {
        throw new TypeError(`${first.href}: more than ${MAX_REDIRECTS} redirects; stopped`);
      }
      let next;
      try {
        next = new URL(location, url);
      } catch {
        throw new TypeError(`${url.href} redirected to ${JSON.stringify(location)}, not a URL`);
      }
      if (next.protocol !== "https:" && next.protocol !== "http:") {
        throw new TypeError(
          `${url.href} redirected to a ${next.protocol} URL; only HTTP(S) is followed`
        );
      }
      if (next.origin !== url.origin) headers = without(headers, CREDENTIALS);
      if (res.status === 303 && method !== "HEAD" || (res.status === 301 || res.status === 302) && method === "POST") {
        method = "GET";
        body = void 0;
        headers = without(headers, BODY_HEADERS);
      }
      url = next;
    }
  };
  return timed;
}

// src/github/octokit.ts
var ShipgateOctokit = Octokit.plugin(paginateRest, retry, throttling);
var DEFAULT_API_URL = "https://api.github.com";
var RATE_LIMIT_RETRIES = 2;
var MAX_RATE_LIMIT_WAIT_SECONDS = 60;
var REQUEST_TIMEOUT_MS = 3e4;
function toAuthor(user) {
  return typeof user?.login === "string" && user.login !== "" ? { login: user.login, type: user.type ?? "User" } : void 0;
}
function toComment(raw) {
  const author = toAuthor(raw.user);
  return { id: raw.id, body: raw.body ?? "", url: raw.html_url, ...author ? { author } : {} };
}
function createShipgateOctokit(opts) {
  const { logger } = opts;
  const scrub = opts.scrub ?? ((m) => m);
  const limitHandler = (kind) => (retryAfter, options, _o, retryCount) => {
    const what = `${options.method ?? ""} ${options.url ?? ""}`.trim();
    if (retryCount >= RATE_LIMIT_RETRIES || retryAfter > MAX_RATE_LIMIT_WAIT_SECONDS) {
      logger.warning(
        `GitHub ${kind} rate limit on ${what}; not retrying (retry-after ${retryAfter}s).`
      );
      return false;
    }
    logger.info(`GitHub ${kind} rate limit on ${what}; retrying in ${retryAfter}s.`);
    return true;
  };
  const timeoutMs = opts.timeoutMs ?? REQUEST_TIMEOUT_MS;
  return new ShipgateOctokit({
    request: { fetch: timedFetch(timeoutMs) },
    auth: opts.token,
    baseUrl: (opts.apiUrl || DEFAULT_API_URL).replace(/\/+$/, ""),
    userAgent: opts.userAgent ?? "shipgate",
    log: {
      debug: (m) => logger.debug(scrub(m)),
      info: (m) => logger.debug(scrub(m)),
      warn: (m) => logger.warning(scrub(m)),
      error: (m) => logger.warning(scrub(m))
    },
    retry: opts.retry,
    throttle: {
      ...opts.throttle,
      onRateLimit: limitHandler("primary"),
      onSecondaryRateLimit: limitHandler("secondary")
    }
  });
}
function createOctokitCommenter(opts) {
  if (!opts.token) {
    throw new Error(
      "No GitHub token: set the `github-token` input (it defaults to the workflow token, github.token)."
    );
  }
  const octokit = createShipgateOctokit(opts);
  const params = { owner: opts.owner, repo: opts.repo };
  async function call(what, fn) {
    try {
      return await fn();
    } catch (error) {
      throw toApiError(what, error);
    }
  }
  return {
    async *listComments() {
      const what = `GET comments of #${opts.issueNumber}`;
      const pages = octokit.paginate.iterator(
        "GET /repos/{owner}/{repo}/issues/{issue_number}/comments",
        {
          ...params,
          issue_number: opts.issueNumber,
          per_page: 100
        }
      );
      const it = pages[Symbol.asyncIterator]();
      while (true) {
        const next = await call(what, () => it.next());
        if (next.done) return;
        yield next.value.data.map(toComment);
      }
    },
    createComment: (body) => call(`POST comment on #${opts.issueNumber}`, async () => {
      const res = await octokit.request(
        "POST /repos/{owner}/{repo}/issues/{issue_number}/comments",
        {
          ...params,
          issue_number: opts.issueNumber,
          body
        }
      );
      return toComment(res.data);
    }),
    updateComment: (id, body) => call(`PATCH comment ${id}`, async () => {
      const res = await octokit.request(
        "PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}",
        {
          ...params,
          comment_id: id,
          body
        }
      );
      return toComment(res.data);
    }),
    deleteComment: (id) => call(`DELETE comment ${id}`, async () => {
      await octokit.request("DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}", {
        ...params,
        comment_id: id
      });
    }),
    async authenticatedUser() {
      try {
        const res = await octokit.request("GET /user");
        return toAuthor(res.data);
      } catch (error) {
        const e = toApiError("GET /user", error);
        if (e.status === 403 && !/rate limit/i.test(e.message) || e.status === 404) {
          opts.logger.debug(`GET /user answered ${e.status}: the token belongs to a GitHub App.`);
          return void 0;
        }
        throw e;
      }
    }
  };
}
function toApiError(what, error) {
  if (error instanceof GitHubApiError) return error;
  const e = error;
  const data = e.response?.data;
  const details = (data?.errors ?? []).map((x) => x.message).filter(Boolean);
  const message = [data?.message ?? e.message ?? String(error), ...details].join(": ");
  const status = typeof e.status === "number" && e.response ? e.status : 0;
  return new GitHubApiError(status, message, what, data?.documentation_url);
}

export { DEFAULT_API_URL as D, createShipgateOctokit as a, timedFetch as b, createOctokitCommenter as c, toAuthor as t };
