/**
 * Pure parsers of raw setting values: `(raw, label) => T`, throwing InputError whose text
 * starts with the label (``Input `fail-on` ``, ``Flag `--fail-on` ``, a policy file line).
 * Which value comes from where is decided in src/settings/.
 */
import type { FailOn, SEVERITIES } from './model.js'
import { InputError, type Label } from './settings/origin.js'

export { InputError, type Label } from './settings/origin.js'

/** Reads one raw input (trimmed, '' when unset): `core.getInput` in the action, a map in tests. */
export type InputReader = (name: string) => string

const FAIL_ON_VALUES = ['critical', 'high', 'medium', 'low', 'unknown', 'none'] as const

export function parseFailOn(value: string, label: Label = 'fail-on'): FailOn {
  const v = (value || 'high').trim().toLowerCase()
  if (!(FAIL_ON_VALUES as readonly string[]).includes(v)) {
    throw new InputError(
      label,
      `"${value}" is not a severity. Use one of ${FAIL_ON_VALUES.join(', ')} (findings at or above it fail the step).`,
    )
  }
  return v === 'none' ? 'NONE' : (v.toUpperCase() as (typeof SEVERITIES)[number])
}

export function parseBoolean(value: string, label: Label, fallback: boolean): boolean {
  if (value === '') return fallback
  if (/^(true|yes|on|1)$/i.test(value)) return true
  if (/^(false|no|off|0)$/i.test(value)) return false
  throw new InputError(label, `"${value}" is not a boolean; use true or false.`)
}

/** Newline- or comma-separated list, blanks and `#` comments dropped. */
export function parseList(value: string): string[] {
  return value
    .split(/[\n,]/)
    .map((s) => s.replace(/\s#.*$/, '').trim())
    .filter((s) => s && !s.startsWith('#'))
}

const SCANNERS = ['vuln', 'secret', 'misconfig']

export function parseScanners(value: string, label: Label = 'scanners'): string[] {
  const list = parseList(value || 'vuln,secret')
  for (const s of list) {
    if (s === 'license') {
      throw new InputError(
        label,
        'Shipgate does not evaluate licence findings yet, so a `license` scan would be silently ignored. Remove it, or run `trivy --scanners license` in its own step.',
      )
    }
    if (!SCANNERS.includes(s)) {
      throw new InputError(label, `unknown scanner "${s}"; use any of ${SCANNERS.join(', ')}.`)
    }
  }
  if (!list.length)
    throw new InputError(label, `name at least one scanner (${SCANNERS.join(', ')}).`)
  return [...new Set(list)]
}

const DURATION_UNITS_MS: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 }
/** Shortest timeout worth starting Trivy for, and a GitHub-hosted job's maximum (6 h). */
export const TIMEOUT_RANGE_MS = { min: 1000, max: 6 * 3_600_000 } as const

/** `1h30m`, `90s`, `1.5h` → milliseconds; undefined when it is not a duration. */
export function durationToMs(value: string): number | undefined {
  if (!/^(\d+(\.\d+)?(h|ms|m|s))+$/.test(value)) return undefined
  let total = 0
  for (const m of value.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)) {
    total += Number(m[1]) * (DURATION_UNITS_MS[m[2] as string] ?? Number.NaN)
  }
  return Number.isFinite(total) ? total : undefined
}

/**
 * A Trivy timeout (Go duration syntax, as Trivy takes it) from 1s to 6h: anything shorter
 * cannot finish a scan, anything longer outlives the job that runs it.
 */
export function parseTimeout(value: string, label: Label = 'timeout'): string {
  const v = (value || '10m').trim()
  const ms = durationToMs(v)
  if (ms === undefined) {
    throw new InputError(label, `"${value}" is not a duration; write it like 10m, 90s or 1h30m.`)
  }
  if (ms < TIMEOUT_RANGE_MS.min || ms > TIMEOUT_RANGE_MS.max) {
    throw new InputError(
      label,
      `"${value}" is out of range: give a duration from 1s to 6h (a job's maximum), e.g. 10m.`,
    )
  }
  return v
}

/** A whole number from 1 to `max`, written in plain digits (no `0x10`, `1e3` or `2.0`). */
export function parsePositiveInt(value: string, label: Label, fallback: number, max = 64): number {
  if (value === '') return fallback
  const v = value.trim()
  const n = /^\d{1,16}$/.test(v) ? Number(v) : Number.NaN
  if (!Number.isSafeInteger(n) || n < 1 || n > max) {
    throw new InputError(label, `"${value}" must be a whole number from 1 to ${max}.`)
  }
  return n
}

/** Image references: each must look like `[registry/]repo[:tag][@sha256:digest]`. */
export function parseImages(value: string, label: Label = 'image'): string[] {
  const images = parseList(value)
  for (const image of images) {
    if (/\s/.test(image) || !/^[a-z0-9]/i.test(image) || /[^A-Za-z0-9._\-/:@]/.test(image)) {
      throw new InputError(
        label,
        `"${image}" is not an image reference; write it like ghcr.io/acme/api@sha256:… or ghcr.io/acme/api:1.2.`,
      )
    }
  }
  return [...new Set(images)]
}

export const PLATFORM_RE = /^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?$/

export function parsePlatform(value: string, label: Label = 'platform'): string | undefined {
  if (!value) return undefined
  if (!PLATFORM_RE.test(value)) {
    throw new InputError(
      label,
      `"${value}" is not a platform; write it like linux/amd64 or linux/arm64/v8.`,
    )
  }
  return value
}

/**
 * Which platforms of a multi-platform image to scan: `all` (every runnable image of an index),
 * or a list (`linux/amd64,linux/arm64`). A single-platform image is scanned as it is either way.
 */
export type PlatformSelection = { kind: 'all' } | { kind: 'some'; platforms: string[] }

export const ALL_PLATFORMS: PlatformSelection = { kind: 'all' }

export function parsePlatforms(value: string, label: Label = 'platform'): PlatformSelection {
  const raw = value.trim()
  if (!raw || raw.toLowerCase() === 'all') return ALL_PLATFORMS
  const platforms = [...new Set(parseList(raw))]
  for (const p of platforms) {
    if (!PLATFORM_RE.test(p)) {
      throw new InputError(
        label,
        `"${p}" is not a platform; write \`all\`, or platforms like linux/amd64,linux/arm64/v8.`,
      )
    }
  }
  return { kind: 'some', platforms }
}

/** The one platform to hand Trivy for an image that is not an index (as before `all` existed). */
export function singlePlatform(selection: PlatformSelection | undefined): string | undefined {
  return selection?.kind === 'some' && selection.platforms.length === 1
    ? selection.platforms[0]
    : undefined
}

/** `all`, or the list as given: for comment keys, logs and the report. */
export function describePlatforms(selection: PlatformSelection | undefined): string | undefined {
  return selection?.kind === 'some' ? selection.platforms.join(',') : undefined
}

/** One of `allowed`, case-insensitive. */
export function parseOneOf<T extends string>(
  value: string,
  label: Label,
  allowed: readonly T[],
): T {
  const v = value.trim().toLowerCase()
  if (!(allowed as readonly string[]).includes(v)) {
    throw new InputError(label, `"${value}" is not one of ${allowed.join(', ')}.`)
  }
  return v as T
}
