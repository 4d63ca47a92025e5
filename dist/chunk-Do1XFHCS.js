import { createRequire } from 'node:module';
import { l as loadTrustedRoot } from './chunk-BpjOlVkR.js';
export { T as TrustRootError, c as caChains, t as trustedRootFromJSON } from './chunk-BpjOlVkR.js';
import './chunk-CFgq8uFd.js';
import './chunk-CexDJ9w_.js';
import './chunk-CQtg_le0.js';
import 'node:fs/promises';

createRequire(import.meta.url);

export { loadTrustedRoot };
