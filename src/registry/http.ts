/**
 * The HTTP side of the registry client: one logical request (auth challenge, retries with
 * backoff, errors a user can act on) and one attempt (redirects followed by hand so that
 * credentials never leave their origin, plain HTTP only for loopback, per-attempt and overall
 * deadlines, bounded bodies). Authentication itself is in auth.ts.
 */
import { type Logger, silentLogger } from '../logger.js'
import { parseChallenge, type RegistryAuth } from './auth.js'
import { parseErrorBody, RegistryError } from './errors.js'
import { apiHost, formatRepository, isLoopbackHost, type RepositoryRef } from './reference.js'

export interface TransportOptions {
  logger?: Logger
  insecure?: boolean
  caCert?: string | Buffer
  retries?: number
  retryDelayMs?: number
  maxRetryDelayMs?: number
  timeoutMs?: number
}

export type Action = 'pull' | 'pull,push'

export interface RequestSpec {
  repo: RepositoryRef
  method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE'
  /** Path under /v2/<name>/, or a full URL (upload Location). */
  path: string
  action: Action
  headers?: Record<string, string>
  body?: Buffer
  /** For messages: what we were doing, e.g. `pull 127.0.0.1:5000/app:v1`. */
  what: string
  /** Statuses returned to the caller instead of thrown. */
  accept?: number[]
  /**
   * Hand the body back as a stream (blobs): the timeout then covers the headers and idle gaps.
   * Otherwise the body is read whole inside the attempt, so a stall is retried.
   */
  stream?: boolean
  /** Most bytes a successful buffered body may have (default 16 MiB), and the error past it. */
  limit?: BodyLimit
}

export interface BodyLimit {
  bytes: number
  error: (size: number) => RegistryError
}

/** One attempt's worth of HTTP, redirects included. */
export interface SendSpec {
  url: URL
  method: string
  headers: Record<string, string>
  body?: Buffer | string
  /** Sent only to this origin (scheme, host and port), never to a redirect or Location elsewhere. */
  authorization?: { origin: string; value: string }
  /** The body is itself a secret (a refresh token): never re-sent to another origin. */
  secretBody?: boolean
  stream?: boolean
  limit?: BodyLimit
  what: string
  /** Who we are talking to, for messages: `registry 127.0.0.1:5000`, `the token service of …`. */
  peer: string
}

const REDIRECTS = new Set([301, 302, 303, 307, 308])
const MAX_REDIRECTS = 10
const DEFAULT_BODY_LIMIT = 16 * 1024 * 1024
/** Error bodies are only read for their message. */
const ERROR_BODY_LIMIT = 64 * 1024

export const USER_AGENT = 'shipgate (+https://github.com/shipgate)'

export class RegistryTransport {
  readonly logger: Logger
  readonly retries: number
  readonly timeoutMs: number
  private readonly insecure: boolean
  private readonly retryDelayMs: number
  private readonly maxRetryDelayMs: number
  private readonly caCert?: string | Buffer
  private fetchImpl?: Promise<typeof fetch>
  /** Set on a view made by `withSignal`: every request of that view stops when it aborts. */
  signal?: AbortSignal
  /**
   * Manifests read by digest in this job (manifests.ts): content-addressed, so a second read
   * cannot differ. The platform listing, the base-image check and the layer attribution each
   * read the same children and bases; shared by every view of this transport.
   */
  readonly manifestsByDigest = new Map<string, { bytes: Buffer; contentType: string }>()
  private readonly auth: RegistryAuth

  constructor(opts: TransportOptions, auth: RegistryAuth) {
    this.logger = opts.logger ?? silentLogger
    this.insecure = opts.insecure ?? false
    this.retries = opts.retries ?? 3
    this.retryDelayMs = opts.retryDelayMs ?? 500
    this.maxRetryDelayMs = opts.maxRetryDelayMs ?? 30_000
    this.caCert = opts.caCert
    this.timeoutMs = opts.timeoutMs ?? 30_000
    this.auth = auth
  }

  /** A view of this transport (same fetch, same auth state) whose requests stop when `signal` aborts. */
  withSignal(signal: AbortSignal): RegistryTransport {
    // A view, not a copy: the prototype is this transport, so caches stay shared.
    const view = Object.create(this) as RegistryTransport
    view.signal = signal
    return view
  }

  baseUrl(repo: RepositoryRef): string {
    const host = apiHost(repo.registry)
    const scheme = this.insecure && isLoopbackHost(host) ? 'http' : 'https'
    return `${scheme}://${host}/v2/${repo.repository}/`
  }

