import { createRequire } from 'node:module';
export { s as settingsMarkdown, a as settingsRecord } from './chunk-CRp3707u.js';
import './chunk-11dNx8d9.js';
import './chunk-CL5xU9Fl.js';
import './chunk-D1w318ai.js';
import './chunk-BbcanKWs.js';
import 'node:crypto';
import 'node:fs/promises';
import 'node:path';

createRequire(import.meta.url);
