import { createRequire } from 'node:module';
export { s as settingsMarkdown, a as settingsRecord } from './chunk-B6uQYdXe.js';
import './chunk-CYDM28oy.js';
import './chunk-DKZNRPZ6.js';
import './chunk-D1w318ai.js';
import './chunk-FV8DOmwr.js';
import 'node:crypto';
import 'node:fs/promises';
import 'node:path';

createRequire(import.meta.url);
