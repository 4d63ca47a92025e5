/**
 * Image references as users type them (`nginx`, `ghcr.io/o/app:v1`, `localhost:5000/x@sha256:…`),
 * parsed with the grammar of distribution/reference so we accept and reject what docker does.
 */

export interface RepositoryRef {
  /** Host[:port] as the user means it; Docker Hub is always `docker.io`. */
  registry: string
  /** Path inside the registry, lower case; Docker Hub official images get `library/`. */
  repository: string
}

export interface ImageReference extends RepositoryRef {
  tag?: string
  /** `algorithm:hex`; when present it wins over the tag for every request. */
  digest?: string
}

export const DOCKER_HUB = 'docker.io'
/** Where Docker Hub's API really lives (docker.io itself only redirects). */
export const DOCKER_HUB_API = 'registry-1.docker.io'

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/
const TAG = /^[\w][\w.-]{0,127}$/
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$/
const SHA256 = /^sha256:[a-f0-9]{64}$/
const DOMAIN =
  /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?$|^\[[0-9a-fA-F:.]+\](?::[0-9]+)?$/

export class InvalidReferenceError extends Error {
  override name = 'InvalidReferenceError'
  readonly input: string
  readonly problem: string
  constructor(input: string, problem: string) {
    super(
      `Invalid image reference ${JSON.stringify(input)}: ${problem}. ` +
        'Expected [registry/]repository[:tag][@sha256:digest], e.g. ghcr.io/owner/app:1.2.3.',
    )
    this.input = input
    this.problem = problem
  }
}

export function isDigest(value: string): boolean {
  return DIGEST.test(value)
}

/** Parses a reference; throws InvalidReferenceError naming what is wrong. */
export function parseReference(input: string): ImageReference {
  const raw = input.trim()
  if (raw === '') throw new InvalidReferenceError(input, 'it is empty')
  if (/\s/.test(raw)) throw new InvalidReferenceError(input, 'it contains whitespace')
  if (raw.includes('://')) {
    throw new InvalidReferenceError(input, 'drop the URL scheme (no http:// or https://)')
  }

  let rest = raw
  let digest: string | undefined
  const at = rest.indexOf('@')
  if (at !== -1) {
    digest = rest.slice(at + 1)
    rest = rest.slice(0, at)
    if (!DIGEST.test(digest)) {
      throw new InvalidReferenceError(input, `${JSON.stringify(digest)} is not a digest`)
    }
    if (digest.startsWith('sha256:') && !SHA256.test(digest)) {
      throw new InvalidReferenceError(input, 'a sha256 digest has 64 lower-case hex characters')
    }
  }

  let tag: string | undefined
  const lastSlash = rest.lastIndexOf('/')
  const colon = rest.lastIndexOf(':')
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1)
    rest = rest.slice(0, colon)
    if (!TAG.test(tag)) {
      throw new InvalidReferenceError(
        input,
        `tag ${JSON.stringify(tag)} must be 1-128 characters of letters, digits, '_', '.', '-', not starting with '.' or '-'`,
      )
    }
  }

  let registry = DOCKER_HUB
  let path = rest
  const firstSlash = rest.indexOf('/')
  if (firstSlash !== -1) {
    const first = rest.slice(0, firstSlash)
    if (
      first.includes('.') ||
      first.includes(':') ||
      first === 'localhost' ||
      /[A-Z]/.test(first)
    ) {
      if (!DOMAIN.test(first)) {
        throw new InvalidReferenceError(
          input,
          `${JSON.stringify(first)} is not a valid registry host`,
        )
      }
      registry = first
      path = rest.slice(firstSlash + 1)
    }
  }
  if (registry === 'index.docker.io' || registry === DOCKER_HUB_API) registry = DOCKER_HUB
  if (path === '') throw new InvalidReferenceError(input, 'the repository name is missing')
  if (path !== path.toLowerCase()) {
    throw new InvalidReferenceError(input, 'repository names must be lower case')
  }
  for (const component of path.split('/')) {
    if (!COMPONENT.test(component)) {
      throw new InvalidReferenceError(
        input,
        `path component ${JSON.stringify(component)} may only use a-z, 0-9 and single '.', '_', '__' or '-' separators`,
      )
    }
  }
  if (registry === DOCKER_HUB && !path.includes('/')) path = `library/${path}`
  if (registry.length + 1 + path.length > 255) {
    throw new InvalidReferenceError(input, 'the name is longer than 255 characters')
  }

  const ref: ImageReference = { registry, repository: path }
  if (tag !== undefined) ref.tag = tag
  if (digest !== undefined) ref.digest = digest
  return ref
}

/** The canonical form: `docker.io/library/nginx:latest`, `ghcr.io/o/a@sha256:…`. */
export function formatReference(ref: ImageReference): string {
  let out = `${ref.registry}/${ref.repository}`
  if (ref.tag) out += `:${ref.tag}`
  if (ref.digest) out += `@${ref.digest}`
  return out
}

/** `registry/repository` only, for messages about a repository. */
export function formatRepository(ref: RepositoryRef): string {
  return `${ref.registry}/${ref.repository}`
}

/** The tag or digest a manifest request should use: the digest when pinned, else the tag, else `latest`. */
export function manifestReference(ref: ImageReference): string {
  return ref.digest ?? ref.tag ?? 'latest'
}

/** Host to talk to for a registry name (Docker Hub's API is not on docker.io). */
export function apiHost(registry: string): string {
  return registry === DOCKER_HUB ? DOCKER_HUB_API : registry
}

/**
 * True for a host (`name`, `name:port`, `[::1]:port`) that is this machine: the only place plain
 * HTTP is allowed, for a registry (`insecure`), a Sigstore service, a Trivy server carrying a
 * token, or the artifact service carrying the runtime token.
 */
export function isLoopbackHost(hostAndPort: string): boolean {
  const host = hostAndPort
    .replace(/:[0-9]+$/, '')
    .replace(/^\[|\]$/g, '')
    .toLowerCase()
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host)
}
