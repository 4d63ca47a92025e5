import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);
import {
  loadPolicy,
  policyLayer
} from "./chunk-RIKDTA6Y.js";
import {
  policyReport
} from "./chunk-UU3YLW6D.js";
import {
  POLICY_ALLOW_MUTABLE_SPEC,
  POLICY_SPEC
} from "./chunk-5IT5MBEN.js";
import {
  originName
} from "./chunk-EQCGO5VS.js";

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

export {
  policyFileOf
};
