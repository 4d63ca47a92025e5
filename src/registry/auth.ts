/**
 * How the client authenticates: the challenge each registry sent on its first 401, bearer
 * tokens per scope from the realm it named, and the credentials the provider has for its host
 * (looked up once per host). Shared by every view of a client.
 */
import type { Credential, CredentialProvider } from './credentials.js'
import { RegistryError } from './errors.js'
import {
  type Action,
  isDefinitive,
  networkReason,
  type RegistryTransport,
  seconds,
  USER_AGENT,
} from './http.js'
import type { RepositoryRef } from './reference.js'

export type Challenge = { scheme: 'basic' } | { scheme: 'bearer'; realm: string; service?: string }

export class RegistryAuth {
  private readonly credentials?: CredentialProvider
  /** How each registry wants to be authenticated, learnt from its first 401. */
  private readonly challenges = new Map<string, Challenge>()
  /** Bearer tokens by `registry|scope`. */
  private readonly tokens = new Map<string, { token: string; expires: number }>()
  private readonly credentialCache = new Map<string, Promise<Credential | undefined>>()

  constructor(credentials?: CredentialProvider) {
    this.credentials = credentials
  }

  /** A 401 from the registry's own origin told us how to authenticate: remember it. */
  learn(repo: RepositoryRef, action: Action, challenge: Challenge): void {
    this.challenges.set(repo.registry, challenge)
    this.forgetTokens(repo, action)
  }

  credentialFor(registry: string): Promise<(Credential & { username?: string }) | undefined> {
    if (!this.credentials) return Promise.resolve(undefined)
    let found = this.credentialCache.get(registry)
    if (!found) {
      found = this.credentials.get(registry)
      this.credentialCache.set(registry, found)
    }
    return found
  }

  private forgetTokens(repo: RepositoryRef, action: Action) {
    this.tokens.delete(`${repo.registry}|${scopeFor(repo, action)}`)
  }

  async authorization(
    t: RegistryTransport,
    repo: RepositoryRef,
    action: Action,
    what: string,
  ): Promise<string | undefined> {
    const challenge = this.challenges.get(repo.registry)
    if (!challenge) return undefined
    const cred = await this.credentialFor(repo.registry)
    if (challenge.scheme === 'basic') {
      if (cred?.kind !== 'basic') return undefined
      return `Basic ${Buffer.from(`${cred.username}:${cred.password}`).toString('base64')}`
    }
    const scope = scopeFor(repo, action)
    const key = `${repo.registry}|${scope}`
    const cached = this.tokens.get(key)
    if (cached && cached.expires > Date.now()) return `Bearer ${cached.token}`
    const token = await this.fetchToken(t, challenge, scope, cred, repo, what)
    this.tokens.set(key, token)
    return `Bearer ${token.token}`
  }

