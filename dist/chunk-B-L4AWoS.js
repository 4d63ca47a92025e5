import { createRequire } from 'node:module';
import { r as require_dist2 } from './chunk-wVvfRtYZ.js';
import './chunk-BS_9fr8K.js';
import { ab as __toESM } from './chunk-BfsmuvnE.js';
import 'node:fs';
import 'node:crypto';
import 'node:fs/promises';
import 'node:path';
import 'os';
import 'fs';
import 'crypto';

createRequire(import.meta.url);

// src/sign/github-attestations.ts
var import_bundle = __toESM(require_dist2());
function attestationsApiUnavailable(target) {
  if (!target.token) return "no GitHub token ('github-token' is empty)";
  if (!/^[^/\s]+\/[^/\s]+$/.test(target.repository ?? ""))
    return "GITHUB_REPOSITORY is not set (not running in GitHub Actions)";
  let host;
  try {
    host = new URL(target.serverUrl || "https://github.com").hostname;
  } catch {
    return `GITHUB_SERVER_URL ${JSON.stringify(target.serverUrl)} is not a URL`;
  }
  if (host === "github.com" || host.endsWith(".ghe.com")) return void 0;
  return `${host} is GitHub Enterprise Server, which has no artifact attestations API`;
}
function statusOf(error) {
  const e = error;
  return typeof e.status === "number" && e.response ? e.status : 0;
}
function messageOf(error) {
  const e = error;
  return e.response?.data?.message ?? e.message ?? String(error);
}
var GitHubAttestations = class {
  constructor(api, target, logger, warn, unavailable) {
    this.api = api;
    this.target = target;
    this.logger = logger;
    this.warn = warn;
    if (unavailable) this.stop(`GitHub attestations not posted: ${unavailable}.`);
  }
  api;
  target;
  logger;
  warn;
  posted = [];
  stopped;
  stop(message) {
    if (this.stopped) return;
    this.stopped = message;
    this.warn(
      `${message} The signatures in the registry are unaffected; 'gh attestation verify --bundle-from-oci' reads them there.`
    );
  }
  async publish(digest, bundles) {
    for (const { predicateType, bundle } of bundles) {
      if (this.stopped || !this.api) return;
      try {
        const { id } = await this.api.create((0, import_bundle.bundleToJSON)(bundle));
        const server = (this.target.serverUrl || "https://github.com").replace(/\/+$/, "");
        this.posted.push({
          digest,
          predicateType,
          id: typeof id === "number" ? id : null,
          url: typeof id === "number" ? `${server}/${this.target.repository}/attestations/${id}` : null
        });
        this.logger.info(
          `Posted the ${predicateType} bundle of ${digest} to GitHub's attestations API${typeof id === "number" ? ` (id ${id})` : ""}`
        );
      } catch (error) {
        const status = statusOf(error);
        const why = messageOf(error);
        if (status === 422) {
          this.warn(
            `GitHub refused the ${predicateType} attestation of ${digest} (422: ${why}); the other bundles are still posted.`
          );
          continue;
        }
        const hint = status === 404 ? "the attestations API does not exist here (GitHub Enterprise Server?) or the token cannot see the repository; remove 'github-attestations' on this instance" : status === 403 || status === 401 ? "the token may not write attestations: add 'permissions: attestations: write' to the job" : status >= 500 ? "GitHub kept failing after retries; re-run to post them" : "GitHub could not be reached";
        this.stop(
          `GitHub attestations: posting stopped after ${this.posted.length} bundle(s) (${status || "no answer"}: ${why}): ${hint}.`
        );
      }
    }
  }
};
async function octokitAttestationsApi(target, logger, tuning = {}) {
  const { createShipgateOctokit } = await import('./chunk-BGNBXpIJ.js');
  const octokit = createShipgateOctokit({
    token: target.token,
    ...target.apiUrl ? { apiUrl: target.apiUrl } : {},
    logger,
    ...tuning.retry ? { retry: tuning.retry } : {}
  });
  const [owner, repo] = (target.repository ?? "").split("/");
  return {
    async create(bundle) {
      const res = await octokit.request("POST /repos/{owner}/{repo}/attestations", {
        owner,
        repo,
        bundle
      });
      const data = typeof res.data === "string" ? JSON.parse(res.data) : res.data;
      return { id: data?.id };
    }
  };
}

export { GitHubAttestations, attestationsApiUnavailable, octokitAttestationsApi };
