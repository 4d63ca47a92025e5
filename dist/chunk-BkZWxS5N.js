import { createRequire } from 'node:module';
import { a as actionRegistryLogin } from './chunk-DQMBC7vP.js';
export { b as actionLogger, g as getInput, i as info, r as runUrl, t as trivyCacheDir } from './chunk-DQMBC7vP.js';
import './chunk-B1Duhbwu.js';
import './chunk-BPn_haLw.js';
import './chunk-ChA76sWw.js';
import './chunk-BdTuQfL7.js';
import 'node:os';
import 'node:path';
import 'node:fs/promises';
import 'node:child_process';
import 'os';
import 'fs';
import 'crypto';

createRequire(import.meta.url);

export { actionRegistryLogin };
