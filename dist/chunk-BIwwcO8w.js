import { createRequire } from 'node:module';
import { t as trivyProvider } from './chunk-C8F-GO98.js';
import { I as IdentityTokenError, a as MissingIdTokenPermissionError } from './chunk-CVnINH75.js';
import { r as registerSecret, l as redactedMessage, O as redactDeepForJson, Q as describePlatforms } from './chunk-BAQxG8PF.js';
import { f as getIDToken, w as warning, a as setOutput } from './chunk-CBoHpM6r.js';
import { r as readSigningSettings } from './chunk-BbmjugtC.js';
import { b as actionLogger, g as getInput2, t as trivyCacheDir, i as info2, r as runUrl } from './chunk-CNomX6Vp.js';
import { w as workflowEvent, a as workflowRepo } from './chunk-B909PCk3.js';
import { r as runScan } from './chunk-AMurQS6Q.js';
import { e as commentKeys, b as settingsRecord, w as writeJsonFilePausing, f as writeJsonFile, i as imageReport, a as renderReportMarkdown, g as commentMarker, C as COMMENT_MAX_LENGTH, h as withMarker, j as resolveOwnAuthor, m as markerKey, k as endsWithMarker, l as checkOwnComment, L as LONG_ARRAY } from './chunk-RbIsl7gu.js';
import './chunk-D4eP6Dzq.js';
import './chunk-BjfgtcYX.js';
import './chunk-B2iF1XkY.js';
import './chunk-BQKXnzK6.js';
import './chunk-DPoUJtSh.js';
import './chunk-BPn_haLw.js';
import './chunk-xZXJGy1w.js';
import './chunk-Bi5T-QyA.js';
import './chunk-Ca65EcXZ.js';
import './chunk-DnK-Igsz.js';
import './chunk-Blk29HQN.js';
import './chunk-BUPm29C1.js';
import './chunk-C0BEpVSl.js';
import './chunk-D_xoMOi_.js';
import './chunk-D1w318ai.js';
import { G as GitHubApiError } from './chunk-wEbBUlrU.js';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

createRequire(import.meta.url);

