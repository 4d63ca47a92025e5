/**
 * Signing inputs as typed settings. Pure: takes the raw strings the action or CLI received and
 * either returns settings a signer can trust or throws a `SigningInputError` naming the input.
 */
import { isLoopbackHost } from '../registry/reference.js'

export const PUBLIC_GOOD = {
  fulcioURL: 'https://fulcio.sigstore.dev',
  rekorURL: 'https://rekor.sigstore.dev',
  tsaURL: undefined,
} as const

export const SBOM_FORMATS = ['cyclonedx', 'spdx-json', 'none'] as const
export type SbomFormat = (typeof SBOM_FORMATS)[number]

export const SIGNATURE_FORMATS = ['both', 'cosign', 'bundle'] as const
export type SignatureFormat = (typeof SIGNATURE_FORMATS)[number]

/**
 * Which Rekor API the transparency log speaks. 1 (default): entries come back with a
 * SignedEntryTimestamp, which cosign's classic `.sig`/`.att` layout needs. 2 (rekor-tiles):
 * inclusion proof and checkpoint only, no SET and no integrated time, so bundles only, always
 * with a TSA timestamp.
 */
export const REKOR_VERSIONS = ['1', '2'] as const
export type RekorVersion = 1 | 2

export interface SigstoreEndpoints {
  fulcioURL: string
  /** A Rekor v1 base URL, or a Rekor v2 log's base URL with `rekor-version: 2`. */
  rekorURL: string
  /** RFC 3161 timestamp authority; none by default (Rekor's integrated time is the timestamp). */
  tsaURL?: string
}

export type EnabledSigningSettings = Extract<SigningSettings, { sign: true }>

export type SigningSettings =
  | {
      sign: false
      sbomFormat: SbomFormat
      /** Signing was asked for but cannot happen in this run (a fork PR): reported, not failed. */
      skipped?: string
    }
  | {
      sign: true
      sbomFormat: SbomFormat
      attestSbom: boolean
      attestVulnerabilities: boolean
      /** The signed gate verdict (src/sign/verdict.ts); default on. */
      attestVerdict: boolean
      /** Also POST the verified bundles to GitHub's attestations API (src/sign/github-attestations.ts). */
      githubAttestations: boolean
      signatureFormat: SignatureFormat
      /** Always 1 unless `signatureFormat` is `bundle` (enforced by readSigningSettings). */
      rekorVersion: RekorVersion
      endpoints: SigstoreEndpoints
      /**
       * No service URL was given: at signing time the endpoints (and the TSA) come from the
       * public-good signing config over TUF (src/sign/signing-config.ts); `endpoints` holds the
       * well-known URLs until then.
       */
      useSigningConfig: boolean
      /** True when Rekor is the public-good log: entries are public and permanent. */
      publicTransparencyLog: boolean
      /** `public-transparency-log: true`: the user accepts publishing a non-public repository's identity. */
      publicTransparencyLogOptIn: boolean
      /** trusted_root.json for a private Sigstore instance (public-good comes from TUF). */
      trustedRootPath?: string
    }

/** Raw inputs, keyed like action.yml. Empty string or undefined means "not given". */
export interface RawSigningInputs {
  sign?: string
  'attest-sbom'?: string
  'attest-vulnerabilities'?: string
  'attest-verdict'?: string
  'github-attestations'?: string
  'sbom-format'?: string
  'signature-format'?: string
  'rekor-version'?: string
  'fulcio-url'?: string
  'rekor-url'?: string
  'tsa-url'?: string
  'public-transparency-log'?: string
  'trusted-root'?: string
}

export interface SigningContext {
  /** From the event payload (`repository.visibility`/`private`); undefined outside GitHub. */
  repositoryVisibility?: 'public' | 'private' | 'internal'
}

export class SigningInputError extends Error {
  override name = 'SigningInputError'
  constructor(
    readonly input: string,
    message: string,
  ) {
    super(message)
  }
}

function given(value: string | undefined): string | undefined {
  const trimmed = value?.trim()
  return trimmed ? trimmed : undefined
}

