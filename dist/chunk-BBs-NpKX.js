import { createRequire } from 'node:module';
import { r as require_undici } from './chunk-Bn22CbBs.js';
import './chunk-nBZYIXZt.js';

createRequire(import.meta.url);
var chunkEIOWMVZD = require_undici();

export { chunkEIOWMVZD as default };
