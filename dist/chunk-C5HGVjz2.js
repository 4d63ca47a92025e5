import { createRequire } from 'node:module';
import { r as require_dist2 } from './chunk-CiiEvFzS.js';
import './chunk-CexDJ9w_.js';
import './chunk-CQtg_le0.js';

createRequire(import.meta.url);
var chunkE7C7PVVO = require_dist2();

export { chunkE7C7PVVO as default };
