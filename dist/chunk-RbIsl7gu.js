import { createRequire } from 'node:module';
import { n as notFixedByVex, a as attributeFindings } from './chunk-D4eP6Dzq.js';
import { S as SEVERITIES, ad as severityRank, N as formatBytes, ae as emptyCounts, l as redactedMessage, C as singlePlatform, T as parseVersionInfo, t as checkDbAge, a4 as shortOrigin } from './chunk-BAQxG8PF.js';
import { r as renderPolicyMarkdown, a as plural, e as escapeMarkdown, s as safeUrl, l as link, t as table, d as details, b as escapeInline, c as code, f as tableRow, g as formatCount } from './chunk-BUPm29C1.js';
import { g as scopeOf, e as scopeHas, h as sarifTarget, o as openSarifTarget, r as replaceWith, i as clientArgs, S as SCAN_SPEC, C as COMMENT_SPEC } from './chunk-D_xoMOi_.js';
import { T as TrivyInstallError } from './chunk-B2iF1XkY.js';
import { c as collectParsedReports, r as readTrivyReport, i as isVerbatim, h as holdsEverything, p as parseTrivyReport, a as readJsonText } from './chunk-BQKXnzK6.js';
import { t as trivyLoginEnv } from './chunk-DPoUJtSh.js';
import { f as failureOf, r as runProgram, c as childEnv } from './chunk-BPn_haLw.js';
import { a as analyzeDockerfile } from './chunk-Bi5T-QyA.js';
import { R as RegistryError } from './chunk-Ca65EcXZ.js';
import { e as DEFAULT_JAVA_DB_REPOSITORIES } from './chunk-DnK-Igsz.js';
import { writeSync } from 'node:fs';
import { mkdir, open, writeFile, readFile } from 'node:fs/promises';
import { setImmediate } from 'node:timers/promises';
import { join, relative, resolve, isAbsolute, sep, dirname } from 'node:path';
import { createHash } from 'node:crypto';

createRequire(import.meta.url);

// src/policy/collate.ts
var PRIMARY = " _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$0123456789aAbBcCdDeEfFgGhHiIjJkKlLmMnNoOpPqQrRsStTuUvVwWxXyYzZ";
var isUpper = (c) => c >= 65 && c <= 90;
var WEIGHT = new Int16Array(128).fill(-1);
{
  let w = 0;
  for (let i = 0; i < PRIMARY.length; i++) {
    const ch = PRIMARY.charCodeAt(i);
    WEIGHT[ch] = isUpper(ch) ? w - 1 : w++;
  }
}
var collator;
var icuForAll = false;
function collatorCompare(a, b) {
  collator ??= new Intl.Collator("en");
  return collator.compare(a, b);
}
function expectComparisons(count) {
  if (count <= 2e3) return;
  collator ??= new Intl.Collator("en");
  icuForAll = true;
}
function collate(a, b) {
  if (icuForAll) return collatorCompare(a, b);
  const n = Math.min(a.length, b.length);
  let caseOrder = 0;
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    const wx = x < 128 ? WEIGHT[x] : -1;
    const wy = y < 128 ? WEIGHT[y] : -1;
    if (wx < 0 || wy < 0) return collatorCompare(a, b);
    if (wx !== wy) {
      return onlyPrintable(a, i) && onlyPrintable(b, i) ? wx - wy : collatorCompare(a, b);
    }
    if (caseOrder === 0 && x !== y) caseOrder = isUpper(x) ? 1 : -1;
  }
  if (!onlyPrintable(a, n) || !onlyPrintable(b, n)) return collatorCompare(a, b);
  if (a.length !== b.length) return a.length - b.length;
  return caseOrder;
}
function onlyPrintable(s, from) {
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128 || WEIGHT[c] < 0) return false;
  }
  return true;
}

