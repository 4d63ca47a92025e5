import { createRequire } from 'node:module';
import { a1 as string2, a2 as _regex, a3 as _maxLength, a4 as object, a5 as array, a6 as int, a7 as _nonnegative, a8 as escapeMarkdown, a9 as table, aa as code, ab as link, ac as SUMMARY_MAX_LENGTH, ad as renderReportMarkdown, ae as isBlocking, af as resolveOwnAuthor, ag as plural, L as GitHubApiError, ah as endsWithMarker, ai as encodeMarkerKey, aj as COMMENT_MAX_LENGTH, ak as union, al as tuple, am as literal, an as runPipeline, ao as VERSION } from './chunk-CxTsKb1n.js';
import { v as valuesOf, N as describePlatforms, aB as RESCAN_SPEC, B as shortOrigin, J as parseReference, av as formatReference, R as redact } from './chunk-BfsmuvnE.js';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

createRequire(import.meta.url);
var KEY_PREFIX = "<!-- shipgate:rescan key=";
var STATE_PREFIX = "<!-- shipgate:rescan-state ";
var SUFFIX = " -->";
function rescanMarker(key) {
  const trimmed = key.trim();
  if (trimmed === "") throw new Error("The rescan key is empty: every watched image needs one.");
  return `${KEY_PREFIX}${encodeMarkerKey(trimmed)}${SUFFIX}`;
}
function findingHash(key) {
  return createHash("sha256").update(key).digest("base64url").slice(0, 12);
}
var NAME_MAX = 200;
function remember(finding) {
  const cut = (text) => [...text].slice(0, NAME_MAX).join("");
  return {
    hash: findingHash(finding.key),
    id: cut(finding.id),
    pkg: finding.kind === "vulnerability" ? cut(finding.pkgName) : void 0
  };
}
var hash = string2().check(_regex(/^[A-Za-z0-9_-]{12}$/));
var name = string2().check(_maxLength(NAME_MAX));
var Stored = object({
  v: literal(1),
  d: string2().check(_regex(/^[a-z0-9]+:[a-zA-Z0-9=_-]{32,}$/)),
  n: int().check(_nonnegative()),
  f: array(union([tuple([hash]), tuple([hash, name]), tuple([hash, name, name])])).check(_maxLength(1e5))
});
var NAMES_KEPT = 30;
var STATE_BUDGET = 16e3;
function encodeState(state, budget = STATE_BUDGET) {
  const entries = state.findings.map(
    (f) => f.id === void 0 ? [f.hash] : f.pkg === void 0 ? [f.hash, f.id] : [f.hash, f.id, f.pkg]
  );
  const render = (f) => `${STATE_PREFIX}${Buffer.from(JSON.stringify({ v: 1, d: state.digest, n: state.total, f })).toString("base64url")}${SUFFIX}`;
  let text = render(entries);
  if (text.length <= budget) return text;
  const named2 = (keep) => entries.map((e, i) => i < keep ? e : e.slice(0, 1));
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (render(named2(mid)).length <= budget) lo = mid;
    else hi = mid - 1;
  }
  text = render(named2(lo));
  if (text.length <= budget) return text;
  const head = named2(Math.min(NAMES_KEPT, entries.length));
  lo = 0;
  hi = head.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (render(head.slice(0, mid)).length <= budget) lo = mid;
    else hi = mid - 1;
  }
  return render(head.slice(0, lo));
}
function decodeState(body) {
  const lines = body.split(/\r\n|\r|\n/).map((l) => l.trim());
  const found = lines.filter((l) => l.startsWith(STATE_PREFIX) && l.endsWith(SUFFIX));
  if (found.length !== 1) return void 0;
  const payload = found[0].slice(STATE_PREFIX.length, -SUFFIX.length);
  if (!/^[A-Za-z0-9_-]+$/.test(payload)) return void 0;
  let parsed;
  try {
    parsed = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return void 0;
  }
  const result = Stored.safeParse(parsed);
  if (!result.success || result.data.n < result.data.f.length) return void 0;
  return {
    digest: result.data.d,
    total: result.data.n,
    findings: result.data.f.map(([hash2, id, pkg]) => ({
      hash: hash2,
      ...id !== void 0 ? { id } : {},
      ...pkg !== void 0 ? { pkg } : {}
    }))
  };
}

