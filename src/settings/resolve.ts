/**
 * One resolution step: raw values (action inputs or CLI flags), the policy file (issue 12) and
 * the defaults of spec.ts become one typed Settings object that records where each value came
 * from. Modes take the result; nothing else reads inputs.
 *
 * Precedence per key: a key the policy file locks > the value the user gave (input or flag) >
 * the policy file > the default.
 */
import type { IgnoreRule } from '../model.js'
import { scopeHas } from '../policy/scope.js'
import type { PolicyReport } from '../policy-file/render.js'
import { parseWatchedImages } from '../rescan/options.js'
import { InputError, type Origin, originName, type Setting } from './origin.js'
import {
  type AnySpec,
  COMMENT_SPEC,
  MODE_SPEC,
  type MODES,
  RESCAN_SPEC,
  SCAN_SPEC,
  type SettingSpec,
  VERIFY_SPEC,
} from './spec.js'

/** Where raw values come from: action inputs or CLI flags. */
export interface SettingsSource {
  kind: 'action' | 'cli'
  /** How this source names a setting; undefined when it does not take it. */
  originOf(spec: AnySpec): Origin | undefined
  /** The raw value as given; undefined (or '') when not given. */
  read(spec: AnySpec): string | undefined
}

/** Action inputs, read by name (`core.getInput`, or a map in tests). */
export function actionSource(get: (name: string) => string): SettingsSource {
  return {
    kind: 'action',
    originOf: (spec) => ({ kind: 'input', name: spec.key }),
    read: (spec) => get(spec.key),
  }
}

/** CLI flags: the raw text per flag (`--fail-on` → `critical`; `IMAGE` → images, one a line). */
export function cliSource(flags: Record<string, string | undefined>): SettingsSource {
  return {
    kind: 'cli',
    originOf: (spec) => (spec.flag ? { kind: 'flag', name: spec.flag } : undefined),
    read: (spec) => (spec.flag ? flags[spec.flag] : undefined),
  }
}

/**
 * The policy file's values, as raw text so the same parsers apply (lists one item a line).
 * Filled by the policy-file loader (issue 12); `locked` keys beat inputs and flags.
 */
export interface PolicyLayer {
  file: string
  /** `file`: the file that set the value when it is not `file` itself (a central file it extends). */
  values: Record<string, { raw: string; line?: number; locked?: boolean; file?: string }>
  /** SHA-256 of the effective policy (canonical form), recorded with the settings. */
  sha256?: string
  /** What the report, summary and comment say about the policy (src/policy-file/render.ts). */
  report?: PolicyReport
  /** The policy's exceptions as ignore rules for the evaluator (expired ones included: they are listed). */
  ignoreRules?: IgnoreRule[]
  /** What loading noticed (a mutable ref, a pull request's policy that would not load). */
  warnings?: string[]
}

type ValueOf<S> = S extends SettingSpec<infer T> ? T : never
type Resolved<Table> = { [K in keyof Table]: Setting<ValueOf<Table[K]>> }

export type ScanSettings = Resolved<typeof SCAN_SPEC>
export type CommentSettings = Resolved<typeof COMMENT_SPEC>
export type VerifySettings = Resolved<typeof VERIFY_SPEC>
export type RescanSettings = Resolved<typeof RESCAN_SPEC>

/** The settings of one run, per mode: a scan never carries verify options and the reverse. */
export type Settings = (
  | { mode: 'scan'; scan: ScanSettings; comment: CommentSettings }
  | { mode: 'verify'; verify: VerifySettings }
  | { mode: 'rescan'; rescan: RescanSettings }
) & {
  /** What resolution noticed (a value given for a key the policy file locks). */
  notes: string[]
  /** The policy file the values were resolved with. */
  policy?: { file: string; sha256?: string }
  /** The policy's record for the report, summary and comment (also when a pull request adds the first one). */
  policyReport?: PolicyReport
  /** The policy file's exceptions, for the evaluator. */
  exceptions: IgnoreRule[]
}

interface Context {
  source: SettingsSource
  policy?: PolicyLayer
  /** What resolution noticed (an input ignored for a locked key); for the log and report. */
  notes: string[]
}

function resolveOne<T>(spec: SettingSpec<T>, ctx: Context): Setting<T> {
  const { source, policy } = ctx
  const origin = source.originOf(spec)
  const given = origin ? source.read(spec) : undefined
  const policyKey = spec.policyKey ?? spec.key
  const fromFile = spec.policy ? policy?.values[policyKey] : undefined
  if (policy && fromFile && (fromFile.locked || !given)) {
    const file = fromFile.file ?? policy.file
    const at: Origin = { kind: 'policy', file, key: policyKey, line: fromFile.line }
    if (fromFile.locked && given && origin) {
      ctx.notes.push(
        `${file} locks \`${policyKey}\`, so the value given to \`${originName(origin)}\` is not used.`,
      )
    }
    return { value: spec.parse(fromFile.raw, at), origin: at }
  }
  if (given && origin) return { value: spec.parse(given, origin), origin }
  return { value: spec.default, origin: { kind: 'default' } }
}

