import { createRequire } from 'node:module';
import { r as require_dist2 } from './chunk-CTP6ws_j.js';
import './chunk-DByBEE7_.js';
import './chunk-FV8DOmwr.js';

createRequire(import.meta.url);
var chunkE7C7PVVO = require_dist2();

export { chunkE7C7PVVO as default };
