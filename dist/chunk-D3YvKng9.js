import { createRequire } from 'node:module';
import { a as actionRegistryLogin } from './chunk-CNomX6Vp.js';
export { b as actionLogger, g as getInput, i as info, r as runUrl, t as trivyCacheDir } from './chunk-CNomX6Vp.js';
import './chunk-DPoUJtSh.js';
import './chunk-BPn_haLw.js';
import './chunk-BAQxG8PF.js';
import './chunk-CBoHpM6r.js';
import 'node:os';
import 'node:path';
import 'node:fs/promises';
import 'node:child_process';
import 'os';
import 'fs';
import 'crypto';

createRequire(import.meta.url);

export { actionRegistryLogin };
