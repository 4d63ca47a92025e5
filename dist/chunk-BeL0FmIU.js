import { createRequire } from 'node:module';
import { l as loadTrustedRoot } from './chunk-DuYVL4Z0.js';
export { T as TrustRootError, c as caChains, t as trustedRootFromJSON } from './chunk-DuYVL4Z0.js';
import './chunk-_fa9MP7A.js';
import './chunk-4H7rrivE.js';
import './chunk-BbcanKWs.js';
import 'node:fs/promises';

createRequire(import.meta.url);

export { loadTrustedRoot };
