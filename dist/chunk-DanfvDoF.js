import { createRequire } from 'node:module';
import { r as require_dist3 } from './chunk-Cmq97x5N.js';
import './chunk-D4jYfh0W.js';
import './chunk-ChA76sWw.js';

createRequire(import.meta.url);
var chunkLYXCBUHG = require_dist3();

export { chunkLYXCBUHG as default };
