import { createRequire } from 'node:module';
import { n as notFixedByVex, a as attributeFindings } from './chunk-D4eP6Dzq.js';
import { e as evaluate, f as finalVerdict, c as fixFirst, s as setAside } from './chunk-DcbOjYV3.js';
import { T as TrivyInstallError } from './chunk-B2iF1XkY.js';
import { c as collectParsedReports, r as readTrivyReport, i as isVerbatim, p as parseTrivyReport, a as readJsonText } from './chunk-C-dSrEkZ.js';
import { t as trivyLoginEnv } from './chunk-BPj-ZqeH.js';
import { f as failureOf, r as runProgram, c as childEnv } from './chunk-BPn_haLw.js';
import { a as analyzeDockerfile } from './chunk-Bi5T-QyA.js';
import { R as RegistryError } from './chunk-Ca65EcXZ.js';
import { e as DEFAULT_JAVA_DB_REPOSITORIES } from './chunk-CMMXMVqV.js';
import { w as scopeHas, l as redactedMessage, F as singlePlatform, S as SEVERITIES, V as parseVersionInfo, u as checkDbAge } from './chunk-bWY20X0p.js';
import { c as code, e as escapeInline } from './chunk-CYDM28oy.js';
import { f as sarifTarget, o as openSarifTarget, r as replaceWith, g as clientArgs } from './chunk-DqTP9AIl.js';
import { writeSync } from 'node:fs';
import { mkdir, open, writeFile, readFile } from 'node:fs/promises';
import { setImmediate } from 'node:timers/promises';
import { join, relative, resolve, isAbsolute, sep, dirname } from 'node:path';
import { createHash } from 'node:crypto';

