import { createRequire } from 'node:module';
export { B as BundleRejected, C as ClaimError, b as bundleVerifier, s as sanPattern, v as verificationPolicy, a as verifyBundle } from './chunk-Chco1JLJ.js';
import './chunk-wVvfRtYZ.js';
import './chunk-Ck4F28M3.js';
import './chunk-BS_9fr8K.js';
import './chunk-BfsmuvnE.js';
import 'node:crypto';
import 'node:fs/promises';
import 'node:fs';
import 'node:path';
import 'os';
import 'fs';
import 'crypto';

createRequire(import.meta.url);
