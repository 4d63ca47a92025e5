import { createRequire } from 'node:module';
export { B as BundleRejected, C as ClaimError, b as bundleVerifier, s as sanPattern, v as verificationPolicy, a as verifyBundle } from './chunk-DFMuuFdR.js';
import './chunk-e6LXvICt.js';
import './chunk-Cmq97x5N.js';
import './chunk-D4jYfh0W.js';
import './chunk-ChA76sWw.js';
import 'node:crypto';
import 'node:fs/promises';

createRequire(import.meta.url);