  private async getFetch(): Promise<typeof fetch> {
    this.fetchImpl ??= (async () => {
      if (!this.caCert) return globalThis.fetch
      // A per-client CA needs undici's Agent; the global fetch cannot take one without
      // changing trust for the whole process.
      const undici = await import('undici')
      const { rootCertificates } = await import('node:tls')
      const agent = new undici.Agent({
        connect: { ca: [...rootCertificates, this.caCert.toString()] },
      })
      return ((input: string, init: RequestInit) =>
        undici.fetch(input, {
          ...(init as object),
          dispatcher: agent,
        } as never)) as unknown as typeof fetch
    })()
    return this.fetchImpl
  }

  /** One logical request: auth challenge handling, retries with backoff, errors mapped. */
  async request(spec: RequestSpec): Promise<Response> {
    const base = this.baseUrl(spec.repo)
    const registryOrigin = new URL(base).origin
    // A full URL comes from the registry itself (upload Location, Link: next) and may name any
    // host: it is checked like a redirect, and gets the registry's credentials only when it is
    // the registry's own origin.
    const url = new URL(spec.path.includes('://') ? spec.path : `${base}${spec.path}`)
    const peer = `registry ${spec.repo.registry}`
    let authRetried = false
    for (let attempt = 0; ; attempt++) {
      const headers: Record<string, string> = { 'user-agent': USER_AGENT, ...spec.headers }
      const authorization =
        url.origin === registryOrigin
          ? await this.auth.authorization(this, spec.repo, spec.action, spec.what)
          : undefined
      let sent: { res: Response; url: URL }
      try {
        sent = await this.send({
          url,
          method: spec.method,
          headers,
          ...(spec.body ? { body: spec.body } : {}),
          ...(authorization
            ? { authorization: { origin: registryOrigin, value: authorization } }
            : {}),
          ...(spec.stream ? { stream: true } : {}),
          ...(spec.limit ? { limit: spec.limit } : {}),
          what: spec.what,
          peer,
        })
      } catch (error) {
        if (this.signal?.aborted) throw this.signal.reason
        if (error instanceof RegistryError && error.kind !== 'timeout') throw error
        const reason =
          error instanceof RegistryError
            ? `no answer within ${seconds(this.timeoutMs)}`
            : networkReason(error)
        if (attempt < this.retries && !isDefinitive(error)) {
          await this.backoff(attempt, undefined, `${spec.what}: ${reason}`)
          continue
        }
        throw this.transportError(spec.what, peer, attempt + 1, error, url)
      }
      const { res } = sent
      this.logger.debug(`registry: ${spec.method} ${redactUrl(sent.url)} -> ${res.status}`)
      if (res.ok || spec.accept?.includes(res.status)) return res

      // Only the registry's own origin may tell us how to authenticate to it.
      if (res.status === 401 && !authRetried && sent.url.origin === registryOrigin) {
        const challenge = parseChallenge(res.headers.get('www-authenticate'))
        if (challenge) {
          await res.body?.cancel()
          this.auth.learn(spec.repo, spec.action, challenge)
          authRetried = true
          attempt--
          continue
        }
      }
      if ((res.status === 429 || res.status >= 500) && attempt < this.retries) {
        await res.body?.cancel()
        await this.backoff(
          attempt,
          res.headers.get('retry-after'),
          `${spec.what}: HTTP ${res.status}`,
        )
        continue
      }
      if (sent.url.origin !== registryOrigin && (res.status === 401 || res.status === 403)) {
        throw new RegistryError(
          'denied',
          `${spec.what}: ${sent.url.origin}, where ${spec.repo.registry} sent this request, refused it (HTTP ${res.status}). It got no credentials: they only go to the registry's own origin (${registryOrigin}).`,
          { status: res.status, url: redactUrl(sent.url) },
        )
      }
      throw await this.toError(spec, res, sent.url.toString())
    }
  }

