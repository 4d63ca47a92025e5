import { createRequire } from 'node:module';
export { B as BundleRejected, C as ClaimError, b as bundleVerifier, s as sanPattern, v as verificationPolicy, a as verifyBundle } from './chunk-CgA57aA4.js';
import './chunk-B3H-jHj-.js';
import './chunk-BZdrqP8b.js';
import './chunk-yUGmO4LO.js';
import './chunk-BAQxG8PF.js';
import 'node:crypto';
import 'node:fs/promises';

createRequire(import.meta.url);