// src/rescan/render.ts
var LISTED = 30;
function issueTitle(image) {
  return `Shipgate: ${image} fails the security policy`;
}
function named(f) {
  return f.pkg ? `${code(f.id)} (${code(f.pkg)})` : code(f.id);
}
function nameList(list, unnamed = 0) {
  const shown = list.slice(0, LISTED).map(named);
  const more = list.length - shown.length + unnamed;
  return `${shown.join(", ")}${more > 0 ? `${shown.length ? ", and " : ""}${plural(more, "more finding")}` : ""}`;
}
function changeLines(o) {
  const lines = [];
  if (o.previous === "unreadable") {
    lines.push(
      "\u26A0\uFE0F The previous version of this issue had no readable record of its findings (it was edited?), so every finding counts as new."
    );
  } else if (o.previous === "partial") {
    lines.push(
      "\u26A0\uFE0F The previous scan had more findings than this issue can record; findings it could not record count as new."
    );
  }
  if (o.previous !== "none" && o.newSince.length)
    lines.push(`**New since the last scan** (${o.newSince.length}): ${nameList(o.newSince)}`);
  if (o.fixedSince.length + o.fixedUnnamed)
    lines.push(
      `**Fixed since the last scan** (${o.fixedSince.length + o.fixedUnnamed}): ${nameList(o.fixedSince, o.fixedUnnamed)}`
    );
  if (o.previous !== "none" && !o.newSince.length && !(o.fixedSince.length + o.fixedUnnamed))
    lines.push("No blocking finding came or went since the last scan.");
  return lines;
}
function digestLine(o) {
  if (!o.digest) return "";
  return o.via === "tag" ? `Scanned digest ${code(o.digest, 80)} (what ${code(o.image)} pointed to at this scan).` : `Scanned digest ${code(o.digest, 80)}.`;
}
function issueBody(o, report, state, opts) {
  const stateText = encodeState(state, STATE_BUDGET);
  const marker = rescanMarker(o.key);
  const head = [
    `### \u274C ${code(o.image)} fails the security policy`,
    "",
    digestLine(o),
    ...changeLines(o).flatMap((l) => ["", l])
  ].join("\n");
  const foot = [
    `<sub>Kept up to date by Shipgate's scheduled rescan${opts.runUrl ? ` (${link("last run", opts.runUrl)}, ${escapeMarkdown(opts.scannedAt)})` : ` (${escapeMarkdown(opts.scannedAt)})`}. It closes itself when the image passes. Closing it by hand does not silence the finding: the next rescan opens a new issue; record an exception in the policy instead.</sub>`,
    "",
    stateText,
    marker,
    ""
  ].join("\n");
  const budget = COMMENT_MAX_LENGTH - Buffer.byteLength(head) - Buffer.byteLength(foot) - 64;
  const findings = findingsMarkdown(report, budget, opts.runUrl);
  return `${head}

${findings}

${foot}`;
}
var NO_COMPARISON_HINT = /^\*\*What this change does\*\*: no comparison was made\.[^\n]*\n\n/m;
function findingsMarkdown(report, maxLength, summaryUrl) {
  return renderReportMarkdown(report, { maxLength, summaryUrl }).replace(NO_COMPARISON_HINT, "");
}
function closingComment(o, opts) {
  return [
    `### \u2705 ${code(o.image)} passes the security policy again`,
    "",
    `${escapeMarkdown(o.reason)}.`,
    "",
    digestLine(o),
    ...changeLines(o).flatMap((l) => ["", l]),
    "",
    `Closed by Shipgate's scheduled rescan${opts.runUrl ? ` (${link("run", opts.runUrl)})` : ""}, ${escapeMarkdown(opts.scannedAt)}.`
  ].filter((l, i, all) => !(l === "" && all[i - 1] === "")).join("\n");
}
function duplicateComment(keep) {
  return `Closing: this duplicates #${keep} (two rescans ran at the same time and both opened an issue). Shipgate keeps the oldest issue per image.`;
}
var ACTION_TEXT = {
  opened: "opened",
  updated: "updated",
  unchanged: "unchanged",
  closed: "closed",
  none: "\u2014",
  "not-updated": "\u26A0\uFE0F not updated",
  offline: "not checked (no GitHub)"
};
function verdictCell(o) {
  if (o.verdict === "pass") return "\u2705 pass";
  if (o.verdict === "fail") return `\u274C fail (${o.blocking})`;
  return "\u26A0\uFE0F not scanned";
}
function rescanSummary(result, reports, opts = {}) {
  const icon = result.verdict === "pass" ? "\u2705" : "\u274C";
  const parts = [`### ${icon} Shipgate rescan: ${escapeMarkdown(result.reason)}`];
  parts.push(
    table(
      ["Image", "Digest", "Verdict", "New", "Fixed", "Issue"],
      result.images.map((o) => [
        code(o.image),
        o.digest ? code(o.digest.slice(0, 19), 40) : "\u2014",
        verdictCell(o),
        o.verdict === "error" ? "\u2014" : String(o.newSince.length),
        o.verdict === "error" ? "\u2014" : String(o.fixedSince.length + o.fixedUnnamed),
        o.issue.number ? `${ACTION_TEXT[o.issue.action]} ${link(`#${o.issue.number}`, o.issue.url)}` : ACTION_TEXT[o.issue.action]
      ])
    )
  );
  if (result.notUpdated.length) {
    parts.push(
      `**Not updated** (${result.notUpdated.length}):

${result.notUpdated.map((n) => `- ${code(n.image)}: ${escapeMarkdown(n.reason)}`).join("\n")}`
    );
  }
  for (const o of result.images) {
    if (o.errors.length)
      parts.push(`**${code(o.image)} was not scanned**: ${o.errors.map(escapeMarkdown).join(" ")}`);
  }
  if (result.warnings.length)
    parts.push(result.warnings.map((w) => `- \u26A0\uFE0F ${escapeMarkdown(w)}`).join("\n"));
  const head = parts.join("\n\n");
  const failing = result.images.filter((o) => o.verdict === "fail");
  const room = Math.floor(
    (SUMMARY_MAX_LENGTH - Buffer.byteLength(head) - 1024) / Math.max(1, failing.length)
  );
  const sections = failing.flatMap((o) => {
    const report = reports.get(o.key);
    if (!report) return [];
    return [
      `#### ${code(o.image)}

${[digestLine(o), ...changeLines(o)].filter(Boolean).join("\n\n")}

${findingsMarkdown(report, Math.max(2048, room - 2048), opts.runUrl)}`
    ];
  });
  return [head, ...sections].join("\n\n");
}
function rescanTable(result) {
  const rows = result.images.map((o) => [
    o.image,
    o.digest ?? "-",
    o.verdict === "error" ? "not scanned" : o.verdict,
    String(o.blocking),
    o.reason
  ]);
  const header = ["IMAGE", "DIGEST", "VERDICT", "BLOCKING", "WHY"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells) => cells.map((c, i) => i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)).join("  ").trimEnd();
  return `${[line(header), ...rows.map(line)].join("\n")}
`;
}

