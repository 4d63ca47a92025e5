import { createRequire } from 'node:module';
import { r as require_undici } from './chunk-DRjEVml1.js';
import './chunk-BfsmuvnE.js';
import 'node:fs';
import 'node:crypto';
import 'node:fs/promises';
import 'node:path';
import 'os';
import 'fs';
import 'crypto';

createRequire(import.meta.url);
var chunkEIOWMVZD = require_undici();

export { chunkEIOWMVZD as default };
