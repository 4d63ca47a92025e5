import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);
import {
  readIgnoreFile
} from "./chunk-NH6GCSGK.js";
import {
  evaluate,
  finalVerdict,
  fixFirst
} from "./chunk-JVFXKTNP.js";
import {
  baselineFindings,
  clientArgs,
  exactIdentity,
  filterReport,
  packagesOnly,
  toImageScan
} from "./chunk-L27DUWPI.js";
import {
  trivyLoginEnv
} from "./chunk-WWQLOKJ4.js";
import {
  SEVERITIES,
  isVerbatim,
  readTrivyReport
} from "./chunk-4OFWHUN5.js";
import {
  DEFAULT_JAVA_DB_REPOSITORIES
} from "./chunk-WG3J7CUX.js";
import {
  checkDbAge,
  parseVersionInfo
} from "./chunk-DQFIQEMO.js";
import {
  TrivyInstallError
} from "./chunk-U2SVOVXK.js";
import {
  execa
} from "./chunk-RGYMOTV5.js";

// src/report/write.ts
import { open } from "node:fs/promises";
var LONG_ARRAY = 256;
var BATCH = 1 << 20;
function* jsonPieces(value) {
  if (Array.isArray(value)) {
    const long = value.length >= LONG_ARRAY;
    yield "[";
    for (let i = 0; i < value.length; i++) {
      if (i > 0) yield ",";
      if (long) yield JSON.stringify(value[i]) ?? "null";
      else for (const piece of jsonPieces(value[i])) yield piece === "" ? "null" : piece;
    }
    yield "]";
    return;
  }
  if (typeof value === "object" && value !== null && !("toJSON" in value)) {
    yield "{";
    let first = true;
    for (const [key, v] of Object.entries(value)) {
      if (v === void 0 || typeof v === "function" || typeof v === "symbol") continue;
      yield `${first ? "" : ","}${JSON.stringify(key)}:`;
      first = false;
      yield* jsonPieces(v);
    }
    yield "}";
    return;
  }
  yield JSON.stringify(value) ?? "";
}
async function writeJsonFile(path, report) {
  const file = await open(path, "w");
  try {
    let batch = "";
    for (const piece of jsonPieces(report)) {
      batch += piece;
      if (batch.length >= BATCH) {
        await file.write(batch);
        batch = "";
      }
    }
    await file.write(`${batch}
`);
  } finally {
    await file.close();
  }
}

// src/github/marker.ts
var PREFIX = "<!-- shipgate:comment key=";
var SUFFIX = " -->";
function encodeMarkerKey(key) {
  return encodeURIComponent(key).replace(
    /[-!'()*~.]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
  );
}
function commentMarker(key) {
  const trimmed = key.trim();
  if (trimmed === "")
    throw new Error("The comment key is empty: pass the image reference or set `comment-key`.");
  return `${PREFIX}${encodeMarkerKey(trimmed)}${SUFFIX}`;
}
function endsWithMarker(body, marker) {
  const lines = body.split(/\r\n|\r|\n/);
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = (lines[i] ?? "").trim();
    if (line !== "") return line === marker;
  }
  return false;
}
function withMarker(body, marker) {
  return endsWithMarker(body, marker) ? body : `${body.trimEnd()}

${marker}
`;
}
function markerKey(body) {
  const lines = body.split(/\r\n|\r|\n/);
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = (lines[i] ?? "").trim();
    if (line === "") continue;
    if (!line.startsWith(PREFIX) || !line.endsWith(SUFFIX)) return void 0;
    try {
      return decodeURIComponent(line.slice(PREFIX.length, -SUFFIX.length));
    } catch {
      return void 0;
    }
  }
  return void 0;
}

