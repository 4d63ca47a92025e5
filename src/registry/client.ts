/**
 * A small OCI distribution client over fetch: pull (manifests, indexes resolved to a platform,
 * digest-verified blob streams) and push (monolithic blob upload, manifests, tags) with the
 * bearer/basic auth dance, retries and errors a user can act on.
 *
 * Written here rather than taken from npm: the JS clients there are either pull-only and
 * unmaintained, or (like @sigstore/oci) push-only internals without platform resolution,
 * streaming digest checks or custom CAs.
 */
import { createHash } from 'node:crypto'
import { Readable, Transform } from 'node:stream'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import { type Logger, silentLogger } from '../logger.js'
import type { Credential, CredentialProvider } from './credentials.js'
import { parseErrorBody, RegistryError } from './errors.js'
import {
  type Descriptor,
  formatPlatform,
  type ImageIndex,
  type ImageManifest,
  INDEX_TYPES,
  isIndex,
  MANIFEST_ACCEPT,
  MAX_MANIFEST_BYTES,
  type Manifest,
  MediaType,
  type Platform,
  parsePlatform,
  platformMatches,
} from './media-types.js'
import {
  apiHost,
  formatReference,
  formatRepository,
  type ImageReference,
  isLoopbackRegistry,
  manifestReference,
  type RepositoryRef,
} from './reference.js'

export interface RegistryClientOptions {
  credentials?: CredentialProvider
  logger?: Logger
  /** Allow plain HTTP, for loopback registries only (127.0.0.1, localhost, ::1). */
  insecure?: boolean
  /** Extra PEM CA certificate(s) to trust for TLS registries with private CAs. */
  caCert?: string | Buffer
  /** Retries after a 429, 5xx or network failure (default 3). */
  retries?: number
  /** First backoff delay in ms, doubled each retry (default 500). Retry-After wins when sent. */
  retryDelayMs?: number
  /** Longest wait between attempts, including Retry-After (default 30 s). */
  maxRetryDelayMs?: number
  /**
   * Per-attempt timeout in ms (default 30 s). Manifests, tag lists and tokens must arrive whole
   * within it. Blob downloads must start (response headers) within it and may then never go
   * quiet for longer, however long the whole layer takes. A timed-out attempt is retried like a
   * network failure.
   */
  timeoutMs?: number
}

export interface FetchedManifest {
  digest: string
  mediaType: string
  size: number
  bytes: Buffer
  manifest: Manifest
}

export interface ResolvedImage {
  /** Digest of the image manifest (after index resolution). */
  digest: string
  mediaType: string
  manifest: ImageManifest
  size: number
  /** The index it was picked from, when the reference named a multi-platform index. */
  index?: { digest: string; mediaType: string; platform: Platform }
}

type Action = 'pull' | 'pull,push'

interface RequestSpec {
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

interface BodyLimit {
  bytes: number
  error: (size: number) => RegistryError
}

/** One attempt's worth of HTTP, redirects included. */
interface SendSpec {
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

type Challenge = { scheme: 'basic' } | { scheme: 'bearer'; realm: string; service?: string }

const USER_AGENT = 'shipgate (+https://github.com/shipgate)'

export class RegistryClient {
  private readonly credentials?: CredentialProvider
  private readonly logger: Logger
  private readonly insecure: boolean
  private readonly retries: number
  private readonly retryDelayMs: number
  private readonly maxRetryDelayMs: number
  private readonly caCert?: string | Buffer
  private readonly timeoutMs: number
  private fetchImpl?: Promise<typeof fetch>
  /** Set on a view made by `withSignal`: every request of that view stops when it aborts. */
  private signal?: AbortSignal
  /** How each registry wants to be authenticated, learnt from its first 401. */
  private readonly challenges = new Map<string, Challenge>()
  /** Bearer tokens by `registry|scope`. */
  private readonly tokens = new Map<string, { token: string; expires: number }>()
  private readonly credentialCache = new Map<string, Promise<Credential | undefined>>()

  constructor(opts: RegistryClientOptions = {}) {
    this.credentials = opts.credentials
    this.logger = opts.logger ?? silentLogger
    this.insecure = opts.insecure ?? false
    this.retries = opts.retries ?? 3
    this.retryDelayMs = opts.retryDelayMs ?? 500
    this.maxRetryDelayMs = opts.maxRetryDelayMs ?? 30_000
    this.caCert = opts.caCert
    this.timeoutMs = opts.timeoutMs ?? 30_000
  }

