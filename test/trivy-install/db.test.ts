import { existsSync } from 'node:fs'
import { readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  DEFAULT_DB_REPOSITORIES,
  dbCacheKey,
  parseDbRepositories,
  prepareTrivyDb,
  TrivyDbError,
} from '../../scanners/trivy/db.js'
import { programExec } from '../../scanners/trivy/install.js'
import { recordingLogger } from '../../src/logger.js'
import { DirectoryCache, tempDir, writeExecutable } from './support.js'

const NOW = new Date('2026-10-04T12:00:00Z')
const TODAY_KEY = 'shipgate-trivy-db-2026-10-04'
const METADATA = {
  Version: 2,
  NextUpdate: '2026-10-05T00:00:00Z',
  UpdatedAt: '2026-10-04T00:00:00Z',
  DownloadedAt: '2026-10-04T06:00:00Z',
}
const RATE_LIMIT_LINE =
  '2026-10-04T12:00:01Z\tFATAL\tFatal error\trun error: init error: DB error: failed to download vulnerability DB: OCI artifact error: failed to download vulnerability DB: failed to download artifact from ghcr.io/aquasecurity/trivy-db:2: GET https://ghcr.io/v2/aquasecurity/trivy-db/manifests/2: TOOMANYREQUESTS: retry-after: 35.852µs, allowed: 44000/minute'

/**
 * A stand-in for `trivy image --download-db-only`: records each call's argv, fails the first
 * `fails` calls with `failLine` on stderr, then writes db/metadata.json under --cache-dir.
 */
function dbTrivyScript(fails: number, failLine: string): string {
  return [
    '#!/bin/sh',
    'here=$(dirname "$0")',
    'n=$(cat "$here/calls" 2>/dev/null || echo 0)',
    'n=$((n+1))',
    'echo "$n" > "$here/calls"',
    'printf \'%s\\n\' "$@" > "$here/args-$n"',
    'cache=""; prev=""',
    'for a in "$@"; do if [ "$prev" = "--cache-dir" ]; then cache="$a"; fi; prev="$a"; done',
    `if [ "$n" -le ${fails} ]; then`,
    `  printf '%s\\n' '${failLine}' >&2`,
    '  exit 1',
    'fi',
    'mkdir -p "$cache/db"',
    `printf '%s' '${JSON.stringify(METADATA)}' > "$cache/db/metadata.json"`,
    'printf db > "$cache/db/trivy.db"',
    '',
  ].join('\n')
}

let work: string
let binDir: string
let cacheDir: string
let cache: DirectoryCache
let sleeps: number[]

beforeEach(async () => {
  work = await tempDir('trivy-db')
  binDir = path.join(work, 'bin')
  cacheDir = path.join(work, 'trivy-cache')
  cache = new DirectoryCache(path.join(work, 'actions-cache'))
  sleeps = []
})

afterEach(async () => {
  await rm(work, { recursive: true, force: true })
})

async function standIn(fails: number, failLine = RATE_LIMIT_LINE): Promise<string> {
  return writeExecutable(binDir, 'trivy', dbTrivyScript(fails, failLine))
}

async function calls(): Promise<number> {
  const text = await readFile(path.join(binDir, 'calls'), 'utf8').catch(() => '0')
  return Number(text.trim())
}

async function argv(call: number): Promise<string[]> {
  return (await readFile(path.join(binDir, `args-${call}`), 'utf8')).trimEnd().split('\n')
}

function deps() {
  const logger = recordingLogger()
  return {
    logger,
    deps: {
      cache,
      exec: programExec,
      logger,
      now: NOW,
      sleep: async (ms: number) => {
        sleeps.push(ms)
      },
    },
  }
}

