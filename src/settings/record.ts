/**
 * What the report and the job summary say about the settings: the values a gate decision
 * depends on (the spec's policy keys), each with where it came from, and the policy file used.
 * "Why did this pass?" is then answered by the run itself.
 */
import { code, details, escapeInline, table } from '../render/markdown.js'
import { shortOrigin } from './origin.js'
import type { Settings } from './resolve.js'
import { type AnySpec, COMMENT_SPEC, SCAN_SPEC } from './spec.js'

export interface SettingsRecord {
  policy?: { file: string; sha256?: string }
  /** By key (`fail-on`): the value used and where it came from (`input \`fail-on\``, `default`…). */
  values: Record<string, { value: unknown; from: string }>
}

type ScanRun = Extract<Settings, { mode: 'scan' }>

export function settingsRecord(settings: ScanRun): SettingsRecord {
  const values: SettingsRecord['values'] = {}
  const tables: [Record<string, AnySpec>, Record<string, { value: unknown; origin: never }>][] = [
    [SCAN_SPEC, settings.scan as never],
    [COMMENT_SPEC, settings.comment as never],
  ]
  for (const [spec, resolved] of tables) {
    for (const [field, row] of Object.entries(spec)) {
      const setting = resolved[field]
      if (!row.policy || !setting) continue
      values[row.key] = { value: setting.value ?? null, from: shortOrigin(setting.origin) }
    }
  }
  return settings.policy ? { policy: settings.policy, values } : { values }
}

function shown(value: unknown): string {
  if (value === null || value === undefined) return '_none_'
  if (Array.isArray(value))
    return value.length ? value.map((v) => code(String(v))).join(', ') : '_none_'
  return code(String(value))
}

/** A collapsed table for the job summary: a few hundred characters, whatever the report. */
export function settingsMarkdown(record: SettingsRecord): string {
  const rows = Object.entries(record.values).map(([key, { value, from }]) => [
    code(key),
    shown(value),
    escapeInline(from.replace(/`/g, '')),
  ])
  const policy = record.policy
    ? `Policy file ${code(record.policy.file)}${record.policy.sha256 ? ` (sha256 ${code(record.policy.sha256)})` : ''}.\n\n`
    : ''
  return details(
    'Settings and where they came from',
    `${policy}${table(['Setting', 'Value', 'From'], rows)}`,
  )
}