  /**
   * The same client (credentials, learnt challenges, cached tokens) under an overall deadline:
   * every request, retry wait and blob stream of the returned view stops when `signal` aborts,
   * with the signal's reason (give it a RegistryError that says what ran out). Per-attempt
   * timeouts bound one silence; this bounds the whole read, so a registry dripping a byte
   * every few seconds cannot hold a job.
   */
  withSignal(signal: AbortSignal): RegistryClient {
    // A view, not a copy: the prototype is this client, so caches stay shared.
    const view = Object.create(this) as RegistryClient
    view.signal = signal
    return view
  }

  // ---- pull -------------------------------------------------------------------------------

  /**
   * The image manifest a reference names. An index is resolved to `platform` (default
   * linux/amd64); a single-platform image is returned as it is.
   */
  async resolve(
    ref: ImageReference,
    platform: Platform | string = 'linux/amd64',
  ): Promise<ResolvedImage> {
    const want = typeof platform === 'string' ? parsePlatform(platform) : platform
    const top = await this.getManifest(ref, manifestReference(ref))
    if (!isIndex(top.mediaType, top.manifest)) {
      assertImageManifest(top, ref)
      return {
        digest: top.digest,
        mediaType: top.mediaType,
        manifest: top.manifest as ImageManifest,
        size: top.size,
      }
    }
    const index = top.manifest as ImageIndex
    const candidates = (index.manifests ?? []).filter(
      (m) => m.annotations?.['vnd.docker.reference.type'] !== 'attestation-manifest',
    )
    const chosen = candidates.find((m) => platformMatches(want, m.platform))
    if (!chosen) {
      const available = candidates
        .map((m) => (m.platform ? formatPlatform(m.platform) : '?'))
        .join(', ')
      throw new RegistryError(
        'not-found',
        `${formatReference(ref)} has no image for platform ${formatPlatform(want)} (available: ${available || 'none'}). Set the platform input to one of those.`,
      )
    }
    const child = await this.getManifest(ref, chosen.digest)
    assertImageManifest(child, ref)
    return {
      digest: child.digest,
      mediaType: child.mediaType,
      manifest: child.manifest as ImageManifest,
      size: child.size,
      index: { digest: top.digest, mediaType: top.mediaType, platform: chosen.platform ?? want },
    }
  }

