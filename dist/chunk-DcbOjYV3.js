import { createRequire } from 'node:module';
import { S as SEVERITIES, af as scopeOf, w as scopeHas, Q as formatBytes, ag as severityRank, ah as emptyCounts } from './chunk-bWY20X0p.js';
import { r as renderPolicyMarkdown } from './chunk-DNh3ZbGc.js';
import { p as plural, a as escapeMarkdown, s as safeUrl, l as link, t as table, d as details, e as escapeInline, c as code, b as tableRow, f as formatCount } from './chunk-CYDM28oy.js';

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
function compareFindings(a, b) {
  const bySeverity = severityRank(a.severity) - severityRank(b.severity);
  if (bySeverity) return bySeverity;
  const fixA = a.kind === "vulnerability" && a.fixable ? 0 : 1;
  const fixB = b.kind === "vulnerability" && b.fixable ? 0 : 1;
  if (fixA !== fixB) return fixA - fixB;
  const scoreA = a.kind === "vulnerability" ? a.cvssScore ?? -1 : -1;
  const scoreB = b.kind === "vulnerability" ? b.cvssScore ?? -1 : -1;
  if (scoreA !== scoreB) return scoreB - scoreA;
  return collate(a.id, b.id) || collate(a.key, b.key);
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
var ZERO = Object.fromEntries(SEVERITIES.map((s) => [s, 0]));
var zero = () => ({ ...ZERO });
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
  for (const { finding, ignored } of findings) {
    if (ignored || finding.kind !== "vulnerability") continue;
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
    const group = named.find(
      (g) => g.target === finding.target && g.pkgPath === pkgPath && g.installed === finding.installedVersion
    );
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
  const ranked = [];
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
      exact = near !== void 0 && pick !== void 0;
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
      exact = allNear && to !== void 0;
      to ??= [...fixedSet].join(", ");
      fixedIn = [...fixedSet].sort(compareVersions);
      ids = [...idSet].sort();
    }
    const upgrade = {
      pkgName: first.pkgName,
      target: first.target,
      ...first.pkgPath ? { pkgPath: first.pkgPath } : {},
      from: first.installedVersion,
      to,
      exact,
      fixedIn,
      removes,
      total: list.length,
      ids
    };
    ranked.push({
      upgrade,
      rank: [
        removes.CRITICAL,
        removes.HIGH,
        removes.MEDIUM,
        removes.LOW,
        removes.UNKNOWN,
        upgrade.total
      ]
    });
  }
  ranked.sort((a, b) => {
    const x = a.rank;
    const y = b.rank;
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return y[i] - x[i];
    const p = a.upgrade.pkgName;
    const q = b.upgrade.pkgName;
    return p < q ? -1 : p > q ? 1 : 0;
  });
  return { upgrades: ranked.map((r) => r.upgrade), noFix, noFixTotal };
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
  const sorted = [...report.findings].sort((a, b) => compareFindings(a.finding, b.finding));
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
  const fixed = [...report.comparison?.fixed ?? []].sort(compareFindings);
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

export { COMMENT_MAX_LENGTH as C, SUMMARY_MAX_LENGTH as S, renderReportMarkdown as a, isBlocking as b, fixFirst as c, describeUpgrade as d, evaluate as e, finalVerdict as f, distinguishers as g, platformCell as h, imageReport as i, platformsText as p, renderAtDepth as r, setAside as s };