  /**
   * One attempt: the request, with redirects followed by hand so that every hop passes the
   * transport rule and credentials never leave their origin, under the attempt's timeout.
   * Throws a `timeout` RegistryError when the peer goes quiet, other RegistryErrors for
   * requests refused before sending, and fetch's own errors for network failures.
   */
  async send(spec: SendSpec): Promise<{ res: Response; url: URL }> {
    const doFetch = await this.getFetch()
    const controller = new AbortController()
    let timer: NodeJS.Timeout | undefined
    const arm = (phase: string) => {
      clearTimeout(timer)
      timer = setTimeout(
        () => controller.abort(this.timeoutReason(spec, phase)),
        this.timeoutMs,
      ).unref()
    }
    const disarm = () => clearTimeout(timer)
    const signal = this.signal
      ? AbortSignal.any([controller.signal, this.signal])
      : controller.signal
    let url = spec.url
    let method = spec.method
    let body = spec.body
    const headers = { ...spec.headers }
    arm('waiting for the response')
    try {
      for (let hop = 0; ; hop++) {
        this.assertTransport(url, spec, hop === 0 ? 'request' : 'redirect')
        const sendHeaders = { ...headers }
        if (spec.authorization && url.origin === spec.authorization.origin) {
          sendHeaders.authorization = spec.authorization.value
        }
        const res = await doFetch(url.toString(), {
          method,
          headers: sendHeaders,
          ...(body === undefined ? {} : { body }),
          redirect: 'manual',
          signal,
        })
        const location = REDIRECTS.has(res.status) ? res.headers.get('location') : null
        if (!location) {
          if (spec.stream && res.body) {
            disarm()
            return { res: idleTimed(res, arm, disarm, signal), url }
          }
          const ok = res.ok
          const limit = ok ? (spec.limit ?? defaultLimit(spec)) : undefined
          const bytes = await readBody(res, limit?.bytes ?? ERROR_BODY_LIMIT, limit?.error)
          disarm()
          return { res: rebuild(res, bytes), url }
        }
        await res.body?.cancel().catch(() => {})
        if (hop >= MAX_REDIRECTS) {
          throw new RegistryError(
            'invalid-response',
            `${spec.what}: more than ${MAX_REDIRECTS} redirects from ${spec.peer}; it is misconfigured.`,
            { url: redactUrl(url) },
          )
        }
        const next = new URL(location, url)
        if (
          res.status === 303 ||
          ((res.status === 301 || res.status === 302) && method === 'POST')
        ) {
          // As fetch does: the redirected request is a GET without the body.
          if (method !== 'HEAD') method = 'GET'
          body = undefined
          delete headers['content-type']
        } else if (body !== undefined && spec.secretBody && next.origin !== url.origin) {
          throw new RegistryError(
            'insecure',
            `${spec.what}: ${spec.peer} redirected a request that carries a secret to another host (${next.origin}); refusing to send it there.`,
            { url: redactUrl(next) },
          )
        }
        url = next
      }
    } catch (error) {
      disarm()
      // fetch rejects with the abort reason; a body read may wrap it.
      if (signal.aborted && signal.reason instanceof RegistryError) throw signal.reason
      throw error
    }
  }

  /**
   * Plain HTTP only where the registry itself may use it (insecure and loopback); every URL a
   * registry hands us (Location, Link, redirect, token realm) must pass the same rule, or a
   * registry could steer a request, and its body, onto the open network unencrypted.
   */
  private assertTransport(url: URL, spec: SendSpec, how: 'request' | 'redirect') {
    if (url.protocol === 'https:') return
    if (url.protocol === 'http:' && this.insecure && isLoopbackHost(url.host)) return
    const via = how === 'redirect' ? `${spec.peer} redirected to` : 'the URL is'
    const plain = url.protocol === 'http:'
    throw new RegistryError(
      'insecure',
      `${spec.what}: refusing to connect because ${via} ${redactUrl(url)}, ${plain ? 'plain HTTP to a host that is not loopback' : `an unsupported scheme (${url.protocol})`}. Shipgate talks to registries and token services over HTTPS only (plain HTTP only for loopback registries). ${plain ? 'If the registry sits behind a TLS proxy, make the proxy send X-Forwarded-Proto: https (or set http.relativeurls: true in the distribution config) so it hands out https:// URLs.' : ''}`.trim(),
      { url: redactUrl(url) },
    )
  }

  private timeoutReason(spec: SendSpec, phase: string): RegistryError {
    return new RegistryError(
      'timeout',
      `${spec.what}: ${spec.peer} sent nothing for ${seconds(this.timeoutMs)} (${phase}). The registry is stalled or the network drops packets; retry later.`,
      { url: redactUrl(spec.url) },
    )
  }

