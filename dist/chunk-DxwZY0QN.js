import { createRequire } from 'node:module';
import { p as parsePolicy, m as mergePolicies, e as exceptionStatus, a as policySha256, l as loadPolicy, b as policyLayer } from './chunk-Z80mrRfr.js';
import { F as policyReport } from './chunk-CxTsKb1n.js';
import { ac as POLICY_SPEC, ad as POLICY_ALLOW_MUTABLE_SPEC, ae as originName } from './chunk-BfsmuvnE.js';

createRequire(import.meta.url);

// src/settings/policy-file.ts
function toLayer(policy, report, file) {
  if (!policy) return { file, values: {}, sha256: "", report, ignoreRules: [], warnings: [] };
  const layer = policyLayer(policy);
  return {
    file: layer.file,
    values: layer.values,
    sha256: layer.sha256,
    report,
    ignoreRules: layer.ignoreRules,
    warnings: []
  };
}
function parsePolicyFile(text, file, now = /* @__PURE__ */ new Date()) {
  const parsed = parsePolicy(text, file);
  const merged = mergePolicies([parsed]);
  const locked = [...merged.locks.keys()];
  const warnExpiryDays = parsed.values["warn-expiry-days"] ?? 14;
  const policy = {
    values: merged.values,
    sha256: policySha256(merged.values, locked),
    source: { file, location: { kind: "file", path: file } },
    origins: merged.origins,
    locks: merged.locks,
    exceptions: exceptionStatus(
      (merged.values.exceptions ?? []).map((e, i) => ({
        ...e,
        source: `${file}:${parsed.lines.get(`exceptions.${i}`) ?? 1}`
      })),
      now,
      warnExpiryDays
    )};
  return toLayer(policy, void 0, file);
}
async function policyFileOf(source, context) {
  const origin = source.originOf(POLICY_SPEC);
  const raw = (origin ? source.read(POLICY_SPEC) : void 0) ?? "";
  const mutableOrigin = source.originOf(POLICY_ALLOW_MUTABLE_SPEC);
  const mutableRaw = mutableOrigin ? source.read(POLICY_ALLOW_MUTABLE_SPEC) : void 0;
  const allowMutable = mutableRaw && mutableOrigin ? POLICY_ALLOW_MUTABLE_SPEC.parse(mutableRaw, mutableOrigin) : false;
  const load = await loadPolicy({
    policy: raw,
    label: origin ? originName(origin) : "policy",
    allowMutable,
    workspace: context.workspace,
    contents: context.contents,
    pullRequest: context.pullRequest,
    now: context.now
  });
  if (!load.policy && !load.change) return void 0;
  const layer = toLayer(load.policy, policyReport(load), load.change?.headFile ?? raw);
  layer.warnings = load.warnings;
  return layer;
}

export { policyFileOf as a, parsePolicyFile as p };
