/**
 * Error text from APIs and registries can echo what was sent (a URL with credentials, an
 * Authorization header in a proxy's error page). Everything the rescan reports goes through
 * here first: the project's redaction (JWTs, every secret registered with `registerSecret`, in
 * their encodings) plus the secrets given here and the shapes of GitHub tokens, auth headers
 * and URL credentials, which may reach the text without ever having been registered.
 */
import { redact as redactRegistered } from '../redact.js'

/** GitHub's token formats: classic and fine-grained PATs, App, OAuth and refresh tokens. */
const GITHUB_TOKENS = /\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})\b/g
const AUTH_HEADER = /\b(authorization:\s*)?(bearer|token|basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi
const URL_CREDENTIALS = /(\b[a-z][a-z0-9+.-]*:\/\/)[^/\s:@]+:[^/\s@]+@/gi

export function redact(text: string, secrets: readonly string[] = []): string {
  let out = redactRegistered(String(text))
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
