import { createRequire } from 'node:module';
export { s as settingsMarkdown, a as settingsRecord } from './chunk-D10i9vTR.js';
import './chunk-CYDM28oy.js';
import './chunk-DqTP9AIl.js';
import './chunk-D1w318ai.js';
import './chunk-bWY20X0p.js';
import 'node:crypto';
import 'node:fs/promises';
import 'node:path';

createRequire(import.meta.url);