// src/policy/match.ts
function canonicalId(id) {
  return id.toUpperCase().replace(/^AVD-/, "").replace(/^([A-Z]+)-?0*(\d+)$/, "$1-$2");
}
function globToRegExp(glob) {
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === "*") {
      if (glob[i + 1] === "*") {
        re += ".*";
        i++;
      } else re += "[^/]*";
    } else if (c === "?") re += "[^/]";
    else re += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`);
}
function pathMatches(globs, finding) {
  const candidates2 = [finding.target];
  if (finding.kind === "vulnerability" && finding.pkgPath) candidates2.push(finding.pkgPath);
  return globs.some((g) => {
    const re = globToRegExp(g.replace(/^\.\//, ""));
    return candidates2.some((c) => re.test(c.replace(/^\.?\//, "")));
  });
}
function ruleMatches(rule, finding) {
  if (!rule.kinds.includes(finding.kind)) return false;
  const same = finding.kind === "misconfiguration" ? canonicalId(rule.id) === canonicalId(finding.id) : rule.id === finding.id;
  if (!same) return false;
  if (rule.paths && !pathMatches(rule.paths, finding)) return false;
  if (rule.packages && (finding.kind !== "vulnerability" || !rule.packages.includes(finding.pkgName)))
    return false;
  if (rule.purls) {
    const purl = finding.kind === "vulnerability" ? finding.purl : void 0;
    if (!purl || !rule.purls.some((p) => p === purl || purl.startsWith(`${p}?`))) return false;
  }
  return true;
}
var EXPIRING_SOON_DAYS = 14;
function isExpiringSoon(rule, now, days = EXPIRING_SOON_DAYS) {
  if (rule.expiresAt === void 0 || isExpired(rule, now)) return false;
  return Date.parse(rule.expiresAt) <= now.getTime() + days * 864e5;
}
function ruleAppliesToImage(rule, image) {
  if (!rule.images) return true;
  const bare = image.replace(/@sha256:[a-f0-9]{64}$/, "");
  return rule.images.some((g) => {
    const re = globToRegExp(g);
    return re.test(image) || re.test(bare);
  });
}
function isExpired(rule, now) {
  return rule.expiresAt !== void 0 && Date.parse(rule.expiresAt) < now.getTime();
}

// src/policy/evaluate.ts
function isBlocking(severity, failOn) {
  return failOn !== "NONE" && severityRank(severity) <= severityRank(failOn);
}
var madeInOrder = /* @__PURE__ */ new WeakMap();
function inEvaluatorOrder(list) {
  return madeInOrder.get(list) === list.length;
}
function compareFindings$1(a, b) {
  const bySeverity = severityRank(a.severity) - severityRank(b.severity);
  if (bySeverity) return bySeverity;
  const fixA = a.kind === "vulnerability" && a.fixable ? 0 : 1;
  const fixB = b.kind === "vulnerability" && b.fixable ? 0 : 1;
  if (fixA !== fixB) return fixA - fixB;
  const scoreA = a.kind === "vulnerability" ? a.cvssScore ?? -1 : -1;
  const scoreB = b.kind === "vulnerability" ? b.cvssScore ?? -1 : -1;
  if (scoreA !== scoreB) return scoreB - scoreA;
  return (a.id === b.id ? 0 : collate(a.id, b.id)) || (a.key === b.key ? 0 : collate(a.key, b.key));
}
function sortFindings(items, of) {
  expectComparisons(items.length);
  const idRank = collationRanks(items.map((i) => of(i).id));
  const byId = /* @__PURE__ */ new Map();
  for (const i of items) {
    const f = of(i);
    const rank = idRank.get(f.id);
    const keys = byId.get(rank);
    if (keys) keys.push(f.key);
    else byId.set(rank, [f.key]);
  }
  const keyRanks = /* @__PURE__ */ new Map();
  for (const [rank, keys] of byId) if (keys.length > 1) keyRanks.set(rank, collationRanks(keys));
  const decorated = items.map((item) => {
    const f = of(item);
    const id = idRank.get(f.id);
    return {
      item,
      severity: severityRank(f.severity),
      fix: f.kind === "vulnerability" && f.fixable ? 0 : 1,
      score: f.kind === "vulnerability" ? f.cvssScore ?? -1 : -1,
      id,
      key: keyRanks.get(id)?.get(f.key) ?? 0
    };
  });
  decorated.sort(
    (a, b) => a.severity - b.severity || a.fix - b.fix || (a.score !== b.score ? b.score - a.score : 0) || a.id - b.id || a.key - b.key
  );
  return decorated.map((d) => d.item);
}
function collationRanks(strings) {
  const distinct = [...new Set(strings)].sort(collate);
  const ranks = /* @__PURE__ */ new Map();
  let rank = 0;
  for (let i = 0; i < distinct.length; i++) {
    if (i > 0 && collate(distinct[i - 1], distinct[i]) !== 0) rank = i;
    ranks.set(distinct[i], rank);
  }
  return ranks;
}
function judge(finding, active, ignoreUnfixed, used) {
  const rule = active.find((r) => ruleMatches(r, finding));
  if (rule) {
    used.add(rule);
    return { finding, ignored: { by: "ignore-file", rule } };
  }
  if (ignoreUnfixed && finding.kind === "vulnerability" && !finding.fixable) {
    return { finding, ignored: { by: "unfixed" } };
  }
  return { finding };
}
function evaluateImage(scan, settings, active, used, baseline, appOnly) {
  const counts = emptyCounts();
  const gated = emptyCounts();
  const fixable = emptyCounts();
  const ignored = emptyCounts();
  let blocking = 0;
  const findings = sortFindings(scan.findings, (f) => f).map(
    (f) => judge(f, active, settings.ignoreUnfixed, used)
  );
  madeInOrder.set(findings, findings.length);
  for (const { finding, ignored: why } of findings) {
    if (why) {
      ignored[finding.severity]++;
      continue;
    }
    counts[finding.severity]++;
    if (finding.kind === "vulnerability" && finding.fixable) fixable[finding.severity]++;
    if (baseline?.has(finding.key)) continue;
    if (appOnly && finding.layer?.fromBase === true) continue;
    gated[finding.severity]++;
    if (isBlocking(finding.severity, settings.failOn)) blocking++;
  }
  return {
    image: scan.image,
    digest: scan.digest,
    counts,
    fixable,
    ignored,
    findings,
    gated,
    blocking
  };
}
function sumCounts(all) {
  const total = emptyCounts();
  for (const c of all) for (const s of SEVERITIES) total[s] += c[s];
  return total;
}
function describeCounts(counts, only) {
  return SEVERITIES.filter((s) => counts[s] > 0 && (!only || only(s))).map((s) => `${counts[s]} ${s.toLowerCase()}`).join(", ");
}
function reasonFor(verdict, totals, failOn, images, scope = "all") {
  const where = images > 1 ? ` across ${images} images` : "";
  const fresh = scopeHas(scope, "new") ? " new" : "";
  const own = scopeHas(scope, "app") ? " in the image's own layers" : "";
  if (failOn === "NONE") {
    const found = describeCounts(totals);
    return `Passed: fail-on is none${found ? ` (found ${found}${where})` : `; no findings${where}`}`;
  }
  const threshold = failOn.toLowerCase();
  if (verdict === "fail") {
    return `Blocked: ${describeCounts(totals, (s) => isBlocking(s, failOn))}${fresh}${own}${where} at or above the ${threshold} threshold`;
  }
  const below = describeCounts(totals);
  return `Passed: no${fresh} findings${own} at or above ${threshold}${where}${below ? ` (${below}${fresh} below the threshold)` : ""}`;
}
var unexpired = (rules, now) => rules.filter((r) => !isExpired(r, now));
var forImage = (active, image) => active.filter((r) => ruleAppliesToImage(r, image));
function evaluate(scans, settings, baselines, filters = {}) {
  const expiredRules = settings.ignoreRules.filter((r) => isExpired(r, settings.now));
  const active = unexpired(settings.ignoreRules, settings.now);
  const used = /* @__PURE__ */ new Set();
  const scope = scopeOf({ new: baselines !== void 0, app: filters.app });
  const images = scans.map(
    (scan, i) => evaluateImage(
      scan,
      settings,
      forImage(active, scan.image),
      used,
      baselines?.[i],
      filters.app === true
    )
  );
  const totals = sumCounts(images.map((i) => i.counts));
  const verdict = images.some((i) => i.blocking > 0) ? "fail" : "pass";
  return {
    verdict,
    scope,
    reason: reasonFor(
      verdict,
      sumCounts(images.map((i) => i.gated)),
      settings.failOn,
      images.length,
      scope
    ),
    failOn: settings.failOn,
    totals,
    images,
    expiredRules,
    unusedRules: active.filter((r) => !used.has(r)),
    expiringRules: active.filter((r) => isExpiringSoon(r, settings.now, settings.expiringDays))
  };
}
function setAside(scan, settings) {
  const active = forImage(unexpired(settings.ignoreRules, settings.now), scan.image);
  if (!active.length && !settings.ignoreUnfixed) return [];
  const used = /* @__PURE__ */ new Set();
  return scan.findings.filter((f) => judge(f, active, settings.ignoreUnfixed, used).ignored);
}
function finalVerdict(gate, images, errors) {
  let { verdict, reason } = gate;
  const enforced = images.flatMap(
    (img) => img.baseImage?.mode === "enforce" ? img.baseImage.violations.map((v) => `${img.image}: ${v.message}`) : []
  );
  if (enforced.length) {
    const base = `base image: ${enforced[0]}${enforced.length > 1 ? ` (+${enforced.length - 1} more)` : ""}`;
    reason = verdict === "fail" ? `${reason}; ${base}` : `Blocked: ${base}`;
    verdict = "fail";
  }
  if (errors.length) {
    verdict = "fail";
    reason = `Incomplete: ${errors.length} error${errors.length > 1 ? "s" : ""} stopped the scan (${errors[0]?.split("\n")[0]})`;
  }
  return { verdict, reason };
}
function imageReport(report, image, failures = []) {
  const gateVerdict = image.blocking > 0 ? "fail" : "pass";
  const gate = {
    verdict: gateVerdict,
    reason: reasonFor(gateVerdict, image.gated, report.failOn, 1, report.gateScope)
  };
  const own = finalVerdict(gate, [image], []);
  const verdict = failures.length ? "fail" : own.verdict;
  const reason = failures.length ? `Not signed: ${failures[0]}` : own.reason;
  return { ...report, verdict, reason, totals: image.counts, images: [image] };
}

// src/policy/fixes.ts
var zero = () => ({ CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, UNKNOWN: 0 });
var tokenCache = /* @__PURE__ */ new Map();
function tokens(version) {
  let cached = tokenCache.get(version);
  if (!cached) {
    if (tokenCache.size >= 5e4) tokenCache.clear();
    cached = parseTokens(version);
    tokenCache.set(version, cached);
  }
  return cached;
}
function parseTokens(version) {
  const v = version.trim().replace(/^v(?=\d)/, "");
  const epoch = /^(\d+):/.exec(v);
  const rest = epoch ? v.slice(epoch[0].length) : v;
  const parts = rest.match(/\d+|[A-Za-z]+/g) ?? [];
  return [epoch ? Number(epoch[1]) : 0, ...parts.map((p) => /^\d+$/.test(p) ? Number(p) : p)];
}
function compareVersions(a, b) {
  const x = tokens(a);
  const y = tokens(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const p = x[i];
    const q = y[i];
    if (p === q) continue;
    if (p === void 0) return typeof q === "string" ? 1 : -1;
    if (q === void 0) return typeof p === "string" ? -1 : 1;
    if (typeof p === "number" && typeof q === "number") return p - q;
    if (typeof p === "number") return 1;
    if (typeof q === "number") return -1;
    return p < q ? -1 : 1;
  }
  return 0;
}
function candidates(fixedVersion) {
  return fixedVersion.split(/\s*,\s*/).map((s) => s.trim()).filter(Boolean);
}
function nearestFix(installed, listed) {
  const above = listed.filter((c) => compareVersions(c, installed) > 0).sort(compareVersions);
  return above[0];
}
function fixFirst(findings) {
  const byName = /* @__PURE__ */ new Map();
  const groups = [];
  const noFix = zero();
  let noFixTotal = 0;
  for (let n = 0; n < findings.length; n++) {
    const evaluated = findings[n];
    if (evaluated.ignored) continue;
    const finding = evaluated.finding;
    if (finding.kind !== "vulnerability") continue;
    if (!finding.fixable || !finding.fixedVersion) {
      noFix[finding.severity]++;
      noFixTotal++;
      continue;
    }
    const pkgPath = finding.pkgPath ?? "";
    let named = byName.get(finding.pkgName);
    if (!named) {
      named = [];
      byName.set(finding.pkgName, named);
    }
    let group;
    for (let k = 0; k < named.length && !group; k++) {
      const g = named[k];
      if (g.target === finding.target && g.pkgPath === pkgPath && g.installed === finding.installedVersion)
        group = g;
    }
    if (group) group.list.push(finding);
    else {
      const created = {
        target: finding.target,
        pkgPath,
        installed: finding.installedVersion,
        list: [finding]
      };
      named.push(created);
      groups.push(created);
    }
  }
  const judged = /* @__PURE__ */ new Map();
  const judge2 = (installed, fixedVersion) => {
    let byFixed = judged.get(installed);
    if (!byFixed) {
      byFixed = /* @__PURE__ */ new Map();
      judged.set(installed, byFixed);
    }
    let j = byFixed.get(fixedVersion);
    if (!j) {
      const listed = candidates(fixedVersion);
      const ordered = [...new Set(listed)].sort(compareVersions);
      const near = nearestFix(installed, listed);
      j = { listed, ordered, near, pick: near ?? [...listed].sort(compareVersions).at(-1) };
      byFixed.set(fixedVersion, j);
    }
    return j;
  };
  const upgrades = [];
  for (const { list } of groups) {
    const first = list[0];
    const removes = zero();
    let to;
    let exact;
    let fixedIn;
    let ids;
    if (list.length === 1) {
      removes[first.severity]++;
      const { near, pick, ordered } = judge2(first.installedVersion, first.fixedVersion);
      to = pick ?? ordered.join(", ");
      exact = near !== void 0;
      fixedIn = ordered.slice();
      ids = [first.id];
    } else {
      const idSet = /* @__PURE__ */ new Set();
      const fixedSet = /* @__PURE__ */ new Set();
      let allNear = true;
      for (const f of list) {
        removes[f.severity]++;
        idSet.add(f.id);
        const { listed, near, pick } = judge2(f.installedVersion, f.fixedVersion);
        for (const c of listed) fixedSet.add(c);
        if (!near) allNear = false;
        if (pick && (!to || compareVersions(pick, to) > 0)) to = pick;
      }
      exact = allNear;
      to ??= [...fixedSet].join(", ");
      fixedIn = [...fixedSet].sort(compareVersions);
      ids = [...idSet].sort();
    }
    const from = first.installedVersion;
    const total = list.length;
    upgrades.push(
      first.pkgPath ? {
        pkgName: first.pkgName,
        target: first.target,
        pkgPath: first.pkgPath,
        from,
        to,
        exact,
        fixedIn,
        removes,
        total,
        ids
      } : {
        pkgName: first.pkgName,
        target: first.target,
        from,
        to,
        exact,
        fixedIn,
        removes,
        total,
        ids
      }
    );
  }
  upgrades.sort((a, b) => {
    const x = a.removes;
    const y = b.removes;
    return y.CRITICAL - x.CRITICAL || y.HIGH - x.HIGH || y.MEDIUM - x.MEDIUM || y.LOW - x.LOW || y.UNKNOWN - x.UNKNOWN || b.total - a.total || (a.pkgName < b.pkgName ? -1 : a.pkgName > b.pkgName ? 1 : 0);
  });
  return { upgrades, noFix, noFixTotal };
}
function describeUpgrade(u) {
  const what = SEVERITIES.filter((s) => u.removes[s] > 0).map((s) => `${u.removes[s]} ${s.toLowerCase()}`).join(", ");
  const to = u.exact ? u.to : `${u.to} (fixed in ${u.fixedIn.join(", ")})`;
  return `${u.pkgName} ${u.from} \u2192 ${to} fixes ${what}`;
}

// src/render/base-layer-section.ts
var HEADER = ["Severity", "ID", "Package / location", "Installed", "Fixed in"];
function howKnown(l) {
  const base = l.base;
  if (!base) return "";
  const share = `${plural(base.layers, "layer")} of ${l.imageLayers ?? "?"}`;
  switch (base.how) {
    case "dockerfile":
      return `named by the Dockerfile's last \`FROM\`; its ${share} matched by diff_id`;
    case "annotation":
      return `named by the image's \`org.opencontainers.image.base.name\` annotation; its ${share} matched by diff_id`;
    case "label":
      return `named by the image's \`org.opencontainers.image.base.name\` label; its ${share} matched by diff_id`;
    case "history":
      return `inferred from the image's config history (the first ${share}; nothing outside the image confirms it)`;
  }
}
function breakdown(findings) {
  const counts = /* @__PURE__ */ new Map();
  for (const f of findings) counts.set(f.severity, (counts.get(f.severity) ?? 0) + 1);
  return SEVERITIES.filter((s) => counts.has(s)).map((s) => `${counts.get(s)} ${s.toLowerCase()}`).join(", ");
}
var LABEL = {
  CRITICAL: "\u{1F7E5} Critical",
  HIGH: "\u{1F7E7} High",
  MEDIUM: "\u{1F7E8} Medium",
  LOW: "\u{1F7E6} Low",
  UNKNOWN: "\u2B1C Unknown"
};
function row(f) {
  const id = link(escapeMarkdown(f.id), f.url);
  if (f.kind === "vulnerability") {
    return tableRow([
      LABEL[f.severity],
      id,
      f.pkgPath ? `${code(f.pkgName)}<br>${code(f.pkgPath, 80)}` : code(f.pkgName),
      code(f.installedVersion),
      f.fixedVersion ? code(f.fixedVersion, 120) : "_no fix_"
    ]);
  }
  return tableRow([LABEL[f.severity], id, code(f.target, 120), "", ""]);
}
function baseLayerSection(r, scope, rowLimit) {
  const l = r.layerAttribution;
  if (!l) return "";
  const app = scopeHas(scope, "app");
  if (!l.base) {
    if (!app) return "";
    return `**Base image layers**: unknown (${escapeInline(l.unknown ?? "no source named it", 300)}), so every finding counts as the image's own for \`fail-on-scope: app\`.`;
  }
  const fromBase = r.findings.filter((e) => !e.ignored && e.finding.layer?.fromBase === true).map((e) => e.finding);
  const name = l.base.ref ? code(l.base.ref, 300) : "(unnamed)";
  const summary = `From the base image ${name}: ${fromBase.length}${fromBase.length ? ` (${breakdown(fromBase)})` : ""}${app && fromBase.length ? ", not gated (<code>fail-on-scope: app</code>)" : ""}`;
  const digest = l.base.digest && !l.base.ref?.includes(l.base.digest) ? ` ${code(l.base.digest)}` : "";
  const lines = [`Base${digest} ${howKnown(l)}.`];
  const target = r.baseImage?.recommendedBase;
  if (target && fromBase.length) {
    lines.push(
      `**Fixed by moving to ${code(target, 300)}** (the base-image check's recommendation): these findings sit in the layers it replaces. Its own findings are not measured here.`
    );
  }
  if (l.unattributed > 0) {
    lines.push(
      `${plural(l.unattributed, "finding")} without a layer Shipgate could place ${l.unattributed === 1 ? "counts" : "count"} as the image's own.`
    );
  }
  if (fromBase.length === 0) return `**${summary}**. ${lines.join(" ")}`;
  const shown = fromBase.slice(0, Math.max(1, rowLimit));
  const table2 = [tableRow(HEADER), tableRow(HEADER.map(() => "---")), ...shown.map(row)];
  if (shown.length < fromBase.length) {
    table2.push("", `_\u2026and ${fromBase.length - shown.length} more in the JSON report._`);
  }
  return details(summary, `${lines.join("\n\n")}

${table2.join("\n")}`);
}

