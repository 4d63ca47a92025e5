import { createRequire } from 'node:module';
export { V as VexSourceError, a as authorMatch, b as authorRefusal, p as prepareVex, s as sha256Hex } from './chunk-DPJkozMO.js';
import './chunk-D5sk-O7z.js';
import './chunk-_Dh_sDa0.js';
import 'node:crypto';
import 'node:fs/promises';
import 'node:path';

createRequire(import.meta.url);
