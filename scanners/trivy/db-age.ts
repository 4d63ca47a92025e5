/**
 * How old the vulnerability DB is, and the `max-db-age` policy on it. Trivy never refuses an
 * old DB (`--skip-db-update` skips every freshness check), and a stale DB passes everything:
 * so Shipgate reads the DB's `UpdatedAt` (when the DB was built, not when it was downloaded)
 * and fails closed past the maximum.
 */
import { durationToMs } from '../../src/inputs.js'
import { InputError, type Label } from '../../src/settings/origin.js'
import type { ExecAdapter } from './install.js'

export const MAX_DB_AGE_INPUT = 'max-db-age'
/** Trivy's DB is rebuilt every 6 h; two days covers a missed build and a restored cache. */
export const DEFAULT_MAX_DB_AGE = '48h'

/** `48h`, `2d`, `36h30m`: from 1 h to 90 days; returns the text as given (see `maxDbAgeMs`). */
export function parseMaxDbAge(raw: string, label: Label = MAX_DB_AGE_INPUT): string {
  const v = (raw || DEFAULT_MAX_DB_AGE).trim()
  maxDbAgeMs(v, label)
  return v
}

/** Milliseconds of a `max-db-age` value. */
export function maxDbAgeMs(raw: string, label: Label = MAX_DB_AGE_INPUT): number {
  const v = (raw || DEFAULT_MAX_DB_AGE).trim()
  const days = /^(\d{1,3})d$/.exec(v)
  const ms = days ? Number(days[1]) * 86_400_000 : durationToMs(v)
  if (ms === undefined) {
    throw new InputError(label, `"${raw}" is not a duration; write it like 48h, 2d or 36h30m.`)
  }
  if (ms < 3_600_000 || ms > 90 * 86_400_000) {
    throw new InputError(
      label,
      `"${raw}" is out of range: give an age from 1h to 90d (the DB is rebuilt every 6 h; default ${DEFAULT_MAX_DB_AGE}).`,
    )
  }
  return ms
}

/** `VersionInfo` of pkg/types/version.go: `trivy version --format json`, or a server's `GET /version`. */
export interface DbMetadata {
  UpdatedAt?: string
  NextUpdate?: string
  DownloadedAt?: string
}

/** The DB metadata fields Shipgate reads, from `metadata.json` or `trivy version --format json`. */
export function toDbMetadata(value: unknown): DbMetadata | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const record = value as Record<string, unknown>
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined)
  return {
    UpdatedAt: text(record.UpdatedAt),
    DownloadedAt: text(record.DownloadedAt),
    NextUpdate: text(record.NextUpdate),
  }
}

export interface TrivyVersionInfo {
  version?: string
  vulnerabilityDb?: DbMetadata
  javaDb?: DbMetadata
}

/** Reads `{Version, VulnerabilityDB?, JavaDB?}` defensively: unknown fields kept out, wrong types dropped. */
export function parseVersionInfo(text: string): TrivyVersionInfo {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    throw new Error(`trivy version --format json printed no JSON: ${text.slice(0, 200)}`)
  }
  if (typeof parsed !== 'object' || parsed === null) {
    throw new Error('trivy version --format json printed no JSON object.')
  }
  const r = parsed as Record<string, unknown>
  const meta = toDbMetadata
  return {
    ...(typeof r.Version === 'string' ? { version: r.Version } : {}),
    ...(meta(r.VulnerabilityDB) ? { vulnerabilityDb: meta(r.VulnerabilityDB) } : {}),
    ...(meta(r.JavaDB) ? { javaDb: meta(r.JavaDB) } : {}),
  }
}

/** `trivy version --format json --cache-dir X`: the metadata of the DB the scans will use. */
export async function localVersionInfo(
  trivyPath: string,
  cacheDir: string | undefined,
  exec: ExecAdapter,
): Promise<TrivyVersionInfo> {
  const args = ['version', '--format', 'json', ...(cacheDir ? ['--cache-dir', cacheDir] : [])]
  const r = await exec(trivyPath, args, { timeoutMs: 60_000 })
  if (r.exitCode !== 0) {
    throw new Error(
      `trivy version --format json failed (exit ${r.exitCode}): ${r.stderr.slice(-300)}`,
    )
  }
  return parseVersionInfo(r.stdout)
}

/** What the report records about the DB that produced the findings. */
export interface DbFreshness {
  /** When the DB was built (Trivy's `UpdatedAt`). */
  updatedAt: string
  /** Hours between `updatedAt` and the check, one decimal. */
  ageHours: number
  /** The `max-db-age` it was checked against, in hours. */
  maxAgeHours: number
  /** Where the metadata came from: the runner's cache or the Trivy server. */
  source: 'local' | 'server'
}

export class DbAgeError extends Error {
  override name = 'DbAgeError'
}

/**
 * Fails closed: a DB older than `maxAgeMs`, or one whose age cannot be read, stops the run
 * before any finding is judged.
 */
export function checkDbAge(
  meta: DbMetadata | undefined,
  maxAgeMs: number,
  now: Date,
  source: DbFreshness['source'],
): DbFreshness {
  const where = source === 'server' ? 'the Trivy server' : 'the runner'
  const stamp = Date.parse(meta?.UpdatedAt ?? '')
  if (!meta?.UpdatedAt || Number.isNaN(stamp)) {
    throw new DbAgeError(
      `The vulnerability DB on ${where} has no readable UpdatedAt, so its age is unknown and a scan with it could miss any recent vulnerability. ${source === 'server' ? 'Check that the server has downloaded its DB (trivy server logs).' : 'Clear the cached DB (cache-db: false) so it is downloaded again.'}`,
    )
  }
  const ageMs = now.getTime() - stamp
  const round = (ms: number) => Math.round((ms / 3_600_000) * 10) / 10
  const freshness: DbFreshness = {
    updatedAt: meta.UpdatedAt,
    ageHours: round(ageMs),
    maxAgeHours: round(maxAgeMs),
    source,
  }
  if (ageMs > maxAgeMs) {
    throw new DbAgeError(
      `The vulnerability DB on ${where} was built ${freshness.ageHours} h ago (UpdatedAt ${meta.UpdatedAt}), older than \`${MAX_DB_AGE_INPUT}\` (${freshness.maxAgeHours} h): vulnerabilities published since then would pass unnoticed, so nothing is judged. ${source === 'server' ? 'Make the Trivy server update its DB (it checks hourly; restart it or check its network access to the DB mirrors).' : 'Let the DB download again (check `db-repository` and the runner network, or set `cache-db: false`).'} Raise \`${MAX_DB_AGE_INPUT}\` only if a stale DB is acceptable.`,
    )
  }
  return freshness
}
