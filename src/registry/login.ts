/**
 * `registry-username`/`registry-password` belong to one registry host: the `registry` input,
 * else the host of the first image. Everything that could carry them (the registry client,
 * Trivy's environment) asks here whether a host is that one, so a second image, a baseline
 * (`compare-to`) or a redirect on another host never receives them.
 */
import { InputError } from '../inputs.js'
import { normalizeHost } from './credentials.js'
import { parseReference } from './reference.js'

/** The explicit login and the one host it is for. */
export interface RegistryLogin {
  host: string
  username: string
  password: string
}

/**
 * The `registry` input: a host with an optional port (`ghcr.io`, `registry.example.com:5000`,
 * `127.0.0.1:5000`), no scheme and no path; empty means "the host of the first image".
 */
export function parseRegistryHost(raw: string, label: string): string | undefined {
  const value = raw.trim()
  if (value === '') return undefined
  if (/^[a-z]+:\/\//i.test(value) || value.includes('/') || /\s/.test(value)) {
    throw new InputError(
      label,
      `"${raw}" is not a registry host; give the host and optional port only, like ghcr.io or registry.example.com:5000 (no https://, no path).`,
    )
  }
  try {
    parseReference(`${value}/x`)
  } catch {
    throw new InputError(label, `"${raw}" is not a valid registry host name.`)
  }
  if (!/[.:]/.test(value) && value !== 'localhost') {
    throw new InputError(
      label,
      `"${raw}" has no dot or port, so it would be read as a Docker Hub user; write docker.io for Docker Hub, or the full host name.`,
    )
  }
  return normalizeHost(value)
}

/** The host of an image reference, normalised (`docker.io` for Docker Hub), or undefined. */
export function imageHost(image: string): string | undefined {
  try {
    return normalizeHost(parseReference(image).registry)
  } catch {
    return undefined
  }
}

/**
 * Which host the explicit login is for: the `registry` input when set, else the first image's
 * host. Undefined without a username and password, or with nothing to name a host.
 */
export function registryLogin(opts: {
  username?: string
  password?: string
  registry?: string
  images: string[]
}): RegistryLogin | undefined {
  if (!opts.username || !opts.password) return undefined
  const host =
    opts.registry ?? (opts.images[0] === undefined ? undefined : imageHost(opts.images[0]))
  if (!host) return undefined
  return { host, username: opts.username, password: opts.password }
}

/**
 * Trivy's credentials for one image: the login as TRIVY_USERNAME/TRIVY_PASSWORD when the image
 * is on its host, nothing otherwise. Variables the user exported themselves are left as Trivy
 * documents them (their own choice for every host); only the login is scoped here.
 */
export function trivyLoginEnv(
  image: string,
  login: RegistryLogin | undefined,
): Record<string, string> {
  if (login && imageHost(image) === login.host) {
    return { TRIVY_USERNAME: login.username, TRIVY_PASSWORD: login.password }
  }
  return {}
}
