import { createRequire } from 'node:module';

createRequire(import.meta.url);

// src/render/markdown.ts
var ZWSP = "\u200B";
var INLINE_SYNTAX = /[\\`*_[\]{}~|$]/g;
var LINE_START_SYNTAX = /^(\s*)([#+\-=>]|\d+[.)])/;
var CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
var NEWLINES = /\s*[\r\n\u2028\u2029]+\s*/g;
function escapeHtml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
function defuseAutolinks(text) {
  return text.replace(/:\/\//g, `${ZWSP}://`).replace(/(www)\./gi, `$1${ZWSP}.`).replace(/#(?=\d)/g, `#${ZWSP}`).replace(/(GH)-(?=\d)/gi, `$1-${ZWSP}`);
}
function defuseMentions(text) {
  return text.replace(/@/g, `@${ZWSP}`);
}
var IN_CODE = { insideCode: true };
var ACTED_ON_IN_CODE = (
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
  /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069&<>\\`*_[\]{}~|$]/
);
var ACTED_ON = (
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
  /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069&<>\\`*_[\]{}~|$@]|:\/\/|www\.|#\d|gh-\d|^\s*(?:[#+\-=>]|\d+[.)])/i
);
function actedOn(text, options) {
  return (options.insideCode ? ACTED_ON_IN_CODE : ACTED_ON).test(text);
}
function escapeText(text, options = {}) {
  const value = String(text);
  return actedOn(value, options) ? escapeTextFully(value, options) : value;
}
function escapeTextFully(text, options = {}) {
  let out = String(text).replace(CONTROL, "").replace(NEWLINES, " ");
  out = escapeHtml(out).replace(INLINE_SYNTAX, (c) => `\\${c}`);
  if (options.insideCode) return out;
  out = defuseAutolinks(out);
  out = out.replace(
    LINE_START_SYNTAX,
    (_m, space, mark) => mark.length === 1 ? `${space}\\${mark}` : `${space}${mark.slice(0, -1)}\\${mark.slice(-1)}`
  );
  return defuseMentions(out);
}
function untouched(text, options) {
  return !actedOn(text, options) && text.trim().length === text.length;
}
function characters(text, max) {
  if (text.length <= max) return void 0;
  const chars = [...text];
  return chars.length > max ? chars : void 0;
}
function escapeMarkdown(text) {
  return escapeText(text);
}
function escapeInline(text, maxChars = 200) {
  const value = String(text);
  const clean = untouched(value, {});
  const flat = clean ? value : value.replace(CONTROL, "").replace(NEWLINES, " ").trim();
  const cut = characters(flat, maxChars);
  const short = cut ? `${cut.slice(0, maxChars - 1).join("").trimEnd()}\u2026` : flat;
  return clean ? short : escapeText(short);
}
function code(text, maxChars = 200) {
  const value = String(text);
  const clean = untouched(value, IN_CODE);
  const flat = clean ? value : value.replace(CONTROL, "").replace(NEWLINES, " ").trim();
  const cut = characters(flat, maxChars);
  const short = cut ? `${cut.slice(0, maxChars - 1).join("")}\u2026` : flat;
  if (short === "") return "";
  return `<code>${clean ? short : escapeText(short, IN_CODE)}</code>`;
}
var judgedUrls = /* @__PURE__ */ new Map();
function safeUrl(url) {
  if (!url) return void 0;
  if (judgedUrls.has(url)) return judgedUrls.get(url);
  if (judgedUrls.size >= 1e4) judgedUrls.clear();
  const safe = judgeUrl(url);
  judgedUrls.set(url, safe);
  return safe;
}
function judgeUrl(url) {
  let parsed;
  try {
    parsed = new URL(url.trim());
  } catch {
    return void 0;
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return void 0;
  if (parsed.username || parsed.password) return void 0;
  return parsed.href.replace(
    /[()<>|\s"'`\\]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
  );
}
function link(labelMarkdown, url) {
  const href = safeUrl(url);
  return href ? `[${labelMarkdown}](${href})` : labelMarkdown;
}
function table(header, rows, align) {
  const sep = header.map((_, i) => {
    const a = align?.[i] ?? "l";
    return a === "r" ? "---:" : a === "c" ? ":---:" : "---";
  });
  return [tableRow(header), tableRow(sep), ...rows.map(tableRow)].join("\n");
}
function tableRow(cells) {
  return `| ${cells.join(" | ")} |`;
}
function details(summaryMarkdown, body, open = false) {
  return `<details${open ? " open" : ""}><summary>${summaryMarkdown}</summary>

${body}

</details>`;
}
function formatCount(n) {
  if (!Number.isSafeInteger(n) || Object.is(n, -0)) return n.toLocaleString("en-US");
  const digits = String(Math.abs(n));
  let out = digits.slice(0, digits.length % 3 || 3);
  for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return n < 0 ? `-${out}` : out;
}
function plural(n, singular, pluralForm = `${singular}s`) {
  return `${formatCount(n)} ${n === 1 ? singular : pluralForm}`;
}

createRequire(import.meta.url);

// src/policy-file/render.ts
function brief(e) {
  return { id: e.id, expires: e.expires, reason: e.reason, source: e.source };
}
function policyReport(load) {
  const { policy, change } = load;
  if (!policy && !change) return void 0;
  return {
    source: policy?.source.file ?? "(none)",
    chain: policy?.chain.map((s) => s.file) ?? [],
    sha256: policy?.sha256 ?? "",
    effective: policy?.document ?? {},
    locked: policy ? [...policy.locks.keys()] : [],
    ...policy ? { warnExpiryDays: policy.warnExpiryDays } : {},
    exceptions: {
      expiring: policy?.exceptions.expiring.map((e) => ({ ...brief(e), daysLeft: e.daysLeft })) ?? [],
      expired: policy?.exceptions.expired.map(brief) ?? []
    },
    ...change ? {
      pullRequestChange: {
        file: change.headFile,
        summary: change.diff.summary,
        loosens: change.diff.loosens,
        tightens: change.diff.tightens,
        other: change.diff.other,
        ...change.headError ? { error: change.headError } : {}
      }
    } : {}
  };
}
var ARROW = { loosens: "\u{1F513} loosens", tightens: "\u{1F512} tightens", changes: "\u270F\uFE0F changes", same: "" };
function changeRow(c) {
  return `- ${ARROW[c.direction]} ${code(c.key)}: ${escapeInline(c.detail, 400)}`;
}
function renderPolicyMarkdown(report) {
  if (!report) return "";
  const out = [];
  const change = report.pullRequestChange;
  if (change) {
    out.push(
      `**This pull request changes the policy (${code(change.file)}).** The base branch's policy applies to this run; the new one applies only after merge.`
    );
    if (change.error)
      out.push(`> \u26A0\uFE0F After merge it would not load: ${escapeInline(change.error, 600)}`);
    const rows = [...change.loosens, ...change.tightens, ...change.other].map(changeRow);
    if (rows.length) out.push(rows.join("\n"));
  }
  if (report.sha256) {
    const chain = report.chain.length > 1 ? ` (extends ${report.chain.slice(0, -1).map((f) => code(f)).join(" \u2192 ")})` : "";
    out.push(
      `<sub>Policy ${code(report.source)}${chain}, SHA-256 ${code(report.sha256.slice(0, 16))}\u2026</sub>`
    );
  }
  return out.join("\n\n");
}

export { plural as a, escapeInline as b, code as c, details as d, escapeMarkdown as e, tableRow as f, formatCount as g, link as l, policyReport as p, renderPolicyMarkdown as r, safeUrl as s, table as t };
