import { createRequire } from 'node:module';
import { l as loadTrustedRoot } from './chunk-C74Q5_Nr.js';
export { T as TrustRootError, c as caChains, t as trustedRootFromJSON } from './chunk-C74Q5_Nr.js';
import './chunk-CkxEDLTB.js';
import './chunk-CYZkt3Dc.js';
import './chunk-nBZYIXZt.js';
import 'node:fs/promises';

createRequire(import.meta.url);

export { loadTrustedRoot };