  /** Fetches and digest-checks a manifest or index by tag or digest; refuses bodies over 4 MiB. */
  async getManifest(
    repo: RepositoryRef,
    reference: string,
    accept: readonly string[] = MANIFEST_ACCEPT,
  ): Promise<FetchedManifest> {
    const what = `pull ${describe(repo, reference)}`
    const res = await this.request({
      repo,
      method: 'GET',
      path: `manifests/${reference}`,
      action: 'pull',
      headers: { accept: accept.join(', ') },
      what,
      limit: { bytes: MAX_MANIFEST_BYTES, error: (size) => tooLarge(what, size) },
    })
    const bytes = Buffer.from(await res.arrayBuffer())
    const digest = sha256(bytes)
    if (reference.includes(':') && reference !== digest) {
      throw new RegistryError(
        'digest-mismatch',
        `${what}: the registry returned content with digest ${digest}, not the requested ${reference}. The registry or a proxy is corrupting content; do not trust this image.`,
      )
    }
    let manifest: Manifest
    try {
      manifest = JSON.parse(bytes.toString('utf8')) as Manifest
    } catch {
      throw new RegistryError('invalid-response', `${what}: the manifest is not valid JSON.`)
    }
    const headerType = (res.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? ''
    // umoci writes manifests without mediaType: trust the body first, then the header.
    const mediaType =
      manifest.mediaType ||
      (MANIFEST_ACCEPT.includes(headerType)
        ? headerType
        : isIndex(undefined, manifest)
          ? MediaType.ociIndex
          : MediaType.ociManifest)
    return { digest, mediaType, size: bytes.length, bytes, manifest }
  }

  /** The descriptor of a manifest, or undefined when the tag or digest does not exist. */
  async headManifest(
    repo: RepositoryRef,
    reference: string,
    accept: readonly string[] = MANIFEST_ACCEPT,
  ): Promise<Descriptor | undefined> {
    const res = await this.request({
      repo,
      method: 'HEAD',
      path: `manifests/${reference}`,
      action: 'pull',
      headers: { accept: accept.join(', ') },
      what: `check ${describe(repo, reference)}`,
      accept: [404],
    })
    if (res.status === 404) return undefined
    const digest = res.headers.get('docker-content-digest')
    if (!digest) {
      // Without the header a HEAD tells us nothing reliable: ask for the content.
      const full = await this.getManifest(repo, reference, accept)
      return { mediaType: full.mediaType, digest: full.digest, size: full.size }
    }
    return {
      mediaType:
        (res.headers.get('content-type') ?? '').split(';')[0]?.trim() || MediaType.ociManifest,
      digest,
      size: Number(res.headers.get('content-length') ?? 0),
    }
  }

  /**
   * A blob as a stream. Bytes are hashed as they pass; the stream errors with a
   * `digest-mismatch` RegistryError at the end if they do not match `digest` (or `size`).
   */
  async getBlob(
    repo: RepositoryRef,
    digest: string,
    opts: { size?: number } = {},
  ): Promise<Readable> {
    const what = `download blob ${digest} of ${formatRepository(repo)}`
    if (!digest.startsWith('sha256:')) {
      throw new RegistryError('invalid-response', `${what}: only sha256 digests are supported.`)
    }
    const res = await this.request({
      repo,
      method: 'GET',
      path: `blobs/${digest}`,
      action: 'pull',
      what,
      stream: true,
    })
    if (!res.body)
      throw new RegistryError('invalid-response', `${what}: the registry sent no body.`)
    const hash = createHash('sha256')
    let seen = 0
    const verify = new Transform({
      transform(chunk: Buffer, _enc, done) {
        hash.update(chunk)
        seen += chunk.length
        done(null, chunk)
      },
      flush(done) {
        const got = `sha256:${hash.digest('hex')}`
        if (got !== digest || (opts.size !== undefined && seen !== opts.size)) {
          done(
            new RegistryError(
              'digest-mismatch',
              `${what}: received ${seen} bytes with digest ${got}, expected ${digest}${opts.size !== undefined ? ` (${opts.size} bytes)` : ''}. The download was corrupted or tampered with.`,
            ),
          )
          return
        }
        done()
      },
    })
    const source = Readable.fromWeb(res.body as WebReadableStream<Uint8Array>)
    source.on('error', (error) => verify.destroy(error))
    return source.pipe(verify)
  }

  /** A whole blob in memory (configs, small artifacts), digest-checked; refuses more than `maxBytes`. */
  async getBlobBytes(
    repo: RepositoryRef,
    digest: string,
    opts: { maxBytes?: number } = {},
  ): Promise<Buffer> {
    const max = opts.maxBytes ?? 64 * 1024 * 1024
    const stream = await this.getBlob(repo, digest)
    const chunks: Buffer[] = []
    let total = 0
    for await (const chunk of stream) {
      total += (chunk as Buffer).length
      if (total > max) {
        stream.destroy()
        throw new RegistryError(
          'too-large',
          `download blob ${digest} of ${formatRepository(repo)}: larger than ${max} bytes, refusing to buffer it.`,
        )
      }
      chunks.push(chunk as Buffer)
    }
    return Buffer.concat(chunks)
  }

  /** Whether the repository already has a blob. */
  async hasBlob(repo: RepositoryRef, digest: string): Promise<boolean> {
    const res = await this.request({
      repo,
      method: 'HEAD',
      path: `blobs/${digest}`,
      action: 'pull',
      what: `check blob ${digest} of ${formatRepository(repo)}`,
      accept: [404],
    })
    return res.status !== 404
  }

  /** All tags of a repository (follows `Link` pagination where a registry uses it), sorted. */
  async listTags(repo: RepositoryRef): Promise<string[]> {
    const tags: string[] = []
    let path = 'tags/list'
    for (let page = 0; page < 1000; page++) {
      const res = await this.request({
        repo,
        method: 'GET',
        path,
        action: 'pull',
        what: `list tags of ${formatRepository(repo)}`,
      })
      const body = (await res.json()) as { tags?: string[] | null }
      tags.push(...(body.tags ?? []))
      const next = nextLink(res.headers.get('link'))
      if (!next) break
      path = new URL(next, this.baseUrl(repo)).toString()
    }
    return [...new Set(tags)].sort()
  }

  /**
   * Referrers of a manifest through the OCI 1.1 referrers API, or `'unsupported'` when the
   * registry does not implement it (distribution 2.8: plain-text 404). Use
   * `listReferrers` in referrers.ts for the tag-schema fallback.
   */
  async referrers(
    repo: RepositoryRef,
    digest: string,
    artifactType?: string,
  ): Promise<Descriptor[] | 'unsupported'> {
    const query = artifactType ? `?artifactType=${encodeURIComponent(artifactType)}` : ''
    let path = `referrers/${digest}${query}`
    const found: Descriptor[] = []
    let filtered = false
    for (let page = 0; page < 1000; page++) {
      const res = await this.request({
        repo,
        method: 'GET',
        path,
        action: 'pull',
        headers: { accept: MediaType.ociIndex },
        what: `list referrers of ${formatRepository(repo)}@${digest}`,
        accept: [404, 405, 501],
      })
      if (res.status !== 200) {
        await res.body?.cancel()
        return 'unsupported'
      }
      const type = (res.headers.get('content-type') ?? '').split(';')[0]?.trim()
      const text = await res.text()
      let body: ImageIndex
      try {
        body = JSON.parse(text) as ImageIndex
      } catch {
        // A 200 that is not an index comes from something that does not speak the API.
        return 'unsupported'
      }
      if (type && type !== MediaType.ociIndex && !Array.isArray(body.manifests))
        return 'unsupported'
      filtered ||= (res.headers.get('oci-filters-applied') ?? '').includes('artifactType')
      found.push(...(body.manifests ?? []))
      const next = nextLink(res.headers.get('link'))
      if (!next) break
      path = new URL(next, this.baseUrl(repo)).toString()
    }
    return artifactType && !filtered ? found.filter((d) => d.artifactType === artifactType) : found
  }

  // ---- push -------------------------------------------------------------------------------

  /** Uploads a blob (POST then PUT, monolithic); skipped when the registry already has it. */
  async putBlob(
    repo: RepositoryRef,
    bytes: Buffer | Uint8Array,
    mediaType = 'application/octet-stream',
  ): Promise<Descriptor> {
    const body = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes)
    const digest = sha256(body)
    const descriptor: Descriptor = { mediaType, digest, size: body.length }
    if (await this.hasBlob(repo, digest)) return descriptor
    const what = `upload blob ${digest} to ${formatRepository(repo)}`
    const start = await this.request({
      repo,
      method: 'POST',
      path: 'blobs/uploads/',
      action: 'pull,push',
      what,
    })
    await start.body?.cancel()
    const location = start.headers.get('location')
    if (!location) {
      throw new RegistryError(
        'invalid-response',
        `${what}: the registry did not say where to upload (no Location header).`,
      )
    }
    const url = new URL(location, this.baseUrl(repo))
    url.searchParams.set('digest', digest)
    const done = await this.request({
      repo,
      method: 'PUT',
      path: url.toString(),
      action: 'pull,push',
      headers: { 'content-type': 'application/octet-stream' },
      body,
      what,
    })
    await done.body?.cancel()
    return descriptor
  }

