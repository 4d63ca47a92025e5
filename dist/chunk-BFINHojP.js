import { createRequire } from 'node:module';
export { V as VexSourceError, a as authorMatch, b as authorRefusal, p as prepareVex, s as sha256Hex } from './chunk-CHer7kHY.js';
import './chunk-D5sk-O7z.js';
import './chunk-BAQxG8PF.js';
import 'node:crypto';
import 'node:fs/promises';
import 'node:path';

createRequire(import.meta.url);
