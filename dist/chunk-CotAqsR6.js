import { createRequire } from 'node:module';
import { r as require_dist3 } from './chunk-0jkUtXHp.js';
import './chunk-CYZkt3Dc.js';
import './chunk-nBZYIXZt.js';

createRequire(import.meta.url);
var chunkLYXCBUHG = require_dist3();

export { chunkLYXCBUHG as default };
