import { join } from 'node:path'
import { forkPullRequest, forkSkipReason } from '../sign/fork.js'
import { githubIdentity } from '../sign/github-identity.js'
import { readSigningSettings, type SigningSettings } from '../sign/settings.js'
import type { VulnerabilityDbInfo } from '../sign/verdict.js'
import { getInput, trivyCacheDir } from './context.js'
import { workflowEvent } from './event.js'

export function readSigning(): SigningSettings {
  const raw = Object.fromEntries(
    [
      'sign',
      'attest-sbom',
      'attest-vulnerabilities',
      'attest-verdict',
      'github-attestations',
      'sbom-format',
      'signature-format',
      'rekor-version',
      'fulcio-url',
      'rekor-url',
      'tsa-url',
      'public-transparency-log',
      'trusted-root',
    ].map((name) => [name, getInput(name)]),
  )
  const { eventName, payload } = workflowEvent()
  const repository = payload.repository as { visibility?: string; private?: boolean } | undefined
  const visibility =
    repository?.visibility ??
    (repository?.private === true
      ? 'private'
      : repository?.private === false
        ? 'public'
        : undefined)
  const settings = readSigningSettings(raw, {
    repositoryVisibility: visibility as 'public' | 'private' | 'internal' | undefined,
  })
  if (!settings.sign) return settings
  const identity = githubIdentity()
  if (!identity.available()) {
    // A fork PR has no token by design: scan, gate and comment, and say signing was skipped.
    const fork = forkPullRequest(eventName, payload as Parameters<typeof forkPullRequest>[1])
    if (fork) return { sign: false, sbomFormat: settings.sbomFormat, skipped: forkSkipReason(fork) }
  }
  // Anywhere else, fail before any work when signing cannot possibly succeed.
  identity.preflight()
  return settings
}

/**
 * The DB the scan used, for the gate verdict: `db/metadata.json` in the Trivy cache that
 * src/action/trivy.ts prepares (same directory).
 */
export async function vulnerabilityDbFromCache(): Promise<VulnerabilityDbInfo | undefined> {
  // The DB module (and the cache client it uses) loads only when a verdict is signed.
  const { readDbMetadata } = await import('../../scanners/trivy/db.js')
  const meta = await readDbMetadata(join(trivyCacheDir(), 'db'))
  if (!meta?.UpdatedAt) return undefined
  return { updatedAt: meta.UpdatedAt, ...(meta.NextUpdate ? { nextUpdate: meta.NextUpdate } : {}) }
}
