/**
 * Where the public-good Sigstore services are: the signing config the Sigstore TUF repository
 * publishes (`signing_config.v0.2.json`), as cosign 3 and sigstore-js read it, instead of
 * hard-coded URLs. It lists the timestamp authority too, so public-good signatures get an RFC
 * 3161 timestamp. Private instances keep `fulcio-url`/`rekor-url`/`tsa-url`.
 */
import type { TUF } from '@sigstore/tuf'
import type { RekorVersion, SigstoreEndpoints } from './settings.js'
import { type TufOptions, tufClient, tufRepositoryName } from './tuf.js'

export const SIGNING_CONFIG_TARGET = 'signing_config.v0.2.json'
/**
 * The public-good opt-in config that lists the Rekor v2 shard ahead of v1 (root-signing
 * `targets/signing_config_rekor_v2.v0.2.json`): read with `rekor-version: 2` when the default
 * config lists no v2 log.
 */
export const REKOR_V2_SIGNING_CONFIG_TARGET = 'signing_config_rekor_v2.v0.2.json'

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
 * The newest service valid at `now` with the wanted API version. Rekor: the version the
 * settings ask for (v1 by default, because the classic `.sig`/`.att` format needs the
 * SignedEntryTimestamp that Rekor v2 does not return).
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

/** Fulcio, Rekor (v1, or v2 when asked) and (when listed) a TSA from a signing config. Pure. */
export function endpointsFromSigningConfig(
  config: SigningConfigJson,
  now: Date,
  rekorVersion: RekorVersion = 1,
): SigstoreEndpoints {
  if (!config.mediaType?.startsWith('application/vnd.dev.sigstore.signingconfig.')) {
    throw new SigningConfigError(
      `the signing config has media type ${JSON.stringify(config.mediaType)}, not application/vnd.dev.sigstore.signingconfig.v0.2+json`,
    )
  }
  const fulcio = pick(config.caUrls, 1, now)
  const rekor = pick(config.rekorTlogUrls, rekorVersion, now)
  if (!fulcio) throw new SigningConfigError('the signing config lists no valid Fulcio (v1)')
  if (!rekor)
    throw new SigningConfigError(`the signing config lists no valid Rekor v${rekorVersion} log`)
  const tsa = pick(config.tsaUrls, 1, now)
  if (rekorVersion === 2 && !tsa) {
    throw new SigningConfigError(
      'the signing config lists a Rekor v2 log but no valid timestamp authority, which Rekor v2 signatures need',
    )
  }
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
  options: TufOptions & { now?: Date; rekorVersion?: RekorVersion } = {},
): Promise<SigstoreEndpoints> {
  const rekorVersion = options.rekorVersion ?? 1
  const now = options.now ?? new Date()
  let tuf: TUF
  let text: string
  try {
    tuf = await tufClient(options)
    text = await tuf.getTarget(SIGNING_CONFIG_TARGET)
  } catch (error) {
    throw new SigningConfigError(
      `Cannot fetch the public Sigstore signing config (${SIGNING_CONFIG_TARGET}) over TUF (${tufRepositoryName(options)}): ${(error as Error).message}. Check the runner's network access; without it (air-gapped runners, GHES without egress) set 'fulcio-url', 'rekor-url' and 'tsa-url' to reachable Sigstore services and 'trusted-root' to their trusted_root.json.`,
    )
  }
  try {
    const config = JSON.parse(text) as SigningConfigJson
    if (rekorVersion === 2 && !pick(config.rekorTlogUrls, 2, now)) {
      // The default config lists only Rekor v1 (sigstore-2026.md §2.1); v2 is opt-in.
      let optIn: string
      try {
        optIn = await tuf.getTarget(REKOR_V2_SIGNING_CONFIG_TARGET)
      } catch (error) {
        throw new SigningConfigError(
          `${SIGNING_CONFIG_TARGET} lists no Rekor v2 log and ${REKOR_V2_SIGNING_CONFIG_TARGET} could not be read (${(error as Error).message}); set 'rekor-url' to a Rekor v2 log and 'tsa-url', or use 'rekor-version: 1'`,
        )
      }
      return endpointsFromSigningConfig(JSON.parse(optIn) as SigningConfigJson, now, 2)
    }
    return endpointsFromSigningConfig(config, now, rekorVersion)
  } catch (error) {
    throw new SigningConfigError(
      `The public Sigstore signing config is unusable: ${(error as Error).message}.`,
    )
  }
}
