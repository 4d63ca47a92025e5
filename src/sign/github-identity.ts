/**
 * The GitHub Actions identity provider: `core.getIDToken('sigstore')`, behind the pre-flight
 * check that turns a missing `id-token: write` into an error that says so. The only signing
 * module that imports @actions/core.
 */
import * as core from '@actions/core'
import { redactedMessage, registerSecret } from '../redact.js'
import {
  type IdentityProvider,
  IdentityTokenError,
  MissingIdTokenPermissionError,
} from './identity.js'

export const SIGSTORE_AUDIENCE = 'sigstore'

export function githubIdentity(
  env: NodeJS.ProcessEnv = process.env,
): IdentityProvider & { available(): boolean } {
  return {
    /** Whether the runner offers a token at all (the job has `id-token: write`). */
    available() {
      return Boolean(env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN)
    },
    preflight() {
      if (!this.available()) throw new MissingIdTokenPermissionError()
    },
    async getToken() {
      this.preflight()
      try {
        const token = await core.getIDToken(SIGSTORE_AUDIENCE)
        // getIDToken has already masked it in the runner's log (core.setSecret; the e2e test
        // checks the ::add-mask:: line); from now on it is also cut out of every message.
        registerSecret(token)
        return token
      } catch (error) {
        throw new IdentityTokenError(
          `GitHub refused the OIDC token for audience '${SIGSTORE_AUDIENCE}': ${redactedMessage(error).replace(/\s+/g, ' ').trim()}. ` +
            "Check 'permissions: id-token: write' on this job.",
        )
      }
    },
  }
}
