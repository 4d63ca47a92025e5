import { createRequire } from 'node:module';
import { l as loadTrustedRoot } from './chunk-BBZXCSJj.js';
export { T as TrustRootError, c as caChains, t as trustedRootFromJSON } from './chunk-BBZXCSJj.js';
import './chunk-c7Lpbp8V.js';
import './chunk-DByBEE7_.js';
import './chunk-FV8DOmwr.js';
import 'node:fs/promises';

createRequire(import.meta.url);

export { loadTrustedRoot };
