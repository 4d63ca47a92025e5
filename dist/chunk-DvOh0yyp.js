import { createRequire } from 'node:module';
import { a as actionRegistryLogin } from './chunk-UtCVjRA-.js';
export { b as actionLogger, g as getInput, i as info, r as runUrl, t as trivyCacheDir } from './chunk-UtCVjRA-.js';
import './chunk-BP8QuKOc.js';
import './chunk-BPn_haLw.js';
import './chunk-_Dh_sDa0.js';
import './chunk-BBBkzyVG.js';
import 'node:os';
import 'node:path';
import 'node:fs/promises';
import 'node:child_process';
import 'os';
import 'fs';
import 'crypto';

createRequire(import.meta.url);

export { actionRegistryLogin };
