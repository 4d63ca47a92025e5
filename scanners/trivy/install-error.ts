/**
 * How installing Trivy failed, in a module of its own: the pipeline tells a tampered or
 * mistyped release from other failures without loading the installer (semver, tool-cache,
 * signature checks), which a report judged offline never needs (issue 13).
 */

export type TrivyInstallErrorCode =
  | 'invalid-version'
  | 'compromised-version'
  | 'invalid-checksum'
  | 'checksum-required'
  | 'checksum-conflict'
  | 'checksum-mismatch'
  | 'unsupported-platform'
  | 'download-failed'
  | 'broken-archive'
  | 'binary-check-failed'
  | 'signature-missing'
  | 'signature-malformed'
  | 'signature-invalid'
  | 'signature-identity'
  | 'signature-unverifiable'

/** Carries the input to fix (when there is one) so the action can point at it. */
export class TrivyInstallError extends Error {
  readonly code: TrivyInstallErrorCode
  readonly input: string | undefined
  constructor(
    code: TrivyInstallErrorCode,
    message: string,
    options: { input?: string; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = new.target.name
    this.code = code
    this.input = options.input
  }
}