  /** Uploads a manifest under a tag or its digest; returns its digest. */
  async putManifest(
    repo: RepositoryRef,
    tagOrDigest: string,
    bytes: Buffer | Uint8Array,
    mediaType: string,
  ): Promise<string> {
    return (await this.putManifestWithSubject(repo, tagOrDigest, bytes, mediaType)).digest
  }

  /**
   * Like putManifest, and reports whether the registry acknowledged the manifest's `subject`
   * (`OCI-Subject` header): when it did not, referrers must be recorded in the tag schema.
   */
  async putManifestWithSubject(
    repo: RepositoryRef,
    tagOrDigest: string,
    bytes: Buffer | Uint8Array,
    mediaType: string,
  ): Promise<{ digest: string; subject?: string }> {
    const body = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes)
    const digest = sha256(body)
    const what = `push ${describe(repo, tagOrDigest)}`
    if (body.length > MAX_MANIFEST_BYTES) throw tooLarge(what, body.length)
    if (tagOrDigest.includes(':') && tagOrDigest !== digest) {
      throw new RegistryError(
        'rejected',
        `${what}: the manifest's digest is ${digest}, not ${tagOrDigest}.`,
      )
    }
    const res = await this.request({
      repo,
      method: 'PUT',
      path: `manifests/${tagOrDigest}`,
      action: 'pull,push',
      headers: { 'content-type': mediaType },
      body,
      what,
    })
    await res.body?.cancel()
    const returned = res.headers.get('docker-content-digest')
    if (returned && returned !== digest) {
      throw new RegistryError(
        'digest-mismatch',
        `${what}: the registry stored digest ${returned} but we sent ${digest}; it rewrote the manifest.`,
      )
    }
    const subject = res.headers.get('oci-subject') ?? undefined
    return subject ? { digest, subject } : { digest }
  }

