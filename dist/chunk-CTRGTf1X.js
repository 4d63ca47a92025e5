import { createRequire } from 'node:module';
import { a as actionRegistryLogin } from './chunk-TnBOBXdn.js';
export { b as actionLogger, g as getInput, i as info, r as runUrl, t as trivyCacheDir } from './chunk-TnBOBXdn.js';
import './chunk-DKi6Xwpy.js';
import './chunk-BPn_haLw.js';
import './chunk-CQtg_le0.js';
import './chunk-BLCg3m8O.js';
import 'node:os';
import 'node:path';
import 'node:fs/promises';
import 'node:child_process';
import 'os';
import 'fs';
import 'crypto';

createRequire(import.meta.url);

export { actionRegistryLogin };