function bool(raw: RawSigningInputs, name: keyof RawSigningInputs): boolean | undefined {
  const value = given(raw[name])
  if (value === undefined) return undefined
  if (/^(true|yes|on|1)$/i.test(value)) return true
  if (/^(false|no|off|0)$/i.test(value)) return false
  throw new SigningInputError(
    name,
    `Input '${name}' must be true or false, got ${JSON.stringify(value)}.`,
  )
}

function oneOf<T extends string>(
  raw: RawSigningInputs,
  name: keyof RawSigningInputs,
  allowed: readonly T[],
  fallback: T,
): T {
  const value = given(raw[name])
  if (value === undefined) return fallback
  const lower = value.toLowerCase()
  if ((allowed as readonly string[]).includes(lower)) return lower as T
  throw new SigningInputError(
    name,
    `Input '${name}' must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}.`,
  )
}

function serviceURL(raw: RawSigningInputs, name: keyof RawSigningInputs): string | undefined {
  const value = given(raw[name])
  if (value === undefined) return undefined
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new SigningInputError(
      name,
      `Input '${name}' must be a URL such as https://fulcio.example.com, got ${JSON.stringify(value)}.`,
    )
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.host))) {
    throw new SigningInputError(
      name,
      `Input '${name}' must use https:// (plain http is accepted for 127.0.0.1/localhost only), got ${JSON.stringify(value)}.`,
    )
  }
  return value.replace(/\/+$/, '')
}

/** rekor.sigstore.dev, and the public-good Rekor v2 shards (`log2025-1.rekor.sigstore.dev`). */
export function isPublicGoodRekor(url: string): boolean {
  const host = new URL(url).hostname
  const publicHost = new URL(PUBLIC_GOOD.rekorURL).hostname
  return host === publicHost || host.endsWith(`.${publicHost}`)
}

export function isPublicGoodFulcio(url: string): boolean {
  return new URL(url).hostname === new URL(PUBLIC_GOOD.fulcioURL).hostname
}

export function privacyRefusal(visibility: string | undefined): string {
  const what = visibility
    ? `a ${visibility} repository`
    : 'a repository whose visibility is unknown'
  return (
    `Refusing to sign from ${what} with the public Sigstore transparency log: the Rekor entry and the ` +
    'Fulcio certificate publish the repository name, the workflow path and the git ref, forever. ' +
    "Either opt in with 'public-transparency-log: true', or point 'rekor-url' and 'fulcio-url' " +
    "(and 'trusted-root') at a private Sigstore instance."
  )
}

