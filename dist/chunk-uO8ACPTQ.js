import { createRequire } from 'node:module';
import { a as actionRegistryLogin } from './chunk-CvRibndD.js';
export { b as actionLogger, g as getInput, i as info, r as runUrl, t as trivyCacheDir } from './chunk-CvRibndD.js';
import './chunk-BPj-ZqeH.js';
import './chunk-BPn_haLw.js';
import './chunk-bWY20X0p.js';
import './chunk-DhvGZFog.js';
import 'node:os';
import 'node:path';
import 'node:fs/promises';
import 'node:child_process';
import 'os';
import 'fs';
import 'crypto';

createRequire(import.meta.url);

export { actionRegistryLogin };
