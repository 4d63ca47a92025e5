import { createRequire } from 'node:module';
export { I as IdentityTokenError, M as MISSING_ID_TOKEN_MESSAGE, a as MissingIdTokenPermissionError, s as staticIdentity, t as tokenClaims } from './chunk-CVnINH75.js';
import './chunk-BAQxG8PF.js';

createRequire(import.meta.url);