// src/sign/github-identity.ts
var SIGSTORE_AUDIENCE = "sigstore";
function githubIdentity(env = process.env) {
  return {
    /** Whether the runner offers a token at all (the job has `id-token: write`). */
    available() {
      return Boolean(env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
    },
    preflight() {
      if (!this.available()) throw new MissingIdTokenPermissionError();
    },
    async getToken() {
      this.preflight();
      try {
        const token = await getIDToken(SIGSTORE_AUDIENCE);
        registerSecret(token);
        return token;
      } catch (error) {
        throw new IdentityTokenError(
          `GitHub refused the OIDC token for audience '${SIGSTORE_AUDIENCE}': ${redactedMessage(error).replace(/\s+/g, " ").trim()}. Check 'permissions: id-token: write' on this job.`
        );
      }
    }
  };
}

createRequire(import.meta.url);

// src/github/comment.ts
async function publishComment(input, deps) {
  const { github, logger } = deps;
  let marker;
  try {
    marker = commentMarker(input.key);
  } catch (error) {
    return { status: "failed", reason: error.message, forkReadOnly: false };
  }
  const body = withMarker(input.body, marker);
  if (body.length > COMMENT_MAX_LENGTH) {
    return {
      status: "failed",
      reason: `The comment is ${body.length} characters, over GitHub's limit of ${COMMENT_MAX_LENGTH}; render it with maxLength ${COMMENT_MAX_LENGTH}.`,
      forkReadOnly: false
    };
  }
  try {
    const pages = github.listComments()[Symbol.asyncIterator]();
    const firstPage = pages.next();
    firstPage.catch(() => void 0);
    const own = await resolveOwnAuthor(input.expectedAuthor, github, logger);
    const ours = [];
    const adopted = [];
    for (let page = await firstPage; !page.done; page = await pages.next()) {
      for (const comment of page.value) {
        const oldKey = input.adopts ? markerKey(comment.body) : void 0;
        const adoptable = oldKey !== void 0 && input.adopts?.(oldKey) === true;
        if (!comment.body.includes(marker) && !adoptable) continue;
        const by = comment.author?.login ?? "an unknown account";
        if (!own.accepts(comment.author)) {
          logger.debug(
            `Ignoring comment ${comment.id} by ${by}: it carries the marker for key "${input.key}" but Shipgate only owns comments by ${own.description}.`
          );
        } else if (endsWithMarker(comment.body, marker)) ours.push(comment);
        else if (adoptable) adopted.push(comment);
        else {
          logger.debug(
            `Ignoring comment ${comment.id} by ${by}: the marker for key "${input.key}" is not its last line.`
          );
        }
      }
    }
    logger.debug(`Found ${ours.length} Shipgate comment(s) for key "${input.key}".`);
    if (adopted.length) {
      logger.info(
        `Taking over ${adopted.length} Shipgate comment(s) keyed the old way for "${input.key}".`
      );
      if (!ours.length) ours.push(...adopted.splice(-1));
      for (const old of adopted) await deleteQuietly(github, old.id, logger);
    }
    if (input.mode === "update" && ours[0]) {
      const [keep, ...duplicates] = ours;
      for (const dup of duplicates) await deleteQuietly(github, dup.id, logger);
      if (keep.body === body) {
        logger.info(`Pull-request comment unchanged: ${keep.url ?? keep.id}`);
        return { status: "skipped", url: keep.url };
      }
      const updated = await github.updateComment(keep.id, body);
      logger.info(`Updated the pull-request comment: ${updated.url ?? updated.id}`);
      return { status: "updated", url: updated.url ?? keep.url };
    }
    for (const old of ours) await github.deleteComment(old.id);
    const created = await github.createComment(body);
    logger.info(`Created the pull-request comment: ${created.url ?? created.id}`);
    checkOwnComment(created.author, own, logger);
    return { status: "created", url: created.url };
  } catch (error) {
    return describeFailure(error, input.fromFork === true);
  }
}
async function deleteQuietly(github, id, logger) {
  try {
    await github.deleteComment(id);
  } catch (error) {
    logger.warning(`Could not delete duplicate Shipgate comment ${id}: ${error.message}`);
  }
}
var NOTHING_LOST = "The full result is in the job summary and the `report` output.";
function describeFailure(error, fromFork) {
  if (!(error instanceof GitHubApiError)) {
    return {
      status: "failed",
      reason: `Could not write the pull-request comment: ${error?.message ?? String(error)}. ${NOTHING_LOST}`,
      forkReadOnly: false
    };
  }
  const said = `GitHub answered ${error.status} to ${error.request}: ${error.message}`;
  const notAccessible = /not accessible by integration/i.test(error.message);
  switch (true) {
    case error.status === 0:
      return fail(
        `Could not reach the GitHub API (${error.message}) for ${error.request}. Check GITHUB_API_URL and the runner's network. ${NOTHING_LOST}`
      );
    case error.status === 401:
      return fail(
        `${said}. The token was rejected: check the \`github-token\` input. ${NOTHING_LOST}`
      );
    case (error.status === 403 && /rate limit/i.test(error.message)):
      return fail(
        `${said}. Rate-limited even after retrying; the next run will update the comment. ${NOTHING_LOST}`
      );
    case (error.status === 403 && (fromFork || notAccessible)):
      return {
        status: "failed",
        forkReadOnly: fromFork || notAccessible,
        reason: fromFork ? `This pull request comes from a fork, so the workflow token is read-only and cannot comment (${error.status}: ${error.message}). ${NOTHING_LOST} To comment on fork pull requests, post from a \`workflow_run\` workflow (see Shipgate's README).` : `${said}. The token cannot write comments: give the job \`permissions: pull-requests: write\` (for pull requests from forks the token is always read-only; see Shipgate's README). ${NOTHING_LOST}`
      };
    case error.status === 403:
      return fail(`${said}. Give the job \`permissions: pull-requests: write\`. ${NOTHING_LOST}`);
    case error.status === 404:
      return fail(
        `${said}. The pull request or repository was not found, or the token cannot see it (private repositories need \`permissions: pull-requests: write\`). ${NOTHING_LOST}`
      );
    case error.status === 422:
      return fail(`${said}. GitHub rejected the comment. ${NOTHING_LOST}`);
    default:
      return fail(`${said}. ${NOTHING_LOST}`);
  }
}
function fail(reason) {
  return { status: "failed", reason, forkReadOnly: false };
}
function shouldComment(mode, eventName, payload) {
  if (mode === "never") return { comment: false, why: "`comment` is `never`." };
  const p = payload ?? {};
  const isPullRequestEvent = eventName === "pull_request" || eventName === "pull_request_target";
  let issueNumber;
  let fromFork;
  if (isPullRequestEvent && typeof p.pull_request?.number === "number") {
    issueNumber = p.pull_request.number;
    const head = p.pull_request.head?.repo?.full_name;
    const base = p.pull_request.base?.repo?.full_name;
    fromFork = eventName === "pull_request" && base !== void 0 && head !== base;
  } else if (eventName === "issue_comment" && p.issue?.pull_request && typeof p.issue.number === "number") {
    issueNumber = p.issue.number;
  } else if (eventName === "workflow_run") {
    issueNumber = p.workflow_run?.pull_requests?.find((pr) => typeof pr.number === "number")?.number;
  }
  if (mode === "auto" && !isPullRequestEvent) {
    return {
      comment: false,
      why: `\`comment: auto\` comments on pull_request events only; this is \`${eventName}\`.`
    };
  }
  if (issueNumber === void 0) {
    return {
      comment: false,
      why: eventName === "workflow_run" ? "This workflow_run has no pull request attached (GitHub leaves `pull_requests` empty for forks): pass the pull-request number from the first workflow, see the README." : `No pull request belongs to this \`${eventName}\` event.`
    };
  }
  return {
    comment: true,
    issueNumber,
    fromFork,
    why: `Commenting on pull request #${issueNumber}${fromFork ? " (from a fork: the token may be read-only)" : ""}.`
  };
}

// src/action/comment.ts
async function commentOnPullRequest(report, inputs, keys, options) {
  const decision = inputs.pullRequest !== void 0 && inputs.when !== "never" ? {
    comment: true,
    issueNumber: inputs.pullRequest,
    fromFork: false,
    why: `\`pull-request\` is ${inputs.pullRequest}.`
  } : shouldComment(inputs.when, workflowEvent().eventName, workflowEvent().payload);
  info2(`Pull-request comment: ${decision.why}`);
  if (!decision.comment || decision.issueNumber === void 0) {
    setOutput("comment-status", "disabled");
    return;
  }
  try {
    const { owner, repo } = workflowRepo();
    const { createOctokitCommenter } = await import('./chunk-CJarHPJy.js');
    const commenter = createOctokitCommenter({
      token: inputs.token,
      apiUrl: process.env.GITHUB_API_URL,
      owner,
      repo,
      issueNumber: decision.issueNumber,
      logger: actionLogger
    });
    const comments = inputs.per === "image" && options.perImage && report.images.length > 1 ? report.images.map((image) => ({
      body: imageReport(
        report,
        image,
        options.failures.filter((f) => f.image === image.image).map((f) => f.message)
      ),
      ...keys.image(image.image)
    })) : [{ body: report, key: keys.job, adopts: keys.adopts }];
    const statuses = [];
    const urls = [];
    for (const c of comments) {
      const body = renderReportMarkdown(c.body, {
        maxLength: COMMENT_MAX_LENGTH,
        summaryUrl: runUrl(),
        marker: commentMarker(c.key)
      });
      const result = await publishComment(
        {
          body,
          key: c.key,
          adopts: c.adopts,
          mode: inputs.mode,
          fromFork: decision.fromFork,
          expectedAuthor: inputs.author
        },
        { github: commenter, logger: actionLogger }
      );
      statuses.push(result.status);
      if (result.status === "failed") {
        warning(result.reason);
        report.warnings.push(result.reason);
      } else {
        if (result.url) urls.push(result.url);
        info2(`Pull-request comment ${result.status}${result.url ? `: ${result.url}` : ""}`);
      }
    }
    const order = ["failed", "created", "updated", "skipped"];
    setOutput("comment-status", order.find((s) => statuses.includes(s)) ?? "skipped");
    setOutput("comment-url", urls.join("\n"));
  } catch (error) {
    const reason = `The pull-request comment was not written: ${error.message}`;
    setOutput("comment-status", "failed");
    warning(reason);
    report.warnings.push(reason);
  }
}

// src/sign/fork.ts
function forkPullRequest(eventName, payload) {
  if (eventName !== "pull_request" || !payload?.pull_request) return void 0;
  const base = payload.pull_request.base?.repo?.full_name ?? payload.repository?.full_name;
  if (!base) return void 0;
  const head = payload.pull_request.head?.repo?.full_name ?? "(deleted fork)";
  return head.toLowerCase() === base.toLowerCase() ? void 0 : { head, base };
}
function forkSkipReason(fork) {
  return `Signing skipped: this pull request comes from the fork ${fork.head}, and GitHub gives runs for fork pull requests no OIDC token ('id-token: write' is withheld by design), so nothing was signed. The scan, the gate and the comment ran as usual; images are signed when the change reaches ${fork.base} (push or release).`;
}

// src/action/signing.ts
function readSigning() {
  const raw = Object.fromEntries(
    [
      "sign",
      "attest-sbom",
      "attest-vulnerabilities",
      "attest-verdict",
      "github-attestations",
      "sbom-format",
      "signature-format",
      "rekor-version",
      "fulcio-url",
      "rekor-url",
      "tsa-url",
      "public-transparency-log",
      "trusted-root"
    ].map((name) => [name, getInput2(name)])
  );
  const { eventName, payload } = workflowEvent();
  const repository = payload.repository;
  const visibility = repository?.visibility ?? (repository?.private === true ? "private" : repository?.private === false ? "public" : void 0);
  const settings = readSigningSettings(raw, {
    repositoryVisibility: visibility
  });
  if (!settings.sign) return settings;
  const identity = githubIdentity();
  if (!identity.available()) {
    const fork = forkPullRequest(eventName, payload);
    if (fork) return { sign: false, sbomFormat: settings.sbomFormat, skipped: forkSkipReason(fork) };
  }
  identity.preflight();
  return settings;
}
async function vulnerabilityDbFromCache() {
  const { readDbMetadata } = await import('./chunk-DBwFt6zo.js');
  const meta = await readDbMetadata(join(trivyCacheDir(), "db"));
  if (!meta?.UpdatedAt) return void 0;
  return { updatedAt: meta.UpdatedAt, ...meta.NextUpdate ? { nextUpdate: meta.NextUpdate } : {} };
}

// src/action/summary.ts
async function renderSummary(report, settings) {
  try {
    const [{ runUrl: runUrl2 }, { renderReportMarkdown: renderReportMarkdown2, SUMMARY_MAX_LENGTH }, { settingsMarkdown }] = await Promise.all([
      import('./chunk-D3YvKng9.js'),
      import('./chunk-DiqdXARd.js'),
      import('./chunk-DbwzWCUf.js')
    ]);
    const body = renderReportMarkdown2(report, {
      maxLength: SUMMARY_MAX_LENGTH,
      summaryUrl: runUrl2()
    });
    return { markdown: `${body}

${settingsMarkdown(settings)}
` };
  } catch (error) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }
}

