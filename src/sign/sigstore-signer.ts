/**
 * Keyless signing with @sigstore/sign: one ephemeral key and one Fulcio certificate per run,
 * reused for every signature of the run (like `cosign sign` over several images), Rekor v1
 * for each entry (the classic format needs its SET), and a timestamp authority when configured.
 */
import { sign as cryptoSign, generateKeyPairSync, type KeyObject } from 'node:crypto'
import type { BundleWithDsseEnvelope, BundleWithMessageSignature } from '@sigstore/bundle'
import { X509Certificate } from '@sigstore/core'
import {
  DSSEBundleBuilder,
  FulcioSigner,
  InternalError,
  MessageSignatureBundleBuilder,
  RekorWitness,
  type Signature,
  type Signer,
  TSAWitness,
  type Witness,
} from '@sigstore/sign'
import { IN_TOTO_PAYLOAD_TYPE } from './payloads.js'
import { RekorV2Witness } from './rekor-v2.js'
import type { RekorVersion, SigstoreEndpoints } from './settings.js'

export interface RetryPolicy {
  /** Retries after the first attempt, for 5xx/408/429 answers and network errors or timeouts. */
  retries: number
  minTimeoutMs: number
  maxTimeoutMs: number
  /** Per-request timeout. */
  timeoutMs: number
}

export const DEFAULT_RETRY: RetryPolicy = {
  retries: 3,
  minTimeoutMs: 1_000,
  maxTimeoutMs: 10_000,
  timeoutMs: 30_000,
}

export class SigstoreServiceError extends Error {
  override name = 'SigstoreServiceError'
  constructor(
    readonly service: 'fulcio' | 'rekor' | 'tsa' | 'identity',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options)
  }
}

/** Holds the ephemeral key; signs Fulcio's proof-of-possession challenge and every artifact. */
class EphemeralKey implements Signer {
  private readonly keyPair: { publicKey: KeyObject; privateKey: KeyObject } = generateKeyPairSync(
    'ec',
    { namedCurve: 'P-256' },
  )

  async sign(data: Buffer): Promise<Signature> {
    return {
      signature: cryptoSign('sha256', data, this.keyPair.privateKey),
      key: {
        $case: 'publicKey',
        publicKey: this.keyPair.publicKey.export({ format: 'pem', type: 'spki' }).toString(),
      },
    }
  }
}

/** Asks Fulcio once, then signs with the same certified key (certificates live 10 minutes). */
class CertifiedKeySigner implements Signer {
  private readonly key = new EphemeralKey()
  private readonly fulcio: FulcioSigner
  private certificate?: Promise<{ pem: string; notAfter: number }>

  constructor(fulcio: Omit<ConstructorParameters<typeof FulcioSigner>[0], 'keyHolder'>) {
    this.fulcio = new FulcioSigner({ ...fulcio, keyHolder: this.key })
  }

  async sign(data: Buffer): Promise<Signature> {
    const cached = this.certificate ? await this.certificate.catch(() => undefined) : undefined
    // Keep a minute of margin so Rekor's integrated time falls inside the validity.
    if (!cached || cached.notAfter - Date.now() < 60_000) {
      this.certificate = this.fulcio.sign(data).then((s) => {
        if (s.key.$case !== 'x509Certificate') throw new Error('Fulcio returned no certificate')
        const pem = s.key.certificate
        return { pem, notAfter: X509Certificate.parse(pem).notAfter.getTime() }
      })
    }
    const certificate = await (this.certificate as Promise<{ pem: string }>)
    const { signature } = await this.key.sign(data)
    return { signature, key: { $case: 'x509Certificate', certificate: certificate.pem } }
  }
}

export interface KeylessSigner {
  /** hashedrekord-backed message signature (v0.2 bundle), for the cosign `.sig` layer. */
  signMessage(payload: Buffer): Promise<BundleWithMessageSignature>
  /** DSSE-enveloped in-toto statement (v0.3 bundle), for `.att` layers and bundle referrers. */
  signStatement(statement: Buffer): Promise<BundleWithDsseEnvelope>
  /**
   * An RFC 3161 timestamp over `data` itself, or undefined without a TSA. cosign's classic
   * `.att` check timestamps the layer (the envelope JSON), not the DSSE signature the bundle's
   * timestamp covers (cosign pkg/cosign/verify.go VerifyRFC3161Timestamp).
   */
  timestamp(data: Buffer): Promise<Uint8Array | undefined>
}

