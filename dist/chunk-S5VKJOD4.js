import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);
import {
  IdentityTokenError,
  MissingIdTokenPermissionError
} from "./chunk-QUQ4CUZP.js";
import {
  redactedMessage,
  registerSecret
} from "./chunk-Z775AAB3.js";
import {
  getIDToken
} from "./chunk-J3WWJA3C.js";

// src/sign/github-identity.ts
var SIGSTORE_AUDIENCE = "sigstore";
function githubIdentity(env = process.env) {
  return {
    /** Whether the runner offers a token at all (the job has `id-token: write`). */
    available() {
      return Boolean(env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
    },
    preflight() {
      if (!this.available()) throw new MissingIdTokenPermissionError();
    },
    async getToken() {
      this.preflight();
      try {
        const token = await getIDToken(SIGSTORE_AUDIENCE);
        registerSecret(token);
        return token;
      } catch (error) {
        throw new IdentityTokenError(
          `GitHub refused the OIDC token for audience '${SIGSTORE_AUDIENCE}': ${redactedMessage(error).replace(/\s+/g, " ").trim()}. Check 'permissions: id-token: write' on this job.`
        );
      }
    }
  };
}

export {
  SIGSTORE_AUDIENCE,
  githubIdentity
};