// src/rescan/redact.ts
var GITHUB_TOKENS = /\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})\b/g;
var AUTH_HEADER = /\b(authorization:\s*)?(bearer|token|basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi;
var URL_CREDENTIALS = /(\b[a-z][a-z0-9+.-]*:\/\/)[^/\s:@]+:[^/\s@]+@/gi;
function redact2(text, secrets = []) {
  let out = redact(String(text));
  for (const secret of secrets) {
    if (secret && secret.length >= 6) out = out.split(secret).join("***");
  }
  return out.replace(GITHUB_TOKENS, "***").replace(
    AUTH_HEADER,
    (_m, header, scheme) => `${header ?? ""}${scheme} ***`
  ).replace(URL_CREDENTIALS, "$1***@");
}

// src/rescan/targets.ts
function watchList(images, platform) {
  const seen = /* @__PURE__ */ new Map();
  for (const given of images) {
    const ref = parseReference(given);
    const reference = formatReference(ref.digest ? ref : { ...ref, tag: ref.tag ?? "latest" });
    const key = platform ? `${reference} ${platform}` : reference;
    if (!seen.has(key)) seen.set(key, { given, key, reference });
  }
  return [...seen.values()];
}
async function resolveTargets(images, registry, logger) {
  const out = [];
  let client;
  for (const image of images) {
    const ref = parseReference(image.reference);
    const repo = `${ref.registry}/${ref.repository}`;
    if (ref.digest) {
      out.push({
        ok: true,
        target: { ...image, digest: ref.digest, scanRef: `${repo}@${ref.digest}`, via: "pinned" }
      });
      continue;
    }
    try {
      client ??= registry();
      const manifest = await client.getManifest(ref, ref.tag ?? "latest");
      logger.info(`${image.reference} is ${manifest.digest}`);
      out.push({
        ok: true,
        target: {
          ...image,
          digest: manifest.digest,
          scanRef: `${repo}@${manifest.digest}`,
          via: "tag"
        }
      });
    } catch (error) {
      out.push({
        ok: false,
        image,
        error: `Could not resolve ${image.reference} to a digest: ${error.message}`
      });
    }
  }
  return out;
}

// src/rescan/tracker.ts
var LABEL = {
  name: "shipgate",
  color: "b60205",
  description: "A shipped image fails Shipgate\u2019s security policy (kept up to date by the rescan)"
};
function ownIssues(open, key, own, logger) {
  const marker = rescanMarker(key);
  const ours = [];
  for (const issue of open) {
    if (!issue.body.includes(marker)) continue;
    if (!own.accepts(issue.author)) {
      logger.debug(
        `Ignoring issue #${issue.number} by ${issue.author?.login ?? "an unknown account"}: it carries the marker for ${key}, but Shipgate only owns issues by ${own.description}.`
      );
    } else if (!endsWithMarker(issue.body, marker)) {
      logger.debug(`Ignoring issue #${issue.number}: the marker for ${key} is not its last line.`);
    } else ours.push(issue);
  }
  return ours.sort((a, b) => a.number - b.number);
}
function previousOf(issue) {
  if (!issue) return { previous: "none" };
  const state = decodeState(issue.body);
  if (!state) return { previous: "unreadable" };
  return { previous: state.total > state.findings.length ? "partial" : "known", state };
}
function sameState(body, state) {
  const stored = encodeState(state);
  return body.split(/\r\n|\r|\n/).some((line) => line.trim() === stored);
}
async function closeDuplicates(ctx, keep, extra) {
  const closed = [];
  for (const dup of extra) {
    await ctx.api.addComment(dup.number, duplicateComment(keep.number));
    await ctx.api.updateIssue(dup.number, { state: "closed", stateReason: "not_planned" });
    ctx.open = ctx.open.filter((i) => i.number !== dup.number);
    closed.push(dup.number);
    ctx.logger.info(`Closed issue #${dup.number}: a duplicate of #${keep.number}.`);
  }
  return closed;
}
async function syncIssue(ctx, outcome, report, state, existing) {
  const [keep, ...dups] = existing;
  const closedDuplicates = keep ? await closeDuplicates(ctx, keep, dups) : [];
  const body = () => issueBody(outcome, report, state, ctx);
  if (outcome.verdict === "pass") {
    if (!keep) {
      outcome.issue = { action: "none" };
      return;
    }
    await ctx.api.addComment(keep.number, closingComment(outcome, ctx));
    await ctx.api.updateIssue(keep.number, { state: "closed", stateReason: "completed" });
    ctx.open = ctx.open.filter((i) => i.number !== keep.number);
    outcome.issue = { action: "closed", number: keep.number, url: keep.url, closedDuplicates };
    return;
  }
  if (keep) {
    if (sameState(keep.body, state)) {
      outcome.issue = { action: "unchanged", number: keep.number, url: keep.url, closedDuplicates };
      return;
    }
    const updated = await ctx.api.updateIssue(keep.number, {
      title: issueTitle(outcome.image),
      body: body()
    });
    replace(ctx, updated);
    outcome.issue = { action: "updated", number: keep.number, url: keep.url, closedDuplicates };
    return;
  }
  const created = await ctx.api.createIssue({
    title: issueTitle(outcome.image),
    body: body(),
    labels: [LABEL.name]
  });
  ctx.logger.info(`Opened issue #${created.number} for ${outcome.image}.`);
  const relisted = await ctx.api.listOpenIssues(LABEL.name);
  ctx.open = mergeListing(relisted, created);
  const ours = ownIssues(ctx.open, outcome.key, ctx.own, ctx.logger);
  const oldest = ours[0] ?? created;
  const closed = oldest.number === created.number ? [] : await closeDuplicates(ctx, oldest, [created]);
  if (oldest.number === created.number) {
    outcome.issue = {
      action: "opened",
      number: created.number,
      url: created.url,
      closedDuplicates: closed
    };
    return;
  }
  if (!sameState(oldest.body, state)) {
    replace(
      ctx,
      await ctx.api.updateIssue(oldest.number, { title: issueTitle(outcome.image), body: body() })
    );
    outcome.issue = {
      action: "updated",
      number: oldest.number,
      url: oldest.url,
      closedDuplicates: closed
    };
  } else {
    outcome.issue = {
      action: "unchanged",
      number: oldest.number,
      url: oldest.url,
      closedDuplicates: closed
    };
  }
}
function replace(ctx, issue) {
  ctx.open = ctx.open.map((i) => i.number === issue.number ? { ...i, ...issue } : i);
}
function mergeListing(listed, created) {
  return listed.some((i) => i.number === created.number) ? listed : [...listed, created];
}

// src/rescan/engine.ts
function slug(text, index) {
  return `${index + 1}-${text.replace(/[^A-Za-z0-9._-]+/g, "_").slice(0, 80)}`;
}
async function pool(items, limit, work) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
function blockingFindings(report, failOn) {
  const image = report.images[0];
  if (!image) return [];
  return image.findings.filter((f) => f.ignored === void 0 && isBlocking(f.finding.severity, failOn)).map((f) => f.finding);
}
function nameOf(f) {
  return {
    id: f.id,
    severity: f.severity,
    ...f.kind === "vulnerability" ? { pkg: f.pkgName } : {}
  };
}
function diff(outcome, blocking, previous) {
  const known = new Set(previous?.findings.map((f) => f.hash));
  const now = new Set(blocking.map((f) => findingHash(f.key)));
  const seen = /* @__PURE__ */ new Set();
  outcome.newSince = blocking.filter((f) => {
    const h = findingHash(f.key);
    if (known.has(h) || seen.has(h)) return false;
    seen.add(h);
    return true;
  }).map(nameOf);
  const gone = (previous?.findings ?? []).filter((f) => !now.has(f.hash));
  outcome.fixedSince = gone.flatMap(
    (f) => f.id ? [{ id: f.id, ...f.pkg ? { pkg: f.pkg } : {} }] : []
  );
  outcome.fixedUnnamed = gone.length - outcome.fixedSince.length;
}
function stateOf(digest, blocking) {
  const byHash = new Map(blocking.map((f) => [findingHash(f.key), f]));
  return { digest, total: byHash.size, findings: [...byHash.values()].map(remember) };
}
function newOutcome(image) {
  return {
    image: image.reference,
    key: image.key,
    verdict: "error",
    reason: "Not scanned",
    blocking: 0,
    previous: "none",
    newSince: [],
    fixedSince: [],
    fixedUnnamed: 0,
    issue: { action: "offline" },
    errors: []
  };
}
function describeApiFailure(error, secrets) {
  if (!(error instanceof GitHubApiError))
    return redact2(`${error?.message ?? String(error)}`, secrets);
  const said = redact2(
    `GitHub answered ${error.status} to ${error.request}: ${error.message}`,
    secrets
  );
  if (error.status === 0)
    return `Could not reach the GitHub API (${redact2(error.message, secrets)}) for ${error.request}. Check GITHUB_API_URL and the runner's network.`;
  if (error.status === 401)
    return `${said}. The token was rejected: check the \`github-token\` input.`;
  if (error.status === 403 && /rate limit/i.test(error.message))
    return `${said}. Rate-limited even after retrying; the next rescan will update it.`;
  if (error.status === 403 || error.status === 404)
    return `${said}. Give the job \`permissions: issues: write\`.`;
  return `${said}.`;
}
async function runRescan(req, deps) {
  const { logger } = deps;
  const createdAt = deps.now().toISOString();
  const warnings = [];
  const outcomes = req.images.map(newOutcome);
  const reports = /* @__PURE__ */ new Map();
  const targets = await resolveTargets(req.images, deps.registry, logger);
  const resolved = /* @__PURE__ */ new Map();
  for (const [i, t] of targets.entries()) {
    const o = outcomes[i];
    if (t.ok) {
      o.digest = t.target.digest;
      o.via = t.target.via;
      resolved.set(o.key, t.target);
    } else o.errors.push(redact2(t.error, deps.secrets));
  }
  const scanRefs = [...new Set([...resolved.values()].map((t) => t.scanRef))];
  const results = /* @__PURE__ */ new Map();
  await pool(scanRefs, req.concurrency, async (scanRef, i) => {
    try {
      results.set(
        scanRef,
        await runPipeline(
          {
            images: [scanRef],
            failOn: req.failOn,
            ignoreUnfixed: req.ignoreUnfixed,
            ignoreFile: req.ignoreFile,
            scanners: req.scanners,
            timeout: req.timeout,
            platform: req.platform,
            outputDir: join(req.outputDir, slug(scanRef, i)),
            concurrency: 1
          },
          {
            logger,
            trivy: deps.trivy,
            now: deps.now,
            version: deps.version,
            // Every platform of a watched index, as a scan does (issue 11 §1).
            platforms: (image, named2) => deps.registry().platforms(parseReference(image), named2)
          }
        )
      );
    } catch (error) {
      results.set(scanRef, error);
    }
  });
  const states = /* @__PURE__ */ new Map();
  const blockingByKey = /* @__PURE__ */ new Map();
  for (const o of outcomes) {
    const target = resolved.get(o.key);
    if (!target) continue;
    const r = results.get(target.scanRef);
    if (!r || r instanceof Error) {
      o.errors.push(
        redact2(`Scanning ${target.scanRef} failed: ${r?.message ?? "no result"}`, deps.secrets)
      );
      continue;
    }
    warnings.push(...r.report.warnings.map((w) => redact2(w, deps.secrets)));
    const image = r.report.images[0];
    if (r.errors.length || !image) {
      o.errors.push(...r.errors.map((e) => redact2(e, deps.secrets)));
      if (!image && !r.errors.length)
        o.errors.push(`Scanning ${target.scanRef} produced no result.`);
      continue;
    }
    o.reportPath = r.reportPath;
    o.verdict = image.blocking > 0 ? "fail" : "pass";
    o.reason = r.report.reason;
    o.counts = image.counts;
    o.blocking = image.blocking;
    reports.set(o.key, r.report);
    const blocking = blockingFindings(r.report, req.failOn);
    blockingByKey.set(o.key, blocking);
    states.set(o.key, stateOf(target.digest, blocking));
  }
  for (const o of outcomes) if (o.errors.length) o.reason = `Not scanned: ${o.errors[0]}`;
  const notUpdated = [];
  if (deps.github) {
    await trackIssues(
      deps.github,
      outcomes,
      { reports, states, blockingByKey },
      deps,
      notUpdated,
      createdAt
    );
  } else {
    for (const o of outcomes)
      if (o.verdict !== "error") diff(o, blockingByKey.get(o.key) ?? [], void 0);
  }
  const failing = outcomes.filter((o) => o.verdict === "fail");
  const unmeasured = outcomes.filter((o) => o.verdict === "error");
  const verdict = failing.length || unmeasured.length ? "fail" : "pass";
  const policyFails = req.rescanFail === "any" ? failing.length > 0 : req.rescanFail === "new" ? failing.some((o) => o.newSince.length > 0) : false;
  const reason = [
    failing.length ? `${failing.length} of ${outcomes.length} watched image(s) fail the policy (threshold ${req.failOn.toLowerCase()})` : `all ${outcomes.length} watched image(s) pass the policy (threshold ${req.failOn.toLowerCase()})`,
    unmeasured.length ? `${unmeasured.length} could not be scanned` : "",
    notUpdated.length ? `${notUpdated.length} issue(s) not updated` : ""
  ].filter(Boolean).join("; ");
  const result = {
    schema: "shipgate.rescan/v1",
    createdAt,
    failOn: req.failOn,
    rescanFail: req.rescanFail,
    verdict,
    failed: policyFails || unmeasured.length > 0 || notUpdated.length > 0,
    reason: `${reason[0]?.toUpperCase() ?? ""}${reason.slice(1)}`,
    images: outcomes,
    notUpdated,
    warnings: [...new Set(warnings)]
  };
  return { result, reports };
}
async function trackIssues(github, outcomes, scans, deps, notUpdated, scannedAt) {
  const { api } = github;
  const { logger } = deps;
  const skip = (o, reason) => {
    o.issue = { ...o.issue, action: "not-updated" };
    o.notUpdated = reason;
    notUpdated.push({ image: o.image, reason });
    logger.warning(`The issue for ${o.image} was not updated: ${reason}`);
  };
  let own;
  let open;
  try {
    own = await resolveOwnAuthor(github.expectedAuthor, api, logger);
    open = await api.listOpenIssues(LABEL.name);
  } catch (error) {
    const reason = describeApiFailure(error, deps.secrets);
    for (const o of outcomes) {
      if (o.verdict !== "error") diff(o, scans.blockingByKey.get(o.key) ?? [], void 0);
      skip(o, o.verdict === "error" ? `${o.reason}.` : reason);
    }
    return;
  }
  const ctx = { api, own, logger, runUrl: github.runUrl, scannedAt, open };
  let labelReady = false;
  for (const o of outcomes) {
    const existing = ownIssues(ctx.open, o.key, own, logger);
    const { previous, state } = previousOf(existing[0]);
    o.previous = previous;
    o.issue = existing[0] ? { action: "not-updated", number: existing[0].number, url: existing[0].url } : { action: "not-updated" };
    if (o.verdict === "error") {
      skip(o, `${o.reason}.`);
      continue;
    }
    diff(o, scans.blockingByKey.get(o.key) ?? [], state);
    const report = scans.reports.get(o.key);
    const current = scans.states.get(o.key);
    if (!report || !current) continue;
    try {
      if (o.verdict === "fail" && !existing.length && !labelReady) {
        const label = await api.ensureLabel(LABEL);
        logger.debug(`Label ${LABEL.name}: ${label}.`);
        labelReady = true;
      }
      await syncIssue(ctx, o, report, current, existing);
    } catch (error) {
      skip(o, describeApiFailure(error, deps.secrets));
    }
  }
}

// src/modes/rescan.ts
async function runRescanMode(settings, env) {
  const s = valuesOf(settings);
  return runRescan(
    {
      images: watchList(s.images, describePlatforms(s.platform)),
      failOn: s.failOn,
      ignoreUnfixed: s.ignoreUnfixed,
      ignoreFile: s.ignoreFile,
      scanners: s.scanners,
      timeout: s.timeout,
      platform: s.platform,
      concurrency: s.maxParallel,
      outputDir: env.outputDir,
      rescanFail: s.rescanFail
    },
    {
      logger: env.logger,
      trivy: env.trivy,
      registry: env.registryClient,
      now: () => /* @__PURE__ */ new Date(),
      version: VERSION,
      github: env.github,
      secrets: env.secrets
    }
  );
}
function rescanSettingsRecord(settings) {
  const values = {};
  const resolved = settings.rescan;
  for (const [field, row] of Object.entries(RESCAN_SPEC)) {
    const setting = resolved[field];
    if (!row.policy || !setting) continue;
    values[row.key] = { value: setting.value ?? null, from: shortOrigin(setting.origin) };
  }
  return settings.policy ? { policy: settings.policy, values } : { values };
}

export { rescanSettingsRecord as a, rescanSummary as b, redact2 as c, rescanTable as d, runRescanMode as r };
