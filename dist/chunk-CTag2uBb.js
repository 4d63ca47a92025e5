import { createRequire } from 'node:module';
export { s as settingsMarkdown, a as settingsRecord } from './chunk-DWafdeXq.js';
import './chunk-CYDM28oy.js';
import './chunk-DzZpNzyX.js';
import './chunk-D1w318ai.js';
import './chunk-CQtg_le0.js';
import 'node:crypto';
import 'node:fs/promises';
import 'node:path';

createRequire(import.meta.url);