function resolveTable<Table extends Record<string, AnySpec>>(
  table: Table,
  ctx: Context,
): Resolved<Table> {
  const out: Record<string, Setting<unknown>> = {}
  for (const [field, spec] of Object.entries(table)) out[field] = resolveOne(spec, ctx)
  return out as Resolved<Table>
}

/** How the source names `spec`, in backticks, for messages about other settings. */
function named(source: SettingsSource, spec: AnySpec): string {
  const origin = source.originOf(spec)
  return `\`${origin ? originName(origin) : spec.key}\``
}

/** Where an error about a setting points: where its value came from, else where it would be given. */
function blame(setting: Setting<unknown>, spec: AnySpec, source: SettingsSource): Origin {
  if (setting.origin.kind !== 'default') return setting.origin
  return source.originOf(spec) ?? { kind: 'input', name: spec.key }
}

function checkScan(scan: ScanSettings, source: SettingsSource): void {
  const n = (s: AnySpec) => named(source, s)
  const images = scan.images.value
  const report = scan.trivyReport.value
  if (!images.length && !report) {
    throw new InputError(
      blame(scan.images, SCAN_SPEC.images, source),
      source.kind === 'cli'
        ? 'nothing to scan: give one or more images, or --report FILE with an existing Trivy JSON report.'
        : 'nothing to scan. Set `image` to one or more image references (newline separated), or `trivy-report` to an existing Trivy JSON report.',
    )
  }
  if (report && images.length > 1) {
    throw new InputError(
      blame(scan.trivyReport, SCAN_SPEC.trivyReport, source),
      `a report describes one image, but ${n(SCAN_SPEC.images)} lists ${images.length}. Give one image (or none) with ${n(SCAN_SPEC.trivyReport)}.`,
    )
  }
  const compareTo = scan.compareTo.value
  const baselineCount = report ? 1 : images.length
  if (compareTo.length > 1 && compareTo.length !== baselineCount) {
    throw new InputError(
      blame(scan.compareTo, SCAN_SPEC.compareTo, source),
      `lists ${compareTo.length} baselines for ${baselineCount} image(s); give one baseline per image, in the same order, or a single one.`,
    )
  }
  if (scopeHas(scan.failOnScope.value, 'new') && !compareTo.length) {
    throw new InputError(
      blame(scan.failOnScope, SCAN_SPEC.failOnScope, source),
      `\`${scan.failOnScope.value}\` gates only on findings the change introduces, which needs a baseline: set ${n(SCAN_SPEC.compareTo)} to the base branch image or an earlier report.`,
    )
  }
}

/** Resolve the settings of one run (action inputs or CLI flags, plus the policy file). */
export function resolveSettings(
  source: SettingsSource,
  policy?: PolicyLayer,
  /** The CLI's subcommand names the mode (`shipgate rescan`); the action reads `mode`. */
  command?: (typeof MODES)[number],
): Settings {
  const ctx: Context = { source, policy, notes: [...(policy?.warnings ?? [])] }
  const mode = command ?? resolveOne(MODE_SPEC, ctx).value
  // A layer without a hash carries only a pull request's proposed policy: nothing applied.
  const applied = policy?.sha256 ? { file: policy.file, sha256: policy.sha256 } : undefined
  const common = {
    policy: applied,
    policyReport: policy?.report,
    exceptions: policy?.ignoreRules ?? [],
  }
  if (mode === 'verify') {
    return { mode, verify: resolveTable(VERIFY_SPEC, ctx), notes: ctx.notes, ...common }
  }
  if (mode === 'rescan') {
    // Never silent: a reader of the rescan issue must not believe a VEX statement applied.
    if (policy?.values.vex?.raw)
      ctx.notes.push(
        `${policy.values.vex.file ?? policy.file} lists VEX documents, but mode: rescan does not apply VEX: the findings they mark count.`,
      )
    const rescan = resolveTable(RESCAN_SPEC, ctx)
    parseWatchedImages(rescan.images.value, blame(rescan.images, RESCAN_SPEC.images, source))
    return { mode, rescan, notes: ctx.notes, ...common }
  }
  const scan = resolveTable(SCAN_SPEC, ctx)
  checkScan(scan, source)
  const comment = resolveTable(COMMENT_SPEC, ctx)
  return { mode, scan, comment, notes: ctx.notes, ...common }
}

/** The values alone, for code that does not care where they came from. */
export function valuesOf<T extends Record<string, Setting<unknown>>>(
  settings: T,
): { [K in keyof T]: T[K]['value'] } {
  return Object.fromEntries(Object.entries(settings).map(([k, s]) => [k, s.value])) as {
    [K in keyof T]: T[K]['value']
  }
}