describe('prepareTrivyDb', () => {
  it('retries on TOOMANYREQUESTS with backoff, passes every mirror, then caches the DB', async () => {
    const trivyPath = await standIn(2)
    const { deps: d, logger } = deps()
    const state = await prepareTrivyDb({ trivyPath, cacheDir, initialDelayMs: 1000 }, d)

    expect(state).toEqual({
      cacheDir,
      ready: true,
      dbAgeHours: 12,
      updatedAt: METADATA.UpdatedAt,
      downloadedAt: METADATA.DownloadedAt,
      downloaded: true,
      stale: false,
      attempts: 3,
    })
    expect(await calls()).toBe(3)
    expect(sleeps).toEqual([1000, 2000])
    for (const call of [1, 2, 3]) {
      const args = await argv(call)
      expect(args.slice(0, 4)).toEqual(['image', '--download-db-only', '--cache-dir', cacheDir])
      const repos = args.flatMap((a, i) => (a === '--db-repository' ? [args[i + 1]] : []))
      expect(repos).toEqual([
        'mirror.gcr.io/aquasec/trivy-db:2',
        'public.ecr.aws/aquasecurity/trivy-db:2',
        'ghcr.io/aquasecurity/trivy-db:2',
      ])
    }
    const warnings = logger.lines.filter((l) => l.level === 'warning').map((l) => l.message)
    expect(warnings).toHaveLength(2)
    expect(warnings[0]).toContain('attempt 1/4 failed (registry rate limit); retrying in 1 s')
    expect(cache.saved).toEqual([TODAY_KEY])
    expect(cache.restoreCalls).toEqual([
      { primaryKey: TODAY_KEY, restoreKeys: ['shipgate-trivy-db-'] },
    ])
  })

  it('gives up after maxAttempts with an error naming the mirrors and the rate limit', async () => {
    const trivyPath = await standIn(99)
    const error = await prepareTrivyDb(
      { trivyPath, cacheDir, maxAttempts: 3, initialDelayMs: 10 },
      deps().deps,
    ).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TrivyDbError)
    const dbError = error as TrivyDbError
    expect(dbError.code).toBe('rate-limited')
    expect(dbError.message).toContain('TOOMANYREQUESTS through 3 attempt(s)')
    expect(dbError.message).toContain('public.ecr.aws/aquasecurity/trivy-db:2')
    expect(dbError.message).toContain('"db-repository"')
    expect(await calls()).toBe(3)
    expect(sleeps).toEqual([10, 20])
    expect(cache.saved).toEqual([])
  })

  it('does not retry an error a retry cannot fix', async () => {
    const trivyPath = await standIn(
      99,
      'FATAL GET https://example.test/v2/trivy-db/manifests/2: UNAUTHORIZED: authentication required',
    )
    const error = (await prepareTrivyDb(
      { trivyPath, cacheDir, repositories: ['example.test/trivy-db:2'] },
      deps().deps,
    ).catch((e: unknown) => e)) as TrivyDbError
    expect(error.code).toBe('download-failed')
    expect(error.message).toContain('UNAUTHORIZED: authentication required')
    expect(error.message).toContain('example.test/trivy-db:2')
    expect(await calls()).toBe(1)
    expect(sleeps).toEqual([])
  })

  it("uses today's cached DB without running trivy", async () => {
    const trivyPath = await standIn(0)
    await cache.put(TODAY_KEY, { 'metadata.json': JSON.stringify(METADATA), 'trivy.db': 'db' })
    const { deps: d, logger } = deps()
    const state = await prepareTrivyDb({ trivyPath, cacheDir }, d)
    expect(state).toMatchObject({
      ready: true,
      restoredFrom: TODAY_KEY,
      dbAgeHours: 12,
      downloaded: false,
      attempts: 0,
    })
    expect(existsSync(path.join(cacheDir, 'db', 'trivy.db'))).toBe(true)
    expect(await calls()).toBe(0)
    expect(cache.saved).toEqual([])
    expect(logger.lines.map((l) => l.message)).toContain(
      `Trivy DB restored from cache ${TODAY_KEY} (built 12 h ago); no download needed.`,
    )
  })

  it("refreshes an older cached DB and saves it under today's key", async () => {
    const trivyPath = await standIn(0)
    const old = { ...METADATA, UpdatedAt: '2026-10-01T00:00:00Z' }
    await cache.put('shipgate-trivy-db-2026-10-01', { 'metadata.json': JSON.stringify(old) })
    const state = await prepareTrivyDb({ trivyPath, cacheDir }, deps().deps)
    expect(state).toMatchObject({
      restoredFrom: 'shipgate-trivy-db-2026-10-01',
      downloaded: true,
      stale: false,
      dbAgeHours: 12,
    })
    expect(await calls()).toBe(1)
    expect(cache.saved).toEqual([TODAY_KEY])
  })

  it('falls back to an older cached DB, with a warning, when the refresh keeps failing', async () => {
    const trivyPath = await standIn(99)
    const old = { ...METADATA, UpdatedAt: '2026-10-02T12:00:00Z' }
    await cache.put('shipgate-trivy-db-2026-10-02', { 'metadata.json': JSON.stringify(old) })
    const { deps: d, logger } = deps()
    const state = await prepareTrivyDb(
      { trivyPath, cacheDir, maxAttempts: 2, initialDelayMs: 1 },
      d,
    )
    expect(state).toMatchObject({ ready: true, stale: true, downloaded: false, dbAgeHours: 48 })
    const last = logger.lines.filter((l) => l.level === 'warning').at(-1)?.message ?? ''
    expect(last).toContain('scanning with the cached DB from shipgate-trivy-db-2026-10-02')
    expect(last).toContain('built 48 h ago')
  })

  it('neither restores nor saves when cache-db is off', async () => {
    const trivyPath = await standIn(0)
    await cache.put(TODAY_KEY, { 'metadata.json': JSON.stringify(METADATA) })
    const state = await prepareTrivyDb({ trivyPath, cacheDir, useCache: false }, deps().deps)
    expect(state).toMatchObject({ downloaded: true, attempts: 1 })
    expect(state.restoredFrom).toBeUndefined()
    expect(cache.restoreCalls).toEqual([])
    expect(cache.saved).toEqual([])
  })

  it('passes only the db-repository override, in order', async () => {
    const trivyPath = await standIn(0)
    const repositories = parseDbRepositories(
      'registry.example.com:5000/mirror/trivy-db:2, public.ecr.aws/aquasecurity/trivy-db:2',
    )
    await prepareTrivyDb({ trivyPath, cacheDir, repositories }, deps().deps)
    const args = await argv(1)
    expect(args.flatMap((a, i) => (a === '--db-repository' ? [args[i + 1]] : []))).toEqual([
      'registry.example.com:5000/mirror/trivy-db:2',
      'public.ecr.aws/aquasecurity/trivy-db:2',
    ])
  })

  it('errors when trivy succeeds but leaves no DB behind', async () => {
    const trivyPath = await writeExecutable(binDir, 'trivy', '#!/bin/sh\nexit 0\n')
    const error = (await prepareTrivyDb({ trivyPath, cacheDir }, deps().deps).catch(
      (e: unknown) => e,
    )) as TrivyDbError
    expect(error.code).toBe('download-failed')
    expect(error.message).toContain('wrote no')
  })
})

