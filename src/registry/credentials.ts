/**
 * Where registry credentials come from. Providers return secrets only to the client's auth
 * code; nothing here logs a credential, only where it was found.
 */
import { readFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { childEnv } from '../child-env.js'
import { failureOf, runProgram } from '../program.js'
import { DOCKER_HUB } from './reference.js'

export type Credential =
  | { kind: 'basic'; username: string; password: string; source: string }
  /** An OAuth2 refresh token (docker config `identitytoken`), exchanged at the token endpoint. */
  | { kind: 'identity-token'; token: string; source: string }

export interface CredentialProvider {
  /** Credentials for a registry host (`ghcr.io`, `docker.io`, `127.0.0.1:5000`), or undefined. */
  get(registry: string): Promise<Credential | undefined>
}

/** Explicit username/password (the `registry-username`/`registry-password` inputs). */
export function staticCredentials(
  username: string,
  password: string,
  opts: { registry?: string; source?: string } = {},
): CredentialProvider {
  const source = opts.source ?? 'registry-username/registry-password'
  return {
    async get(registry) {
      if (opts.registry && normalizeHost(opts.registry) !== normalizeHost(registry))
        return undefined
      return { kind: 'basic', username, password, source }
    },
  }
}

/** `GITHUB_TOKEN` (or `GH_TOKEN`) for ghcr.io, as actions/checkout's token can read packages. */
export function environmentCredentials(env: NodeJS.ProcessEnv = process.env): CredentialProvider {
  return {
    async get(registry) {
      if (normalizeHost(registry) !== 'ghcr.io') return undefined
      const token = env.GITHUB_TOKEN || env.GH_TOKEN
      if (!token) return undefined
      // ghcr.io accepts any non-empty user name with a token.
      const username = env.GITHUB_ACTOR || 'x-access-token'
      return {
        kind: 'basic',
        username,
        password: token,
        source: env.GITHUB_TOKEN ? 'GITHUB_TOKEN' : 'GH_TOKEN',
      }
    },
  }
}

interface DockerConfigFile {
  auths?: Record<
    string,
    { auth?: string; username?: string; password?: string; identitytoken?: string }
  >
  credsStore?: string
  credHelpers?: Record<string, string>
}

/**
 * `~/.docker/config.json` (or `$DOCKER_CONFIG/config.json`) as docker/login-action writes it:
 * `auths.<host>.auth` = base64(`user:password`); credential helpers are run when configured.
 */
export function dockerConfigCredentials(
  opts: {
    env?: NodeJS.ProcessEnv
    path?: string
    /** How long a credential helper may take before we give up (default 30 s). */
    helperTimeoutMs?: number
  } = {},
): CredentialProvider {
  const env = opts.env ?? process.env
  const helperTimeoutMs = opts.helperTimeoutMs ?? HELPER_TIMEOUT_MS
  const path = opts.path ?? join(env.DOCKER_CONFIG || join(homedir(), '.docker'), 'config.json')
  let loaded: Promise<DockerConfigFile | undefined> | undefined
  const load = () => {
    loaded ??= readFile(path, 'utf8').then(
      (text) => {
        try {
          return JSON.parse(text) as DockerConfigFile
        } catch (error) {
          throw new Error(
            `${path} is not valid JSON (${(error as Error).message}); fix or remove it, or pass registry-username/registry-password.`,
          )
        }
      },
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return undefined
        throw error
      },
    )
    return loaded
  }
  return {
    async get(registry) {
      const config = await load()
      if (!config) return undefined
      const host = normalizeHost(registry)
      const source = `docker config ${path}`
      const helper = config.credHelpers?.[host] ?? config.credHelpers?.[registry]
      if (helper) return runHelper(helper, host, source, helperTimeoutMs)
      for (const [key, entry] of Object.entries(config.auths ?? {})) {
        if (normalizeHost(key) !== host) continue
        if (entry.identitytoken)
          return { kind: 'identity-token', token: entry.identitytoken, source }
        if (entry.auth) {
          const decoded = Buffer.from(entry.auth, 'base64').toString('utf8')
          const colon = decoded.indexOf(':')
          if (colon <= 0) {
            throw new Error(
              `${path}: the "auth" entry for ${key} is not base64("user:password"); run docker login ${key} again.`,
            )
          }
          return {
            kind: 'basic',
            username: decoded.slice(0, colon),
            password: decoded.slice(colon + 1),
            source,
          }
        }
        if (entry.username && entry.password) {
          return { kind: 'basic', username: entry.username, password: entry.password, source }
        }
      }
      if (config.credsStore) return runHelper(config.credsStore, host, source, helperTimeoutMs)
      return undefined
    },
  }
}