createRequire(import.meta.url);
var LONG_ARRAY = 256;
var BATCH = 1 << 20;
var PAUSE_EVERY = 256;
function* emitJsonPausing(value, emit, texts) {
  if (typeof value !== "object" || value === null || !hasLongArray(value)) {
    const text = JSON.stringify(value);
    if (text === void 0) return false;
    emit(text);
    return true;
  }
  if (Array.isArray(value)) {
    const long = value.length >= LONG_ARRAY;
    emit("[");
    for (let i = 0; i < value.length; i++) {
      if (i > 0) emit(",");
      if (long) {
        const element = value[i];
        const known = typeof element === "object" && element !== null && texts?.get(element);
        emit(known || (JSON.stringify(element) ?? "null"));
        if (i % PAUSE_EVERY === PAUSE_EVERY - 1) yield;
      } else if (!(yield* emitJsonPausing(value[i], emit, texts))) emit("null");
    }
    emit("]");
    return true;
  }
  emit("{");
  let first = true;
  for (const [key, v] of Object.entries(value)) {
    if (v === void 0 || typeof v === "function" || typeof v === "symbol") continue;
    emit(`${first ? "" : ","}${JSON.stringify(key)}:`);
    first = false;
    yield* emitJsonPausing(v, emit, texts);
  }
  emit("}");
  return true;
}
function emitJson(value, emit, texts) {
  const steps = emitJsonPausing(value, emit, texts);
  for (; ; ) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
function hasLongArray(value) {
  if (Array.isArray(value)) {
    if (value.length >= LONG_ARRAY) return true;
    for (const v of value) if (typeof v === "object" && v !== null && hasLongArray(v)) return true;
    return false;
  }
  if ("toJSON" in value) return false;
  for (const key in value) {
    const v = value[key];
    if (typeof v === "object" && v !== null && hasLongArray(v)) return true;
  }
  return false;
}
function writeAll(fd, text) {
  const written = writeSync(fd, text);
  const total = Buffer.byteLength(text, "utf8");
  if (written === total) return;
  const bytes = Buffer.from(text, "utf8");
  for (let at = written; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
}
function batchesTo(fd) {
  let batch = "";
  return {
    emit(piece) {
      batch += piece;
      if (batch.length >= BATCH) {
        writeAll(fd, batch);
        batch = "";
      }
    },
    end() {
      writeAll(fd, `${batch}
`);
    }
  };
}
function writeJsonTo(fd, value) {
  const out = batchesTo(fd);
  emitJson(value, out.emit);
  out.end();
}
async function intoFile(path, fill) {
  const file = await open(path, "w");
  try {
    await fill(file.fd);
  } finally {
    await file.close();
  }
}
function writeJsonFile(path, report) {
  return intoFile(path, (fd) => writeJsonTo(fd, report));
}
function writeJsonFilePausing(path, report, texts) {
  return intoFile(path, async (fd) => {
    const out = batchesTo(fd);
    const steps = emitJsonPausing(report, out.emit, texts);
    while (!steps.next().done) await setImmediate();
    out.end();
  });
}

// src/github/comment-key.ts
function repositoryOf(image) {
  const withoutDigest = image.trim().replace(/@.*$/, "");
  return withoutDigest.replace(/:[^/:]*$/, "");
}
function repositories(images) {
  return [...new Set(images.map(repositoryOf).filter(Boolean))].sort();
}
function commentKeys(input) {
  const images = input.images.length ? input.images : [input.fallback];
  const suffix = input.platform ? ` platform=${input.platform}` : "";
  const repos = repositories(images);
  const job = input.explicit || `${repos.join(",")}${suffix}`;
  const sameRepos = (oldKey) => {
    const old = repositories(oldKey.split(","));
    return old.length === repos.length && old.every((r, i) => r === repos[i]);
  };
  const jobAdopts = (oldKey) => !input.explicit && oldKey !== job && sameRepos(oldKey);
  const shared = new Set(input.images.map(repositoryOf).filter((r, i, all) => all.indexOf(r) !== i));
  return {
    job,
    adopts: jobAdopts,
    image(image) {
      const repo = repositoryOf(image);
      const own = shared.has(repo) ? image : `${repo}${suffix}`;
      const key = input.explicit ? `${input.explicit}:${own}` : own;
      const prefix = input.explicit ? `${input.explicit}:` : "";
      return {
        key,
        adopts: (oldKey) => oldKey !== key && !shared.has(repo) && oldKey.startsWith(prefix) && !oldKey.slice(prefix.length).includes(",") && repositoryOf(oldKey.slice(prefix.length)) === repo
      };
    }
  };
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
var TrivyRunError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "TrivyRunError";
  }
};
function tail(text, lines = 15) {
  return text.split(/\r?\n/).filter((l) => l.trim()).slice(-lines).join("\n");
}
function command(trivyPath) {
  return trivyPath.includes("/") || trivyPath.includes("\\") ? resolve(trivyPath) : trivyPath;
}

// scanners/trivy/run.ts
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
  if (opts.vex?.length) {
    for (const file of opts.vex) args.push("--vex", file);
    args.push("--show-suppressed");
  }
  args.push("--", opts.image);
  return args;
}
async function scanImage(opts, logger) {
  const outputDir = resolve(opts.outputDir);
  const jsonPath = join(outputDir, "trivy.json");
  const ignoreFile = join(outputDir, "empty.trivyignore");
  await writeFile(ignoreFile, "");
  const args = scanArgs(
    { ...opts, cacheDir: opts.cacheDir && resolve(opts.cacheDir) },
    jsonPath,
    ignoreFile
  );
  logger.info(`[command]${opts.trivyPath} ${args.join(" ")}`);
  const grace = opts.graceMs ?? 6e4;
  const limit = durationMs(opts.timeout) + grace;
  const started = Date.now();
  const run = (timeout = limit) => runProgram(command(opts.trivyPath), args, {
    timeoutMs: Math.max(1e3, timeout),
    // Not the runner's job tokens or the action's inputs: Trivy needs neither (child-env.ts).
    env: {
      ...childEnv(),
      TRIVY_DISABLE_TELEMETRY: "true",
      TRIVY_SKIP_VERSION_CHECK: "true",
      ...opts.env,
      // The server token in the environment only: argv is logged and visible to `ps`.
      ...opts.server ? clientArgs(opts.server).env : {},
      // Last, so neither the handle's env nor the runner's can send them to another host.
      ...trivyLoginEnv(opts.image, opts.login)
    },
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
    const why = failureOf(result);
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

// scanners/trivy/normalize.ts
var STATUSES = [
  "fixed",
  "affected",
  "will_not_fix",
  "fix_deferred",
  "end_of_life",
  "under_investigation",
  "not_affected",
  "unknown"
];
function status(value) {
  return STATUSES.find((s) => s === value);
}
function stableTarget(result) {
  if (result.Class === "os-pkgs") return `os:${result.Type ?? "unknown"}`;
  return result.Target;
}
function pkgClass(result) {
  if (result.Class === "os-pkgs" || result.Class === "lang-pkgs") return result.Class;
  return "other";
}
function cvssScore(v) {
  if (!v.CVSS) return void 0;
  const score = (source) => {
    const c = v.CVSS?.[source];
    return c?.V40Score ?? c?.V3Score ?? c?.V2Score;
  };
  const preferred = (v.SeveritySource ? score(v.SeveritySource) : void 0) ?? score("nvd");
  if (preferred !== void 0) return preferred;
  const all = Object.keys(v.CVSS).map(score).filter((s) => s !== void 0);
  return all.length ? Math.max(...all) : void 0;
}
function vulnerability(result, v) {
  const st = status(v.Status);
  const fixedVersion = v.FixedVersion?.trim() || void 0;
  const pkgId = v.PkgID ?? `${v.PkgName}@${v.InstalledVersion}`;
  return {
    kind: "vulnerability",
    id: v.VulnerabilityID,
    severity: v.Severity,
    title: v.Title,
    target: result.Target,
    // Template strings, not arrays joined: two strings per finding, 20,000 findings (issue 13).
    key: `vuln|${stableTarget(result)}|${v.PkgName}|${v.PkgPath ?? ""}|${v.VulnerabilityID}`,
    url: v.PrimaryURL,
    pkgName: v.PkgName,
    pkgId,
    pkgPath: v.PkgPath,
    pkgType: result.Type,
    pkgClass: pkgClass(result),
    installedVersion: v.InstalledVersion,
    fixedVersion,
    status: st,
    // Reports older than Trivy 0.44 have no Status: a FixedVersion is the only signal.
    fixable: st ? st === "fixed" : fixedVersion !== void 0,
    cvssScore: cvssScore(v),
    purl: v.PkgIdentifier?.PURL,
    layer: layerOf(v.Layer)
  };
}
var DIFF_ID = /^sha256:[a-f0-9]{64}$/;
var validDiffIds = /* @__PURE__ */ new Set();
function layerOf(layer) {
  const diffId = layer?.DiffID;
  let valid = typeof diffId === "string" && validDiffIds.has(diffId);
  if (!valid && typeof diffId === "string" && DIFF_ID.test(diffId)) {
    if (validDiffIds.size >= 1e4) validDiffIds.clear();
    validDiffIds.add(diffId);
    valid = true;
  }
  return { diffId: valid ? diffId : null, fromBase: null };
}
function secret(result, s) {
  return {
    kind: "secret",
    id: s.RuleID,
    severity: s.Severity,
    title: s.Title,
    target: result.Target,
    key: ["secret", result.Target, s.RuleID, s.StartLine ?? ""].join("|"),
    category: s.Category,
    startLine: s.StartLine,
    endLine: s.EndLine,
    match: s.Match,
    // Trivy writes Layer on secrets too; the schema keeps it as an unknown key.
    layer: layerOf(s.Layer)
  };
}
function misconfiguration(result, m) {
  const status2 = m.Status?.trim().toUpperCase();
  if (status2 === "PASS" || status2 === "EXCEPTION") return void 0;
  const id = m.ID ?? m.AVDID ?? "unknown-check";
  const startLine = m.CauseMetadata?.StartLine;
  return {
    kind: "misconfiguration",
    id,
    severity: m.Severity,
    title: m.Title,
    target: result.Target,
    key: ["misconfig", result.Target, id, startLine ?? ""].join("|"),
    url: m.PrimaryURL,
    message: m.Message,
    resolution: m.Resolution,
    startLine,
    endLine: m.CauseMetadata?.EndLine
  };
}
function exactIdentity(f) {
  if (f.kind === "vulnerability")
    return `${f.target}\0${f.pkgId}\0${f.pkgPath ?? ""}\0${f.id}`;
  return `${f.key}\0${f.target}`;
}
function findingsOf(report, seen = /* @__PURE__ */ new Set()) {
  const out = [];
  const add = (f) => {
    if (!f) return;
    const identity = exactIdentity(f);
    if (seen.has(identity)) return;
    seen.add(identity);
    out.push(f);
  };
  for (const result of report.Results ?? []) {
    for (const v of result.Vulnerabilities ?? []) add(vulnerability(result, v));
    for (const s of result.Secrets ?? []) add(secret(result, s));
    for (const m of result.Misconfigurations ?? []) add(misconfiguration(result, m));
  }
  return out;
}
function metadataOf(report) {
  const m = report.Metadata;
  const config = m?.ImageConfig?.config;
  return {
    os: m?.OS ? { family: m.OS.Family, name: m.OS.Name, eosl: m.OS.EOSL } : void 0,
    imageId: m?.ImageID,
    repoDigests: m?.RepoDigests ?? [],
    repoTags: m?.RepoTags ?? [],
    size: m?.Size,
    layers: m?.DiffIDs?.length,
    user: config?.User,
    labels: config?.Labels ?? {},
    history: (m?.ImageConfig?.history ?? []).map((h) => h.created_by ?? "")
  };
}
function packagesOf(report) {
  const inventory = {};
  for (const result of report.Results ?? []) {
    if (!result.Packages) continue;
    const slot = result.Class === "os-pkgs" ? "os" : "lang";
    inventory[slot] = (inventory[slot] ?? 0) + result.Packages.length;
  }
  return inventory;
}
var SUPPRESSING = /* @__PURE__ */ new Set(["not_affected", "fixed", "ignored"]);
function findingId(f) {
  const id = [f.VulnerabilityID, f.RuleID, f.ID, f.AVDID, f.Name].find(
    (v) => typeof v === "string" && v !== ""
  );
  return id ?? "unknown";
}
function restore(result, m) {
  if (m.Type === "vulnerability") return vulnerability(result, m.Finding);
  if (m.Type === "secret") return secret(result, m.Finding);
  if (m.Type === "misconfiguration")
    return misconfiguration(result, m.Finding);
  return void 0;
}
function modifiedOf(report, sources) {
  const out = { suppressed: [], restored: [], warnings: [] };
  for (const result of report.Results ?? []) {
    for (const m of result.ExperimentalModifiedFindings ?? []) {
      const f = m.Finding ?? {};
      const id = findingId(f);
      const status2 = m.Status ?? "";
      const what = `${id}${typeof f.PkgName === "string" ? ` in ${f.PkgName}` : ""}`;
      let why;
      let document;
      if (!SUPPRESSING.has(status2)) {
        why = `Trivy set ${what} aside with status ${JSON.stringify(status2.slice(0, 40))}, which does not suppress (only not_affected, fixed or ignored do)`;
      } else if (sources.kind === "scan") {
        document = m.Source === void 0 ? void 0 : sources.files.get(m.Source);
        if (document === void 0) {
          why = `Trivy set ${what} aside citing ${JSON.stringify((m.Source ?? "no source").slice(0, 120))}, which is none of the VEX documents Shipgate gave it`;
        }
      }
      const finding = restore(result, m);
      if (why) {
        if (finding) out.restored.push(finding);
        out.warnings.push(`${why}: it counts.`);
        continue;
      }
      const entry = { id, status: status2, type: m.Type };
      if (m.Source !== void 0) entry.source = m.Source;
      if (m.Statement) entry.statement = m.Statement;
      if (typeof f.PkgName === "string") entry.pkgName = f.PkgName;
      if (typeof f.InstalledVersion === "string") entry.installedVersion = f.InstalledVersion;
      if (typeof f.Severity === "string") entry.severity = f.Severity;
      entry.target = result.Target;
      if (finding) entry.key = finding.key;
      if (document !== void 0) entry.document = document;
      out.suppressed.push(entry);
    }
  }
  return out;
}
function digestOf(metadata) {
  const first = metadata.repoDigests.find((d) => d.includes("@sha256:"));
  return first?.slice(first.indexOf("@") + 1);
}
function toImageScan(report, opts) {
  const metadata = metadataOf(report);
  const modified = modifiedOf(report, opts.suppressions ?? { kind: "report" });
  const known = /* @__PURE__ */ new Set();
  const findings = findingsOf(report, known);
  for (const f of modified.restored) {
    const identity = exactIdentity(f);
    if (known.has(identity)) continue;
    known.add(identity);
    findings.push(f);
  }
  return {
    image: opts.image ?? report.ArtifactName ?? opts.artifacts.trivyJson,
    digest: digestOf(metadata),
    artifactType: report.ArtifactType,
    trivyVersion: report.Trivy?.Version,
    scannedAt: report.CreatedAt,
    metadata,
    packages: packagesOf(report),
    findings,
    licenseFindings: (report.Results ?? []).reduce((n, r) => n + (r.Licenses?.length ?? 0), 0),
    suppressed: modified.suppressed,
    ...modified.warnings.length ? { warnings: modified.warnings } : {},
    artifacts: opts.artifacts
  };
}
function filterReport(report, drop) {
  return {
    ...report,
    Results: report.Results?.map((result) => ({
      ...result,
      Vulnerabilities: result.Vulnerabilities?.filter((v) => !drop(vulnerability(result, v))),
      Secrets: result.Secrets?.filter((s) => !drop(secret(result, s))),
      Misconfigurations: result.Misconfigurations?.filter((m) => {
        const f = misconfiguration(result, m);
        return !f || !drop(f);
      })
    }))
  };
}
function packagesOnly(report) {
  return {
    ...report,
    Results: report.Results?.map(
      ({ Vulnerabilities: _v, Secrets: _s, Misconfigurations: _m, ...rest }) => rest
    )
  };
}
async function baselineFindings(path, image) {
  const bytes = await readFile(path);
  const record = {
    kind: "report",
    path,
    sha256: createHash("sha256").update(bytes).digest("hex")
  };
  const text = bytes.toString("utf8");
  let root;
  try {
    root = JSON.parse(text);
  } catch {
    throw new Error(
      `compare-to ${path} is not JSON; give a Shipgate or Trivy JSON report, or an image reference.`
    );
  }
  if (root?.schema === "shipgate.report/v1") {
    const report = root;
    const match = report.images.find((i) => i.image === image) ?? (report.images.length === 1 ? report.images[0] : void 0);
    if (!match) {
      throw new Error(
        `compare-to ${path} is a Shipgate report of ${report.images.map((i) => i.image).join(", ")}, none of which is ${image}.`
      );
    }
    if (!Array.isArray(match.findings)) {
      throw new Error(`compare-to ${path}: ${match.image} lists no findings to compare with.`);
    }
    return { findings: match.findings.map((f) => f.finding), record };
  }
  const findings = toImageScan(parseTrivyReport(text, path), {
    artifacts: { trivyJson: path }
  }).findings;
  return { findings, record };
}
async function convertReport(trivyPath, input, format, output, logger, env) {
  const outputPath = resolve(output);
  const args = ["convert", "--format", format, "--output", outputPath, resolve(input)];
  logger.info(`[command]${trivyPath} ${args.join(" ")}`);
  const result = await runProgram(command(trivyPath), args, {
    timeoutMs: 3e5,
    cwd: dirname(outputPath),
    env: {
      ...childEnv(),
      TRIVY_DISABLE_TELEMETRY: "true",
      TRIVY_SKIP_VERSION_CHECK: "true",
      ...env
    }
  });
  if (result.failed) {
    throw new TrivyRunError(
      `trivy convert --format ${format} failed for ${input} (${failureOf(result)}).
${tail(result.stderr ?? "")}`
    );
  }
  return output;
}

// src/report/sarif.ts
function isSarifLog(value) {
  const v = value;
  return typeof v === "object" && v !== null && typeof v.version === "string" && Array.isArray(v.runs) && v.runs.every((r) => typeof r?.tool?.driver === "object" && r.tool.driver !== null);
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
  const merged = {
    ...base,
    tool: { ...base.tool, driver: { ...base.tool.driver, rules } },
    results
  };
  return { ...first, runs: [merged] };
}
var RANK = { CRITICAL: 4, HIGH: 3, MEDIUM: 2, LOW: 1, UNKNOWN: 0 };
var SEVERITY_SCORE = {
  CRITICAL: "9.5",
  HIGH: "8.0",
  MEDIUM: "5.5",
  LOW: "2.0",
  UNKNOWN: "0.0"
};
function sarifLevel(severity) {
  return RANK[severity] >= 3 ? "error" : severity === "MEDIUM" ? "warning" : "note";
}
function securitySeverity(severity, cvss, source) {
  const v3 = source ? cvss?.[source]?.V3Score : void 0;
  return typeof v3 === "number" && Number.isFinite(v3) && v3 > 0 && v3 <= 10 ? v3.toFixed(1) : SEVERITY_SCORE[severity];
}
function fold(had, severity, score, url, title) {
  if (RANK[severity] > RANK[had.severity] || severity === had.severity && Number(score) > Number(had.score)) {
    had.severity = severity;
    had.score = score;
  }
  had.url ??= url;
  had.title ??= title;
}
function ruleFactsOf(report) {
  const facts = /* @__PURE__ */ new Map();
  const add = (id, next, pkg) => {
    const had = facts.get(id);
    if (!had) {
      facts.set(id, { ...next, packages: pkg ? [pkg] : [] });
      return;
    }
    fold(had, next.severity, next.score, next.url, next.title);
    if (pkg) had.packages.push(pkg);
  };
  for (const result of report.Results ?? []) {
    for (const v of result.Vulnerabilities ?? []) {
      const pkg = v.FixedVersion ? { name: v.PkgName, installed: v.InstalledVersion, fixed: v.FixedVersion } : { name: v.PkgName, installed: v.InstalledVersion };
      const had = facts.get(v.VulnerabilityID);
      if (had) {
        const score = RANK[v.Severity] >= RANK[had.severity] ? securitySeverity(v.Severity, v.CVSS, v.SeveritySource) : had.score;
        fold(had, v.Severity, score, v.PrimaryURL || void 0, v.Title || void 0);
        had.packages.push(pkg);
        continue;
      }
      add(
        v.VulnerabilityID,
        {
          kind: "vulnerability",
          severity: v.Severity,
          score: securitySeverity(v.Severity, v.CVSS, v.SeveritySource),
          ...v.PrimaryURL ? { url: v.PrimaryURL } : {},
          ...v.Title ? { title: v.Title } : {}
        },
        pkg
      );
    }
    for (const s of result.Secrets ?? []) {
      add(s.RuleID, {
        kind: "secret",
        severity: s.Severity,
        score: SEVERITY_SCORE[s.Severity],
        ...s.Title ? { title: s.Title } : {}
      });
    }
    for (const m of result.Misconfigurations ?? []) {
      const id = m.ID ?? m.AVDID;
      if (!id) continue;
      add(id, {
        kind: "misconfiguration",
        severity: m.Severity,
        score: SEVERITY_SCORE[m.Severity],
        ...m.PrimaryURL ? { url: m.PrimaryURL } : {},
        ...m.Title ? { title: m.Title } : {}
      });
    }
  }
  return facts;
}
function uriOf(path) {
  return path.split("/").map((s) => encodeURIComponent(s)).join("/");
}
function validUri(uri) {
  if (!/[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/.test(uri) && !/%(?![0-9A-Fa-f]{2})/.test(uri)) {
    return uri;
  }
  return uriOf(uri);
}
function shapeSarif(log, opts) {
  const merged = log.runs.length === 1 ? log : mergeSarif([log]);
  const run = merged.runs[0];
  if (!run) throw new Error("trivy convert wrote SARIF without a run.");
  const rules = (run.tool.driver.rules ?? []).map(
    (rule) => shapeRule(rule, opts.facts.get(rule.id))
  );
  const results = (run.results ?? []).map((result) => {
    const id = result.ruleId ?? (result.ruleIndex !== void 0 ? rules[result.ruleIndex]?.id : void 0);
    return shapeResult(result, id ? opts.facts.get(id) : void 0, opts);
  });
  const properties = {
    ...run.properties,
    ...opts.platform ? { platform: opts.platform } : {}
  };
  return {
    version: merged.version,
    ...merged.$schema ? { $schema: merged.$schema } : {},
    runs: [
      {
        ...run,
        tool: { ...run.tool, driver: { ...run.tool.driver, rules } },
        results,
        automationDetails: { id: opts.category },
        properties
      }
    ]
  };
}
function shapeRule(rule, facts) {
  if (!facts) return rule;
  const props = rule.properties ?? {};
  const tags = Array.isArray(props.tags) ? props.tags.map(String) : [facts.kind];
  for (const tag of ["security", facts.severity]) if (!tags.includes(tag)) tags.push(tag);
  const help = rule.help;
  const fixedInHelp = typeof help?.text === "string" && /Fixed Version:/.test(help.text);
  return {
    ...rule,
    defaultConfiguration: {
      ...rule.defaultConfiguration,
      level: sarifLevel(facts.severity)
    },
    ...facts.kind === "vulnerability" && !fixedInHelp ? { help: helpOf(rule.id, facts) } : {},
    properties: { ...props, tags, "security-severity": facts.score }
  };
}
function helpOf(id, facts) {
  const fixed = (p) => p.fixed ?? "no fix available";
  const text = [
    `Vulnerability ${id}`,
    `Severity: ${facts.severity}`,
    ...facts.packages.map((p) => `Package: ${p.name} ${p.installed}
Fixed Version: ${fixed(p)}`),
    ...facts.url ? [`Link: ${facts.url}`] : []
  ].join("\n");
  const rows = facts.packages.map(
    (p) => `|${facts.severity}|${code(p.name)}|${code(p.installed)}|${p.fixed ? code(p.fixed) : "no fix available"}|`
  );
  const markdown = [
    `**Vulnerability ${escapeInline(id)}**`,
    "| Severity | Package | Installed Version | Fixed Version |",
    "| --- | --- | --- | --- |",
    ...rows,
    ...facts.title ? ["", escapeInline(facts.title, 300)] : []
  ].join("\n");
  return { text, markdown };
}
function shapeResult(result, facts, opts) {
  const level = result.level ?? (facts ? sarifLevel(facts.severity) : void 0);
  const locations = result.locations ?? [];
  const shaped = opts.location && facts?.kind === "vulnerability" ? [dockerfileLocation(opts.location, locations[0], opts.image)] : locations.map(withValidUri);
  return { ...result, ...level ? { level } : {}, locations: shaped };
}
function dockerfileLocation(where, original, image) {
  const message = original?.message?.text ?? image;
  return {
    physicalLocation: {
      artifactLocation: { uri: uriOf(where.path) },
      region: { startLine: where.line, startColumn: 1, endLine: where.line, endColumn: 1 }
    },
    message: { text: message }
  };
}
function withValidUri(location) {
  const physical = location.physicalLocation;
  const uri = physical?.artifactLocation?.uri;
  if (typeof uri !== "string") return location;
  const valid = validUri(uri);
  if (valid === uri) return location;
  return {
    ...location,
    physicalLocation: {
      ...physical,
      artifactLocation: { ...physical?.artifactLocation, uri: valid }
    }
  };
}

// src/derive/run.ts
function shapeSarifInto(input, shape, fd) {
  const parsed = JSON.parse(readJsonText(input));
  if (!isSarifLog(parsed)) throw new Error(`trivy convert wrote ${input}, which is not SARIF.`);
  writeJsonTo(fd, shapeSarif(parsed, shape));
}
var convert = (trivyPath, step, logger) => convertReport(trivyPath, step.input, step.format, step.output, logger);
async function runDerivation(plan, logger) {
  const images = [];
  try {
    for (const image of plan.images) {
      const done = {};
      images.push(done);
      const sbom = image.sbom ? convert(plan.trivyPath, image.sbom, logger) : void 0;
      sbom?.catch(() => void 0);
      if (image.sarif) {
        const { convert: step, shape, path } = image.sarif;
        const out = await convert(plan.trivyPath, step, logger);
        await replaceWith(path, (file) => shapeSarifInto(out, shape, file.fd));
        done.sarif = path;
      }
      if (sbom) done.sbom = await sbom;
    }
    return { images };
  } catch (error) {
    return { images, error: error instanceof Error ? error.message : String(error) };
  }
}

// src/layers/index.ts
async function attributePlatforms(scan, platforms, stage) {
  const judged = /* @__PURE__ */ new Map();
  let first;
  for (const p of platforms) {
    const own = toImageScan(p.report, { image: scan.image, artifacts: { trivyJson: p.trivyJson } });
    own.digest = p.digest;
    const result = await stage.attribute(own, p.report);
    first ??= result;
    for (const f of result.findings) {
      if (!f.layer) continue;
      const id = exactIdentity(f);
      judged.set(id, [...judged.get(id) ?? [], f.layer]);
    }
  }
  const counts = { fromBase: 0, fromApp: 0, unattributed: 0 };
  for (const f of scan.findings) {
    const on = judged.get(exactIdentity(f)) ?? [];
    const fromBase = on.some((l) => l.fromBase === false) ? false : on.length > 0 && on.every((l) => l.fromBase === true) ? true : null;
    f.layer = { diffId: on[0]?.diffId ?? f.layer?.diffId ?? null, fromBase };
    if (fromBase === true) counts.fromBase++;
    else if (fromBase === false) counts.fromApp++;
    else counts.unattributed++;
  }
  const layers = first?.layers ?? { base: null, unknown: "no platform was attributed", ...counts };
  return {
    findings: scan.findings,
    layers: { ...layers, ...counts },
    refused: first?.refused ?? []
  };
}
async function attributeLayers(scanned, stage, opts) {
  const out = [];
  for (const { scan, report, platforms } of scanned) {
    let layers;
    try {
      const result = platforms?.length ? await attributePlatforms(scan, platforms, stage) : await stage.attribute(scan, report);
      scan.findings = result.findings;
      layers = result.layers;
      for (const r of result.refused) {
        if (opts.app || r.how !== "dockerfile") opts.warnings.push(r.message);
        else opts.logger.info(`layers: ${r.message}`);
      }
    } catch (error) {
      const { findings, counts } = attributeFindings(scan.findings, void 0, void 0);
      scan.findings = findings;
      layers = {
        base: null,
        unknown: `the layer attribution failed: ${redactedMessage(error)}`,
        ...counts
      };
    }
    if (layers.base) {
      const b = layers.base;
      opts.logger.info(
        `layers: ${scan.image}: base ${b.ref ?? "(from history)"} (${b.how}), ${b.layers} of ${layers.imageLayers ?? "?"} layers; ${layers.fromBase} finding(s) from the base, ${layers.fromApp} from the image's own layers, ${layers.unattributed} unattributed`
      );
    }
    if (layers.base === null) {
      const why = `${scan.image}: the base image is unknown (${layers.unknown ?? "no source named it"})`;
      if (opts.app) {
        opts.warnings.push(
          `${why}, so fail-on-scope app counts every finding of this image as the image's own. Give \`dockerfile\`, or build with the org.opencontainers.image.base.name/digest annotations.`
        );
      } else opts.logger.info(`layers: ${why}; no finding is attributed to a base image.`);
    } else if (opts.app && layers.unattributed > 0) {
      opts.warnings.push(
        `${scan.image}: ${layers.unattributed} finding(s) have no layer Trivy named, or one the scanned image does not have, so fail-on-scope app counts them as the image's own.`
      );
    }
    out.push(layers);
  }
  return out;
}

// src/platforms/merge.ts
function repositoryOf2(image) {
  return image.replace(/@.*$/, "").replace(/:[^/:]+$/, "");
}
function relabel(report, ref, image) {
  const rename = (target) => target.startsWith(ref) ? image + target.slice(ref.length) : target;
  return {
    ...report,
    ArtifactName: image,
    Results: report.Results?.map((r) => ({ ...r, Target: rename(r.Target) }))
  };
}
function uniqueBy(items, id) {
  const seen = /* @__PURE__ */ new Set();
  return items.filter((item) => {
    const k = id(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
function mergeReports(image, indexDigest, reports) {
  const groups = /* @__PURE__ */ new Map();
  for (const report of reports) {
    for (const r of report.Results ?? []) {
      const k = [r.Target, r.Class ?? "", r.Type ?? ""].join("\0");
      groups.set(k, [...groups.get(k) ?? [], r]);
    }
  }
  const results = [...groups.values()].map((rs) => {
    const first2 = rs[0];
    const all = (key) => rs.flatMap((r) => r[key] ?? []);
    const merged = { ...first2 };
    if (rs.some((r) => r.Vulnerabilities)) {
      merged.Vulnerabilities = uniqueBy(
        all("Vulnerabilities"),
        (v) => [
          v.PkgID ?? `${v.PkgName}@${v.InstalledVersion}`,
          v.PkgPath ?? "",
          v.VulnerabilityID
        ].join("\0")
      );
    }
    if (rs.some((r) => r.Secrets)) {
      merged.Secrets = uniqueBy(
        all("Secrets"),
        (s) => JSON.stringify([s.RuleID, s.StartLine, s.Match])
      );
    }
    if (rs.some((r) => r.Misconfigurations)) {
      merged.Misconfigurations = uniqueBy(
        all("Misconfigurations"),
        (m) => JSON.stringify([m.ID ?? m.AVDID, m.CauseMetadata?.StartLine, m.Status])
      );
    }
    if (rs.some((r) => r.ExperimentalModifiedFindings)) {
      merged.ExperimentalModifiedFindings = uniqueBy(
        all("ExperimentalModifiedFindings"),
        (m) => {
          const f = m.Finding ?? {};
          return JSON.stringify([
            m.Type,
            m.Status,
            m.Source,
            f.VulnerabilityID ?? f.RuleID ?? f.ID ?? f.AVDID ?? f.Name,
            f.PkgID ?? f.PkgName,
            f.PkgPath ?? "",
            f.InstalledVersion ?? ""
          ]);
        }
      );
    }
    if (rs.some((r) => r.Packages)) {
      merged.Packages = uniqueBy(
        all("Packages"),
        (p) => JSON.stringify([p.ID ?? `${p.Name}@${p.Version}`, p.FilePath ?? ""])
      );
    }
    return merged;
  });
  const first = reports[0];
  return {
    ...first,
    ArtifactName: image,
    Metadata: {
      ...first.Metadata,
      RepoDigests: [`${repositoryOf2(image)}@${indexDigest}`],
      RepoTags: image.includes("@") ? [] : [image]
    },
    Results: results
  };
}
function mergedScan(image, indexDigest, platforms, mergedReport, trivyJson, suppressions) {
  const scan = toImageScan(mergedReport, {
    image,
    artifacts: { trivyJson },
    ...suppressions ? { suppressions } : {}
  });
  scan.digest = indexDigest;
  const on = /* @__PURE__ */ new Map();
  for (const p of platforms) {
    for (const f of findingsOf(p.report)) {
      const id = exactIdentity(f);
      on.set(id, [...on.get(id) ?? [], p.platform]);
    }
  }
  for (const f of scan.findings) f.platforms = [...new Set(on.get(exactIdentity(f)) ?? [])];
  return scan;
}

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
var SEGMENT_MAX = 64;
var NAME_MAX = 160;
var FILE_MAX = 120;
var hash8 = (text) => createHash("sha256").update(text).digest("hex").slice(0, 8);
function sanitizeSegments(text) {
  const segments = text.split("/").filter((s) => !/^\.*$/.test(s)).map(
    (s) => s.replace(/[^A-Za-z0-9._:-]+/g, "_").replace(/:{2,}/g, "_").slice(0, SEGMENT_MAX)
  );
  const joined = segments.join("/").slice(0, NAME_MAX).replace(/\/+$/, "");
  return joined || "image";
}
function stableName(image, keepTag) {
  const withoutDigest = image.trim().replace(/@.*$/, "");
  return keepTag ? withoutDigest : repositoryOf(image) || withoutDigest;
}
function sarifNames(subjects) {
  const repos = subjects.map((s) => repositoryOf(s.image));
  const sharedRepo = (i) => repos.filter((r) => r === repos[i]).length > 1;
  const names = subjects.map((s, i) => {
    const raw = stableName(s.image, sharedRepo(i));
    const safe = sanitizeSegments(raw);
    return safe === raw ? safe : `${safe}-${hash8(raw)}`;
  });
  const platformOf = (i) => {
    const p = subjects[i]?.platform;
    return p ? `/${sanitizeSegments(p)}` : "";
  };
  let bodies = names.map((n, i) => `${n}${platformOf(i)}`);
  bodies = disambiguate(
    bodies,
    (i) => `${names[i]}-${hash8(`${subjects[i]?.image}`)}${platformOf(i)}`
  );
  bodies = disambiguate(bodies, (i) => `${names[i]}-${i + 1}${platformOf(i)}`);
  const categories = bodies.map((b) => `shipgate/${b}/`);
  let files = bodies.map((b) => fileNameOf(b));
  files = disambiguate(
    files,
    (i) => fileNameOf(bodies[i], hash8(categories[i])),
    true
  );
  files = disambiguate(files, (i) => fileNameOf(bodies[i], String(i + 1)), true);
  return categories.map((category, i) => ({ category, file: files[i] }));
}
function fileNameOf(body, suffix) {
  const flat = body.replace(/[/:]+/g, "_").replace(/^[.-]+/, "_").slice(0, FILE_MAX);
  return `${flat}${suffix ? `-${suffix}` : ""}.sarif`;
}
function disambiguate(values, redo, ignoreCase = false) {
  const key = (v) => ignoreCase ? v.toLowerCase() : v;
  const count = /* @__PURE__ */ new Map();
  for (const v of values) count.set(key(v), (count.get(key(v)) ?? 0) + 1);
  return values.map((v, i) => (count.get(key(v)) ?? 0) > 1 ? redo(i) : v);
}
async function dockerfileLocation2(dockerfile, root) {
  const fallback = "so SARIF points at the image instead.";
  const rel = relative(resolve(root), resolve(root, dockerfile));
  if (rel === "" || rel.startsWith("..") || isAbsolute(rel)) {
    return {
      warning: `The dockerfile ${JSON.stringify(dockerfile)} is outside the repository (${root}), ${fallback}`
    };
  }
  let text;
  try {
    text = await readFile(resolve(root, dockerfile), "utf8");
  } catch (error) {
    return {
      warning: `Could not read the dockerfile ${JSON.stringify(dockerfile)} (${error.code ?? error.message}), ${fallback}`
    };
  }
  let line;
  try {
    line = analyzeDockerfile(text, dockerfile).finalBaseLine;
  } catch (error) {
    return { warning: `${error.message} SARIF points at the image instead.` };
  }
  if (!line) return { warning: `The dockerfile has no FROM line, ${fallback}` };
  return { path: rel.split(sep).join("/"), line };
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
async function analyse(image, outputDir, trivy, req, deps, platform = singlePlatform(req.platform)) {
  await mkdir(outputDir, { recursive: true });
  const vexFiles = await req.vex?.filesFor(image, outputDir) ?? [];
  const { jsonPath, report } = await scanImage(
    {
      trivyPath: trivy.path,
      image,
      outputDir,
      scanners: req.scanners,
      timeout: req.timeout,
      platform,
      cacheDir: trivy.cacheDir,
      skipDbUpdate: trivy.skipDbUpdate,
      graceMs: req.graceMs,
      env: trivy.env,
      ...trivy.login ? { login: trivy.login } : {},
      ...trivy.server ? { server: trivy.server } : {},
      ...trivy.javaDb ? { javaDb: trivy.javaDb } : {},
      ...vexFiles.length ? { vex: vexFiles.map((f) => f.path) } : {}
    },
    deps.logger
  );
  const suppressions = {
    kind: "scan",
    files: new Map(vexFiles.map((f) => [f.path, f.source]))
  };
  const artifacts = { trivyJson: jsonPath };
  return { scan: toImageScan(report, { image, artifacts, suppressions }), report, suppressions };
}
function platformDir(c) {
  return `${c.platform.replace(/\//g, "_")}-${c.digest.replace(/^sha256:/, "").slice(0, 16)}`;
}
var UNLISTED = /* @__PURE__ */ new Set([
  "not-found",
  "unreachable",
  "unauthorized",
  "denied"
]);
function unlisted(error) {
  return error instanceof RegistryError && UNLISTED.has(error.kind);
}
async function scanAll(req, deps) {
  if (req.reportFile) {
    const report = await readTrivyReport(req.reportFile);
    const scan = toImageScan(report, {
      image: req.images[0],
      artifacts: { trivyJson: req.reportFile }
    });
    return { scanned: [{ scan, report }], notScanned: [], errors: [], warnings: [] };
  }
  const trivy = await deps.trivy();
  if (!trivy) {
    throw new Error(
      "Trivy is not available: install it, or pass an existing report with `trivy-report`."
    );
  }
  const errors = [];
  const warnings = [];
  const failed = /* @__PURE__ */ new Map();
  const named = req.platform?.kind === "some" ? req.platform.platforms : void 0;
  const listing = deps.platforms;
  const listed = listing ? await pool(req.images, req.concurrency, (image) => listing(image, named)) : [];
  const indexes = /* @__PURE__ */ new Map();
  const targets = [];
  for (const [i, image] of req.images.entries()) {
    const dir = join(req.outputDir, slug(image, i));
    const l = listed[i];
    if (l?.status === "rejected") {
      const error = l.reason;
      if (!unlisted(error)) {
        failed.set(i, `${image}: ${error.message}`);
        continue;
      }
      if (named && named.length > 1) {
        failed.set(
          i,
          `${image}: its platforms could not be listed (${error.message.split("\n")[0]}), so ${named.join(", ")} cannot each be scanned. Give Shipgate read access to the registry (registry-username/password or docker login), or scan one platform per job.`
        );
        continue;
      }
      warnings.push(
        `${image}: its platforms could not be listed (${error.message.split("\n")[0]}); Trivy scanned the image it resolves${named?.length === 1 ? ` for ${named[0]}` : ""}. If this is a multi-platform image, its other platforms were not scanned.`
      );
    }
    if (l?.status === "fulfilled" && l.value.kind === "index") {
      indexes.set(i, l.value.digest);
      for (const c of l.value.children) {
        targets.push({
          image: i,
          ref: `${repositoryOf2(image)}@${c.digest}`,
          dir: join(dir, platformDir(c)),
          child: c
        });
      }
      continue;
    }
    targets.push({ image: i, ref: image, dir });
  }
  const settled = await pool(targets, req.concurrency, (t) => {
    deps.baseImage?.prefetch?.(t.ref);
    return analyse(
      t.ref,
      t.dir,
      trivy,
      req,
      deps,
      t.child ? void 0 : singlePlatform(req.platform)
    );
  });
  const byImage = /* @__PURE__ */ new Map();
  for (const [n, t] of targets.entries()) {
    byImage.set(t.image, [
      ...byImage.get(t.image) ?? [],
      { target: t, result: settled[n] }
    ]);
  }
  const scanned = [];
  const notScanned = [];
  for (const [i, image] of req.images.entries()) {
    const early = failed.get(i);
    const runs = byImage.get(i) ?? [];
    const broken = runs.filter((r) => r.result.status === "rejected");
    if (early || broken.length || runs.length === 0) {
      const reasons = early ? [early] : broken.map((r) => {
        const reason = r.result.reason;
        const message = reason?.message ?? String(reason);
        return r.target.child ? `${r.target.child.platform}: ${message}` : message;
      });
      errors.push(...reasons);
      notScanned.push({
        image,
        reason: broken.length && runs.some((r) => r.target.child) ? `${broken.length} of ${runs.length} platforms not scanned: ${reasons.join("; ")}` : reasons.join("; ")
      });
      continue;
    }
    const indexDigest = indexes.get(i);
    const only = runs[0]?.result;
    if (indexDigest === void 0 && only?.status === "fulfilled") {
      scanned.push(only.value);
      continue;
    }
    if (indexDigest === void 0) continue;
    scanned.push(
      await mergePlatforms(
        image,
        indexDigest,
        runs.map(({ target, result }) => {
          const { report, scan, suppressions } = result.value;
          const child = target.child;
          return {
            platform: child.platform,
            digest: child.digest,
            ref: target.ref,
            report: relabel(report, target.ref, image),
            trivyJson: scan.artifacts.trivyJson,
            ...suppressions ? { suppressions } : {}
          };
        }),
        join(req.outputDir, slug(image, i))
      )
    );
  }
  return { scanned, notScanned, errors, warnings };
}
async function mergePlatforms(image, indexDigest, platforms, dir) {
  const report = mergeReports(
    image,
    indexDigest,
    platforms.map((p) => p.report)
  );
  await mkdir(dir, { recursive: true });
  const trivyJson = join(dir, "trivy.merged.json");
  await writeFile(trivyJson, JSON.stringify(report));
  const files = /* @__PURE__ */ new Map();
  for (const p of platforms) {
    if (p.suppressions?.kind === "scan") for (const [k, v] of p.suppressions.files) files.set(k, v);
  }
  const suppressions = platforms.some((p) => p.suppressions) ? { kind: "scan", files } : void 0;
  const scan = mergedScan(image, indexDigest, platforms, report, trivyJson, suppressions);
  return { scan, report, platforms, ...suppressions ? { suppressions } : {} };
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
function ignoredIdentities(scan, settings) {
  return new Set(setAside(scan, settings).map(exactIdentity));
}
function sarifSubjects(scanned, req) {
  const platform = singlePlatform(req.platform);
  return scanned.map(({ scan }) => ({ image: scan.image, ...platform ? { platform } : {} }));
}
var derivationError = (message) => `Could not derive SARIF/SBOM from the Trivy report: ${message}`;
async function derive(scanned, policy, req, deps) {
  const warnings = [];
  const settled = (d) => ({ done: Promise.resolve(d) });
  if (!req.sarifPath && !req.sbomFormat) return settled({ sarif: [], warnings });
  let trivy;
  try {
    trivy = await deps.trivy();
  } catch (error) {
    if (error instanceof TrivyInstallError && (error.input || TAMPERED.has(error.code))) {
      throw error;
    }
    warnings.push(`Trivy could not be installed for the conversions: ${error.message}`);
  }
  if (!trivy) {
    warnings.push(
      "SARIF and SBOM files were not written: they are converted from the report by `trivy convert`, and no trivy binary is available."
    );
    return settled({ sarif: [], warnings });
  }
  try {
    return await planAndStart(scanned, policy, req, deps, trivy, warnings);
  } catch (error) {
    return settled({ sarif: [], warnings, error: derivationError(error.message) });
  }
}
async function planAndStart(scanned, policy, req, deps, trivy, warnings) {
  const subjects = sarifSubjects(scanned, req);
  const names = sarifNames(subjects);
  let location;
  if (req.sarifPath && req.sarif?.dockerfile) {
    const found = await dockerfileLocation2(req.sarif.dockerfile, req.sarif.root ?? process.cwd());
    if ("warning" in found) warnings.push(found.warning);
    else location = found;
  }
  let sink;
  let sarifError;
  if (req.sarifPath && scanned.length) {
    const target = sarifTarget(req.sarifPath, scanned.length);
    sink = await openSarifTarget(target, req.sarifPath, req.sarif?.confineTo).catch((error) => {
      sarifError = error;
      return void 0;
    });
  }
  const plan = { trivyPath: trivy.path, images: [] };
  for (const [i, { scan, report }] of scanned.entries()) {
    const dir = join(req.outputDir, slug(scan.image, i));
    await mkdir(dir, { recursive: true });
    const image = {};
    plan.images.push(image);
    if (req.sbomFormat) {
      const input = join(dir, "trivy.packages.json");
      await writeFile(input, JSON.stringify(packagesOnly(report)));
      const ext = req.sbomFormat === "cyclonedx" ? "cdx.json" : "spdx.json";
      image.sbom = { input, format: req.sbomFormat, output: join(dir, `sbom.${ext}`) };
    }
    if (sink) {
      const ignored = ignoredIdentities(scan, policy);
      let input = scan.artifacts.trivyJson;
      let judged = report;
      if (ignored.size > 0 || !isVerbatim(report) || !input) {
        judged = filterReport(report, (f) => ignored.has(exactIdentity(f)));
        input = join(dir, "trivy.policy.json");
        await writeFile(input, JSON.stringify(judged));
      }
      const name = names[i];
      image.sarif = {
        convert: { input, format: "sarif", output: join(dir, "trivy.sarif") },
        shape: {
          category: name.category,
          image: scan.image,
          ...subjects[i]?.platform ? { platform: subjects[i].platform } : {},
          facts: ruleFactsOf(judged),
          ...location ? { location } : {}
        },
        path: sink.place(name.file)
      };
    }
  }
  const scans = scanned.map((s) => s.scan);
  const listsPackages = scanned.map((s) => s.report.Results?.some((r) => r.Packages?.length));
  const done = runDerivation(plan, deps.logger).then((outcome) => {
    const sarif = [];
    for (const [i, written] of outcome.images.entries()) {
      const scan = scans[i];
      const platform = subjects[i]?.platform;
      if (written.sarif) {
        scan.artifacts.sarif = written.sarif;
        sarif.push({
          image: scan.image,
          ...platform ? { platform } : {},
          category: names[i].category,
          path: written.sarif
        });
      }
      if (written.sbom) {
        if (req.sbomFormat === "cyclonedx") scan.artifacts.cyclonedx = written.sbom;
        else scan.artifacts.spdx = written.sbom;
        if (!listsPackages[i]) {
          warnings.push(
            `${scan.image}: the Trivy report lists no packages (made with --list-all-pkgs=false?), so its SBOM has no components.`
          );
        }
      }
    }
    const failure = outcome.error ?? (sarifError === void 0 ? void 0 : sarifError.message);
    return { sarif, warnings, ...failure ? { error: derivationError(failure) } : {} };
  });
  return { done };
}
async function loadBaseline(source, image, index, req, deps) {
  if (source.kind === "report") return baselineFindings(source.path, image);
  const trivy = await deps.trivy();
  if (!trivy) throw new Error(`comparing with ${source.image} needs Trivy to scan it.`);
  const dir = join(req.outputDir, `baseline-${slug(source.image, index)}`);
  const named = req.platform?.kind === "some" ? req.platform.platforms : void 0;
  const listed = deps.platforms ? await deps.platforms(source.image, named).catch((error) => {
    if (unlisted(error)) return void 0;
    throw error;
  }) : void 0;
  if (listed?.kind === "index") {
    const findings = [];
    for (const c of listed.children) {
      const ref = `${repositoryOf2(source.image)}@${c.digest}`;
      const { scan: scan2 } = await analyse(ref, join(dir, platformDir(c)), trivy, req, deps, void 0);
      findings.push(...scan2.findings);
    }
    return { findings, record: { kind: "image", image: source.image, digest: listed.digest } };
  }
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
async function checkBaseImage(stage, scan, errors, warnings) {
  try {
    return await stage.check(scan);
  } catch (error) {
    const message = `Base-image check for ${scan.image} failed: ${error.message}`;
    if (stage.mode === "enforce") errors.push(message);
    else warnings.push(message);
    return void 0;
  }
}
async function platformResults(image, platforms, policy, baselineKeys, scopeNew, deps, errors, warnings) {
  const scans = platforms.map(
    (p) => toImageScan(p.report, { image: image.image, artifacts: { trivyJson: p.trivyJson } })
  );
  const evaluation = evaluate(scans, policy, scopeNew ? scans.map(() => baselineKeys) : void 0);
  const out = [];
  for (const [n, p] of platforms.entries()) {
    const e = evaluation.images[n];
    const scan = scans[n];
    if (!e || !scan) continue;
    const result = {
      platform: p.platform,
      digest: p.digest,
      verdict: e.blocking > 0 ? "fail" : "pass",
      counts: e.counts,
      gated: e.gated,
      blocking: e.blocking,
      trivyJson: p.trivyJson,
      ...scan.metadata.os ? { os: scan.metadata.os } : {}
    };
    if (deps.baseImage) {
      const own = { ...scan, image: p.ref, digest: p.digest };
      const base = await checkBaseImage(deps.baseImage, own, errors, warnings);
      if (base) result.baseImage = { ...base, platform: p.platform };
    }
    out.push(result);
  }
  const worst = out.map((r) => r.baseImage).filter((b) => b !== void 0).sort((a, b) => b.violations.length - a.violations.length)[0];
  if (worst) image.baseImage = worst;
  return out;
}
async function runPipeline(req, given) {
  let trivyOnce;
  const deps = { ...given, trivy: () => trivyOnce ??= given.trivy() };
  if (req.reportFile && (req.sarifPath || req.sbomFormat)) {
    deps.trivy().catch(() => void 0);
  }
  const now = deps.now();
  const ignoreRules = [
    // The YAML parser loads only for runs that have an ignore file (issue 13).
    ...req.ignoreFile ? await (await import('./chunk-BdXUsphE.js')).readIgnoreFile(req.ignoreFile) : [],
    ...req.ignoreRules ?? []
  ];
  await mkdir(req.outputDir, { recursive: true });
  const { scanned, notScanned, errors, warnings } = await scanAll(req, deps);
  const scans = scanned.map((s) => s.scan);
  for (const scan of scans) {
    for (const w of scan.warnings ?? []) warnings.push(`${scan.image}: ${w}`);
    if (scan.licenseFindings) {
      warnings.push(
        `${scan.image}: the report holds ${scan.licenseFindings} licence finding(s); Shipgate does not evaluate licences, so they neither pass nor fail the gate.`
      );
    }
  }
  const derivation = await derive(
    scanned,
    { ignoreRules, ignoreUnfixed: req.ignoreUnfixed, now },
    req,
    deps
  );
  const baselines = await loadBaselines(scans, req, deps, warnings);
  const scope = req.gateScope ?? "all";
  const layers = deps.layers ? await attributeLayers(scanned, deps.layers, {
    app: scopeHas(scope, "app"),
    logger: deps.logger,
    warnings
  }) : [];
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
    scopeHas(scope, "new") ? baselines.map((b) => b ? new Set(b.findings.map((f) => f.key)) : void 0) : void 0,
    { app: scopeHas(scope, "app") }
  );
  const images = [];
  for (const [i, scan] of scans.entries()) {
    const evaluated = evaluation.images[i];
    if (!evaluated) continue;
    const image = imageReportOf(scan, evaluated);
    if (layers[i]) image.layerAttribution = layers[i];
    const baseline = baselines[i];
    if (baseline) {
      image.comparison = notFixedByVex(
        compareFindings(scan.findings, baseline.findings, baseline.name, baseline.record),
        scan.suppressed
      );
    }
    const platforms = scanned[i]?.platforms;
    if (platforms) {
      const policy = {
        failOn: req.failOn,
        ignoreUnfixed: req.ignoreUnfixed,
        ignoreRules,
        now,
        expiringDays: req.expiringDays
      };
      const keys = req.gateScope === "new" ? new Set(baseline?.findings.map((f) => f.key) ?? []) : void 0;
      image.platforms = await platformResults(
        image,
        platforms,
        policy,
        keys && baseline ? keys : void 0,
        req.gateScope === "new",
        deps,
        errors,
        warnings
      );
    } else if (deps.baseImage) {
      image.baseImage = await checkBaseImage(deps.baseImage, scan, errors, warnings);
    }
    images.push(image);
  }
  const scannedImages = scanned.length;
  scanned.length = 0;
  collectParsedReports(deps.logger);
  const derived = await derivation.done;
  warnings.push(...derived.warnings);
  if (derived.error) errors.push(derived.error);
  const sarif = derived.sarif;
  if (req.vex) warnings.push(...req.vex.warnings);
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
  if (req.vex) {
    report.vex = { sources: req.vex.records };
    if (req.vex.requiredAuthors) report.vex.requiredAuthors = req.vex.requiredAuthors;
  }
  const db = scannedImages && !req.reportFile ? (await deps.trivy())?.db : void 0;
  if (db) report.vulnerabilityDb = db;
  const reportPath = join(req.outputDir, "shipgate-report.json");
  if (!req.deferReportFile) await writeJsonFile(reportPath, report);
  return {
    report,
    reportPath,
    ...sarif[0] ? { sarifPath: sarif[0].path, sarif } : {},
    errors
  };
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

createRequire(import.meta.url);

// src/version.ts
var VERSION = "0.1.0";

export { LONG_ARRAY as L, VERSION as V, writeJsonFile as a, commentMarker as b, commentKeys as c, durationMs as d, withMarker as e, resolveOwnAuthor as f, endsWithMarker as g, checkOwnComment as h, encodeMarkerKey as i, markerKey as m, runPipeline as r, writeJsonFilePausing as w };
