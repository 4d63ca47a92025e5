import { createRequire } from 'node:module';
export { B as BundleRejected, C as ClaimError, b as bundleVerifier, s as sanPattern, v as verificationPolicy, a as verifyBundle } from './chunk-BqOtLmYu.js';
import './chunk-CiiEvFzS.js';
import './chunk-BUN7BKUx.js';
import './chunk-CexDJ9w_.js';
import './chunk-CQtg_le0.js';
import 'node:crypto';
import 'node:fs/promises';

createRequire(import.meta.url);