/** The first provider that has something wins: explicit inputs, then docker config, then env. */
export function chainCredentials(...providers: CredentialProvider[]): CredentialProvider {
  return {
    async get(registry) {
      for (const provider of providers) {
        const found = await provider.get(registry)
        if (found) return found
      }
      return undefined
    },
  }
}

/**
 * The usual order for the action and the CLI. An explicit username/password is used only for
 * `registry` (see login.ts); without a host it is never sent anywhere.
 */
export function defaultCredentials(
  opts: { username?: string; password?: string; registry?: string; env?: NodeJS.ProcessEnv } = {},
): CredentialProvider {
  const providers: CredentialProvider[] = []
  if (opts.username && opts.password && opts.registry)
    providers.push(staticCredentials(opts.username, opts.password, { registry: opts.registry }))
  providers.push(dockerConfigCredentials({ env: opts.env }))
  providers.push(environmentCredentials(opts.env))
  return chainCredentials(...providers)
}

/** docker config keys may be URLs (`https://index.docker.io/v1/`); compare bare hosts. */
export function normalizeHost(value: string): string {
  let host = value.trim().replace(/^[a-z]+:\/\//i, '')
  host = host.split('/')[0] ?? host
  host = host.toLowerCase()
  if (host === 'index.docker.io' || host === 'registry-1.docker.io' || host === DOCKER_HUB) {
    return DOCKER_HUB
  }
  return host
}

/**
 * Helpers can block for ever: a locked keychain, a desktop prompt no one will answer on a
 * runner, a hung D-Bus. A bounded wait turns that into an error the user can act on.
 */
const HELPER_TIMEOUT_MS = 30_000

async function runHelper(
  helper: string,
  host: string,
  source: string,
  timeoutMs: number,
): Promise<Credential | undefined> {
  if (!/^[A-Za-z0-9._-]+$/.test(helper)) {
    throw new Error(`Docker credential helper name ${JSON.stringify(helper)} is not valid.`)
  }
  const server = host === DOCKER_HUB ? 'https://index.docker.io/v1/' : host
  const result = await runProgram(`docker-credential-${helper}`, ['get'], {
    input: server,
    timeoutMs,
    // The helper answers for one host; it never needs the job's tokens or the action's inputs.
    env: childEnv(),
  })
  if (result.timedOut) {
    throw new Error(
      `docker-credential-${helper} did not answer within ${timeoutMs / 1000} s for ${host} and was stopped; it may be waiting for a locked keychain or an interactive prompt. Unlock or fix the helper (try \`echo ${server} | docker-credential-${helper} get\`), or pass registry-username/registry-password instead.`,
    )
  }
  if (result.exitCode === undefined) {
    throw new Error(
      `docker-credential-${helper} ${failureOf(result)} for ${host}; install it or fix credHelpers/credsStore in the docker config.`,
    )
  }
  if (result.exitCode !== 0) {
    // "credentials not found" is a normal answer: fall through to anonymous access.
    if (/not found/i.test(result.stdout + result.stderr)) return undefined
    throw new Error(
      `docker-credential-${helper} failed for ${host} (exit ${result.exitCode}); check that the helper is installed and logged in.`,
    )
  }
  const parsed = JSON.parse(result.stdout) as { Username?: string; Secret?: string }
  if (!parsed.Secret) return undefined
  if (parsed.Username === '<token>') {
    return { kind: 'identity-token', token: parsed.Secret, source: `${source} (${helper} helper)` }
  }
  return {
    kind: 'basic',
    username: parsed.Username ?? '',
    password: parsed.Secret,
    source: `${source} (${helper} helper)`,
  }
}
