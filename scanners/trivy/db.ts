import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Logger } from '../../src/logger.js'
import { type DbMetadata, toDbMetadata } from './db-age.js'
import type { ExecAdapter } from './install.js'

export const DB_REPOSITORY_INPUT = 'db-repository'
export const CACHE_DB_INPUT = 'cache-db'

/**
 * Tried in order by Trivy (repeatable `--db-repository`, v0.56+). Setting the flag replaces
 * Trivy's own defaults, so every mirror is listed; ECR sits before GHCR because GHCR's
 * global anonymous quota is what runs out (TOOMANYREQUESTS, trivy-action#389).
 */
export const DEFAULT_DB_REPOSITORIES: readonly string[] = [
  'mirror.gcr.io/aquasec/trivy-db:2',
  'public.ecr.aws/aquasecurity/trivy-db:2',
  'ghcr.io/aquasecurity/trivy-db:2',
]

export const DB_CACHE_KEY_PREFIX = 'shipgate-trivy-db-'
export const JAVA_DB_CACHE_KEY_PREFIX = 'shipgate-trivy-java-db-'

/** Mirrors of Trivy's Java DB, tried in order (Trivy falls back on 429/5xx only). */
export const DEFAULT_JAVA_DB_REPOSITORIES: readonly string[] = [
  'mirror.gcr.io/aquasec/trivy-java-db:1',
  'public.ecr.aws/aquasecurity/trivy-java-db:1',
  'ghcr.io/aquasecurity/trivy-java-db:1',
]

/** The two DBs Trivy downloads: where each lands, how it is fetched, how it is cached. */
const KINDS = {
  vulnerability: {
    dir: 'db',
    only: '--download-db-only',
    repoFlag: '--db-repository',
    defaults: DEFAULT_DB_REPOSITORIES,
    keyPrefix: DB_CACHE_KEY_PREFIX,
    name: 'Trivy DB',
  },
  java: {
    dir: 'java-db',
    only: '--download-java-db-only',
    repoFlag: '--java-db-repository',
    defaults: DEFAULT_JAVA_DB_REPOSITORIES,
    keyPrefix: JAVA_DB_CACHE_KEY_PREFIX,
    name: 'Trivy Java DB',
  },
} as const
export type DbKind = keyof typeof KINDS

/** The slice of `@actions/cache` Shipgate uses. */
export interface CacheAdapter {
  /** Resolves to the key that matched, or `undefined` on a miss. */
  restoreCache(
    paths: string[],
    primaryKey: string,
    restoreKeys: string[],
  ): Promise<string | undefined>
  saveCache(paths: string[], key: string): Promise<void>
}

/**
 * Outside a runner (CLI, forks without cache access) the service is absent: every restore
 * misses and saves are skipped, which only costs a download.
 */
export function createActionsCacheAdapter(): CacheAdapter {
  // The cache client (Azure storage SDK, glob) loads on first use, not with this module (issue 13).
  const load = () => import('@actions/cache')
  return {
    async restoreCache(paths, primaryKey, restoreKeys) {
      const actionsCache = await load()
      if (!actionsCache.isFeatureAvailable()) return undefined
      return actionsCache.restoreCache(paths, primaryKey, restoreKeys)
    },
    async saveCache(paths, key) {
      const actionsCache = await load()
      if (!actionsCache.isFeatureAvailable()) return
      await actionsCache.saveCache(paths, key)
    },
  }
}

export interface PrepareTrivyDbOptions {
  /** Which DB: the vulnerability DB (default) or the Java DB (same mirrors policy and cache). */
  kind?: DbKind
  trivyPath: string
  /** Trivy's `--cache-dir`; the DB lands in `<cacheDir>/db`. Scans must use the same dir. */
  cacheDir: string
  /** `db-repository` input, already split; empty means the default mirrors. */
  repositories?: readonly string[]
  /** `cache-db` input. Default true. */
  useCache?: boolean
  /** Per attempt. Default 300. */
  timeoutSeconds?: number
  /** Attempts when the registry rate-limits or the network flakes. Default 4. */
  maxAttempts?: number
  /** First backoff; doubles each retry, capped at 2 minutes. Default 15 s. */
  initialDelayMs?: number
}

export interface PrepareTrivyDbDeps {
  cache: CacheAdapter
  exec: ExecAdapter
  logger: Logger
  now: Date
  sleep?: (ms: number) => Promise<void>
}

export interface TrivyDbState {
  cacheDir: string
  /** Scans may run with `--skip-db-update`. */
  ready: true
  /** Cache key the DB was restored from, when it came from @actions/cache. */
  restoredFrom?: string
  /** Hours between the DB build (`UpdatedAt`) and `now`. */
  dbAgeHours?: number
  updatedAt?: string
  downloadedAt?: string
  /** True when Trivy downloaded (or confirmed) the DB in this job. */
  downloaded: boolean
  /** True when the download failed and an older cached DB is used instead. */
  stale: boolean
  /** Trivy runs made (0 on an exact cache hit). */
  attempts: number
}

