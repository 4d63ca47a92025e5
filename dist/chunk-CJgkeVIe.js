import { createRequire } from 'node:module';
export { B as BundleRejected, C as ClaimError, b as bundleVerifier, s as sanPattern, v as verificationPolicy, a as verifyBundle } from './chunk-D_lLWt9j.js';
import './chunk-B716zsj5.js';
import './chunk-piV2VOQL.js';
import './chunk-4H7rrivE.js';
import './chunk-BbcanKWs.js';
import 'node:crypto';
import 'node:fs/promises';

createRequire(import.meta.url);
