/**
 * The policy file (issue 12 §1) as the settings resolver takes it. Finding, reading, `extends:`,
 * locks, exception hygiene and the pull-request rule (the base commit's policy applies) live in
 * src/policy-file/; this module turns the result into the resolver's layer: per key the raw text
 * the spec's parsers read (so one parser serves inputs, flags and the file), where it came from,
 * and whether a file locks it.
 */

import { policySha256 } from '../policy-file/canonical.js'
import { exceptionStatus } from '../policy-file/exceptions.js'
import {
  type ContentsReader,
  type LoadedPolicy,
  loadPolicy,
  mergePolicies,
  type PolicyReport,
  type PullRequestContext,
  parsePolicy,
  policyLayer,
  policyReport,
} from '../policy-file/index.js'
import { originName } from './origin.js'
import type { PolicyLayer, SettingsSource } from './resolve.js'
import { POLICY_ALLOW_MUTABLE_SPEC, POLICY_SPEC } from './spec.js'

export interface PolicyFile extends PolicyLayer {
  sha256: string
}

/** Where the run's policy can be read from. */
export interface PolicyContext {
  /** The repository checkout (action) or the working directory (CLI). */
  workspace: string
  /** The GitHub contents API: central files, and the base commit on pull requests. */
  contents?: ContentsReader
  /** On pull_request(_target) events: the base commit, whose policy applies (an Error: none in the event). */
  pullRequest?: PullRequestContext | Error
  now: Date
}

function toLayer(
  policy: LoadedPolicy | undefined,
  report: PolicyReport | undefined,
  file: string,
): PolicyFile {
  if (!policy) return { file, values: {}, sha256: '', report, ignoreRules: [], warnings: [] }
  const layer = policyLayer(policy)
  return {
    file: layer.file,
    values: layer.values,
    sha256: layer.sha256,
    report,
    ignoreRules: layer.ignoreRules,
    warnings: [],
  }
}

/** One policy file's text, without `extends:` (tests, and `shipgate` on a single file). */
export function parsePolicyFile(text: string, file: string, now = new Date()): PolicyFile {
  const parsed = parsePolicy(text, file)
  const merged = mergePolicies([parsed])
  const locked = [...merged.locks.keys()]
  const warnExpiryDays = parsed.values['warn-expiry-days'] ?? 14
  const policy: LoadedPolicy = {
    values: merged.values,
    document: {},
    sha256: policySha256(merged.values, locked),
    source: { file, location: { kind: 'file', path: file } },
    chain: [{ file, location: { kind: 'file', path: file } }],
    origins: merged.origins,
    locks: merged.locks,
    exceptions: exceptionStatus(
      (merged.values.exceptions ?? []).map((e, i) => ({
        ...e,
        source: `${file}:${parsed.lines.get(`exceptions.${i}`) ?? 1}`,
      })),
      now,
      warnExpiryDays,
    ),
    warnExpiryDays,
    mayOverride: () => true,
    overrideRefusal: () => undefined,
  }
  return toLayer(policy, undefined, file)
}

/**
 * The policy the source points at (`policy` input, `--policy` flag, or .github/shipgate.yml),
 * resolved with what it extends; undefined when there is none.
 */
export async function policyFileOf(
  source: SettingsSource,
  context: PolicyContext,
): Promise<PolicyFile | undefined> {
  const origin = source.originOf(POLICY_SPEC)
  const raw = (origin ? source.read(POLICY_SPEC) : undefined) ?? ''
  const mutableOrigin = source.originOf(POLICY_ALLOW_MUTABLE_SPEC)
  const mutableRaw = mutableOrigin ? source.read(POLICY_ALLOW_MUTABLE_SPEC) : undefined
  const allowMutable =
    mutableRaw && mutableOrigin ? POLICY_ALLOW_MUTABLE_SPEC.parse(mutableRaw, mutableOrigin) : false
  const load = await loadPolicy({
    policy: raw,
    label: origin ? originName(origin) : 'policy',
    allowMutable,
    workspace: context.workspace,
    contents: context.contents,
    pullRequest: context.pullRequest,
    now: context.now,
  })
  if (!load.policy && !load.change) return undefined
  const layer = toLayer(load.policy, policyReport(load), load.change?.headFile ?? raw)
  layer.warnings = load.warnings
  return layer
}