// src/render/distinguish.ts
function visible(f, shortPath2) {
  switch (f.kind) {
    case "vulnerability":
      return `v\0${f.id}\0${f.pkgName}\0${f.installedVersion}\0${shortPath2(f.pkgPath ?? "")}`;
    case "secret":
    case "misconfiguration":
      return `${f.kind}\0${f.id}\0${f.target}\0${f.startLine ?? ""}`;
  }
}
function distinguishers(findings, shortPath2 = (p) => p) {
  const groups = /* @__PURE__ */ new Map();
  for (const f of findings) {
    const key = visible(f, shortPath2);
    const group = groups.get(key);
    if (group) group.push(f);
    else groups.set(key, [f]);
  }
  const out = /* @__PURE__ */ new Map();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const targets = new Set(group.map((f) => f.target));
    const paths = new Set(group.map((f) => f.kind === "vulnerability" ? f.pkgPath ?? "" : ""));
    const ids = new Set(group.map((f) => f.kind === "vulnerability" ? f.pkgId : ""));
    for (const f of group) {
      const parts = [];
      if (targets.size > 1) parts.push(f.target);
      if (f.kind === "vulnerability") {
        if (paths.size > 1 && f.pkgPath) parts.push(f.pkgPath);
        else if (targets.size === 1 && ids.size > 1) parts.push(f.pkgId);
      }
      if (parts.length) out.set(f, parts);
    }
  }
  return out;
}