export function keylessSigner(options: {
  endpoints: SigstoreEndpoints
  getToken: () => Promise<string>
  retry?: RetryPolicy
  /** Default 1. With 2, message signatures (the classic `.sig`) are refused: no SET. */
  rekorVersion?: RekorVersion
}): KeylessSigner {
  const rekorVersion = options.rekorVersion ?? 1
  const retry = options.retry ?? DEFAULT_RETRY
  const fetchOptions = {
    timeout: retry.timeoutMs,
    retry: {
      retries: retry.retries,
      factor: 2,
      minTimeout: retry.minTimeoutMs,
      maxTimeout: retry.maxTimeoutMs,
    },
  }
  const signer = new CertifiedKeySigner({
    identityProvider: { getToken: options.getToken },
    fulcioBaseURL: options.endpoints.fulcioURL,
    ...fetchOptions,
  })
  const witnesses = (): Witness[] => {
    const list: Witness[] = [
      // Rekor v1 by default: the classic format needs the SignedEntryTimestamp, which v2 does
      // not return. v2 takes DSSE only as a hashedrekord over the PAE (src/sign/rekor-v2.ts).
      rekorVersion === 2
        ? new RekorV2Witness({ rekorBaseURL: options.endpoints.rekorURL, ...fetchOptions })
        : new RekorWitness({
            rekorBaseURL: options.endpoints.rekorURL,
            fetchOnConflict: true,
            majorApiVersion: 1,
            ...fetchOptions,
          }),
    ]
    if (options.endpoints.tsaURL) {
      list.push(new TSAWitness({ tsaBaseURL: options.endpoints.tsaURL, ...fetchOptions }))
    }
    return list
  }
  const message = new MessageSignatureBundleBuilder({ signer, witnesses: witnesses() })
  // The classic `.att` layer must be byte-identical to the envelope Rekor hashed: a dsse entry
  // (not intoto) gives envelopeHash = sha256(layer), which cosign checks.
  const dsse = new DSSEBundleBuilder({ signer, witnesses: witnesses() })

  const tsa = options.endpoints.tsaURL
    ? new TSAWitness({ tsaBaseURL: options.endpoints.tsaURL, ...fetchOptions })
    : undefined
  return {
    async timestamp(data) {
      if (!tsa) return undefined
      // The witness timestamps a message signature's bytes: hand it `data` as that signature.
      const proof = await explain(
        tsa.testify({
          $case: 'messageSignature',
          messageSignature: { signature: data },
        } as Parameters<TSAWitness['testify']>[0]),
        options.endpoints,
        retry,
        rekorVersion,
      )
      return proof.rfc3161Timestamps?.[0]?.signedTimestamp
    },
    signMessage: (payload) => {
      if (rekorVersion === 2)
        return Promise.reject(
          new Error(
            "internal: cosign's classic .sig needs Rekor v1's SignedEntryTimestamp; rekor-version 2 signs bundles only",
          ),
        )
      return explain(message.create({ data: payload }), options.endpoints, retry, rekorVersion)
    },
    signStatement: (statement) =>
      explain(
        dsse.create({ data: statement, type: IN_TOTO_PAYLOAD_TYPE }),
        options.endpoints,
        retry,
        rekorVersion,
      ),
  }
}

function causeText(error: unknown): string {
  const cause = (error as { cause?: unknown }).cause
  const text = (e: unknown) => (e instanceof Error ? e.message : String(e))
  return cause ? `${text(error)}: ${text(cause)}` : text(error)
}

/** Turns @sigstore/sign's internal error codes into messages that name the service and the next step. */
async function explain<T>(
  work: Promise<T>,
  endpoints: SigstoreEndpoints,
  retry: RetryPolicy,
  rekorVersion: RekorVersion,
): Promise<T> {
  try {
    return await work
  } catch (error) {
    if (!(error instanceof InternalError)) throw error
    const attempts = `${retry.retries + 1} attempt${retry.retries ? 's' : ''}`
    switch (error.code) {
      case 'IDENTITY_TOKEN_READ_ERROR':
      case 'IDENTITY_TOKEN_PARSE_ERROR':
        throw new SigstoreServiceError(
          'identity',
          `Could not get an OIDC identity token for keyless signing: ${causeText(error)}`,
          { cause: error },
        )
      case 'CA_CREATE_SIGNING_CERTIFICATE_ERROR':
        throw new SigstoreServiceError(
          'fulcio',
          `Fulcio (${endpoints.fulcioURL}) did not issue a signing certificate after ${attempts}: ${causeText(error)}. Nothing was signed or pushed; re-run the job when Fulcio is reachable (status: https://status.sigstore.dev for the public instance).`,
          { cause: error },
        )
      case 'TLOG_CREATE_ENTRY_ERROR':
      case 'TLOG_FETCH_ENTRY_ERROR':
        throw new SigstoreServiceError(
          'rekor',
          `Rekor (${endpoints.rekorURL}) did not record the signature after ${attempts}: ${causeText(error)}. Nothing was pushed; re-run the job when Rekor is reachable.`,
          { cause: error },
        )
      case 'TSA_CREATE_TIMESTAMP_ERROR':
        throw new SigstoreServiceError(
          'tsa',
          `The timestamp authority (${endpoints.tsaURL}) did not answer after ${attempts}: ${causeText(error)}. ${rekorVersion === 2 ? "Rekor v2 signatures need this timestamp: re-run later, or point 'tsa-url' at a reachable timestamp authority." : "Remove 'tsa-url' to rely on Rekor's timestamp, or re-run later."}`,
          { cause: error },
        )
      default:
        throw error
    }
  }
}
