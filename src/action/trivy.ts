import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as core from '@actions/core'
import { parseBoolean } from '../inputs.js'
import type { TrivyHandle } from '../pipeline.js'
import { actionLogger, actionRegistryLogin, getInput } from './context.js'

/**
 * Install (or find) Trivy and prepare its DB once for the whole job, on first use.
 * `requireFreshDb` (rescan): an older cached DB is not good enough when the download fails,
 * because a finding missing from an old DB would close an issue as fixed.
 */
export function trivyProvider(
  opts: { requireFreshDb?: boolean } = {},
): () => Promise<TrivyHandle | undefined> {
  let handle: Promise<TrivyHandle> | undefined
  return () => {
    handle ??= (async () => {
      // Loaded on first use: the tool cache, the cache client and TUF serve only runs that
      // need a Trivy binary (issue 13).
      const { createToolCacheAdapter, execaExec, installTrivy } = await import(
        '../../scanners/trivy/install.js'
      )
      const installed = await core.group('Install Trivy', () =>
        installTrivy(
          { version: getInput('trivy-version'), checksum: getInput('trivy-checksum') },
          {
            toolCache: createToolCacheAdapter(),
            exec: execaExec,
            logger: actionLogger,
            env: process.env,
          },
        ),
      )
      core.info(`Trivy ${installed.version} from ${installed.source}: ${installed.path}`)
      // Credentials go to Trivy per image, only for images on their own host (run.ts).
      const login = actionRegistryLogin()
      const cacheDir = join(process.env.RUNNER_TEMP || tmpdir(), 'shipgate-trivy-cache')
      // A report-only run needs no DB: `trivy convert` works offline.
      if (getInput('trivy-report'))
        return { path: installed.path, skipDbUpdate: false, cacheDir, login }
      const { createActionsCacheAdapter, parseDbRepositories, prepareTrivyDb, TrivyDbError } =
        await import('../../scanners/trivy/db.js')
      const db = await core.group('Prepare the vulnerability DB', () =>
        prepareTrivyDb(
          {
            trivyPath: installed.path,
            cacheDir,
            repositories: parseDbRepositories(getInput('db-repository')),
            useCache: parseBoolean(getInput('cache-db'), 'cache-db', true),
          },
          {
            cache: createActionsCacheAdapter(),
            exec: execaExec,
            logger: actionLogger,
            now: new Date(),
          },
        ),
      )
      if (db.stale && opts.requireFreshDb) {
        throw new TrivyDbError(
          'download-failed',
          `The Trivy DB could not be refreshed and only an older cached one (${db.restoredFrom}) is available; a rescan does not judge shipped images with it (a finding missing from the old DB would close its issue). Run again later, or set \`db-repository\` to a mirror you can reach.`,
        )
      }
      if (db.dbAgeHours !== undefined) core.info(`Vulnerability DB built ${db.dbAgeHours} h ago`)
      return { path: installed.path, skipDbUpdate: db.ready, cacheDir: db.cacheDir, login }
    })()
    return handle
  }
}