  /** Deletes a manifest by digest (distribution refuses deletion by tag). */
  async deleteManifest(repo: RepositoryRef, digest: string): Promise<void> {
    const res = await this.request({
      repo,
      method: 'DELETE',
      path: `manifests/${digest}`,
      action: 'pull,push',
      what: `delete ${describe(repo, digest)}`,
    })
    await res.body?.cancel()
  }

  // ---- transport --------------------------------------------------------------------------

  private baseUrl(repo: RepositoryRef): string {
    const host = apiHost(repo.registry)
    const scheme = this.insecure && isLoopbackRegistry(host) ? 'http' : 'https'
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
  private async request(spec: RequestSpec): Promise<Response> {
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
          ? await this.authorization(spec.repo, spec.action, spec.what)
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
        if (attempt < this.retries) {
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
          this.challenges.set(spec.repo.registry, challenge)
          this.forgetTokens(spec.repo, spec.action)
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
  private async send(spec: SendSpec): Promise<{ res: Response; url: URL }> {
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
    if (url.protocol === 'http:' && this.insecure && isLoopbackRegistry(url.host)) return
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
  private transportError(
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

  private async backoff(attempt: number, retryAfter: string | null | undefined, why: string) {
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
    const cred = await this.credentialFor(spec.repo.registry)
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

  // ---- auth -------------------------------------------------------------------------------

  private credentialFor(
    registry: string,
  ): Promise<(Credential & { username?: string }) | undefined> {
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

  private async authorization(
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
    const token = await this.fetchToken(challenge, scope, cred, repo, what)
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
          await this.send({
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
        if (this.signal?.aborted) throw this.signal.reason
        if (error instanceof RegistryError && error.kind !== 'timeout') throw error
        if (attempt < this.retries) {
          const reason =
            error instanceof RegistryError
              ? `no answer within ${seconds(this.timeoutMs)}`
              : networkReason(error)
          await this.backoff(attempt, undefined, `${what}: token service: ${reason}`)
          continue
        }
        throw this.transportError(what, peer, attempt + 1, error, url)
      }
    }
    this.logger.debug(
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

// ---- helpers ----------------------------------------------------------------------------

export function sha256(bytes: Buffer | Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`
}

function scopeFor(repo: RepositoryRef, action: Action): string {
  return `repository:${repo.repository}:${action}`
}

function describe(repo: RepositoryRef, reference: string): string {
  return `${formatRepository(repo)}${reference.includes(':') ? '@' : ':'}${reference}`
}

function assertImageManifest(m: FetchedManifest, ref: ImageReference) {
  const doc = m.manifest as Partial<ImageManifest>
  if (!doc.config || !Array.isArray(doc.layers)) {
    throw new RegistryError(
      'invalid-response',
      `${formatReference(ref)} (${m.mediaType}) is not a container image manifest (no config or layers).`,
    )
  }
  if (INDEX_TYPES.includes(m.mediaType)) {
    throw new RegistryError(
      'invalid-response',
      `${formatReference(ref)}: nested index where an image was expected.`,
    )
  }
}

function tooLarge(what: string, size: number): RegistryError {
  return new RegistryError(
    'too-large',
    `${what}: the manifest is ${size} bytes, over the 4 MiB limit registries enforce; refusing it. A manifest this big is malformed or hostile.`,
  )
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

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`
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

function nextLink(header: string | null): string | undefined {
  if (!header) return undefined
  const m = /<([^>]+)>\s*;\s*rel="?next"?/.exec(header)
  return m?.[1]
}

function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause
  return cause?.code ?? cause?.message ?? (error as Error)?.message ?? String(error)
}

function redactUrl(url: URL | string): string {
  const u = new URL(url)
  u.username = ''
  u.password = ''
  return u.toString()
}
