/**
 * The policy file (`.github/shipgate.yml`): what the settings layer imports. See docs/policy-file.md.
 *
 * - `loadPolicy(opts)` → the effective policy (values, SHA-256, source chain, lines, locks,
 *   exception hygiene), and on pull requests the diff of the pull request's own policy.
 * - `policyEntries(policy)` → one entry per value the file sets, with the action input it maps to
 *   and the raw string the input's parser takes, so one parser serves inputs, flags and the file.
 * - `policy.mayOverride(input, value?)` → may an input or flag change this value?
 */
import type { LoadedPolicy } from './load.js'
import { POLICY_KEY_NAMES, type PolicyKey } from './schema.js'

export { canonicalPolicy, effectivePolicyDocument, policySha256 } from './canonical.js'
export { compareKey, type Direction, type KeyChange, POLICY_DEFAULTS } from './compare.js'
export { ContentsError, type ContentsReader, octokitContentsReader } from './contents.js'
export { type PolicyDiff, policyDiff } from './diff.js'
export { PolicyFileError, PolicyLockError } from './errors.js'
export { PolicyEventError, pullRequestContext } from './event.js'
export {
  type ExceptionEntry,
  type ExceptionStatus,
  exceptionStatus,
  toIgnoreRules,
} from './exceptions.js'
export { type PolicyLayerData, policyLayer } from './layer.js'
export {
  type LoadedPolicy,
  type LoadPolicyOptions,
  loadPolicy,
  type PolicyChange,
  type PolicyLoad,
  type PolicySource,
  type PullRequestContext,
} from './load.js'
export {
  DEFAULT_POLICY_PATH,
  describeLocation,
  type PolicyLocation,
  parsePolicyLocation,
} from './location.js'
export { type MergedPolicy, mergePolicies, type Place } from './merge.js'
export { type ParsedPolicy, parsePolicy } from './parse.js'
export { type PolicyReport, policyReport, renderPolicyMarkdown } from './render.js'
export {
  POLICY_KEY_NAMES,
  type PolicyException,
  type PolicyFile,
  type PolicyKey,
  type PolicyValues,
  policyJsonSchema,
  policyValuesSchema,
} from './schema.js'

export interface PolicyEntry {
  key: PolicyKey
  /** The action input (and CLI flag `--<input>`) that sets the same value: the key itself. */
  input: string
  value: unknown
  /** The value as the input's parser takes it: lists one per line, booleans true/false. */
  raw: string
  file: string
  line?: number
  locked: boolean
  /** The label for a parser's error: ``.github/shipgate.yml:7 `fail-on` ``. */
  label: string
}

function rawOf(value: unknown): string {
  if (Array.isArray(value)) return value.map(String).join('\n')
  return String(value)
}

/** Values the file sets that map onto an action input (exceptions and VEX are handed over whole). */
export function policyEntries(policy: LoadedPolicy): PolicyEntry[] {
  const out: PolicyEntry[] = []
  for (const key of POLICY_KEY_NAMES) {
    const value = policy.values[key]
    if (value === undefined || key === 'exceptions') continue
    const origin = policy.origins.get(key)
    const file = origin?.file ?? policy.source.file
    out.push({
      key,
      input: key,
      value,
      raw: rawOf(value),
      file,
      line: origin?.line,
      locked: policy.locks.has(key),
      label: `${file}${origin?.line ? `:${origin.line}` : ''} \`${key}\``,
    })
  }
  return out
}