// src/render/platforms.ts
var PLATFORM_HEADER = "Platform";
function scannedPlatforms(report) {
  return (report.platforms ?? []).map((p) => p.platform);
}
function platformCell(report, format = "markdown") {
  const all = scannedPlatforms(report);
  if (all.length < 2) return void 0;
  const everywhere = (f) => all.every((p) => f.platforms?.includes(p));
  if (report.findings.every((e) => everywhere(e.finding))) return void 0;
  const md = format === "markdown";
  return (f) => everywhere(f) ? md ? "_all_" : "all" : all.filter((p) => f.platforms?.includes(p)).map((p) => md ? code(p) : p).join(md ? "<br>" : ",") || (md ? "_unknown_" : "?");
}
function platformsText(report) {
  const platforms = report.platforms ?? [];
  if (platforms.length === 0) return "";
  return `platforms: ${platforms.map(
    (p) => `${p.platform} ${p.verdict === "fail" ? "FAIL" : "pass"}${p.blocking > 0 ? ` (${p.blocking} blocking)` : ""}`
  ).join(", ")}`;
}
function platformsLine(report) {
  const platforms = report.platforms ?? [];
  if (platforms.length === 0) return "";
  const parts = platforms.map(
    (p) => `${code(p.platform)} ${p.verdict === "fail" ? "\u274C" : "\u2705"}${p.blocking > 0 ? ` ${p.blocking} blocking` : ""}`
  );
  return `**Platforms** (${platforms.length}, each analysed on its own; the image fails when any fails): ${parts.join(" \xB7 ")}`;
}

// src/render/vex-section.ts
var MAX_ROWS = 100;
var VEX_STATUSES = /* @__PURE__ */ new Set(["not_affected", "fixed"]);
function documentOf(report, s) {
  return s.document === void 0 ? void 0 : report.vex?.sources[s.document];
}
function isClaimOfThisChange(record) {
  return record?.change === "new" || record?.change === "changed";
}
function changeMark(record) {
  if (record?.change === "new") return " \u{1F195} **new in this pull request**";
  if (record?.change === "changed") return " \u270F\uFE0F **changed in this pull request**";
  if (record?.change === "unknown") return " \u2754 not compared with the base branch";
  return "";
}
function documentCell(report, s) {
  const record = documentOf(report, s);
  if (!record) return s.source ? code(s.source, 120) : "_not named_";
  const signer = record.signer ? ` signed by ${code(record.signer.identity, 120)}` : "";
  return `${code(record.source, 120)}${signer}${changeMark(record)}`;
}
function packageCell(s) {
  if (!s.pkgName) return s.target ? code(s.target, 80) : "";
  return `${code(s.pkgName, 80)}${s.installedVersion ? ` ${code(s.installedVersion, 60)}` : ""}`;
}
function statusCell(s) {
  return code(s.status, 40);
}
function rows(report, list, limit) {
  return list.slice(0, limit).map((s) => [
    code(s.id, 80),
    packageCell(s),
    s.severity ? escapeInline(s.severity.toLowerCase(), 20) : "",
    statusCell(s),
    // Prose from the document's author: escaped as text (no mentions, links or references).
    s.statement ? escapeInline(s.statement, 200) : "_none given_",
    documentCell(report, s)
  ]);
}
function idList(list, shown = 5) {
  const ids = [...new Set(list.map((s) => s.id))];
  const head = ids.slice(0, shown).map((id) => code(id, 80));
  return ids.length > shown ? `${head.join(", ")} and ${ids.length - shown} more` : head.join(", ");
}
function vexImageSection(report, image, rowLimit) {
  const all = image.suppressed;
  if (!all.length) return "";
  const vex = all.filter((s) => VEX_STATUSES.has(s.status));
  const other = all.filter((s) => !VEX_STATUSES.has(s.status));
  const out = [];
  const claimed = vex.filter((s) => isClaimOfThisChange(documentOf(report, s)));
  if (claimed.length) {
    const docs = [...new Set(claimed.map((s) => documentOf(report, s)?.source ?? ""))];
    out.push(
      `> [!WARNING]
> **This pull request declares ${idList(claimed)} not affected** (${plural(claimed.length, "finding")}), through ${docs.map((d) => code(d, 120)).join(", ")}, which it adds or changes. These findings are not counted; check the VEX statements before approving.`
    );
  }
  const header = ["ID", "Package", "Severity", "Status", "Justification", "Document"];
  const limit = Math.max(1, Math.min(rowLimit, MAX_ROWS));
  const more = (n) => n > 0 ? `

_${plural(n, "more entry", "more entries")} in the JSON report (\`report\` output)._` : "";
  if (vex.length) {
    out.push(
      details(
        `Not affected by VEX: ${vex.length.toLocaleString("en-US")} (not counted)`,
        table(header, rows(report, vex, limit)) + more(vex.length - limit)
      )
    );
  }
  if (other.length) {
    out.push(
      details(
        `Set aside by Trivy outside VEX: ${other.length.toLocaleString("en-US")} (not counted)`,
        table(header, rows(report, other, limit)) + more(other.length - limit)
      )
    );
  }
  return out.join("\n\n");
}
function authorsCell(r) {
  if (r.signer) return `signed: ${code(r.signer.identity, 120)} (${code(r.signer.issuer, 80)})`;
  return r.authors.length ? r.authors.map((a) => code(a, 80)).join(", ") : "_none named_";
}
function appliedCell(r) {
  if (!r.applied) return `\u274C not applied: ${escapeInline(r.skipped ?? "unknown reason", 300)}`;
  return r.appliedAs ? `\u2705 (as OpenVEX, sha256 ${code(r.appliedAs.sha256.slice(0, 12))}\u2026)` : "\u2705";
}
function vexSourcesSection(report) {
  const sources = report.vex?.sources ?? [];
  if (!report.vex) return "";
  const applied = sources.filter((s) => s.applied).length;
  const required = report.vex.requiredAuthors;
  const intro = required ? `Only documents by ${required.map((a) => code(a, 80)).join(", ")} apply (\`vex-required-author\`).

` : "";
  if (!sources.length) return "";
  const body = table(
    ["Document", "Format", "Author", "Change", "SHA-256", "Applied"],
    sources.map((r) => [
      `${code(r.source, 160)}${r.image ? ` for ${code(r.image, 120)}` : ""}`,
      escapeInline(r.format, 20),
      authorsCell(r),
      r.change ? `${escapeInline(r.change, 20)}${changeMark(r) ? " \u26A0\uFE0F" : ""}` : "",
      code(r.sha256),
      appliedCell(r)
    ])
  );
  return details(
    `VEX documents: ${plural(sources.length, "document")} read, ${applied} applied`,
    intro + body
  );
}

