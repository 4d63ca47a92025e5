/**
 * `--require` / `verify-require`, parsed without loading any verification code: the settings
 * table uses it on every run, and Sigstore, TUF and the registry load only when verifying.
 */
import type { RequiredFormats } from './verify.js'

export class VerifyUsageError extends Error {
  override name = 'VerifyUsageError'
}

const FORMATS = ['any', 'cosign', 'bundle', 'both'] as const

/** `--require`: one signature-format rule and/or `verdict`. Pure; messages start with `label`. */
export function parseRequire(
  raw: string | undefined,
  label: string,
): { formats: RequiredFormats; verdict: boolean } {
  const tokens = (raw ?? '')
    .toLowerCase()
    .split(/[\s,]+/)
    .filter(Boolean)
  const formats = tokens.filter((t) => (FORMATS as readonly string[]).includes(t))
  const unknown = tokens.filter((t) => t !== 'verdict' && !formats.includes(t))
  if (unknown.length || formats.length > 1) {
    throw new VerifyUsageError(
      `${label}: ${JSON.stringify(raw)} is not valid; give one of ${FORMATS.join(', ')} (which signature formats must verify) and/or verdict (a PASSED gate verdict), e.g. both,verdict.`,
    )
  }
  return { formats: (formats[0] ?? 'any') as RequiredFormats, verdict: tokens.includes('verdict') }
}
