import { createRequire } from 'node:module';
import { r as require_dist2 } from './chunk-Wrgd56bW.js';
import './chunk-CYZkt3Dc.js';
import './chunk-nBZYIXZt.js';

createRequire(import.meta.url);
var chunkE7C7PVVO = require_dist2();

export { chunkE7C7PVVO as default };