// scanners/trivy/run.ts
import { writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
var TrivyRunError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "TrivyRunError";
  }
};
var JAVA_DB_NEEDED = /'--skip-java-db-update' cannot be specified on the first run|The first run cannot skip downloading Java DB/;
function durationMs(value) {
  const re = /(\d+(?:\.\d+)?)(ms|h|m|s)/g;
  let total = 0;
  let consumed = "";
  for (const m of value.matchAll(re)) {
    const n = Number(m[1]);
    total += m[2] === "h" ? n * 36e5 : m[2] === "m" ? n * 6e4 : m[2] === "s" ? n * 1e3 : n;
    consumed += m[0];
  }
  if (!total || consumed !== value) {
    throw new TrivyRunError(`timeout "${value}" is not a duration; write it like 5m, 90s or 1h30m.`);
  }
  return total;
}
function tail(text, lines = 15) {
  return text.split(/\r?\n/).filter((l) => l.trim()).slice(-lines).join("\n");
}
function hintFor(stderr, image) {
  if (/MANIFEST_UNKNOWN|manifest unknown|unable to find the specified image|not found/i.test(stderr)) {
    return `Check that ${image} exists and was pushed before this step, and that the runner is logged in to its registry (docker/login-action).`;
  }
  if (/UNAUTHORIZED|DENIED|401|403|authentication required/i.test(stderr)) {
    return `The registry refused access to ${image}: log in first (docker/login-action) or give the job \`packages: read\`.`;
  }
  if (/TOOMANYREQUESTS|rate limit/i.test(stderr)) {
    return "The registry rate-limited the download; retry later or set `db-repository` to another mirror.";
  }
  if (/context deadline exceeded|timeout/i.test(stderr)) {
    return "Trivy ran out of time: raise the `timeout` input (large images often need 10m or more).";
  }
  return "See the Trivy output above.";
}
function scanArgs(opts, output, ignoreFile) {
  const args = [
    "image",
    "--format",
    "json",
    "--output",
    output,
    "--list-all-pkgs",
    "--severity",
    SEVERITIES.join(","),
    "--exit-code",
    "0",
    "--scanners",
    opts.scanners.join(","),
    "--timeout",
    opts.timeout,
    // An empty ignore file, so a stray .trivyignore in the workspace cannot filter the report
    // behind Shipgate's back: Shipgate applies the ignore file itself and reports expiries.
    "--ignorefile",
    ignoreFile,
    "--no-progress"
  ];
  if (opts.server) args.push(...clientArgs(opts.server).args);
  else if (opts.skipDbUpdate) args.push("--skip-db-update");
  if (opts.javaDb) args.push("--skip-java-db-update");
  for (const repo of JAVA_DB_REPOSITORIES) args.push("--java-db-repository", repo);
  if (opts.cacheDir) args.push("--cache-dir", opts.cacheDir);
  if (opts.platform) args.push("--platform", opts.platform);
  args.push("--", opts.image);
  return args;
}
function command(trivyPath) {
  return trivyPath.includes("/") || trivyPath.includes("\\") ? resolve(trivyPath) : trivyPath;
}
async function scanImage(opts, logger) {
  const outputDir = resolve(opts.outputDir);
  const jsonPath = join(outputDir, "trivy.json");
  const ignoreFile = join(outputDir, "empty.trivyignore");
  await writeFile(ignoreFile, "");
  const args = scanArgs(
    { ...opts, outputDir, cacheDir: opts.cacheDir && resolve(opts.cacheDir) },
    jsonPath,
    ignoreFile
  );
  logger.info(`[command]${opts.trivyPath} ${args.join(" ")}`);
  const grace = opts.graceMs ?? 6e4;
  const limit = durationMs(opts.timeout) + grace;
  const started = Date.now();
  const run = (timeout = limit) => execa(command(opts.trivyPath), args, {
    reject: false,
    all: false,
    timeout: Math.max(1e3, timeout),
    env: {
      TRIVY_DISABLE_TELEMETRY: "true",
      TRIVY_SKIP_VERSION_CHECK: "true",
      ...opts.env,
      // The server token in the environment only: argv is logged and visible to `ps`.
      ...opts.server ? clientArgs(opts.server).env : {},
      // Last, so neither the handle's env nor the runner's can send them to another host.
      ...trivyLoginEnv(opts.image, opts.login)
    },
    stdin: "ignore",
    cwd: outputDir
  });
  let result = await run();
  if (result.failed && opts.javaDb && JAVA_DB_NEEDED.test(result.stderr ?? "")) {
    logger.info(`${opts.image} holds Java archives: fetching Trivy's Java DB once for the job.`);
    await opts.javaDb.ensure();
    result = await run(limit - (Date.now() - started));
  }
  if (result.failed) {
    if (result.timedOut) {
      throw new TrivyRunError(
        `Trivy did not finish scanning ${opts.image} within ${opts.timeout} (+${Math.round(grace / 1e3)}s grace) and was stopped. Raise the \`timeout\` input.`
      );
    }
    const why = result.exitCode !== void 0 ? `exited with code ${result.exitCode}` : `could not run (${result.code ?? result.shortMessage})`;
    const stderr = tail(result.stderr ?? "");
    throw new TrivyRunError(
      `Trivy ${why} while scanning ${opts.image}. ${hintFor(stderr, opts.image)}${stderr ? `
Last lines of Trivy's output:
${stderr}` : ""}`
    );
  }
  if (result.stderr) logger.debug(result.stderr);
  let report;
  try {
    report = await readTrivyReport(jsonPath);
  } catch (error) {
    const stderr = tail(result.stderr ?? "");
    throw new TrivyRunError(
      `Trivy exited 0 but its report for ${opts.image} is unusable: ${error.message}${stderr ? `
Last lines of Trivy's output:
${stderr}` : ""}`
    );
  }
  if (opts.server?.maxDbAgeMs !== void 0) checkServerDb(report, opts.server.maxDbAgeMs);
  return { jsonPath, report };
}
function checkServerDb(report, maxAgeMs) {
  const server = report.Trivy?.Server;
  if (server === void 0) return;
  const meta = parseVersionInfo(JSON.stringify(server)).vulnerabilityDb;
  if (!meta) return;
  try {
    checkDbAge(meta, maxAgeMs, /* @__PURE__ */ new Date(), "server");
  } catch (error) {
    throw new TrivyRunError(`${report.ArtifactName}: ${error.message}`);
  }
}
var JAVA_DB_REPOSITORIES = DEFAULT_JAVA_DB_REPOSITORIES;
async function convertReport(trivyPath, input, format, output, logger, env) {
  const outputPath = resolve(output);
  const args = ["convert", "--format", format, "--output", outputPath, resolve(input)];
  logger.info(`[command]${trivyPath} ${args.join(" ")}`);
  const result = await execa(command(trivyPath), args, {
    reject: false,
    timeout: 3e5,
    stdin: "ignore",
    cwd: dirname(outputPath),
    env: { TRIVY_DISABLE_TELEMETRY: "true", TRIVY_SKIP_VERSION_CHECK: "true", ...env }
  });
  if (result.failed) {
    throw new TrivyRunError(
      `trivy convert --format ${format} failed for ${input} (exit ${result.exitCode ?? result.code}).
${tail(result.stderr ?? "")}`
    );
  }
  return output;
}

