import { createRequire } from 'node:module';
export { V as VexSourceError, a as authorMatch, b as authorRefusal, p as prepareVex, s as sha256Hex } from './chunk-D5pTF7mH.js';
import './chunk-D5sk-O7z.js';
import './chunk-BfsmuvnE.js';
import 'node:crypto';
import 'node:fs/promises';
import 'node:path';
import 'node:fs';
import 'os';
import 'fs';
import 'crypto';

createRequire(import.meta.url);
