import { createRequire } from 'node:module';
import { r as require_semver2 } from './chunk-7V8k1ySA.js';
import './chunk-BfsmuvnE.js';
import 'node:fs';
import 'node:crypto';
import 'node:fs/promises';
import 'node:path';
import 'os';
import 'fs';
import 'crypto';

createRequire(import.meta.url);
var chunkVVQV4YXV = require_semver2();

export { chunkVVQV4YXV as default };