export type TrivyDbErrorCode = 'invalid-repository' | 'rate-limited' | 'download-failed'

export class TrivyDbError extends Error {
  readonly code: TrivyDbErrorCode
  readonly input: string | undefined
  constructor(code: TrivyDbErrorCode, message: string, options: { input?: string } = {}) {
    super(message)
    this.name = new.target.name
    this.code = code
    this.input = options.input
  }
}

/** Splits the `db-repository` input (commas or new lines) and validates each reference. */
export function parseDbRepositories(input: string | undefined): string[] {
  const entries = (input ?? '')
    .split(/[,\n]/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
  for (const entry of entries) {
    if (!/^[a-z0-9][a-z0-9.-]*(:[0-9]+)?(\/[a-z0-9._/-]+)+(:[A-Za-z0-9._-]+)?$/.test(entry)) {
      throw new TrivyDbError(
        'invalid-repository',
        `"${DB_REPOSITORY_INPUT}" entry "${entry}" is not an OCI repository reference like ` +
          `${DEFAULT_DB_REPOSITORIES[0]}. Separate several mirrors with commas.`,
        { input: DB_REPOSITORY_INPUT },
      )
    }
  }
  return entries.length > 0 ? entries : [...DEFAULT_DB_REPOSITORIES]
}

export function dbCacheKey(now: Date, kind: DbKind = 'vulnerability'): string {
  return `${KINDS[kind].keyPrefix}${now.toISOString().slice(0, 10)}`
}

/** Registry throttling, as GHCR and ECR print it, plus network failures worth another try. */
const RETRYABLE =
  /TOOMANYREQUESTS|too many requests|\b429\b|\b50[234]\b|connection reset|i\/o timeout|TLS handshake timeout|timed out|unexpected EOF/i
const RATE_LIMITED = /TOOMANYREQUESTS|too many requests|\b429\b/i

/**
 * Gets Trivy's vulnerability DB into `<cacheDir>/db` once per job: from today's
 * @actions/cache entry when there is one, else by `trivy image --download-db-only` over
 * every mirror, retried with backoff on rate limits, then saved for the next run.
 */
export async function prepareTrivyDb(
  opts: PrepareTrivyDbOptions,
  deps: PrepareTrivyDbDeps,
): Promise<TrivyDbState> {
  const { logger } = deps
  const kind = KINDS[opts.kind ?? 'vulnerability']
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)))
  const repositories =
    opts.repositories && opts.repositories.length > 0 ? [...opts.repositories] : [...kind.defaults]
  const dbDir = path.join(opts.cacheDir, kind.dir)
  const useCache = opts.useCache !== false
  const key = dbCacheKey(deps.now, opts.kind)

  let restoredFrom: string | undefined
  if (useCache) {
    try {
      restoredFrom = await deps.cache.restoreCache([dbDir], key, [kind.keyPrefix])
    } catch (error) {
      logger.warning(
        `Could not restore the ${kind.name} cache (${errorMessage(error)}); downloading.`,
      )
    }
  }
  const restoredMeta = restoredFrom ? await readDbMetadata(dbDir) : undefined
  if (restoredFrom && !restoredMeta) {
    logger.warning(`Cache ${restoredFrom} held no ${kind.name} metadata; downloading.`)
    restoredFrom = undefined
  }
  if (restoredFrom === key && restoredMeta) {
    logger.info(
      `${kind.name} restored from cache ${key}${ageText(restoredMeta, deps.now)}; no download needed.`,
    )
    return state(opts.cacheDir, restoredMeta, deps.now, {
      restoredFrom,
      downloaded: false,
      stale: false,
      attempts: 0,
    })
  }

  const maxAttempts = Math.max(1, opts.maxAttempts ?? 4)
  const timeoutSeconds = opts.timeoutSeconds ?? 300
  const args = [
    'image',
    kind.only,
    '--cache-dir',
    opts.cacheDir,
    '--no-progress',
    '--timeout',
    `${timeoutSeconds}s`,
    ...repositories.flatMap((repository) => [kind.repoFlag, repository]),
  ]
  let delay = opts.initialDelayMs ?? 15_000
  let lastError = ''
  let rateLimited = false
  let attempts = 0
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    attempts = attempt
    logger.debug(`[command]${opts.trivyPath} ${args.join(' ')}`)
    const result = await deps.exec(opts.trivyPath, args, {
      timeoutMs: (timeoutSeconds + 30) * 1000,
    })
    if (result.exitCode === 0) {
      const meta = await readDbMetadata(dbDir)
      if (!meta) {
        throw new TrivyDbError(
          'download-failed',
          `Trivy reported success but wrote no ${path.join(dbDir, 'metadata.json')}. ` +
            `Check that "${opts.trivyPath}" is Trivy and that ${opts.cacheDir} is writable.`,
        )
      }
      logger.info(
        `${kind.name} ready in ${dbDir}${ageText(meta, deps.now)} after ${attempt} attempt(s).`,
      )
      if (useCache) await save(deps, dbDir, key, kind.name)
      return state(opts.cacheDir, meta, deps.now, {
        restoredFrom,
        downloaded: true,
        stale: false,
        attempts,
      })
    }
    lastError = lastLines(result.stderr || result.stdout)
    rateLimited = RATE_LIMITED.test(result.stderr) || RATE_LIMITED.test(result.stdout)
    const retryable = RETRYABLE.test(result.stderr) || RETRYABLE.test(result.stdout)
    if (!retryable || attempt === maxAttempts) break
    logger.warning(
      `${kind.name} download attempt ${attempt}/${maxAttempts} failed` +
        `${rateLimited ? ' (registry rate limit)' : ''}; retrying in ${Math.round(delay / 1000)} s. ${lastError}`,
    )
    await sleep(delay)
    delay = Math.min(delay * 2, 120_000)
  }

  if (restoredFrom && restoredMeta) {
    logger.warning(
      `Could not refresh the ${kind.name} (${lastError}); scanning with the cached DB from ${restoredFrom}` +
        `${ageText(restoredMeta, deps.now)}. Findings published since then are missed.`,
    )
    return state(opts.cacheDir, restoredMeta, deps.now, {
      restoredFrom,
      downloaded: false,
      stale: true,
      attempts,
    })
  }
  const tried = repositories.join(', ')
  if (rateLimited) {
    throw new TrivyDbError(
      'rate-limited',
      `${kind.name === 'Trivy DB' ? "Trivy's vulnerability DB" : "Trivy's Java DB"} could not be downloaded: every mirror (${tried}) answered ` +
        `TOOMANYREQUESTS through ${attempts} attempt(s). Last error: ${lastError}. ` +
        `Re-run the job later, keep "${CACHE_DB_INPUT}" enabled so later runs reuse the DB, ` +
        `or set "${DB_REPOSITORY_INPUT}" to a mirror you control.`,
    )
  }
  throw new TrivyDbError(
    'download-failed',
    `${kind.name === 'Trivy DB' ? "Trivy's vulnerability DB" : "Trivy's Java DB"} could not be downloaded from ${tried} ` +
      `(${attempts} attempt(s)). Last error: ${lastError}. ` +
      `Check "${DB_REPOSITORY_INPUT}" and the runner's network access to those registries.`,
  )
}

