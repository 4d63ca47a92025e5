import { createRequire } from 'node:module';
import { l as loadTrustedRoot } from './chunk-DoKWBaJe.js';
export { T as TrustRootError, c as caChains, t as trustedRootFromJSON } from './chunk-DoKWBaJe.js';
import './chunk-jp4-4vzx.js';
import './chunk-yUGmO4LO.js';
import './chunk-BAQxG8PF.js';
import 'node:fs/promises';

createRequire(import.meta.url);

export { loadTrustedRoot };
