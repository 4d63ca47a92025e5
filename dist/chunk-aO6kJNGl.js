import { createRequire } from 'node:module';
import { r as require_dist3 } from './chunk-Rr1d9C5U.js';
import './chunk-DByBEE7_.js';
import './chunk-FV8DOmwr.js';

createRequire(import.meta.url);
var chunkLYXCBUHG = require_dist3();

export { chunkLYXCBUHG as default };
