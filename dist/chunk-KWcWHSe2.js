import { createRequire } from 'node:module';
export { B as BundleRejected, C as ClaimError, b as bundleVerifier, s as sanPattern, v as verificationPolicy, a as verifyBundle } from './chunk-DFQY9QXL.js';
import './chunk-B4ISdTvb.js';
import './chunk-BaDWh9zw.js';
import './chunk-DNWNplv6.js';
import './chunk-_Dh_sDa0.js';
import 'node:crypto';
import 'node:fs/promises';

createRequire(import.meta.url);
