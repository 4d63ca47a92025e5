import { createRequire } from 'node:module';
import { a as actionRegistryLogin } from './chunk-HHapE--a.js';
export { b as actionLogger, g as getInput, i as info, r as runUrl, t as trivyCacheDir } from './chunk-HHapE--a.js';
import './chunk-BVWN7TtZ.js';
import './chunk-BPn_haLw.js';
import './chunk-BbcanKWs.js';
import './chunk-EeO-B8gy.js';
import 'node:os';
import 'node:path';
import 'node:fs/promises';
import 'node:child_process';
import 'os';
import 'fs';
import 'crypto';

createRequire(import.meta.url);

export { actionRegistryLogin };
