/**
 * Registry failures as values a user can act on: the HTTP status, the registry's own error
 * code, and a message that names the image and says what to do next.
 */

export type RegistryErrorKind =
  | 'unauthorized'
  | 'denied'
  | 'not-found'
  | 'rate-limited'
  | 'server'
  | 'unreachable'
  /** The registry or token service went quiet for longer than the client's timeout. */
  | 'timeout'
  /** Refused before sending: a URL the registry handed us is plain HTTP off loopback, or similar. */
  | 'insecure'
  | 'invalid-response'
  | 'too-large'
  | 'digest-mismatch'
  | 'rejected'

export interface RegistryErrorDetails {
  status?: number
  /** distribution error codes from the JSON body, e.g. MANIFEST_UNKNOWN. */
  codes?: string[]
  url?: string
  cause?: unknown
}

export class RegistryError extends Error {
  override name = 'RegistryError'
  readonly kind: RegistryErrorKind
  readonly details: RegistryErrorDetails
  constructor(
    kind: RegistryErrorKind,
    /** What the user reads: which image, what happened, what to do. */
    message: string,
    details: RegistryErrorDetails = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause })
    this.kind = kind
    this.details = details
  }

  get status(): number | undefined {
    return this.details.status
  }
}

/** distribution's JSON error body: `{"errors":[{"code":"…","message":"…"}]}`; anything else yields []. */
export function parseErrorBody(text: string): { code: string; message: string }[] {
  try {
    const body = JSON.parse(text) as { errors?: { code?: unknown; message?: unknown }[] }
    if (!Array.isArray(body.errors)) return []
    return body.errors.map((e) => ({
      code: String(e.code ?? ''),
      message: String(e.message ?? ''),
    }))
  } catch {
    return []
  }
}
