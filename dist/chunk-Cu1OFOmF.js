import { createRequire } from 'node:module';
import { a as actionRegistryLogin } from './chunk-35L0akO4.js';
export { b as actionLogger, g as getInput, i as info, r as runUrl, t as trivyCacheDir } from './chunk-35L0akO4.js';
import './chunk-BMAPFu2U.js';
import './chunk-BPn_haLw.js';
import './chunk-FV8DOmwr.js';
import './chunk-BcFyXl4O.js';
import 'node:os';
import 'node:path';
import 'node:fs/promises';
import 'node:child_process';
import 'os';
import 'fs';
import 'crypto';

createRequire(import.meta.url);

export { actionRegistryLogin };
