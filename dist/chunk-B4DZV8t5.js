import { createRequire } from 'node:module';
export { B as BundleRejected, C as ClaimError, b as bundleVerifier, s as sanPattern, v as verificationPolicy, a as verifyBundle } from './chunk-DX2CwRPE.js';
import './chunk-CTP6ws_j.js';
import './chunk-Rr1d9C5U.js';
import './chunk-DByBEE7_.js';
import './chunk-FV8DOmwr.js';
import 'node:crypto';
import 'node:fs/promises';

createRequire(import.meta.url);
