import { createRequire } from 'node:module';
import { r as require_dist2 } from './chunk-B3H-jHj-.js';
import './chunk-yUGmO4LO.js';
import './chunk-BAQxG8PF.js';

createRequire(import.meta.url);
var chunkE7C7PVVO = require_dist2();

export { chunkE7C7PVVO as default };
