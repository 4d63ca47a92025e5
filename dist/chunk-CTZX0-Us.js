import { createRequire } from 'node:module';
import { l as loadTrustedRoot } from './chunk-XVi-8aCL.js';
export { T as TrustRootError, c as caChains, t as trustedRootFromJSON } from './chunk-XVi-8aCL.js';
import './chunk-ZqQ4SDaC.js';
import './chunk-DNWNplv6.js';
import './chunk-_Dh_sDa0.js';
import 'node:fs/promises';

createRequire(import.meta.url);

export { loadTrustedRoot };