// src/pipeline.ts
import { mkdir, readFile, writeFile as writeFile2 } from "node:fs/promises";
import { join as join2 } from "node:path";

// src/render/compare.ts
function compareFindings(current, baseline, baselineName2, source) {
  const before = new Set(baseline.map((f) => f.key));
  const now = new Set(current.map((f) => f.key));
  const introduced = [];
  const seenIntroduced = /* @__PURE__ */ new Set();
  for (const f of current) {
    if (before.has(f.key) || seenIntroduced.has(f.key)) continue;
    seenIntroduced.add(f.key);
    introduced.push(f.key);
  }
  const fixed = [];
  const seenFixed = /* @__PURE__ */ new Set();
  for (const f of baseline) {
    if (now.has(f.key) || seenFixed.has(f.key)) continue;
    seenFixed.add(f.key);
    fixed.push(f);
  }
  return { baseline: baselineName2, source, introduced, fixed };
}

// src/report/assemble.ts
function imageReportOf(scan, evaluated) {
  return {
    ...evaluated,
    os: scan.metadata.os,
    artifactType: scan.artifactType,
    trivyVersion: scan.trivyVersion,
    scannedAt: scan.scannedAt,
    packages: scan.packages,
    suppressed: scan.suppressed,
    artifacts: scan.artifacts,
    fixFirst: fixFirst(evaluated.findings)
  };
}
function shipgateReport(opts) {
  const { evaluation } = opts;
  const notScanned = opts.notScanned ?? [];
  return {
    schema: "shipgate.report/v1",
    tool: { name: "shipgate", version: opts.version },
    createdAt: opts.createdAt.toISOString(),
    verdict: opts.final?.verdict ?? evaluation.verdict,
    reason: opts.final?.reason ?? evaluation.reason,
    failOn: evaluation.failOn,
    gateScope: evaluation.scope,
    ignoreUnfixed: opts.ignoreUnfixed,
    // A sum over some of the images would read as the job's total: leave it out instead.
    ...notScanned.length ? {} : { totals: evaluation.totals },
    images: opts.images,
    notScanned,
    expiredRules: evaluation.expiredRules,
    unusedRules: evaluation.unusedRules,
    expiringRules: evaluation.expiringRules,
    warnings: opts.warnings ?? []
  };
}