export function readSigningSettings(
  raw: RawSigningInputs,
  context: SigningContext = {},
): SigningSettings {
  const sign = bool(raw, 'sign') ?? false
  const sbomFormat = oneOf(raw, 'sbom-format', SBOM_FORMATS, 'cyclonedx')
  const attestSbomInput = bool(raw, 'attest-sbom')
  const attestVulnInput = bool(raw, 'attest-vulnerabilities')
  const attestVerdictInput = bool(raw, 'attest-verdict')
  const rekorVersion = Number(oneOf(raw, 'rekor-version', REKOR_VERSIONS, '1')) as RekorVersion
  // With Rekor v2 the bundle format is the only one possible, so it is also the default there.
  const signatureFormat = oneOf(
    raw,
    'signature-format',
    SIGNATURE_FORMATS,
    rekorVersion === 2 ? 'bundle' : 'both',
  )
  const fulcioURL = serviceURL(raw, 'fulcio-url')
  const rekorURL = serviceURL(raw, 'rekor-url')
  const tsaURL = serviceURL(raw, 'tsa-url')
  const publicLogOptIn = bool(raw, 'public-transparency-log')
  const trustedRootPath = given(raw['trusted-root'])

  if (!sign) {
    for (const name of [
      'attest-sbom',
      'attest-vulnerabilities',
      'attest-verdict',
      'github-attestations',
    ] as const) {
      if (bool(raw, name) === true) {
        throw new SigningInputError(
          name,
          `Input '${name}: true' needs 'sign: true': attestations are signed with the workflow's keyless identity. Set 'sign: true' (and 'permissions: id-token: write'), or remove '${name}'.`,
        )
      }
    }
    return { sign: false, sbomFormat }
  }

  if (sbomFormat === 'none' && attestSbomInput === true) {
    throw new SigningInputError(
      'attest-sbom',
      "Input 'attest-sbom: true' needs an SBOM, but 'sbom-format' is none. Set 'sbom-format' to cyclonedx or spdx-json, or 'attest-sbom: false'.",
    )
  }

  if (rekorVersion === 2 && signatureFormat !== 'bundle') {
    throw new SigningInputError(
      'signature-format',
      `Input 'signature-format: ${signatureFormat}' cannot be used with 'rekor-version: 2': cosign's classic .sig/.att layout carries Rekor's SignedEntryTimestamp (the dev.sigstore.cosign/bundle annotation), and Rekor v2 issues none. Set 'signature-format: bundle' (or remove it), or keep 'rekor-version: 1' for admission controllers that read only .sig/.att (policy-controller's default, Kyverno ClusterPolicy).`,
    )
  }

  const endpoints: SigstoreEndpoints = {
    fulcioURL: fulcioURL ?? PUBLIC_GOOD.fulcioURL,
    rekorURL: rekorURL ?? PUBLIC_GOOD.rekorURL,
  }
  if (tsaURL) endpoints.tsaURL = tsaURL

  const customFulcio = !isPublicGoodFulcio(endpoints.fulcioURL)
  const publicRekor = isPublicGoodRekor(endpoints.rekorURL)
  if (customFulcio === publicRekor) {
    // One private, one public: certificates from a private CA in the public log (or the other
    // way round) verify nowhere, so this is a configuration mistake rather than a choice.
    throw new SigningInputError(
      customFulcio ? 'rekor-url' : 'fulcio-url',
      `Inputs 'fulcio-url' (${endpoints.fulcioURL}) and 'rekor-url' (${endpoints.rekorURL}) mix the public Sigstore instance with a private one. Set both to the same instance.`,
    )
  }
  if (customFulcio && !trustedRootPath) {
    throw new SigningInputError(
      'trusted-root',
      "A private Sigstore instance ('fulcio-url'/'rekor-url') needs 'trusted-root': the path to its trusted_root.json, so Shipgate can check its own signatures and 'shipgate verify' can check them later.",
    )
  }
  const useSigningConfig = !fulcioURL && !rekorURL && !tsaURL
  if (rekorVersion === 2 && !useSigningConfig && !tsaURL) {
    // rekor-tiles CLIENTS.md: no SET, integratedTime 0, "Clients must fetch an RFC 3161 signed
    // timestamp"; cosign refuses Rekor v2 without a TSA too.
    throw new SigningInputError(
      'tsa-url',
      "Input 'rekor-version: 2' needs 'tsa-url': Rekor v2 returns no signed entry time, so a timestamp authority's RFC 3161 timestamp is the only proof the short-lived certificate was valid when signing. Set 'tsa-url' (public Sigstore: https://timestamp.sigstore.dev/api/v1/timestamp), or give no service URL at all to take them from the public signing config.",
    )
  }
  if (publicRekor && context.repositoryVisibility !== 'public' && publicLogOptIn !== true) {
    throw new SigningInputError(
      'public-transparency-log',
      privacyRefusal(context.repositoryVisibility),
    )
  }

  const settings: SigningSettings = {
    sign: true,
    sbomFormat,
    attestSbom: attestSbomInput ?? sbomFormat !== 'none',
    attestVulnerabilities: attestVulnInput ?? true,
    attestVerdict: attestVerdictInput ?? true,
    githubAttestations: bool(raw, 'github-attestations') ?? false,
    signatureFormat,
    rekorVersion,
    endpoints,
    useSigningConfig,
    publicTransparencyLog: publicRekor,
    publicTransparencyLogOptIn: publicLogOptIn === true,
  }
  if (trustedRootPath) settings.trustedRootPath = trustedRootPath
  return settings
}
