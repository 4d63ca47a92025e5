import { createRequire } from 'node:module';
import { l as loadTrustedRoot } from './chunk-BwR0zgHg.js';
export { T as TrustRootError, c as caChains, t as trustedRootFromJSON } from './chunk-BwR0zgHg.js';
import './chunk-J5lQKlWR.js';
import './chunk-Ci3jhAQk.js';
import './chunk-bWY20X0p.js';
import 'node:fs/promises';

createRequire(import.meta.url);

export { loadTrustedRoot };