// src/report/sarif.ts
function isSarifLog(value) {
  const v = value;
  return typeof v === "object" && v !== null && typeof v.version === "string" && Array.isArray(v.runs);
}
function mergeSarif(logs) {
  const first = logs[0];
  if (!first) throw new Error("mergeSarif needs at least one SARIF document");
  const runs = logs.flatMap((l) => l.runs);
  const base = runs[0];
  if (!base) return { ...first, runs: [] };
  const rules = [];
  const index = /* @__PURE__ */ new Map();
  const results = [];
  for (const run of runs) {
    const own = run.tool.driver.rules ?? [];
    for (const result of run.results ?? []) {
      const rule = result.ruleId ?? (result.ruleIndex !== void 0 ? own[result.ruleIndex]?.id : void 0);
      if (rule === void 0) {
        results.push(result);
        continue;
      }
      if (!index.has(rule)) {
        index.set(rule, rules.length);
        rules.push(own.find((r) => r.id === rule) ?? { id: rule });
      }
      results.push({ ...result, ruleId: rule, ruleIndex: index.get(rule) });
    }
  }
  const images = runs.map((r) => r.properties?.imageName).filter(Boolean);
  const merged = {
    ...base,
    tool: { ...base.tool, driver: { ...base.tool.driver, rules } },
    results
  };
  if (runs.length > 1) merged.properties = { ...base.properties, imageNames: images };
  return { ...first, runs: [merged] };
}