  /** The error after the last attempt failed at the network level or timed out. */
  transportError(
    what: string,
    peer: string,
    attempts: number,
    error: unknown,
    url: URL,
  ): RegistryError {
    const tries = attempts === 1 ? '1 attempt' : `${attempts} attempts`
    if (error instanceof RegistryError && error.kind === 'timeout') {
      return new RegistryError(
        'timeout',
        `${what}: ${peer} did not answer within ${seconds(this.timeoutMs)} (${tries}). Check that it is up and reachable from this runner, or retry later.`,
        { url: redactUrl(url), cause: error },
      )
    }
    return new RegistryError(
      'unreachable',
      `Cannot reach ${peer} to ${what} (${networkReason(error)}; ${tries}). Check the registry address, that it is up, and the network${this.insecure ? '' : ' (and TLS)'}.`,
      { url: redactUrl(url), cause: error },
    )
  }

  async backoff(attempt: number, retryAfter: string | null | undefined, why: string) {
    let delay = this.retryDelayMs * 2 ** attempt
    delay += Math.random() * delay * 0.25
    const asked = parseRetryAfter(retryAfter)
    if (asked !== undefined) delay = asked
    delay = Math.min(delay, this.maxRetryDelayMs)
    this.logger.info(
      `${why}; retrying in ${(delay / 1000).toFixed(1)} s (attempt ${attempt + 2} of ${this.retries + 1})`,
    )
    await new Promise<void>((resolve, reject) => {
      const signal = this.signal
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', stop)
        resolve()
      }, delay)
      const stop = () => {
        clearTimeout(timer)
        reject(signal?.reason)
      }
      if (signal?.aborted) stop()
      else signal?.addEventListener('abort', stop, { once: true })
    })
  }

  private async toError(spec: RequestSpec, res: Response, url: string): Promise<RegistryError> {
    const text = spec.method === 'HEAD' ? '' : await res.text().catch(() => '')
    const errors = parseErrorBody(text)
    const codes = errors.map((e) => e.code)
    const detail = errors.map((e) => `${e.code}: ${e.message}`).join('; ')
    const details = { status: res.status, codes, url }
    const cred = await this.auth.credentialFor(spec.repo.registry)
    const who = cred
      ? `the credentials from ${cred.source} (user ${cred.username ?? 'token'})`
      : 'anonymous access'
    const verb = spec.action === 'pull' ? 'pull from' : 'push to'
    const repoName = formatRepository(spec.repo)
    const insufficientScope = /insufficient_scope/.test(res.headers.get('www-authenticate') ?? '')
    switch (res.status) {
      case 401:
        if (insufficientScope && cred) {
          return new RegistryError(
            'denied',
            `${spec.what}: ${who} may not ${verb} ${repoName} (401 insufficient_scope). Grant ${spec.action === 'pull' ? 'read' : 'write'} access to this repository, or use credentials that have it.`,
            details,
          )
        }
        return new RegistryError(
          'unauthorized',
          `${spec.what}: ${repoName} refused ${who} (401${detail ? `, ${detail}` : ''}). ` +
            (cred
              ? 'Check the user name and password/token, and that they are valid for this registry.'
              : `Log in first (docker/login-action, or the registry-username/registry-password inputs${spec.repo.registry === 'ghcr.io' ? ', or GITHUB_TOKEN' : ''}).`),
          details,
        )
      case 403:
        return new RegistryError(
          'denied',
          `${spec.what}: ${who} may not ${verb} ${repoName} (403${detail ? `, ${detail}` : ''}). Grant ${spec.action === 'pull' ? 'read' : 'write'} access to this repository${spec.repo.registry === 'ghcr.io' ? ` (for GITHUB_TOKEN: \`permissions: packages: ${spec.action === 'pull' ? 'read' : 'write'}\`)` : ''}.`,
          details,
        )
      case 404: {
        let hint = 'Check the image name and tag.'
        if (codes.includes('NAME_UNKNOWN'))
          hint = `Repository ${repoName} does not exist (or is private and needs credentials); check the name.`
        else if (codes.includes('MANIFEST_UNKNOWN'))
          hint =
            'That tag or digest does not exist in the repository; check it was pushed (list tags with `crane ls` or the registry UI).'
        else if (codes.includes('BLOB_UNKNOWN'))
          hint = 'The registry lost a blob the image needs; push the image again.'
        return new RegistryError(
          'not-found',
          `${spec.what}: not found (404${detail ? `, ${detail}` : ''}). ${hint}`,
          details,
        )
      }
      case 413:
        return new RegistryError(
          'too-large',
          `${spec.what}: the registry refused the upload as too large (413).`,
          details,
        )
      case 429:
        return new RegistryError(
          'rate-limited',
          `${spec.what}: rate limited by ${spec.repo.registry} (429) after ${this.retries + 1} attempts. Authenticate to get a higher limit, or retry later.`,
          details,
        )
      default:
        if (res.status >= 500) {
          return new RegistryError(
            'server',
            `${spec.what}: registry ${spec.repo.registry} failed with HTTP ${res.status} after ${this.retries + 1} attempts${detail ? ` (${detail})` : ''}. Retry later or check the registry's status.`,
            details,
          )
        }
        return new RegistryError(
          'rejected',
          `${spec.what}: the registry answered HTTP ${res.status}${detail ? ` (${detail})` : text ? ` (${text.slice(0, 200)})` : ''}.`,
          details,
        )
    }
  }
}

