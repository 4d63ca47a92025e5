import { createRequire } from 'node:module';
import { r as require_undici } from './chunk-CbUj1GkO.js';
import './chunk-bWY20X0p.js';

createRequire(import.meta.url);
var chunkEIOWMVZD = require_undici();

export { chunkEIOWMVZD as default };
