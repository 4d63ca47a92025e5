import { createRequire } from 'node:module';
export { s as settingsMarkdown, a as settingsRecord } from './chunk-ChV41_sU.js';
import './chunk-CYDM28oy.js';
import './chunk-CjV2vvNm.js';
import './chunk-D1w318ai.js';
import './chunk-nBZYIXZt.js';
import 'node:crypto';
import 'node:fs/promises';
import 'node:path';

createRequire(import.meta.url);