function defaultLimit(spec: SendSpec): BodyLimit {
  return {
    bytes: DEFAULT_BODY_LIMIT,
    error: (size) =>
      new RegistryError(
        'too-large',
        `${spec.what}: ${spec.peer} sent ${size} bytes or more, over the ${DEFAULT_BODY_LIMIT / 1024 / 1024} MiB a response of this kind may have; refusing it.`,
      ),
  }
}

/**
 * A body read whole, up to `max` bytes: past it, `tooBig` is thrown when given (successful
 * responses), else the body is cut there (error bodies are only read for their message).
 */
async function readBody(
  res: Response,
  max: number,
  tooBig?: (size: number) => RegistryError,
): Promise<Buffer> {
  if (!res.body) return Buffer.alloc(0)
  const declared = Number(res.headers.get('content-length') ?? Number.NaN)
  if (tooBig && declared > max) {
    await res.body.cancel().catch(() => {})
    throw tooBig(declared)
  }
  const chunks: Buffer[] = []
  let total = 0
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    total += chunk.length
    if (total > max) {
      await res.body.cancel().catch(() => {})
      if (tooBig) throw tooBig(total)
      chunks.push(Buffer.from(chunk.subarray(0, chunk.length - (total - max))))
      break
    }
    chunks.push(Buffer.from(chunk))
  }
  return Buffer.concat(chunks)
}

/** Statuses whose Response may not carry a body. */
const NULL_BODY = new Set([101, 103, 204, 205, 304])

/** The same response over a body already read. */
function rebuild(res: Response, bytes: Buffer): Response {
  const body = bytes.length === 0 || NULL_BODY.has(res.status) ? null : bytes
  return new Response(body, {
    status: res.status,
    statusText: res.statusText,
    headers: res.headers,
  })
}

/**
 * The response with its body re-streamed under an idle timer: each read the consumer asks for
 * must get bytes within the timeout. Time the consumer spends elsewhere (backpressure) is not
 * counted, and neither is the total, since layers can be gigabytes.
 */
function idleTimed(
  res: Response,
  arm: (phase: string) => void,
  disarm: () => void,
  signal: AbortSignal,
): Response {
  const reader = (res.body as ReadableStream<Uint8Array>).getReader()
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      arm('waiting for the next part of the body')
      try {
        const { done, value } = await reader.read()
        disarm()
        if (done) controller.close()
        else controller.enqueue(value)
      } catch (error) {
        disarm()
        controller.error(
          signal.aborted && signal.reason instanceof RegistryError ? signal.reason : error,
        )
      }
    },
    async cancel(reason) {
      disarm()
      await reader.cancel(reason)
    },
  })
  return new Response(body, {
    status: res.status,
    statusText: res.statusText,
    headers: res.headers,
  })
}

export function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`
}

/** Retry-After in seconds or as an HTTP date, in ms. */
export function parseRetryAfter(
  value: string | null | undefined,
  now = Date.now(),
): number | undefined {
  if (!value) return undefined
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000
  const at = Date.parse(value)
  return Number.isNaN(at) ? undefined : Math.max(0, at - now)
}

export function nextLink(header: string | null): string | undefined {
  if (!header) return undefined
  const m = /<([^>]+)>\s*;\s*rel="?next"?/.exec(header)
  return m?.[1]
}

/**
 * A failure that the same request cannot cure a second later: the host name does not exist
 * (DNS answered NXDOMAIN). A lookup that timed out (EAI_AGAIN) is still retried.
 */
export function isDefinitive(error: unknown): boolean {
  return networkReason(error) === 'ENOTFOUND'
}

export function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause
  return cause?.code ?? cause?.message ?? (error as Error)?.message ?? String(error)
}

export function redactUrl(url: URL | string): string {
  const u = new URL(url)
  u.username = ''
  u.password = ''
  return u.toString()
}
