import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);
import {
  IdentityTokenError,
  MISSING_ID_TOKEN_MESSAGE,
  MissingIdTokenPermissionError,
  staticIdentity,
  tokenClaims
} from "./chunk-QUQ4CUZP.js";
import "./chunk-RCMRYTCI.js";
export {
  IdentityTokenError,
  MISSING_ID_TOKEN_MESSAGE,
  MissingIdTokenPermissionError,
  staticIdentity,
  tokenClaims
};
