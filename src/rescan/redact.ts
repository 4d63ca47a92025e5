/**
 * Error text from APIs and registries can echo what was sent (a URL with credentials, an
 * Authorization header in a proxy's error page). Everything that reaches the log, the job
 * summary, an issue or the JSON result goes through here first.
 */

/** GitHub's token formats: classic and fine-grained PATs, App, OAuth and refresh tokens. */
const GITHUB_TOKENS = /\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})\b/g
const AUTH_HEADER = /\b(authorization:\s*)?(bearer|token|basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi
const URL_CREDENTIALS = /(\b[a-z][a-z0-9+.-]*:\/\/)[^/\s:@]+:[^/\s@]+@/gi

export function redact(text: string, secrets: readonly string[] = []): string {
  let out = String(text)
  for (const secret of secrets) {
    // Short values would blank out ordinary words; GitHub and registry tokens are long.
    if (secret && secret.length >= 6) out = out.split(secret).join('***')
  }
  return out
    .replace(GITHUB_TOKENS, '***')
    .replace(
      AUTH_HEADER,
      (_m, header: string | undefined, scheme: string) => `${header ?? ''}${scheme} ***`,
    )
    .replace(URL_CREDENTIALS, '$1***@')
}
