import { createRequire } from 'node:module';
export { s as settingsMarkdown, a as settingsRecord } from './chunk-Cxy3dASk.js';
import './chunk-11dNx8d9.js';
import './chunk-CKBxWXFX.js';
import './chunk-D1w318ai.js';
import './chunk-ChA76sWw.js';
import 'node:crypto';
import 'node:fs/promises';
import 'node:path';

createRequire(import.meta.url);