// src/render/report-markdown.ts
var COMMENT_MAX_LENGTH = 65536;
var SUMMARY_MAX_LENGTH = 1e6;
var VISIBLE_FINDINGS = 10;
var SEVERITY_LABEL = {
  CRITICAL: "\u{1F7E5} Critical",
  HIGH: "\u{1F7E7} High",
  MEDIUM: "\u{1F7E8} Medium",
  LOW: "\u{1F7E6} Low",
  UNKNOWN: "\u2B1C Unknown"
};
function size(text) {
  return Buffer.byteLength(text, "utf8");
}
function renderReportMarkdown(report, opts = {}) {
  const max = opts.maxLength ?? COMMENT_MAX_LENGTH;
  const ctx = new RenderContext(report, opts);
  const longest = Math.max(0, ...report.images.map((i) => i.findings.length));
  const deepest = ctx.deepestWithin(longest, max);
  if (deepest === longest) {
    const full = ctx.render(longest);
    if (size(full) <= max) return full;
  }
  const bare = ctx.render(0);
  let rest = size(bare);
  if (rest > max) return hardCut(bare, max, ctx);
  let good = 0;
  let goodText = bare;
  let bad = deepest === longest ? deepest : deepest + 1;
  for (let probe = 0; bad - good > 1; probe++) {
    const guess = probe < 4 ? ctx.deepestWithin(bad - 1, max - rest) : Math.floor((good + bad) / 2);
    const at = Math.min(bad - 1, Math.max(good + 1, guess));
    const text = ctx.render(at);
    const bytes = size(text);
    rest = bytes - ctx.rowBytes(at);
    if (bytes <= max) {
      good = at;
      goodText = text;
    } else bad = at;
  }
  return goodText;
}
function renderAtDepth(report, opts, depth) {
  return new RenderContext(report, opts).render(depth);
}
function hardCut(text, max, ctx) {
  const tail = `

${ctx.truncationNotice("The rest of this report")}${ctx.footer()}`;
  const budget = max - size(tail);
  if (budget <= 0) return ctx.footer().slice(0, Math.max(0, max));
  const lines = text.split("\n");
  const kept = [];
  let used = 0;
  let openDetails = 0;
  for (const line of lines) {
    const extra = size(line) + 1 + openDetails * size("\n\n</details>");
    if (used + extra > budget) break;
    kept.push(line);
    used += size(line) + 1;
    openDetails += (line.match(/<details/g) ?? []).length - (line.match(/<\/details>/g) ?? []).length;
  }
  const closing = Array.from({ length: Math.max(0, openDetails) }, () => "\n\n</details>").join("");
  return `${kept.join("\n")}${closing}${tail}`;
}
function isCounted(f) {
  return f.ignored === void 0;
}
function isFixable(f) {
  return f.kind === "vulnerability" && f.fixable;
}
var RenderContext = class {
  constructor(report, opts) {
    this.report = report;
    this.opts = opts;
    this.images = report.images.map(preparedImage);
  }
  report;
  opts;
  images;
  /**
   * A lower bound on the size of `render(rowLimit)`: the finding rows it includes, each with
   * its line break. Renders only the rows it counts.
   */
  rowBytes(rowLimit) {
    const half = Math.floor(rowLimit / 2);
    let total = 0;
    for (const image of this.images) {
      total += image.introducedRows.bytes(rowLimit) + image.fixedRows.bytes(half) + image.countedRows.bytes(rowLimit) + image.ignoredRows.bytes(half);
    }
    return total;
  }
  /** The largest depth (≤ `longest`) whose rows alone fit in `max`: nothing deeper can fit. */
  deepestWithin(longest, max) {
    let over = 1;
    while (over < longest && this.rowBytes(over) <= max) over *= 2;
    over = Math.min(over, longest);
    if (this.rowBytes(over) <= max) return over;
    let fits = Math.floor(over / 2);
    while (over - fits > 1) {
      const mid = Math.floor((fits + over) / 2);
      if (this.rowBytes(mid) <= max) fits = mid;
      else over = mid;
    }
    return fits;
  }
  render(rowLimit) {
    const out = [this.headline(), this.contextLine()];
    const policy = renderPolicyMarkdown(this.report.policy);
    if (policy) out.push(policy);
    const omitted = { count: 0 };
    const notScanned = this.report.notScanned ?? [];
    const single = this.images.length === 1 && notScanned.length === 0;
    for (const image of this.images) {
      out.push(this.imageSection(image, single, rowLimit, omitted));
    }
    for (const u of notScanned) out.push(notScannedSection(u));
    if (this.images.length === 0 && notScanned.length === 0) out.push("_No images were scanned._");
    out.push(vexSourcesSection(this.report));
    out.push(...this.policyHygiene(rowLimit, omitted));
    out.push(...this.warnings());
    if (omitted.count > 0) {
      out.push(this.truncationNotice(plural(omitted.count, "more row")));
    }
    out.push(this.footer());
    return out.filter((part) => part !== "").join("\n\n");
  }
  // --- first three lines -------------------------------------------------------------
  headline() {
    const { report } = this;
    const icon = report.verdict === "fail" ? "\u274C" : "\u2705";
    let reason = report.reason.trim();
    if (reason === "") reason = report.verdict === "fail" ? "Blocked" : "Passed";
    const base = this.images.map((i) => baseImageConcern(i.report)).filter((c) => c !== void 0);
    if (base.length > 0 && !/\bbase\b/i.test(reason)) {
      reason = `${reason.replace(/[.\s]+$/, "")}; ${base.join("; ")}`;
    }
    return `### ${icon} ${escapeMarkdown(reason)}`;
  }
  contextLine() {
    const { report } = this;
    const parts = [];
    const notScanned = report.notScanned ?? [];
    if (this.images.length === 1 && this.images[0] && notScanned.length === 0) {
      parts.push(imageLabel(this.images[0].report));
    } else {
      parts.push(plural(this.images.length, "image") + (notScanned.length ? " scanned" : ""));
    }
    if (notScanned.length) parts.push(`\u274C **${notScanned.length} not scanned**`);
    parts.push(
      report.failOn === "NONE" ? "threshold: none (report only)" : `blocks at **${report.failOn.toLowerCase()}** and above`
    );
    if (report.ignoreUnfixed) parts.push("unfixed ignored");
    const introduced = this.images.reduce((n, i) => n + i.introduced.length, 0);
    if (this.images.some((i) => i.report.comparison)) {
      parts.push(`**${introduced}** new in this pull request`);
    }
    const summary = safeUrl(this.opts.summaryUrl);
    if (summary) parts.push(link("full report", summary));
    return `**Shipgate** \xB7 ${parts.join(" \xB7 ")}`;
  }
  // --- per image ---------------------------------------------------------------------
  imageSection(image, single, rowLimit, omitted) {
    const r = image.report;
    const out = [];
    if (!single) {
      const icon = r.blocking > 0 ? "\u274C" : "\u2705";
      out.push(`#### ${icon} ${imageLabel(r)}`);
    }
    out.push(this.severityTable(image));
    out.push(platformsLine(r));
    out.push(fixFirstSection(r));
    out.push(this.changes(image, rowLimit, omitted));
    out.push(this.findings(image, rowLimit, omitted));
    out.push(baseLayerSection(r, this.report.gateScope, rowLimit));
    if (r.baseImage) out.push(baseImageSection(r));
    if (r.signing) out.push(signingSection(r));
    out.push(vexImageSection(this.report, r, rowLimit));
    return out.filter((p) => p !== "").join("\n\n");
  }
  severityTable(image) {
    const r = image.report;
    const compared = r.comparison !== void 0;
    const header = ["Severity", "Found", "Fixable", "Ignored"];
    if (compared) header.push("New");
    const newBySeverity = /* @__PURE__ */ new Map();
    for (const f of image.introduced) {
      newBySeverity.set(f.severity, (newBySeverity.get(f.severity) ?? 0) + 1);
    }
    const rows2 = [];
    for (const s of SEVERITIES) {
      const found = r.counts[s];
      const ignored = r.ignored[s];
      if (s === "UNKNOWN" && found === 0 && ignored === 0) continue;
      const row2 = [SEVERITY_LABEL[s], num(found, true), num(r.fixable[s]), num(ignored)];
      if (compared) row2.push(num(newBySeverity.get(s) ?? 0));
      rows2.push(row2);
    }
    return table(header, rows2, ["l", "r", "r", "r", "r"]);
  }
  changes(image, rowLimit, omitted) {
    const r = image.report;
    const heading = "**What this change does**";
    if (!r.comparison) {
      return `${heading}: no comparison was made. Set \`compare-to\` to the base branch's image (or pass the report of a previous run) to see the findings this change introduces and fixes.`;
    }
    const c = r.comparison;
    const introduced = image.introduced;
    const fixed = image.fixed;
    const head = `${heading} compared with ${baselineLabel(c)}: **${plural(introduced.length, "finding")} introduced**${severityBreakdown(introduced)}, **${fixed.length} fixed**${severityBreakdown(fixed)}.`;
    const out = [head];
    if (introduced.length > 0) {
      const rows2 = image.introducedRows.first(rowLimit);
      omitted.count += introduced.length - rows2.length;
      out.push(
        details(
          `${plural(introduced.length, "finding")} introduced`,
          findingTable(rows2, introduced.length - rows2.length, false, image.platform !== void 0),
          introduced.length <= VISIBLE_FINDINGS
        )
      );
    }
    if (fixed.length > 0) {
      const rows2 = image.fixedRows.first(Math.floor(rowLimit / 2));
      omitted.count += fixed.length - rows2.length;
      out.push(
        details(
          `${plural(fixed.length, "finding")} fixed`,
          findingTable(rows2, fixed.length - rows2.length, false, image.platform !== void 0)
        )
      );
    }
    return out.join("\n\n");
  }
  findings(image, rowLimit, omitted) {
    const { counted, ignored } = image;
    const out = [];
    if (counted.length === 0) {
      out.push("**Findings**: none counted.");
    } else {
      const rows2 = image.countedRows.first(rowLimit);
      const cut = counted.length - rows2.length;
      omitted.count += cut;
      const top = rows2.slice(0, VISIBLE_FINDINGS);
      const rest = rows2.slice(VISIBLE_FINDINGS);
      const fixable = image.fixableCount;
      out.push(
        `**Findings that matter first** (${plural(counted.length, "finding")}, ${fixable} fixable; most severe and fixable first):`
      );
      out.push(findingTable(top, rest.length === 0 ? cut : 0, false, image.platform !== void 0));
      if (rest.length > 0) {
        out.push(
          details(
            `${plural(counted.length - top.length, "more finding")}`,
            findingTable(rest, cut, false, image.platform !== void 0)
          )
        );
      }
    }
    if (ignored.length > 0) {
      const rows2 = image.ignoredRows.first(Math.floor(rowLimit / 2));
      omitted.count += ignored.length - rows2.length;
      out.push(
        details(
          `${plural(ignored.length, "ignored finding")} (not counted)`,
          findingTable(rows2, ignored.length - rows2.length, true, image.platform !== void 0)
        )
      );
    }
    return out.join("\n\n");
  }
  // --- report-wide -------------------------------------------------------------------
  policyHygiene(rowLimit, omitted) {
    const out = [];
    const { expiredRules, unusedRules } = this.report;
    if (expiredRules.length > 0) {
      const shown = expiredRules.slice(0, Math.max(rowLimit, 20));
      omitted.count += expiredRules.length - shown.length;
      out.push(
        [
          `**\u23F0 ${plural(expiredRules.length, "expired ignore entry", "expired ignore entries")}**: these findings count again until the entry is renewed with a reason or removed.`,
          "",
          ...shown.map((rule) => `- ${ruleLine(rule, "expired")}`)
        ].join("\n")
      );
    }
    const expiring = this.report.expiringRules ?? [];
    if (expiring.length > 0) {
      const shown = expiring.slice(0, Math.max(rowLimit, 20));
      omitted.count += expiring.length - shown.length;
      out.push(
        [
          `**\u23F3 ${plural(expiring.length, "ignore entry", "ignore entries")} expiring soon** (within ${this.report.expiringDays ?? EXPIRING_SOON_DAYS} days): the findings they hide will count again; renew with a reason, or fix.`,
          "",
          ...shown.map((rule) => `- ${ruleLine(rule, "active")}`)
        ].join("\n")
      );
    }
    if (unusedRules.length > 0) {
      const shown = unusedRules.slice(0, Math.max(rowLimit, 20));
      omitted.count += unusedRules.length - shown.length;
      out.push(
        details(
          `${plural(unusedRules.length, "unused ignore entry", "unused ignore entries")}: matched nothing (candidates for removal)`,
          shown.map((rule) => `- ${ruleLine(rule, "active")}`).join("\n")
        )
      );
    }
    return out;
  }
  warnings() {
    const { warnings } = this.report;
    if (warnings.length === 0) return [];
    return [["**\u26A0\uFE0F Warnings**", "", ...warnings.map((w) => `- ${escapeInline(w, 500)}`)].join("\n")];
  }
  truncationNotice(what) {
    const summary = safeUrl(this.opts.summaryUrl);
    const where = summary ? link("the job summary", summary) : "the job summary of this workflow run";
    return `> [!NOTE]
> ${what} did not fit into this comment (GitHub's size limit). The full report is in ${where} and in the \`report\` output.`;
  }
  footer() {
    const { report } = this;
    const parts = [`${escapeMarkdown(report.tool.name)} ${escapeMarkdown(report.tool.version)}`];
    if (report.createdAt) parts.push(escapeMarkdown(report.createdAt));
    const db = report.vulnerabilityDb;
    if (db)
      parts.push(
        `vulnerability DB ${Number(db.ageHours)} h old (max-db-age ${Number(db.maxAgeHours)} h)`
      );
    const summary = safeUrl(this.opts.summaryUrl);
    if (summary) parts.push(link("job summary", summary));
    const line = `<sub>${parts.join(" \xB7 ")}</sub>`;
    return this.opts.marker ? `${line}

${this.opts.marker}` : line;
  }
};
var LazyRows = class {
  constructor(length, renderRow) {
    this.length = length;
    this.renderRow = renderRow;
  }
  length;
  renderRow;
  rows = [];
  /** `sizes[i]`: UTF-8 bytes of rows 0..i-1, each with its line break. */
  sizes = [0];
  fill(count) {
    const n = Math.min(Math.max(0, count), this.length);
    for (let i = this.rows.length; i < n; i++) {
      const row2 = this.renderRow(i);
      this.rows.push(row2);
      this.sizes.push((this.sizes[i] ?? 0) + size(row2) + 1);
    }
    return n;
  }
  /** The first `count` rows (fewer when the list is shorter). */
  first(count) {
    return this.rows.slice(0, this.fill(count));
  }
  /** Bytes of the first `count` rows, line breaks included. */
  bytes(count) {
    return this.sizes[this.fill(count)] ?? 0;
  }
};
var prepared = /* @__PURE__ */ new WeakMap();
function preparedImage(report) {
  const hit = prepared.get(report);
  if (hit && hit.findings === report.findings && hit.length === report.findings.length && hit.comparison === report.comparison)
    return hit.image;
  const image = prepareImage(report);
  prepared.set(report, {
    findings: report.findings,
    length: report.findings.length,
    comparison: report.comparison,
    image
  });
  return image;
}
function prepareImage(report) {
  const sorted = inEvaluatorOrder(report.findings) ? [...report.findings] : [...report.findings].sort((a, b) => compareFindings$1(a.finding, b.finding));
  const introducedKeys = new Set(report.comparison?.introduced ?? []);
  const counted = sorted.filter(isCounted);
  const ignored = sorted.filter((e) => !isCounted(e));
  const introduced = dedupeByKey(
    [...counted, ...ignored].filter((e) => introducedKeys.has(e.finding.key)).map((e) => e.finding)
  );
  const apart = distinguishers(
    sorted.map((e) => e.finding),
    (p) => shortPath(p)
  );
  const fixed = [...report.comparison?.fixed ?? []].sort(compareFindings$1);
  const fixedApart = distinguishers(fixed, (p) => shortPath(p));
  let fixableCount = 0;
  for (const e of counted) if (isFixable(e.finding)) fixableCount++;
  const listRows = (list, row2) => new LazyRows(list.length, (i) => row2(list[i]));
  const platform = platformCell(report);
  return {
    report,
    counted,
    ignored,
    introduced,
    introducedKeys,
    fixed,
    fixableCount,
    ...platform ? { platform } : {},
    countedRows: listRows(
      counted,
      (e) => findingRow(e.finding, e, introducedKeys.has(e.finding.key), apart, platform)
    ),
    ignoredRows: listRows(ignored, (e) => findingRow(e.finding, e, false, apart, platform)),
    introducedRows: listRows(introduced, (f) => findingRow(f, void 0, false, apart, platform)),
    // Fixed findings are the baseline's: they carry no platforms of this run.
    fixedRows: listRows(
      fixed,
      (f) => findingRow(f, void 0, false, fixedApart, platform && (() => ""))
    )
  };
}
function dedupeByKey(findings) {
  const seen = /* @__PURE__ */ new Set();
  return findings.filter((f) => {
    if (seen.has(f.key)) return false;
    seen.add(f.key);
    return true;
  });
}
function num(n, bold = false) {
  const text = formatCount(n);
  return bold && n > 0 ? `**${text}**` : text;
}
function imageLabel(r) {
  const digest = r.digest ? ` ${code(shortDigest(r.digest))}` : "";
  return `${code(r.image, 300)}${digest}`;
}
function baselineLabel(c) {
  const s = c.source;
  if (s.kind === "image") {
    return `image ${code(s.image, 300)} (${s.digest ? `digest ${code(s.digest)}` : "digest not reported by Trivy"})`;
  }
  return `report ${code(s.path, 300)} (SHA-256 ${code(s.sha256)})`;
}
function notScannedSection(u) {
  return `#### \u274C ${code(u.image, 300)}: not scanned

Nothing was measured for this image, so it has no counts (not even 0). Why: ${escapeInline(u.reason, 500)}`;
}
function shortDigest(digest) {
  const [algo, hex] = digest.split(":");
  return hex ? `${algo}:${hex.slice(0, 12)}` : digest.slice(0, 19);
}
var FIX_FIRST_SHOWN = 5;
function fixFirstSection(r) {
  const plan = r.fixFirst;
  if (!plan || plan.upgrades.length === 0 && plan.noFixTotal === 0) return "";
  const lines = ["**Fix first** (package upgrades, by the findings each removes):"];
  for (const u of plan.upgrades.slice(0, FIX_FIRST_SHOWN))
    lines.push(`- ${escapeMarkdown(describeUpgrade(u))}`);
  const more = plan.upgrades.length - FIX_FIRST_SHOWN;
  if (more > 0) lines.push(`- \u2026and ${plural(more, "more upgrade")} (all in the JSON report)`);
  if (plan.noFixTotal > 0) {
    const parts = SEVERITIES.filter((s) => plan.noFix[s] > 0).map(
      (s) => `${plan.noFix[s]} ${s.toLowerCase()}`
    );
    lines.push(
      `- No fix available yet: ${plural(plan.noFixTotal, "finding")} (${parts.join(", ")})`
    );
  }
  return lines.join("\n");
}
function severityBreakdown(findings) {
  if (findings.length === 0) return "";
  const counts = /* @__PURE__ */ new Map();
  for (const f of findings) counts.set(f.severity, (counts.get(f.severity) ?? 0) + 1);
  const parts = SEVERITIES.filter((s) => counts.has(s)).map(
    (s) => `${counts.get(s)} ${s.toLowerCase()}`
  );
  return ` (${parts.join(", ")})`;
}
function baseImageConcern(r) {
  const b = r.baseImage;
  if (!b) return void 0;
  const name = b.base?.name ?? b.os;
  const subject = name ? `base ${name}` : "image";
  if (b.runsAsRoot === true) return `${subject} runs as root`;
  if (b.violations.length > 0 && b.violations[0]) return `${subject}: ${b.violations[0].message}`;
  if (b.base && !b.base.minimal) return `${subject} is not minimal`;
  return void 0;
}
var FINDING_HEADER = ["Severity", "ID", "Package / location", "Installed", "Fixed in", "Title"];
function findingTable(rows2, omittedRows, withReason = false, withPlatform = false) {
  const header = [
    ...FINDING_HEADER,
    ...withPlatform ? [PLATFORM_HEADER] : [],
    ...withReason ? ["Ignored because"] : []
  ];
  const lines = [tableRow(header), tableRow(header.map(() => "---")), ...rows2];
  if (omittedRows > 0) {
    lines.push("", `_\u2026and ${plural(omittedRows, "more row")} left out to fit the size limit._`);
  }
  return lines.join("\n");
}
function findingRow(f, evaluated, isNew, apart = /* @__PURE__ */ new Map(), platform) {
  const id = `${link(escapeMarkdown(f.id), f.url)}${isNew ? " \u{1F195}" : ""}`;
  const [where, installed, fixed] = locationCells(f);
  const tellApart = apart.get(f);
  const cells = [
    SEVERITY_LABEL[f.severity],
    id,
    tellApart ? `${f.kind === "vulnerability" ? code(f.pkgName) : where}<br>${tellApart.map((p) => code(p, 300)).join("<br>")}` : where,
    installed,
    fixed,
    escapeInline(f.title ?? "", 90)
  ];
  if (platform) cells.push(platform(f));
  if (evaluated?.ignored) cells.push(ignoreReason(evaluated));
  return tableRow(cells);
}
function locationCells(f) {
  switch (f.kind) {
    case "vulnerability": {
      const where = f.pkgPath ? `${code(f.pkgName)}<br>${code(shortPath(f.pkgPath))}` : code(f.pkgName);
      const fixed = f.fixedVersion ? code(f.fixedVersion, 120) : `_no fix${f.status && f.status !== "affected" ? ` (${escapeMarkdown(f.status.replace(/_/g, " "))})` : ""}_`;
      return [where, code(f.installedVersion), fixed];
    }
    case "secret":
      return [`${code(f.target)}${lineSuffix(f.startLine, f.endLine)}`, "", "_rotate the secret_"];
    case "misconfiguration":
      return [
        `${code(f.target)}${lineSuffix(f.startLine, f.endLine)}`,
        "",
        f.resolution ? escapeInline(f.resolution, 120) : ""
      ];
  }
}
var SURROGATE = /[\uD800-\uDFFF]/;
function shortPath(path, max = 48) {
  if (path.length <= max) return path;
  if (!SURROGATE.test(path)) return `\u2026${path.slice(path.length - max + 1)}`;
  const chars = [...path];
  return chars.length <= max ? path : `\u2026${chars.slice(chars.length - max + 1).join("")}`;
}
function lineSuffix(start, end) {
  if (!start) return "";
  return end && end !== start ? ` lines ${start}\u2013${end}` : ` line ${start}`;
}
function ignoreReason(e) {
  const reason = e.ignored;
  if (!reason) return "";
  if (reason.by === "unfixed") return "no fix yet (`ignore-unfixed`)";
  const rule = reason.rule;
  const parts = [code(rule.source)];
  if (rule.expiresAt) parts.push(`until ${escapeMarkdown(rule.expiresAt)}`);
  if (rule.statement) parts.push(escapeInline(rule.statement, 100));
  return parts.join(" \xB7 ");
}
function ruleLine(rule, state) {
  const parts = [code(rule.id), `in ${code(rule.source)}`];
  if (rule.expiresAt) {
    parts.push(`${state === "expired" ? "expired" : "expires"} ${escapeMarkdown(rule.expiresAt)}`);
  }
  if (rule.paths?.length) parts.push(`paths ${rule.paths.map((p) => code(p, 120)).join(", ")}`);
  if (rule.purls?.length) parts.push(`purls ${rule.purls.map((p) => code(p, 120)).join(", ")}`);
  if (rule.statement) parts.push(escapeInline(rule.statement, 200));
  return parts.join(" \xB7 ");
}
function baseImageSection(r) {
  const b = r.baseImage;
  if (!b) return "";
  const unknown = (what) => `_unknown (${escapeMarkdown(what)})_`;
  const source = b.source === "registry" ? "read from the image" : "the Trivy report only";
  const rows2 = [];
  if (b.base) {
    const how = {
      annotation: "OCI annotation",
      label: "label",
      dockerfile: "Dockerfile",
      inferred: "inferred"
    }[b.base.how];
    const name = b.base.name ? code(b.base.name) : "_unnamed_";
    const digest = b.base.digest ? ` ${code(shortDigest(b.base.digest))}` : "";
    rows2.push([
      "Base",
      `${name}${digest} (${how}) ${b.base.minimal ? "\u2705 minimal" : "\u26A0\uFE0F not minimal"}`
    ]);
  } else {
    rows2.push(["Base", unknown(`not recorded in the image; ${source}`)]);
  }
  if (b.os) rows2.push(["OS", code(b.os)]);
  if (r.os?.eosl) rows2.push(["OS support", "\u274C end of life: no more security fixes"]);
  if (b.packages !== void 0) rows2.push(["Packages", num(b.packages)]);
  rows2.push(["Shell", yesNo(b.shell, "present", "none", source)]);
  rows2.push([
    "Package manager",
    b.packageManager === null ? unknown(source) : b.packageManager === false ? "none" : code(b.packageManager)
  ]);
  rows2.push([
    "User",
    b.runsAsRoot === null ? unknown(source) : b.runsAsRoot ? `\u26A0\uFE0F root${b.user ? ` (${code(b.user)})` : ""}` : code(b.user ?? "non-root")
  ]);
  if (b.compressedSize !== void 0) rows2.push(["Compressed size", formatBytes(b.compressedSize)]);
  if (b.layers !== void 0) rows2.push(["Layers", num(b.layers)]);
  const out = [
    `**Base image** (${b.mode === "enforce" ? "enforced" : "warnings only"}; ${source})`,
    table(["", ""], rows2)
  ];
  if (b.violations.length > 0) {
    const icon = b.mode === "enforce" ? "\u274C" : "\u26A0\uFE0F";
    out.push(
      b.violations.map((v) => `- ${icon} ${code(v.rule)}: ${escapeInline(v.message, 300)}`).join("\n")
    );
  }
  if (b.recommendation) out.push(`\u{1F4A1} **Recommendation**: ${escapeInline(b.recommendation, 500)}`);
  if (b.unknown.length > 0) {
    out.push(
      `<sub>Could not be determined (${source}): ${b.unknown.map((u) => escapeMarkdown(u)).join(", ")}.</sub>`
    );
  }
  return out.join("\n\n");
}
function yesNo(value, yes, no, source) {
  if (value === null) return `_unknown (${escapeMarkdown(source)})_`;
  return value ? `\u26A0\uFE0F ${yes}` : no;
}
function signingSection(r) {
  const s = r.signing;
  if (!s) return "";
  const rows2 = [];
  for (const sig of s.signatures)
    rows2.push(["Signature", escapeMarkdown(sig.format), code(sig.reference, 300)]);
  for (const att of s.attestations) {
    rows2.push([
      `Attestation ${code(att.predicateType, 120)}`,
      escapeMarkdown(att.format),
      code(att.reference, 300)
    ]);
  }
  if (s.sbom) rows2.push(["SBOM", "", code(s.sbom, 300)]);
  if (s.transparencyLog) {
    const tlog = safeUrl(s.transparencyLog);
    rows2.push([
      "Transparency log",
      "",
      tlog ? link(escapeMarkdown(s.transparencyLog), tlog) : code(s.transparencyLog)
    ]);
  }
  const pushed = s.signatures.length + s.attestations.length;
  const state = pushed === 0 ? "\u274C **Not signed**" : s.signatures.length === 0 ? "\u26A0\uFE0F **Partly signed**" : "**Signed**";
  const head = `${state} ${code(shortDigest(s.digest))}: ${plural(s.signatures.length, "signature")}, ${plural(s.attestations.length, "attestation")}`;
  return rows2.length > 0 ? `${head}

${table(["What", "Format", "Reference"], rows2)}` : head;
}

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
  writeBytes(fd, Buffer.from(text, "utf8"), written);
}
function writeBytes(fd, bytes, at = 0, end = bytes.length) {
  while (at < end) at += writeSync(fd, bytes, at, end - at);
}
function batchesTo(fd) {
  const batch = Buffer.allocUnsafe(BATCH);
  let used = 0;
  const flush = () => {
    writeBytes(fd, batch, 0, used);
    used = 0;
  };
  return {
    emit(piece) {
      if (piece.length * 3 > BATCH - used) {
        flush();
        if (piece.length * 3 > BATCH) {
          writeAll(fd, piece);
          return;
        }
      }
      used += batch.write(piece, used, "utf8");
    },
    end() {
      if (used + 1 > BATCH) flush();
      batch[used++] = 10;
      flush();
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
    report = await readTrivyReport(jsonPath, { all: opts.readAll === true });
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
var SEVERITY_NUMBER = {
  CRITICAL: 9.5,
  HIGH: 8,
  MEDIUM: 5.5,
  LOW: 2,
  UNKNOWN: 0
};
function sarifLevel(severity) {
  return RANK[severity] >= 3 ? "error" : severity === "MEDIUM" ? "warning" : "note";
}
function scoreOf(severity, cvss, source) {
  const v3 = source ? cvss?.[source]?.V3Score : void 0;
  return typeof v3 === "number" && Number.isFinite(v3) && v3 > 0 && v3 <= 10 ? v3 : SEVERITY_NUMBER[severity];
}
function ruleFactsOf(report) {
  const facts = /* @__PURE__ */ new Map();
  const scores = /* @__PURE__ */ new Map();
  const add = (id, kind, severity, score, url, title, pkg) => {
    const had = facts.get(id);
    if (!had) {
      const created = {
        kind,
        severity,
        score: "",
        ...url ? { url } : {},
        ...title ? { title } : {},
        packages: pkg ? [pkg] : []
      };
      facts.set(id, created);
      scores.set(created, score);
      return;
    }
    const rank = RANK[severity];
    if (rank > RANK[had.severity] || rank === RANK[had.severity] && score > scores.get(had)) {
      had.severity = severity;
      scores.set(had, score);
    }
    had.url ??= url;
    had.title ??= title;
    if (pkg) had.packages.push(pkg);
  };
  for (const result of report.Results ?? []) {
    for (const v of result.Vulnerabilities ?? []) {
      add(
        v.VulnerabilityID,
        "vulnerability",
        v.Severity,
        scoreOf(v.Severity, v.CVSS, v.SeveritySource),
        v.PrimaryURL || void 0,
        v.Title || void 0,
        v.FixedVersion ? { name: v.PkgName, installed: v.InstalledVersion, fixed: v.FixedVersion } : { name: v.PkgName, installed: v.InstalledVersion }
      );
    }
    for (const s of result.Secrets ?? []) {
      add(
        s.RuleID,
        "secret",
        s.Severity,
        SEVERITY_NUMBER[s.Severity],
        void 0,
        s.Title || void 0
      );
    }
    for (const m of result.Misconfigurations ?? []) {
      const id = m.ID ?? m.AVDID;
      if (!id) continue;
      add(
        id,
        "misconfiguration",
        m.Severity,
        SEVERITY_NUMBER[m.Severity],
        m.PrimaryURL || void 0,
        m.Title || void 0
      );
    }
  }
  for (const [rule, score] of scores) rule.score = score.toFixed(1);
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
  if (level) result.level = level;
  result.locations = opts.location && facts?.kind === "vulnerability" ? [dockerfileLocation(opts.location, locations[0], opts.image)] : locations.map(withValidUri);
  return result;
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
      ...vexFiles.length ? { vex: vexFiles.map((f) => f.path) } : {},
      ...readsWhole(req) ? { readAll: true } : {}
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
    const report = await readTrivyReport(req.reportFile, { all: readsWhole(req) });
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
function readsWhole(req) {
  return req.sarifPath !== void 0 && (req.ignoreUnfixed || req.ignoreFile !== void 0 || (req.ignoreRules?.length ?? 0) > 0);
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
        const whole = holdsEverything(report) ? report : await readWhole(input);
        judged = filterReport(whole, (f) => ignored.has(exactIdentity(f)));
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
async function readWhole(path) {
  if (!path) throw new Error("internal: a report read in part has no file to read whole");
  return readTrivyReport(path, { all: true });
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
    ...req.ignoreFile ? await (await import('./chunk-C4TFLsFj.js')).readIgnoreFile(req.ignoreFile) : [],
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

createRequire(import.meta.url);

// src/settings/record.ts
function settingsRecord(settings) {
  const values = {};
  const tables = [
    [SCAN_SPEC, settings.scan],
    [COMMENT_SPEC, settings.comment]
  ];
  for (const [spec, resolved] of tables) {
    for (const [field, row] of Object.entries(spec)) {
      const setting = resolved[field];
      if (!row.policy || !setting) continue;
      values[row.key] = { value: setting.value ?? null, from: shortOrigin(setting.origin) };
    }
  }
  return settings.policy ? { policy: settings.policy, values } : { values };
}
function shown(value) {
  if (value === null || value === void 0) return "_none_";
  if (Array.isArray(value))
    return value.length ? value.map((v) => code(String(v))).join(", ") : "_none_";
  return code(String(value));
}
function settingsMarkdown(record) {
  const rows = Object.entries(record.values).map(([key, { value, from }]) => [
    code(key),
    shown(value),
    escapeInline(from.replace(/`/g, ""))
  ]);
  const policy = record.policy ? `Policy file ${code(record.policy.file)}${record.policy.sha256 ? ` (sha256 ${code(record.policy.sha256)})` : ""}.

` : "";
  return details(
    "Settings and where they came from",
    `${policy}${table(["Setting", "Value", "From"], rows)}`
  );
}

export { COMMENT_MAX_LENGTH as C, LONG_ARRAY as L, SUMMARY_MAX_LENGTH as S, VERSION as V, renderReportMarkdown as a, settingsRecord as b, runPipeline as c, durationMs as d, commentKeys as e, writeJsonFile as f, commentMarker as g, withMarker as h, imageReport as i, resolveOwnAuthor as j, endsWithMarker as k, checkOwnComment as l, markerKey as m, isBlocking as n, encodeMarkerKey as o, platformsText as p, describeUpgrade as q, renderAtDepth as r, settingsMarkdown as s, distinguishers as t, platformCell as u, writeJsonFilePausing as w };
