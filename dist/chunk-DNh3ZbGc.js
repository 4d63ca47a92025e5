import { createRequire } from 'node:module';
import { c as code, e as escapeInline } from './chunk-CYDM28oy.js';

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

export { policyReport as p, renderPolicyMarkdown as r };