// src/modes/action-scan.ts
async function actionScan(settings) {
  const { scan, comment } = settings;
  const signing = readSigning();
  const token = comment.githubToken.value;
  for (const secret of [token, process.env.GITHUB_TOKEN]) registerSecret(secret);
  const temp = process.env.RUNNER_TEMP || tmpdir();
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  const outputDir = join(
    temp,
    `shipgate-${process.env.GITHUB_RUN_ID ?? "local"}-${randomBytes(4).toString("hex")}`
  );
  const result = await runScan(scan, {
    logger: actionLogger,
    trivy: trivyProvider(scan),
    // The registry code loads on first use: a report judged offline never reads a registry.
    registryClient: async () => (await import('./chunk-BGlAk18S.js')).registryClient(),
    outputDir,
    // One file per image in a directory unless `sarif` names one file for one image.
    sarifPath: scan.sarif.value ?? `${join(outputDir, "sarif")}/`,
    sarif: {
      root: workspace,
      // The checkout is the pull request's: a link in it must not carry SARIF elsewhere.
      confineTo: [workspace, temp]
    },
    sbomFormat: signing.sbomFormat === "none" ? void 0 : signing.sbomFormat,
    exceptions: settings.exceptions,
    expiringDays: settings.policyReport?.warnExpiryDays,
    deferReportFile: true,
    // VEX paths are read in the checkout; on pull requests compared with the base commit.
    vex: await actionVex(scan, token)
  });
  const { report } = result;
  if (settings.policyReport) {
    report.policy = settings.policyReport;
    report.expiringDays = settings.policyReport.warnExpiryDays;
  }
  for (const warning2 of report.warnings) warning(warning2);
  for (const image of report.images) {
    const b = image.baseImage;
    if (b?.mode === "warn" && b.violations.length > 0) {
      warning(
        `Base image of ${image.image} (base-image-policy: warn, the step does not fail on it): ${b.violations.map((v) => v.message).join(" ")}`
      );
    }
  }
  const signable = report.verdict === "pass" && !result.errors.length;
  if (signing.sign && !signable) {
    const note = "Not signed: the image did not pass the gate, and a signature would tell admission controllers it did.";
    warning(note);
    report.warnings.push(note);
  }
  const willSign = signing.sign && signable;
  const { signStage } = await import('./chunk-DK8-qMoy.js');
  const signer = willSign ? await loadSigner() : void 0;
  const using = () => {
    if (!signer) throw new Error("internal: signing modules used on a run that does not sign");
    return signer;
  };
  const signed = await signStage(
    report,
    // A fork PR's skipped signing (sign: false with a reason) passes through as it is.
    signable || !signing.sign ? signing : { sign: false, sbomFormat: signing.sbomFormat },
    {
      store: () => using().registryStore(using().registryClient()),
      identity: () => using().githubIdentity(),
      trustedRoot: async () => {
        if (!signing.sign) return void 0;
        return using().loadTrustedRoot(
          signing.trustedRootPath ? { path: signing.trustedRootPath } : {}
        );
      },
      uploader: lazyArtifactUploader(),
      logger: actionLogger,
      vulnerabilityDb: vulnerabilityDbFromCache,
      github: {
        token,
        apiUrl: process.env.GITHUB_API_URL,
        serverUrl: process.env.GITHUB_SERVER_URL,
        repository: process.env.GITHUB_REPOSITORY
      }
    },
    { signPlatforms: scan.signPlatforms.value }
  );
  if (signed.failed.length) {
    report.verdict = "fail";
    report.reason = `Not signed: ${signed.failed[0]?.message}${signed.failed.length > 1 ? ` (+${signed.failed.length - 1} more)` : ""}`;
  }
  const { texts } = redactDeepForJson(report, LONG_ARRAY);
  const keys = commentKeys({
    explicit: scan.commentKey.value,
    images: scan.images.value,
    fallback: report.images[0]?.image ?? "report",
    platform: describePlatforms(scan.platform.value)
  });
  const record = settingsRecord(settings);
  const warnings = report.warnings.length;
  const commenting = commentOnPullRequest(
    report,
    {
      when: comment.comment.value,
      mode: comment.commentMode.value,
      per: comment.commentPer.value,
      token,
      author: comment.commentAuthor.value,
      pullRequest: comment.pullRequest.value
    },
    keys,
    {
      // An incomplete scan gets one comment for the job: per-image verdicts would hide it.
      perImage: !result.errors.length,
      failures: signed.failed
    }
  );
  commenting.catch(() => void 0);
  await writeJsonFilePausing(result.reportPath, { ...report, settings: record }, texts);
  let summary = await renderSummary(report, record);
  await commenting;
  if (report.warnings.length !== warnings) {
    await writeJsonFile(result.reportPath, { ...report, settings: record });
    summary = await renderSummary(report, record);
  }
  return {
    ...result,
    signingFailures: signed.failed,
    signingOutputs: signed.outputs,
    settings: record,
    summary
  };
}
async function actionVex(scan, token) {
  if (!scan.vex.value.length) return void 0;
  const { actionVexBase } = await import('./chunk-BgYAgKZZ.js');
  return {
    workspace: process.env.GITHUB_WORKSPACE || process.cwd(),
    base: actionVexBase(token)
  };
}
function lazyArtifactUploader() {
  let uploader;
  return {
    async upload(name, files, rootDirectory) {
      if (!process.env.ACTIONS_RUNTIME_TOKEN)
        throw new Error("Unable to get the ACTIONS_RUNTIME_TOKEN env variable");
      uploader ??= import('./chunk-B8TOi-ZH.js').then((m) => m.actionsArtifactUploader());
      return (await uploader).upload(name, files, rootDirectory);
    }
  };
}
async function loadSigner() {
  const [{ githubIdentity: githubIdentity2 }, { registryStore }, { loadTrustedRoot }, { registryClient }] = await Promise.all([
    import('./chunk-DxhBBXkm.js'),
    import('./chunk-BGhQ7t1M.js'),
    import('./chunk-DiuGvxkU.js'),
    import('./chunk-BGlAk18S.js')
  ]);
  return { githubIdentity: githubIdentity2, registryStore, loadTrustedRoot, registryClient };
}

var chunk2DSOKEV6 = /*#__PURE__*/Object.freeze({
  __proto__: null,
  actionScan: actionScan
});

export { SIGSTORE_AUDIENCE as S, chunk2DSOKEV6 as c, githubIdentity as g };
