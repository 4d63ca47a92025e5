import { createRequire } from 'node:module';
import { H as settingsMarkdown, K as trivyProvider, L as GitHubApiError } from './chunk-CxTsKb1n.js';
import { r as registryClient } from './chunk--j_mKdh8.js';
import { g as getInput2, r as runUrl, i as info2, b as actionLogger } from './chunk-4KaJgODh.js';
import { r as runRescanMode, a as rescanSettingsRecord, b as rescanSummary, c as redact2 } from './chunk-DkyNakVG.js';
import './chunk-D-RVBky_.js';
import './chunk-BHNJ4lnQ.js';
import './chunk-DtikF6FY.js';
import { d as setSecret, F as registerSecret, I as InputError, at as safeJson, P as setOutput, L as warning, ak as summary, al as setFailed } from './chunk-BfsmuvnE.js';
import { a as createShipgateOctokit, t as toAuthor } from './chunk-p1DbVPjC.js';
import './chunk-CPVhvj0S.js';
import './chunk-DeOTirqK.js';
import './chunk-WRQA7XgD.js';
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import 'node:fs';
import 'node:buffer';
import 'node:timers/promises';
import 'node:child_process';
import 'node:stream';
import 'os';
import 'fs';
import 'crypto';

createRequire(import.meta.url);

// src/rescan/github.ts
function toIssue(raw) {
  const author = toAuthor(raw.user);
  return {
    number: raw.number,
    title: raw.title ?? "",
    body: raw.body ?? "",
    state: raw.state === "closed" ? "closed" : "open",
    url: raw.html_url,
    createdAt: raw.created_at,
    ...author ? { author } : {}
  };
}
function createIssuesApi(opts) {
  if (!opts.token) {
    throw new Error(
      "No GitHub token: set the `github-token` input (it defaults to the workflow token, github.token) and give the job `permissions: issues: write`."
    );
  }
  const octokit = createShipgateOctokit({ ...opts, scrub: (m) => redact2(m, [opts.token]) });
  const params = { owner: opts.owner, repo: opts.repo };
  async function call(what, fn) {
    try {
      return await fn();
    } catch (error) {
      throw toApiError(what, error, opts.token);
    }
  }
  return {
    listOpenIssues: (label) => call(`GET issues labelled ${label}`, async () => {
      const raw = await octokit.paginate("GET /repos/{owner}/{repo}/issues", {
        ...params,
        labels: label,
        state: "open",
        sort: "created",
        direction: "asc",
        per_page: 100
      });
      return raw.filter((i) => !i.pull_request).map(toIssue);
    }),
    createIssue: (issue) => call("POST issue", async () => {
      const res = await octokit.request("POST /repos/{owner}/{repo}/issues", {
        ...params,
        ...issue
      });
      return toIssue(res.data);
    }),
    updateIssue: (number, change) => call(`PATCH issue #${number}`, async () => {
      const res = await octokit.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", {
        ...params,
        issue_number: number,
        ...change.title !== void 0 ? { title: change.title } : {},
        ...change.body !== void 0 ? { body: change.body } : {},
        ...change.state ? { state: change.state } : {},
        ...change.stateReason ? { state_reason: change.stateReason } : {}
      });
      return toIssue(res.data);
    }),
    addComment: (number, body) => call(`POST comment on #${number}`, async () => {
      await octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
        ...params,
        issue_number: number,
        body
      });
    }),
    async ensureLabel(label) {
      try {
        await octokit.request("POST /repos/{owner}/{repo}/labels", { ...params, ...label });
        return "created";
      } catch (error) {
        const e = toApiError(`POST label ${label.name}`, error, opts.token);
        if (e.status === 422 && /already_exists|already exists/i.test(e.message)) return "exists";
        throw e;
      }
    },
    async authenticatedUser() {
      try {
        const res = await octokit.request("GET /user");
        return toAuthor(res.data);
      } catch (error) {
        const e = toApiError("GET /user", error, opts.token);
        if (e.status === 403 && !/rate limit/i.test(e.message) || e.status === 404)
          return void 0;
        throw e;
      }
    }
  };
}
function toApiError(what, error, token) {
  if (error instanceof GitHubApiError) return error;
  const e = error;
  const data = e.response?.data;
  const details = (data?.errors ?? []).map((x) => x.message ?? x.code).filter(Boolean);
  const message = redact2([data?.message ?? e.message ?? String(error), ...details].join(": "), [
    token
  ]);
  const status = typeof e.status === "number" && e.response ? e.status : 0;
  return new GitHubApiError(status, message, what, data?.documentation_url);
}

// src/modes/action-rescan.ts
async function actionRescan(settings) {
  const s = settings.rescan;
  const token = s.githubToken.value;
  const password = getInput2("registry-password");
  if (password) setSecret(password);
  for (const secret of [token, password, process.env.GITHUB_TOKEN]) registerSecret(secret);
  const [owner, repo] = (process.env.GITHUB_REPOSITORY ?? "").split("/");
  if (!token) {
    throw new InputError(
      "github-token",
      "rescan keeps one issue per image and needs a token: leave `github-token` at its default (the workflow token) and give the job `permissions: issues: write`."
    );
  }
  if (!owner || !repo) {
    throw new Error(
      "GITHUB_REPOSITORY is not set: rescan opens issues in the repository the workflow runs in."
    );
  }
  const outputDir = join(
    process.env.RUNNER_TEMP || tmpdir(),
    `shipgate-rescan-${process.env.GITHUB_RUN_ID ?? "local"}-${randomBytes(4).toString("hex")}`
  );
  await mkdir(outputDir, { recursive: true });
  const url = runUrl();
  const { result, reports } = await runRescanMode(s, {
    logger: actionLogger,
    trivy: trivyProvider(void 0, { requireFreshDb: true }),
    registryClient,
    outputDir,
    secrets: [token, password].filter(Boolean),
    github: {
      api: createIssuesApi({
        token,
        apiUrl: process.env.GITHUB_API_URL,
        owner,
        repo,
        logger: actionLogger
      }),
      expectedAuthor: s.commentAuthor.value,
      runUrl: url
    }
  });
  const reportPath = join(outputDir, "shipgate-rescan.json");
  const record = rescanSettingsRecord(settings);
  await writeFile(reportPath, `${safeJson({ ...result, settings: record })}
`);
  setOutput("verdict", result.verdict);
  setOutput("reason", result.reason);
  setOutput("report", reportPath);
  for (const w of result.warnings) warning(w);
  try {
    await summary.addRaw(rescanSummary(result, reports, { runUrl: url })).addRaw(`

${settingsMarkdown(record)}
`).write();
  } catch (error) {
    warning(`Could not write the job summary: ${error.message}`);
  }
  for (const o of result.images) {
    const issue = o.issue.number ? ` (issue #${o.issue.number}, ${o.issue.action})` : ` (${o.issue.action})`;
    info2(`${o.image}${o.digest ? ` @ ${o.digest}` : ""}: ${o.verdict}${issue}. ${o.reason}`);
  }
  if (result.failed) {
    const lines = [
      result.reason,
      ...result.images.flatMap((o) => o.errors.map((e) => `${o.image}: ${e}`)),
      ...result.notUpdated.map((n) => `${n.image}: issue not updated: ${n.reason}`)
    ];
    setFailed(lines.join("\n"));
  } else info2(result.reason);
}

export { actionRescan };
