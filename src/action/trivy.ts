import * as core from '@actions/core'
import { checkDbAge, localVersionInfo, maxDbAgeMs } from '../../scanners/trivy/db-age.js'
import type { JavaDbGate } from '../../scanners/trivy/run.js'
import {
  DEFAULT_TOKEN_HEADER,
  serverDbMetadata,
  TRIVY_SERVER_INPUT,
  TRIVY_SERVER_TOKEN_INPUT,
  type TrivyServer,
  trivyServerWithToken,
} from '../../scanners/trivy/server.js'
import { parseBoolean } from '../inputs.js'
import type { TrivyHandle } from '../pipeline.js'
import { type ScanSettings, valuesOf } from '../settings/resolve.js'
import { actionLogger, actionRegistryLogin, getInput, trivyCacheDir } from './context.js'

/** What the provider needs from the resolved settings (issue 13). */
interface ScaleSettings {
  trivyServer?: string
  trivyServerTokenHeader: string
  maxDbAge: string
  javaDb: 'auto' | 'always'
}

/** The server, with its token read and masked the moment it exists. */
function trivyServer(s: ScaleSettings): TrivyServer | undefined {
  const token = getInput(TRIVY_SERVER_TOKEN_INPUT)
  if (token) core.setSecret(token)
  if (!s.trivyServer) {
    if (token) {
      throw new Error(
        `Input \`${TRIVY_SERVER_TOKEN_INPUT}\` is set but \`${TRIVY_SERVER_INPUT}\` is not: give the server URL, or remove the token.`,
      )
    }
    return undefined
  }
  return trivyServerWithToken(s.trivyServer, token || undefined, s.trivyServerTokenHeader)
}

/**
 * Install (or find) Trivy and prepare its DB once for the whole job, on first use.
 * `requireFreshDb` (rescan): an older cached DB is not good enough when the download fails,
 * because a finding missing from an old DB would close an issue as fixed.
 */
export function trivyProvider(
  settings?: ScanSettings,
  opts: { requireFreshDb?: boolean } = {},
): () => Promise<TrivyHandle | undefined> {
  const s: ScaleSettings = settings
    ? valuesOf(settings)
    : { trivyServerTokenHeader: DEFAULT_TOKEN_HEADER, maxDbAge: '48h', javaDb: 'auto' }
  let handle: Promise<TrivyHandle> | undefined
  return () => {
    handle ??= (async () => {
      const server = trivyServer(s)
      // Loaded on first use: the tool cache, the cache client and TUF serve only runs that
      // need a Trivy binary (issue 13).
      const { createToolCacheAdapter, programExec, installTrivy } = await import(
        '../../scanners/trivy/install.js'
      )
      const installed = await core.group('Install Trivy', () =>
        installTrivy(
          { version: getInput('trivy-version'), checksum: getInput('trivy-checksum') },
          {
            toolCache: createToolCacheAdapter(),
            exec: programExec,
            logger: actionLogger,
            env: process.env,
          },
        ),
      )
      core.info(`Trivy ${installed.version} from ${installed.source}: ${installed.path}`)
      // Credentials go to Trivy per image, only for images on their own host (run.ts).
      const login = actionRegistryLogin()
      const cacheDir = trivyCacheDir()
      // A report-only run needs no DB: `trivy convert` works offline.
      if (getInput('trivy-report'))
        return { path: installed.path, skipDbUpdate: false, cacheDir, login }
      // The DB code (and the cache client it loads) only for runs that scan.
      const dbModule = await import('../../scanners/trivy/db.js')
      const { createActionsCacheAdapter, parseDbRepositories, prepareTrivyDb, TrivyDbError } =
        dbModule
      const maxAge = maxDbAgeMs(s.maxDbAge)
      const useCache = parseBoolean(getInput('cache-db'), 'cache-db', true)
      const javaDb = javaDbGate(installed.path, cacheDir, useCache, dbModule, programExec)
      if (s.javaDb === 'always') await javaDb.ensure()
      if (server) {
        // The server holds the DB: nothing to download here; its age is what the findings get.
        server.maxDbAgeMs = maxAge
        const meta = await serverDbMetadata(server)
        const db = checkDbAge(meta, maxAge, new Date(), 'server')
        core.info(`Trivy server ${server.url}: vulnerability DB built ${db.ageHours} h ago`)
        return { path: installed.path, skipDbUpdate: false, cacheDir, login, server, javaDb, db }
      }
      const prepared = await core.group('Prepare the vulnerability DB', () =>
        prepareTrivyDb(
          {
            trivyPath: installed.path,
            cacheDir,
            repositories: parseDbRepositories(getInput('db-repository')),
            useCache,
          },
          {
            cache: createActionsCacheAdapter(),
            exec: programExec,
            logger: actionLogger,
            now: new Date(),
          },
        ),
      )
      if (prepared.stale && opts.requireFreshDb) {
        throw new TrivyDbError(
          'download-failed',
          `The Trivy DB could not be refreshed and only an older cached one (${prepared.restoredFrom}) is available; a rescan does not judge shipped images with it (a finding missing from the old DB would close its issue). Run again later, or set \`db-repository\` to a mirror you can reach.`,
        )
      }
      // What Trivy itself reports about the DB the scans will open.
      const info = await localVersionInfo(installed.path, prepared.cacheDir, programExec)
      const db = checkDbAge(info.vulnerabilityDb, maxAge, new Date(), 'local')
      core.info(`Vulnerability DB built ${db.ageHours} h ago (max-db-age ${s.maxDbAge})`)
      return {
        path: installed.path,
        skipDbUpdate: prepared.ready,
        cacheDir: prepared.cacheDir,
        login,
        javaDb,
        db,
      }
    })()
    return handle
  }
}

/** The Java DB through the same mirrors policy and cache as the vulnerability DB, at most once. */
function javaDbGate(
  trivyPath: string,
  cacheDir: string,
  useCache: boolean,
  { createActionsCacheAdapter, prepareTrivyDb }: typeof import('../../scanners/trivy/db.js'),
  programExec: typeof import('../../scanners/trivy/install.js').programExec,
): JavaDbGate {
  let ready: Promise<void> | undefined
  return {
    ensure() {
      ready ??= core.group('Prepare the Java DB', async () => {
        await prepareTrivyDb(
          { kind: 'java', trivyPath, cacheDir, useCache },
          {
            cache: createActionsCacheAdapter(),
            exec: programExec,
            logger: actionLogger,
            now: new Date(),
          },
        )
      })
      return ready
    },
  }
}
