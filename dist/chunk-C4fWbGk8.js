import { createRequire } from 'node:module';
import { r as require_undici } from './chunk-DVe4SYgA.js';
import './chunk-BAQxG8PF.js';

createRequire(import.meta.url);
var chunkEIOWMVZD = require_undici();

export { chunkEIOWMVZD as default };
