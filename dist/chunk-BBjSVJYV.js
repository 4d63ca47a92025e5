import { createRequire } from 'node:module';
export { s as settingsMarkdown, a as settingsRecord } from './chunk-B-llAF6G.js';
import './chunk-CYDM28oy.js';
import './chunk-CKBxWXFX.js';
import './chunk-D1w318ai.js';
import './chunk-ChA76sWw.js';
import 'node:crypto';
import 'node:fs/promises';
import 'node:path';

createRequire(import.meta.url);
