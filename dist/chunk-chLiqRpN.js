import { createRequire } from 'node:module';
import { r as require_dist3 } from './chunk-BZdrqP8b.js';
import './chunk-yUGmO4LO.js';
import './chunk-BAQxG8PF.js';

createRequire(import.meta.url);
var chunkLYXCBUHG = require_dist3();

export { chunkLYXCBUHG as default };