/** Trivy writes `db/metadata.json` next to `trivy.db`: `{Version, NextUpdate, UpdatedAt, DownloadedAt}`. */
export async function readDbMetadata(dbDir: string): Promise<DbMetadata | undefined> {
  try {
    return toDbMetadata(JSON.parse(await readFile(path.join(dbDir, 'metadata.json'), 'utf8')))
  } catch {
    return undefined
  }
}

function state(
  cacheDir: string,
  meta: DbMetadata,
  now: Date,
  extra: Pick<TrivyDbState, 'restoredFrom' | 'downloaded' | 'stale' | 'attempts'>,
): TrivyDbState {
  const age = ageHours(meta, now)
  return {
    cacheDir,
    ready: true,
    ...(extra.restoredFrom ? { restoredFrom: extra.restoredFrom } : {}),
    ...(age === undefined ? {} : { dbAgeHours: age }),
    ...(meta.UpdatedAt ? { updatedAt: meta.UpdatedAt } : {}),
    ...(meta.DownloadedAt ? { downloadedAt: meta.DownloadedAt } : {}),
    downloaded: extra.downloaded,
    stale: extra.stale,
    attempts: extra.attempts,
  }
}

/** Age of the DB build, falling back to when it was downloaded. One decimal. */
function ageHours(meta: DbMetadata, now: Date): number | undefined {
  const stamp = Date.parse(meta.UpdatedAt ?? meta.DownloadedAt ?? '')
  if (Number.isNaN(stamp)) return undefined
  return Math.round(((now.getTime() - stamp) / 3_600_000) * 10) / 10
}

function ageText(meta: DbMetadata, now: Date): string {
  const age = ageHours(meta, now)
  return age === undefined ? '' : ` (built ${age} h ago)`
}

async function save(
  deps: PrepareTrivyDbDeps,
  dbDir: string,
  key: string,
  name: string,
): Promise<void> {
  try {
    await deps.cache.saveCache([dbDir], key)
    deps.logger.info(`Saved the ${name} to cache ${key}.`)
  } catch (error) {
    // Another job of the same run may have saved today's key first; the scan is unaffected.
    deps.logger.warning(`Could not save the ${name} cache ${key}: ${errorMessage(error)}`)
  }
}

function lastLines(output: string): string {
  const lines = output
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
  return lines.slice(-3).join(' | ').slice(0, 600) || '(no output)'
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
