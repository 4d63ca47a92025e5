import { createRequire } from 'node:module';
import { l as loadTrustedRoot } from './chunk-9tMmc47b.js';
export { T as TrustRootError, c as caChains, t as trustedRootFromJSON } from './chunk-9tMmc47b.js';
import './chunk-4KaJgODh.js';
import './chunk-BS_9fr8K.js';
import './chunk-BfsmuvnE.js';
import 'node:fs/promises';
import 'node:child_process';
import 'node:os';
import 'node:path';
import 'node:crypto';
import 'node:stream';
import 'node:fs';
import 'os';
import 'fs';
import 'crypto';

createRequire(import.meta.url);

export { loadTrustedRoot };
