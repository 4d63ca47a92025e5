import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);
import {
  GitHubApiError,
  paginateRest,
  throttling
} from "./chunk-XVQOM6IT.js";
import {
  Octokit,
  retry
} from "./chunk-FO5RTDMZ.js";

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
function createOctokitCommenter(opts) {
  if (!opts.token) {
    throw new Error(
      "No GitHub token: set the `github-token` input (it defaults to the workflow token, github.token)."
    );
  }
  const { logger } = opts;
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
  const timedFetch = (url, init) => fetch(url, { ...init, signal: init?.signal ?? AbortSignal.timeout(timeoutMs) });
  const octokit = new ShipgateOctokit({
    request: { fetch: timedFetch },
    auth: opts.token,
    baseUrl: (opts.apiUrl || DEFAULT_API_URL).replace(/\/+$/, ""),
    userAgent: opts.userAgent ?? "shipgate",
    log: {
      debug: (m) => logger.debug(m),
      info: (m) => logger.debug(m),
      warn: (m) => logger.warning(m),
      error: (m) => logger.warning(m)
    },
    retry: opts.retry,
    throttle: {
      ...opts.throttle,
      onRateLimit: limitHandler("primary"),
      onSecondaryRateLimit: limitHandler("secondary")
    }
  });
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
          logger.debug(`GET /user answered ${e.status}: the token belongs to a GitHub App.`);
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

export {
  DEFAULT_API_URL,
  createOctokitCommenter
};
