import * as github from '@actions/github'
import { githubIdentity } from '../sign/github-identity.js'
import { readSigningSettings, type SigningSettings } from '../sign/settings.js'
import { getInput } from './context.js'

export function readSigning(): SigningSettings {
  const raw = Object.fromEntries(
    [
      'sign',
      'attest-sbom',
      'attest-vulnerabilities',
      'sbom-format',
      'signature-format',
      'fulcio-url',
      'rekor-url',
      'tsa-url',
      'public-transparency-log',
      'trusted-root',
    ].map((name) => [name, getInput(name)]),
  )
  const repository = github.context.payload.repository as
    | { visibility?: string; private?: boolean }
    | undefined
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
  // Fail before any work when signing cannot possibly succeed.
  if (settings.sign) githubIdentity().preflight()
  return settings
}
