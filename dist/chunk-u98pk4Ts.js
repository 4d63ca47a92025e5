import { createRequire } from 'node:module';
import { b as timedFetch, D as DEFAULT_API_URL } from './chunk-p1DbVPjC.js';
import { O as Octokit, r as retry } from './chunk-CPVhvj0S.js';

createRequire(import.meta.url);

// src/policy-file/contents.ts
var ContentsError = class extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
  status;
  name = "ContentsError";
};
var RetryingOctokit = Octokit.plugin(retry);
var TIMEOUT_MS = 3e4;
var MAX_BYTES = 1024 * 1024;
function octokitContentsReader(opts) {
  const timeoutMs = opts.timeoutMs ?? TIMEOUT_MS;
  const octokit = new RetryingOctokit({
    auth: opts.token || void 0,
    baseUrl: (opts.apiUrl || DEFAULT_API_URL).replace(/\/+$/, ""),
    userAgent: "shipgate",
    request: { fetch: timedFetch(timeoutMs), retries: opts.retries },
    retry: opts.retries === void 0 ? void 0 : { retries: opts.retries },
    log: { debug: () => {
    }, info: () => {
    }, warn: () => {
    }, error: () => {
    } }
  });
  return {
    async canRead(owner, repo, ref) {
      try {
        await octokit.request(
          `GET /repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}/commits/${encodeURIComponent(ref)}`,
          { headers: { accept: "application/vnd.github.sha" } }
        );
        return true;
      } catch (error) {
        const status = error.status;
        if (status === 404 || status === 403 || status === 422) return false;
        throw new ContentsError(
          status ?? 0,
          `could not check access to ${owner}/${repo}@${ref} through the GitHub API (${status ?? "no answer"}).`
        );
      }
    },
    async readFile(owner, repo, path, ref) {
      const encoded = path.split("/").map(encodeURIComponent).join("/");
      const what = `${owner}/${repo}/${path}@${ref}`;
      try {
        const res = await octokit.request(
          `GET /repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}/contents/${encoded}`,
          { ref, headers: { accept: "application/vnd.github.raw+json" } }
        );
        const data = asText(res.data);
        if (data === void 0) {
          throw new ContentsError(200, `${what} is not a file (a directory or submodule?).`);
        }
        if (data.length > MAX_BYTES) throw new ContentsError(200, `${what} is larger than 1 MiB.`);
        return data;
      } catch (error) {
        if (error instanceof ContentsError) throw error;
        const e = error;
        if (e.status === 404) return void 0;
        const detail = e.response?.data?.message ?? e.message ?? String(error);
        throw new ContentsError(
          e.status ?? 0,
          `could not read ${what} through the GitHub API (${e.status ?? "no answer"}: ${detail.split("\n")[0]}). The token needs contents: read on ${owner}/${repo}.`
        );
      }
    }
  };
}
function asText(data) {
  if (typeof data === "string") return data;
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) {
    const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      throw new ContentsError(200, "the file is not UTF-8 text.");
    }
  }
  return void 0;
}

export { ContentsError as C, octokitContentsReader as o };
