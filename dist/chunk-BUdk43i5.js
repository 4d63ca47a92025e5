import { createRequire } from 'node:module';
import { r as require_dist2 } from './chunk-DGJ6NVUm.js';
import './chunk-Ci3jhAQk.js';
import './chunk-bWY20X0p.js';

createRequire(import.meta.url);
var chunkE7C7PVVO = require_dist2();

export { chunkE7C7PVVO as default };
