import { createRequire } from 'node:module';
import { r as require_dist3 } from './chunk-DyHRwQtB.js';
import './chunk-Ci3jhAQk.js';
import './chunk-bWY20X0p.js';

createRequire(import.meta.url);
var chunkLYXCBUHG = require_dist3();

export { chunkLYXCBUHG as default };
