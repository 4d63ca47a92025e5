import { createRequire } from 'node:module';
export { a5 as describeVexSource, a6 as parseIdentityRegexp, a7 as parseRequiredAuthors, a8 as parseVexSetting, a9 as parseVexSources } from './chunk-BfsmuvnE.js';
import 'node:fs';
import 'node:crypto';
import 'node:fs/promises';
import 'node:path';
import 'os';
import 'fs';
import 'crypto';

createRequire(import.meta.url);
