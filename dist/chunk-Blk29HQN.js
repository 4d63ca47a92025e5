import { createRequire } from 'node:module';
import { d as parseWatchedImages, M as MODE_SPEC, R as RESCAN_SPEC, S as SCAN_SPEC, e as scopeHas, C as COMMENT_SPEC, b as VERIFY_SPEC } from './chunk-D_xoMOi_.js';
import { o as originName, I as InputError } from './chunk-BAQxG8PF.js';

createRequire(import.meta.url);

// src/settings/resolve.ts
function actionSource(get) {
  return {
    kind: "action",
    originOf: (spec) => ({ kind: "input", name: spec.key }),
    read: (spec) => get(spec.key)
  };
}
function cliSource(flags) {
  return {
    kind: "cli",
    originOf: (spec) => spec.flag ? { kind: "flag", name: spec.flag } : void 0,
    read: (spec) => spec.flag ? flags[spec.flag] : void 0
  };
}
function resolveOne(spec, ctx) {
  const { source, policy } = ctx;
  const origin = source.originOf(spec);
  const given = origin ? source.read(spec) : void 0;
  const policyKey = spec.policyKey ?? spec.key;
  const fromFile = spec.policy ? policy?.values[policyKey] : void 0;
  if (policy && fromFile && (fromFile.locked || !given)) {
    const file = fromFile.file ?? policy.file;
    const at = { kind: "policy", file, key: policyKey, line: fromFile.line };
    if (fromFile.locked && given && origin) {
      ctx.notes.push(
        `${file} locks \`${policyKey}\`, so the value given to \`${originName(origin)}\` is not used.`
      );
    }
    return { value: spec.parse(fromFile.raw, at), origin: at };
  }
  if (given && origin) return { value: spec.parse(given, origin), origin };
  return { value: spec.default, origin: { kind: "default" } };
}
function resolveTable(table, ctx) {
  const out = {};
  for (const [field, spec] of Object.entries(table)) out[field] = resolveOne(spec, ctx);
  return out;
}
function named(source, spec) {
  const origin = source.originOf(spec);
  return `\`${origin ? originName(origin) : spec.key}\``;
}
function blame(setting, spec, source) {
  if (setting.origin.kind !== "default") return setting.origin;
  return source.originOf(spec) ?? { kind: "input", name: spec.key };
}
function checkScan(scan, source) {
  const n = (s) => named(source, s);
  const images = scan.images.value;
  const report = scan.trivyReport.value;
  if (!images.length && !report) {
    throw new InputError(
      blame(scan.images, SCAN_SPEC.images, source),
      source.kind === "cli" ? "nothing to scan: give one or more images, or --report FILE with an existing Trivy JSON report." : "nothing to scan. Set `image` to one or more image references (newline separated), or `trivy-report` to an existing Trivy JSON report."
    );
  }
  if (report && images.length > 1) {
    throw new InputError(
      blame(scan.trivyReport, SCAN_SPEC.trivyReport, source),
      `a report describes one image, but ${n(SCAN_SPEC.images)} lists ${images.length}. Give one image (or none) with ${n(SCAN_SPEC.trivyReport)}.`
    );
  }
  const compareTo = scan.compareTo.value;
  const baselineCount = report ? 1 : images.length;
  if (compareTo.length > 1 && compareTo.length !== baselineCount) {
    throw new InputError(
      blame(scan.compareTo, SCAN_SPEC.compareTo, source),
      `lists ${compareTo.length} baselines for ${baselineCount} image(s); give one baseline per image, in the same order, or a single one.`
    );
  }
  if (scopeHas(scan.failOnScope.value, "new") && !compareTo.length) {
    throw new InputError(
      blame(scan.failOnScope, SCAN_SPEC.failOnScope, source),
      `\`${scan.failOnScope.value}\` gates only on findings the change introduces, which needs a baseline: set ${n(SCAN_SPEC.compareTo)} to the base branch image or an earlier report.`
    );
  }
}
function resolveSettings(source, policy, command) {
  const ctx = { source, policy, notes: [...policy?.warnings ?? []] };
  const mode = command ?? resolveOne(MODE_SPEC, ctx).value;
  const applied = policy?.sha256 ? { file: policy.file, sha256: policy.sha256 } : void 0;
  const common = {
    policy: applied,
    policyReport: policy?.report,
    exceptions: policy?.ignoreRules ?? []
  };
  if (mode === "verify") {
    return { mode, verify: resolveTable(VERIFY_SPEC, ctx), notes: ctx.notes, ...common };
  }
  if (mode === "rescan") {
    if (policy?.values.vex?.raw)
      ctx.notes.push(
        `${policy.values.vex.file ?? policy.file} lists VEX documents, but mode: rescan does not apply VEX: the findings they mark count.`
      );
    const rescan = resolveTable(RESCAN_SPEC, ctx);
    parseWatchedImages(rescan.images.value, blame(rescan.images, RESCAN_SPEC.images, source));
    return { mode, rescan, notes: ctx.notes, ...common };
  }
  const scan = resolveTable(SCAN_SPEC, ctx);
  checkScan(scan, source);
  const comment = resolveTable(COMMENT_SPEC, ctx);
  return { mode, scan, comment, notes: ctx.notes, ...common };
}
function valuesOf(settings) {
  return Object.fromEntries(Object.entries(settings).map(([k, s]) => [k, s.value]));
}

export { actionSource as a, cliSource as c, resolveSettings as r, valuesOf as v };
