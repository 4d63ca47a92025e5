import { createRequire } from 'node:module';
import { r as require_dist3 } from './chunk-Ck4F28M3.js';
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
var chunkLYXCBUHG = require_dist3();

export { chunkLYXCBUHG as default };