// src/pipeline.ts
async function pool(items, limit, work) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i], i).then(
        (value) => ({ status: "fulfilled", value }),
        (reason) => ({ status: "rejected", reason })
      );
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
function slug(image, index) {
  return `${index + 1}-${image.replace(/[^A-Za-z0-9._-]+/g, "_").slice(0, 80)}`;
}
async function analyse(image, outputDir, trivy, req, deps) {
  await mkdir(outputDir, { recursive: true });
  const { jsonPath, report } = await scanImage(
    {
      trivyPath: trivy.path,
      image,
      outputDir,
      scanners: req.scanners,
      timeout: req.timeout,
      platform: req.platform,
      cacheDir: trivy.cacheDir,
      skipDbUpdate: trivy.skipDbUpdate,
      graceMs: req.graceMs,
      env: trivy.env,
      ...trivy.login ? { login: trivy.login } : {},
      ...trivy.server ? { server: trivy.server } : {},
      ...trivy.javaDb ? { javaDb: trivy.javaDb } : {}
    },
    deps.logger
  );
  return { scan: toImageScan(report, { image, artifacts: { trivyJson: jsonPath } }), report };
}
async function scanAll(req, deps) {
  if (req.reportFile) {
    const report = await readTrivyReport(req.reportFile);
    const scan = toImageScan(report, {
      image: req.images[0],
      artifacts: { trivyJson: req.reportFile }
    });
    return { scanned: [{ scan, report }], notScanned: [], errors: [] };
  }
  const trivy = await deps.trivy();
  if (!trivy) {
    throw new Error(
      "Trivy is not available: install it, or pass an existing report with `trivy-report`."
    );
  }
  const settled = await pool(req.images, req.concurrency, (image, i) => {
    deps.baseImage?.prefetch?.(image);
    return analyse(image, join2(req.outputDir, slug(image, i)), trivy, req, deps);
  });
  const scanned = [];
  const notScanned = [];
  const errors = [];
  for (const [i, s] of settled.entries()) {
    if (s.status === "fulfilled") {
      scanned.push(s.value);
      continue;
    }
    const reason = s.reason?.message ?? String(s.reason);
    errors.push(reason);
    notScanned.push({ image: req.images[i], reason });
  }
  return { scanned, notScanned, errors };
}
var TAMPERED = /* @__PURE__ */ new Set([
  "compromised-version",
  "checksum-mismatch",
  "broken-archive",
  "binary-check-failed",
  "signature-malformed",
  "signature-invalid",
  "signature-identity"
]);
function ignoredIdentities(evaluation, index) {
  const findings = evaluation.images[index]?.findings ?? [];
  return new Set(findings.filter((f) => f.ignored).map((f) => exactIdentity(f.finding)));
}
async function derive(scanned, evaluation, req, trivy, deps) {
  const warnings = [];
  if (!req.sarifPath && !req.sbomFormat) return { warnings };
  if (!trivy) {
    warnings.push(
      "SARIF and SBOM files were not written: they are converted from the report by `trivy convert`, and no trivy binary is available."
    );
    return { warnings };
  }
  const sarifs = [];
  for (const [i, { scan, report }] of scanned.entries()) {
    const dir = join2(req.outputDir, slug(scan.image, i));
    await mkdir(dir, { recursive: true });
    if (req.sarifPath) {
      const ignored = ignoredIdentities(evaluation, i);
      let input = scan.artifacts.trivyJson;
      if (ignored.size > 0 || !isVerbatim(report) || !input) {
        const filtered = filterReport(report, (f) => ignored.has(exactIdentity(f)));
        input = join2(dir, "trivy.policy.json");
        await writeFile2(input, JSON.stringify(filtered));
      }
      const out = await convertReport(
        trivy.path,
        input,
        "sarif",
        join2(dir, "trivy.sarif"),
        deps.logger
      );
      scan.artifacts.sarif = out;
      const parsed = JSON.parse(await readFile(out, "utf8"));
      if (!isSarifLog(parsed)) throw new Error(`trivy convert wrote ${out}, which is not SARIF.`);
      sarifs.push(parsed);
    }
    if (req.sbomFormat) {
      const input = join2(dir, "trivy.packages.json");
      await writeFile2(input, JSON.stringify(packagesOnly(report)));
      const ext = req.sbomFormat === "cyclonedx" ? "cdx.json" : "spdx.json";
      const out = await convertReport(
        trivy.path,
        input,
        req.sbomFormat,
        join2(dir, `sbom.${ext}`),
        deps.logger
      );
      if (req.sbomFormat === "cyclonedx") scan.artifacts.cyclonedx = out;
      else scan.artifacts.spdx = out;
      if (!report.Results?.some((r) => r.Packages?.length)) {
        warnings.push(
          `${scan.image}: the Trivy report lists no packages (made with --list-all-pkgs=false?), so its SBOM has no components.`
        );
      }
    }
  }
  let sarifPath;
  if (req.sarifPath && sarifs.length) {
    await writeFile2(req.sarifPath, `${JSON.stringify(mergeSarif(sarifs), null, 2)}
`);
    sarifPath = req.sarifPath;
  }
  return { sarifPath, warnings };
}
async function loadBaseline(source, image, index, req, deps) {
  if (source.kind === "report") return baselineFindings(source.path, image);
  const trivy = await deps.trivy();
  if (!trivy) throw new Error(`comparing with ${source.image} needs Trivy to scan it.`);
  const dir = join2(req.outputDir, `baseline-${slug(source.image, index)}`);
  const { scan } = await analyse(source.image, dir, trivy, req, deps);
  return {
    findings: scan.findings,
    record: { kind: "image", image: source.image, digest: scan.digest }
  };
}
function baselineName(source) {
  return source.kind === "image" ? source.image : source.path;
}
async function loadBaselines(scans, req, deps, warnings) {
  const out = [];
  for (const [i, scan] of scans.entries()) {
    const source = req.compareTo?.[req.compareTo.length === 1 ? 0 : i];
    if (!source) {
      out.push(void 0);
      continue;
    }
    const name = baselineName(source);
    try {
      out.push({ name, ...await loadBaseline(source, scan.image, i, req, deps) });
    } catch (error) {
      warnings.push(`No comparison with ${name} for ${scan.image}: ${error.message}`);
      out.push(void 0);
    }
  }
  return out;
}
async function runPipeline(req, deps) {
  const now = deps.now();
  const ignoreRules = [
    ...req.ignoreFile ? await readIgnoreFile(req.ignoreFile) : [],
    ...req.ignoreRules ?? []
  ];
  await mkdir(req.outputDir, { recursive: true });
  const { scanned, notScanned, errors } = await scanAll(req, deps);
  const scans = scanned.map((s) => s.scan);
  const warnings = [];
  for (const scan of scans) {
    if (scan.licenseFindings) {
      warnings.push(
        `${scan.image}: the report holds ${scan.licenseFindings} licence finding(s); Shipgate does not evaluate licences, so they neither pass nor fail the gate.`
      );
    }
  }
  const baselines = await loadBaselines(scans, req, deps, warnings);
  const evaluation = evaluate(
    scans,
    {
      failOn: req.failOn,
      ignoreUnfixed: req.ignoreUnfixed,
      ignoreRules,
      now,
      expiringDays: req.expiringDays
    },
    // Without a baseline for an image, every finding of it counts: stricter, never looser.
    req.gateScope === "new" ? baselines.map((b) => b ? new Set(b.findings.map((f) => f.key)) : void 0) : void 0
  );
  const trivy = req.sarifPath || req.sbomFormat ? await deps.trivy().catch((error) => {
    if (error instanceof TrivyInstallError && (error.input || TAMPERED.has(error.code)))
      throw error;
    warnings.push(`Trivy could not be installed for the conversions: ${error.message}`);
    return void 0;
  }) : void 0;
  let sarifPath;
  try {
    const derived = await derive(scanned, evaluation, req, trivy, deps);
    sarifPath = derived.sarifPath;
    warnings.push(...derived.warnings);
  } catch (error) {
    errors.push(`Could not derive SARIF/SBOM from the Trivy report: ${error.message}`);
  }
  const images = [];
  for (const [i, scan] of scans.entries()) {
    const evaluated = evaluation.images[i];
    if (!evaluated) continue;
    const image = imageReportOf(scan, evaluated);
    const baseline = baselines[i];
    if (baseline) {
      image.comparison = compareFindings(
        scan.findings,
        baseline.findings,
        baseline.name,
        baseline.record
      );
    }
    if (deps.baseImage) {
      try {
        image.baseImage = await deps.baseImage.check(scan);
      } catch (error) {
        const message = `Base-image check for ${scan.image} failed: ${error.message}`;
        if (deps.baseImage.mode === "enforce") errors.push(message);
        else warnings.push(message);
      }
    }
    images.push(image);
  }
  const report = shipgateReport({
    evaluation,
    images,
    notScanned,
    version: deps.version,
    createdAt: now,
    ignoreUnfixed: req.ignoreUnfixed,
    warnings,
    final: finalVerdict(evaluation, images, errors)
  });
  const db = scanned.length && !req.reportFile ? (await deps.trivy())?.db : void 0;
  if (db) report.vulnerabilityDb = db;
  const reportPath = join2(req.outputDir, "shipgate-report.json");
  if (!req.deferReportFile) await writeJsonFile(reportPath, report);
  return { report, reportPath, sarifPath, errors };
}

