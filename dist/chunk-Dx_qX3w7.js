import { createRequire } from 'node:module';
export { B as BundleRejected, C as ClaimError, b as bundleVerifier, s as sanPattern, v as verificationPolicy, a as verifyBundle } from './chunk-94dZ6rQh.js';
import './chunk-Wrgd56bW.js';
import './chunk-0jkUtXHp.js';
import './chunk-CYZkt3Dc.js';
import './chunk-nBZYIXZt.js';
import 'node:crypto';
import 'node:fs/promises';

createRequire(import.meta.url);
