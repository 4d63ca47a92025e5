import { createRequire } from 'node:module';

createRequire(import.meta.url);

// src/sign/identity.ts
var MISSING_ID_TOKEN_MESSAGE = "Keyless signing needs a GitHub OIDC token, but ACTIONS_ID_TOKEN_REQUEST_URL / ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set. Add\n    permissions:\n      id-token: write\nto the job that runs Shipgate (a job-level 'permissions:' block replaces the workflow-level one; a reusable workflow needs it granted by its caller). Pull requests from forks never receive an OIDC token and cannot sign: run signing on push/release, or set 'sign: false' for fork PRs.";
var MissingIdTokenPermissionError = class extends Error {
  name = "MissingIdTokenPermissionError";
  constructor() {
    super(MISSING_ID_TOKEN_MESSAGE);
  }
};
var IdentityTokenError = class extends Error {
  name = "IdentityTokenError";
};
function staticIdentity(token) {
  return {
    preflight() {
      if (!token) {
        throw new IdentityTokenError(
          "Keyless signing needs an OIDC token: run inside GitHub Actions with 'permissions: id-token: write', or set SIGSTORE_ID_TOKEN to a token with audience 'sigstore'."
        );
      }
    },
    async getToken() {
      this.preflight();
      return token;
    }
  };
}
function tokenClaims(token) {
  const payload = token.split(".")[1];
  if (!payload) throw new IdentityTokenError("The OIDC token is not a JWT (no payload part).");
  try {
    return JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    throw new IdentityTokenError("The OIDC token is not a JWT (its payload is not JSON).");
  }
}

export { IdentityTokenError as I, MISSING_ID_TOKEN_MESSAGE as M, MissingIdTokenPermissionError as a, staticIdentity as s, tokenClaims as t };
