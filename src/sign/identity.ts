/**
 * Where the OIDC token for keyless signing comes from. Same shape as @sigstore/sign's
 * IdentityProvider, plus a pre-flight check so a missing permission fails before any work.
 */
export interface IdentityProvider {
  /** Throws MissingIdTokenPermissionError when no token can be had at all. */
  preflight(): void
  getToken(): Promise<string>
}

export const MISSING_ID_TOKEN_MESSAGE =
  'Keyless signing needs a GitHub OIDC token, but ACTIONS_ID_TOKEN_REQUEST_URL / ' +
  'ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set. Add\n' +
  '    permissions:\n' +
  '      id-token: write\n' +
  "to the job that runs Shipgate (a job-level 'permissions:' block replaces the workflow-level one; " +
  'a reusable workflow needs it granted by its caller). Pull requests from forks never receive an ' +
  "OIDC token and cannot sign: run signing on push/release, or set 'sign: false' for fork PRs."

export class MissingIdTokenPermissionError extends Error {
  override name = 'MissingIdTokenPermissionError'
  constructor() {
    super(MISSING_ID_TOKEN_MESSAGE)
  }
}

export class IdentityTokenError extends Error {
  override name = 'IdentityTokenError'
}

/** A token given directly (CLI: `SIGSTORE_ID_TOKEN`, tests). */
export function staticIdentity(token: string | undefined): IdentityProvider {
  return {
    preflight() {
      if (!token) {
        throw new IdentityTokenError(
          'Keyless signing needs an OIDC token: run inside GitHub Actions with ' +
            "'permissions: id-token: write', or set SIGSTORE_ID_TOKEN to a token with audience 'sigstore'.",
        )
      }
    },
    async getToken() {
      this.preflight()
      return token as string
    },
  }
}

/** Claims of a JWT, without checking its signature (Fulcio does that): for messages and policy only. */
export function tokenClaims(token: string): Record<string, unknown> {
  const payload = token.split('.')[1]
  if (!payload) throw new IdentityTokenError('The OIDC token is not a JWT (no payload part).')
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>
  } catch {
    throw new IdentityTokenError('The OIDC token is not a JWT (its payload is not JSON).')
  }
}
