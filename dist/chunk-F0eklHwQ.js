import { createRequire } from 'node:module';
import { r as registryClient } from './chunk--j_mKdh8.js';
import './chunk-4KaJgODh.js';
import './chunk-D-RVBky_.js';
import './chunk-BHNJ4lnQ.js';
import './chunk-DtikF6FY.js';
import './chunk-BfsmuvnE.js';
import 'node:child_process';
import 'node:fs/promises';
import 'node:os';
import 'node:path';
import 'node:crypto';
import 'node:stream';
import 'node:fs';
import 'os';
import 'fs';
import 'crypto';

createRequire(import.meta.url);

export { registryClient };
