/**
 * Where the public-good Sigstore services are: the signing config the Sigstore TUF repository
 * publishes (`signing_config.v0.2.json`), as cosign 3 and sigstore-js read it, instead of
 * hard-coded URLs. It lists the timestamp authority too, so public-good signatures get an RFC
 * 3161 timestamp. Private instances keep `fulcio-url`/`rekor-url`/`tsa-url`.
 */
import type { SigstoreEndpoints } from './settings.js'

export const SIGNING_CONFIG_TARGET = 'signing_config.v0.2.json'

interface Service {
  url: string
  majorApiVersion: number
  validFor?: { start?: string; end?: string }
  operator?: string
}

/** The parts of protobuf-specs `SigningConfig` (JSON form) Shipgate reads. */
export interface SigningConfigJson {
  mediaType?: string
  caUrls?: Service[]
  rekorTlogUrls?: Service[]
  tsaUrls?: Service[]
}

export class SigningConfigError extends Error {
  override name = 'SigningConfigError'
}

/**
 * The newest service valid at `now` with the wanted API version. Rekor: v1 only, because the
 * classic `.sig`/`.att` format needs the SignedEntryTimestamp that Rekor v2 does not return.
 */
function pick(services: Service[] | undefined, version: number, now: Date): Service | undefined {
  const t = now.getTime()
  return (services ?? [])
    .filter((s) => s.majorApiVersion === version)
    .filter((s) => {
      const start = Date.parse(s.validFor?.start ?? '')
      const end = Date.parse(s.validFor?.end ?? '')
      return (Number.isNaN(start) || start <= t) && (Number.isNaN(end) || t < end)
    })
    .sort((a, b) => Date.parse(b.validFor?.start ?? '') - Date.parse(a.validFor?.start ?? ''))[0]
}

/** Fulcio, Rekor v1 and (when listed) a TSA from a signing config. Pure. */
export function endpointsFromSigningConfig(
  config: SigningConfigJson,
  now: Date,
): SigstoreEndpoints {
  if (!config.mediaType?.startsWith('application/vnd.dev.sigstore.signingconfig.')) {
    throw new SigningConfigError(
      `the signing config has media type ${JSON.stringify(config.mediaType)}, not application/vnd.dev.sigstore.signingconfig.v0.2+json`,
    )
  }
  const fulcio = pick(config.caUrls, 1, now)
  const rekor = pick(config.rekorTlogUrls, 1, now)
  if (!fulcio) throw new SigningConfigError('the signing config lists no valid Fulcio (v1)')
  if (!rekor) throw new SigningConfigError('the signing config lists no valid Rekor v1 log')
  const tsa = pick(config.tsaUrls, 1, now)
  const endpoints: SigstoreEndpoints = {
    fulcioURL: fulcio.url.replace(/\/+$/, ''),
    rekorURL: rekor.url.replace(/\/+$/, ''),
  }
  // tsaUrls are full URLs (…/api/v1/timestamp); @sigstore/sign's TSA client takes them as is.
  if (tsa) endpoints.tsaURL = tsa.url
  return endpoints
}

/** The public-good services, read through TUF (cached on disk by @sigstore/tuf). */
export async function publicGoodEndpoints(
  options: { tufCachePath?: string; now?: Date } = {},
): Promise<SigstoreEndpoints> {
  let text: string
  try {
    // TUF loads when the config is fetched, not with this module (issue 13).
    const { initTUF } = await import('@sigstore/tuf')
    const tuf = await initTUF(options.tufCachePath ? { cachePath: options.tufCachePath } : {})
    text = await tuf.getTarget(SIGNING_CONFIG_TARGET)
  } catch (error) {
    throw new SigningConfigError(
      `Cannot fetch the public Sigstore signing config (${SIGNING_CONFIG_TARGET}) over TUF (tuf-repo-cdn.sigstore.dev): ${(error as Error).message}. Check the runner's network access, or set 'fulcio-url', 'rekor-url' and 'tsa-url' explicitly.`,
    )
  }
  try {
    return endpointsFromSigningConfig(
      JSON.parse(text) as SigningConfigJson,
      options.now ?? new Date(),
    )
  } catch (error) {
    throw new SigningConfigError(
      `The public Sigstore signing config is unusable: ${(error as Error).message}.`,
    )
  }
}
