/**
 * The GitHub Actions identity provider: `core.getIDToken('sigstore')`, behind the pre-flight
 * check that turns a missing `id-token: write` into an error that says so. The only signing
 * module that imports @actions/core.
 */
import * as core from '@actions/core'
import {
  type IdentityProvider,
  IdentityTokenError,
  MissingIdTokenPermissionError,
} from './identity.js'

export const SIGSTORE_AUDIENCE = 'sigstore'

export function githubIdentity(env: NodeJS.ProcessEnv = process.env): IdentityProvider {
  return {
    preflight() {
      if (!env.ACTIONS_ID_TOKEN_REQUEST_URL || !env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
        throw new MissingIdTokenPermissionError()
      }
    },
    async getToken() {
      this.preflight()
      try {
        // getIDToken also masks the token in the log.
        return await core.getIDToken(SIGSTORE_AUDIENCE)
      } catch (error) {
        throw new IdentityTokenError(
          `GitHub refused the OIDC token for audience '${SIGSTORE_AUDIENCE}': ${(error as Error).message.replace(/\s+/g, ' ').trim()}. ` +
            "Check 'permissions: id-token: write' on this job.",
        )
      }
    },
  }
}
