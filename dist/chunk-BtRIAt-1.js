import { createRequire } from 'node:module';
import { r as require_dist3 } from './chunk-BUN7BKUx.js';
import './chunk-CexDJ9w_.js';
import './chunk-CQtg_le0.js';

createRequire(import.meta.url);
var chunkLYXCBUHG = require_dist3();

export { chunkLYXCBUHG as default };