// src/github/authorship.ts
var ACTIONS_BOT = { login: "github-actions[bot]", type: "Bot" };
async function resolveOwnAuthor(expectedAuthor, github, logger) {
  const expected = expectedAuthor?.trim();
  if (expected) return byLogin(expected, void 0, `\`${expected}\` (expectedAuthor)`);
  const user = github.authenticatedUser ? await github.authenticatedUser() : void 0;
  const own = user ? byLogin(user.login, void 0, `\`${user.login}\` (the token's user)`) : byLogin(
    ACTIONS_BOT.login,
    ACTIONS_BOT.type,
    `\`${ACTIONS_BOT.login}\` (the token is a GitHub App installation token)`
  );
  logger.debug(`Shipgate's own comments are those by ${own.description}.`);
  return own;
}
function byLogin(login, type, description) {
  const wanted = login.toLowerCase();
  return {
    description,
    accepts: (author) => author !== void 0 && author.login.toLowerCase() === wanted && (type === void 0 || author.type === type)
  };
}
function checkOwnComment(author, own, logger) {
  if (!author || own.accepts(author)) return;
  logger.warning(
    `The pull-request comment was posted as \`${author.login}\`, but Shipgate only treats comments by ${own.description} as its own, so the next run will post a new comment instead of updating this one. Set \`comment-author: ${author.login}\` (expectedAuthor) to let it update this comment.`
  );
}

export {
  encodeMarkerKey,
  commentMarker,
  endsWithMarker,
  withMarker,
  markerKey,
  resolveOwnAuthor,
  checkOwnComment,
  durationMs,
  writeJsonFile,
  runPipeline
};
