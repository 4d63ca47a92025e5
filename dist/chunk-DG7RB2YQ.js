import { createRequire } from 'node:module';
export { V as VexSourceError, a as authorMatch, b as authorRefusal, p as prepareVex, s as sha256Hex } from './chunk-D-0OTD51.js';
import './chunk-D5sk-O7z.js';
import './chunk-bWY20X0p.js';
import 'node:crypto';
import 'node:fs/promises';
import 'node:path';

createRequire(import.meta.url);
