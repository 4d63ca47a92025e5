/**
 * `rescan`: watch shipped images (issue 12 §2), from resolved settings. Shared by the action
 * (which passes GitHub, so each image's issue is kept up to date) and `shipgate rescan` (which
 * does not: it prints the same per-image result without touching GitHub).
 */
import { describePlatforms } from '../inputs.js'
import type { Logger } from '../logger.js'
import type { TrivyHandle } from '../pipeline.js'
import type { RegistryClient } from '../registry/index.js'
import { type RescanGitHub, type RescanRun, runRescan } from '../rescan/engine.js'
import { watchList } from '../rescan/targets.js'
import { type Setting, shortOrigin } from '../settings/origin.js'
import type { SettingsRecord } from '../settings/record.js'
import { type RescanSettings, type Settings, valuesOf } from '../settings/resolve.js'
import { type AnySpec, RESCAN_SPEC } from '../settings/spec.js'
import { VERSION } from '../version.js'

export interface RescanEnvironment {
  logger: Logger
  trivy: () => Promise<TrivyHandle | undefined>
  registryClient: () => RegistryClient
  outputDir: string
  github?: RescanGitHub
  /** Values to blank out of error text. */
  secrets: string[]
}

export async function runRescanMode(
  settings: RescanSettings,
  env: RescanEnvironment,
): Promise<RescanRun> {
  const s = valuesOf(settings)
  return runRescan(
    {
      images: watchList(s.images, describePlatforms(s.platform)),
      failOn: s.failOn,
      ignoreUnfixed: s.ignoreUnfixed,
      ignoreFile: s.ignoreFile,
      scanners: s.scanners,
      timeout: s.timeout,
      platform: s.platform,
      concurrency: s.maxParallel,
      outputDir: env.outputDir,
      rescanFail: s.rescanFail,
    },
    {
      logger: env.logger,
      trivy: env.trivy,
      registry: env.registryClient,
      now: () => new Date(),
      version: VERSION,
      github: env.github,
      secrets: env.secrets,
    },
  )
}

/** The policy-relevant settings of a rescan and where each came from (as a scan's report has). */
export function rescanSettingsRecord(
  settings: Extract<Settings, { mode: 'rescan' }>,
): SettingsRecord {
  const values: SettingsRecord['values'] = {}
  const resolved: Record<string, Setting<unknown>> = settings.rescan
  for (const [field, row] of Object.entries(RESCAN_SPEC as Record<string, AnySpec>)) {
    const setting = resolved[field]
    if (!row.policy || !setting) continue
    values[row.key] = { value: setting.value ?? null, from: shortOrigin(setting.origin) }
  }
  return settings.policy ? { policy: settings.policy, values } : { values }
}
