/**
 * Trivy client/server mode: each analysis runs as `trivy image --server URL`, the server holds
 * the vulnerability DB (pkg/flag/remote_flags.go, v0.74.0). The token travels in the client's
 * environment (TRIVY_TOKEN), never in argv, so no process listing or `[command]` log shows it.
 */
import { isLoopbackHost } from '../../src/registry/reference.js'
import { InputError, type Label, toOrigin } from '../../src/settings/origin.js'
import { type DbMetadata, parseVersionInfo } from './db-age.js'

export const TRIVY_SERVER_INPUT = 'trivy-server'
export const TRIVY_SERVER_TOKEN_INPUT = 'trivy-server-token'
export const TRIVY_SERVER_TOKEN_HEADER_INPUT = 'trivy-server-token-header'
/** Trivy's own default (`DefaultTokenHeader`). */
export const DEFAULT_TOKEN_HEADER = 'Trivy-Token'

export interface TrivyServer {
  url: string
  token?: string
  tokenHeader?: string
  /**
   * `max-db-age`: also checked on each report's `Trivy.Server.VulnerabilityDB` (v0.70+), the
   * DB that produced those findings, e.g. behind a load balancer with servers of mixed age.
   */
  maxDbAgeMs?: number
}

/** An http(s) URL without credentials, query or fragment, as Trivy's `--server` takes it. */
export function parseTrivyServer(
  raw: string,
  label: Label = TRIVY_SERVER_INPUT,
): string | undefined {
  const v = raw.trim()
  if (!v) return undefined
  let url: URL
  try {
    url = new URL(v)
  } catch {
    throw new InputError(
      label,
      `"${v}" is not a URL; write it like https://trivy.example.com:4954.`,
    )
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InputError(label, `"${v}" must start with https:// (or http://), as Trivy requires.`)
  }
  if (url.username || url.password) {
    throw new InputError(
      label,
      `the URL carries credentials, which would be logged; give the token in ${toOrigin(label).kind === 'flag' ? 'the TRIVY_TOKEN environment variable' : `\`${TRIVY_SERVER_TOKEN_INPUT}\``} instead.`,
    )
  }
  if (url.search || url.hash) {
    throw new InputError(label, `"${v}" has a query or fragment; give the server's base URL only.`)
  }
  return v.replace(/\/+$/, '')
}

/**
 * The server with its token, refusing a token that would cross the network in clear: anyone on
 * the path could replay it against the server (which then scans for them with the org's DB).
 */
export function trivyServerWithToken(
  url: string,
  token: string | undefined,
  tokenHeader?: string,
  /** Where the URL and the token came from: the action's inputs, or the CLI's flag and env. */
  names: { server: Label; token: string } = {
    server: TRIVY_SERVER_INPUT,
    token: `\`${TRIVY_SERVER_TOKEN_INPUT}\``,
  },
): TrivyServer {
  if (token && new URL(url).protocol === 'http:' && !isLoopbackHost(new URL(url).host)) {
    throw new InputError(
      names.server,
      `${url} would carry ${names.token} in clear to another host. Serve the Trivy server over https:// (e.g. behind a TLS proxy), or run it on this machine (127.0.0.1).`,
    )
  }
  return {
    url,
    ...(token ? { token } : {}),
    ...(tokenHeader && tokenHeader !== DEFAULT_TOKEN_HEADER ? { tokenHeader } : {}),
  }
}

/** An HTTP header name (RFC 9110 token). */
export function parseTokenHeader(
  raw: string,
  label: Label = TRIVY_SERVER_TOKEN_HEADER_INPUT,
): string {
  const v = raw.trim()
  if (!v) return DEFAULT_TOKEN_HEADER
  if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/.test(v)) {
    throw new InputError(label, `"${v}" is not an HTTP header name (letters, digits and - only).`)
  }
  return v
}

/** Flags and environment of a client run: the token only in the environment. */
export function clientArgs(server: TrivyServer): { args: string[]; env: Record<string, string> } {
  const args = ['--server', server.url]
  if (server.tokenHeader && server.tokenHeader !== DEFAULT_TOKEN_HEADER) {
    args.push('--token-header', server.tokenHeader)
  }
  return { args, env: server.token ? { TRIVY_TOKEN: server.token } : {} }
}

/**
 * The server's DB metadata from `GET <server>/version` (open, no token: pkg/rpc/server/listen.go).
 * Also proves the server answers before any image is sent to it.
 */
export async function serverDbMetadata(
  server: TrivyServer,
  fetchImpl: typeof fetch = fetch,
): Promise<DbMetadata | undefined> {
  const url = `${server.url}/version`
  let res: Response
  try {
    res = await fetchImpl(url, { signal: AbortSignal.timeout(30_000) })
  } catch (error) {
    throw new Error(
      `The Trivy server ${server.url} did not answer GET /version (${(error as Error).message}). Check \`${TRIVY_SERVER_INPUT}\` and that the runner can reach the server.`,
    )
  }
  if (!res.ok) {
    throw new Error(
      `The Trivy server ${server.url} answered GET /version with HTTP ${res.status}. Check \`${TRIVY_SERVER_INPUT}\` (a path prefix belongs in the URL).`,
    )
  }
  const text = (await res.text()).slice(0, 64 * 1024)
  return parseVersionInfo(text).vulnerabilityDb
}