describe('parseDbRepositories', () => {
  it('defaults to the three public mirrors', () => {
    expect(parseDbRepositories('')).toEqual([...DEFAULT_DB_REPOSITORIES])
    expect(parseDbRepositories(undefined)).toEqual([...DEFAULT_DB_REPOSITORIES])
  })

  it('splits on commas and new lines', () => {
    expect(parseDbRepositories('a.example/x/trivy-db:2\n b.example/y/trivy-db:2 ,')).toEqual([
      'a.example/x/trivy-db:2',
      'b.example/y/trivy-db:2',
    ])
  })

  it.each(['https://ghcr.io/aquasecurity/trivy-db:2', 'trivy db', '--insecure', 'ghcr.io'])(
    'refuses %j naming the input',
    (value) => {
      expect(() => parseDbRepositories(value)).toThrowError(/"db-repository" entry/)
    },
  )
})

describe('dbCacheKey', () => {
  it('is keyed by UTC day', () => {
    expect(dbCacheKey(new Date('2026-10-04T23:59:59Z'))).toBe(TODAY_KEY)
    expect(dbCacheKey(new Date('2026-10-05T00:00:00Z'))).toBe('shipgate-trivy-db-2026-10-05')
  })
})

describe('prepareTrivyDb for the Java DB', () => {
  it('uses --download-java-db-only, the Java DB mirrors and its own cache key', async () => {
    const script = dbTrivyScript(1, RATE_LIMIT_LINE).replace(/\$cache\/db/g, '$cache/java-db')
    const trivyPath = await writeExecutable(binDir, 'trivy', script)
    const { deps: d } = deps()
    const state = await prepareTrivyDb({ kind: 'java', trivyPath, cacheDir }, d)
    expect(state).toMatchObject({ ready: true, downloaded: true, attempts: 2 })
    expect(existsSync(path.join(cacheDir, 'java-db', 'metadata.json'))).toBe(true)
    const args = await argv(2)
    expect(args.slice(0, 2)).toEqual(['image', '--download-java-db-only'])
    expect(args).not.toContain('--download-db-only')
    expect(args.flatMap((a, i) => (a === '--java-db-repository' ? [args[i + 1]] : []))).toEqual([
      'mirror.gcr.io/aquasec/trivy-java-db:1',
      'public.ecr.aws/aquasecurity/trivy-java-db:1',
      'ghcr.io/aquasecurity/trivy-java-db:1',
    ])
    expect(cache.saved).toEqual([dbCacheKey(NOW, 'java')])
    expect(dbCacheKey(NOW, 'java')).toBe('shipgate-trivy-java-db-2026-10-04')
  })
})
