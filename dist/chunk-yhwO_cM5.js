import { createRequire } from 'node:module';
export { B as BundleRejected, C as ClaimError, b as bundleVerifier, s as sanPattern, v as verificationPolicy, a as verifyBundle } from './chunk-Dgb1h6PU.js';
import './chunk-DGJ6NVUm.js';
import './chunk-DyHRwQtB.js';
import './chunk-Ci3jhAQk.js';
import './chunk-bWY20X0p.js';
import 'node:crypto';
import 'node:fs/promises';

createRequire(import.meta.url);
