import { createRequire } from 'node:module';
import { r as require_dist2 } from './chunk-wVvfRtYZ.js';
import './chunk-BS_9fr8K.js';
import './chunk-BfsmuvnE.js';
import 'node:fs';
import 'node:crypto';
import 'node:fs/promises';
import 'node:path';
import 'os';
import 'fs';
import 'crypto';

createRequire(import.meta.url);
var chunkE7C7PVVO = require_dist2();

export { chunkE7C7PVVO as default };