  /**
   * A bearer token from the realm the registry named in its challenge. The realm may be on
   * another host, and the user's Basic credentials go there: that is how Docker Hub
   * (auth.docker.io), GHCR (ghcr.io/token), ECR, GAR and ACR work, and what the docker CLI,
   * containerd and distribution's own client do. The registry already decides where its users
   * log in; what we guard against is the network, so the realm must be HTTPS (plain HTTP only
   * for a loopback registry in insecure mode), and the credentials are not forwarded if the
   * token service redirects to yet another origin.
   */
  private async fetchToken(
    t: RegistryTransport,
    challenge: { realm: string; service?: string },
    scope: string,
    cred: Credential | undefined,
    repo: RepositoryRef,
    what: string,
  ): Promise<{ token: string; expires: number }> {
    let url: URL
    try {
      url = new URL(challenge.realm)
    } catch {
      throw new RegistryError(
        'invalid-response',
        `${what}: ${repo.registry} named a token service that is not a URL (${JSON.stringify(challenge.realm.slice(0, 200))}).`,
      )
    }
    const peer = `the token service ${url.origin} of ${repo.registry}`
    const headers: Record<string, string> = { 'user-agent': USER_AGENT }
    let form: string | undefined
    let authorization: string | undefined
    if (cred?.kind === 'identity-token') {
      const params = new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: cred.token,
        scope,
        client_id: 'shipgate',
      })
      if (challenge.service) params.set('service', challenge.service)
      headers['content-type'] = 'application/x-www-form-urlencoded'
      form = params.toString()
    } else {
      if (challenge.service) url.searchParams.set('service', challenge.service)
      url.searchParams.set('scope', scope)
      if (cred?.kind === 'basic') {
        authorization = `Basic ${Buffer.from(`${cred.username}:${cred.password}`).toString('base64')}`
        url.searchParams.set('account', cred.username)
      }
    }
    let res: Response
    for (let attempt = 0; ; attempt++) {
      try {
        res = (
          await t.send({
            url,
            method: form === undefined ? 'GET' : 'POST',
            headers,
            ...(form === undefined ? {} : { body: form, secretBody: true }),
            ...(authorization
              ? { authorization: { origin: url.origin, value: authorization } }
              : {}),
            what,
            peer,
          })
        ).res
        break
      } catch (error) {
        if (t.signal?.aborted) throw t.signal.reason
        if (error instanceof RegistryError && error.kind !== 'timeout') throw error
        if (attempt < t.retries && !isDefinitive(error)) {
          const reason =
            error instanceof RegistryError
              ? `no answer within ${seconds(t.timeoutMs)}`
              : networkReason(error)
          await t.backoff(attempt, undefined, `${what}: token service: ${reason}`)
          continue
        }
        throw t.transportError(what, peer, attempt + 1, error, url)
      }
    }
    t.logger.debug(
      `registry: token for ${scope} from ${url.origin}${url.pathname} -> ${res.status}`,
    )
    if (!res.ok) {
      const text = await res.text().catch(() => '')
      const kind = res.status === 403 ? 'denied' : 'unauthorized'
      throw new RegistryError(
        kind,
        `${what}: the token service of ${repo.registry} refused ${cred ? `the credentials from ${cred.source}` : 'anonymous access'} (HTTP ${res.status}${text ? `: ${text.slice(0, 200).trim()}` : ''}). ${cred ? 'Check the user name and password/token.' : 'Log in first (docker/login-action or registry-username/registry-password).'}`,
        { status: res.status, url: url.origin + url.pathname },
      )
    }
    let body: { token?: string; access_token?: string; expires_in?: number }
    try {
      body = (await res.json()) as typeof body
    } catch {
      throw new RegistryError(
        'invalid-response',
        `${what}: the token service of ${repo.registry} answered with something that is not JSON.`,
      )
    }
    const token = body?.token ?? body?.access_token
    if (!token) {
      throw new RegistryError(
        'invalid-response',
        `${what}: the token service of ${repo.registry} returned no token.`,
      )
    }
    const lifetime = Math.max(60, Number(body.expires_in) || 60) * 1000
    return { token, expires: Date.now() + lifetime - 10_000 }
  }
}

function scopeFor(repo: RepositoryRef, action: Action): string {
  return `repository:${repo.repository}:${action}`
}

/** `Bearer realm="…",service="…",scope="…"` or `Basic realm="…"`. */
export function parseChallenge(header: string | null): Challenge | undefined {
  if (!header) return undefined
  const match = /^\s*(\w+)\s*(.*)$/.exec(header)
  if (!match) return undefined
  const scheme = (match[1] ?? '').toLowerCase()
  if (scheme === 'basic') return { scheme: 'basic' }
  if (scheme !== 'bearer') return undefined
  const params: Record<string, string> = {}
  for (const m of (match[2] ?? '').matchAll(/(\w+)\s*=\s*(?:"([^"]*)"|([^,\s]*))/g)) {
    params[(m[1] ?? '').toLowerCase()] = m[2] ?? m[3] ?? ''
  }
  if (!params.realm) return undefined
  return params.service
    ? { scheme: 'bearer', realm: params.realm, service: params.service }
    : { scheme: 'bearer', realm: params.realm }
}
