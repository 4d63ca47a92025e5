import { createRequire } from 'node:module';
import { a as actionRegistryLogin } from './chunk-BTlPxBMR.js';
export { b as actionLogger, g as getInput, i as info, r as runUrl, t as trivyCacheDir } from './chunk-BTlPxBMR.js';
import './chunk-C7lIWORE.js';
import './chunk-BPn_haLw.js';
import './chunk-nBZYIXZt.js';
import './chunk-CeQogn0n.js';
import 'node:os';
import 'node:path';
import 'node:fs/promises';
import 'node:child_process';
import 'os';
import 'fs';
import 'crypto';

createRequire(import.meta.url);

export { actionRegistryLogin };
