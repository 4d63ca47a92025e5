import { createRequire } from 'node:module';
import { l as loadTrustedRoot } from './chunk-k4t6YM-_.js';
export { T as TrustRootError, c as caChains, t as trustedRootFromJSON } from './chunk-k4t6YM-_.js';
import './chunk-DiLJBVF7.js';
import './chunk-D4jYfh0W.js';
import './chunk-ChA76sWw.js';
import 'node:fs/promises';

createRequire(import.meta.url);

export { loadTrustedRoot };
