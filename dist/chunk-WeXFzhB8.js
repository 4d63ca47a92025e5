import { createRequire } from 'node:module';
import { r as require_undici } from './chunk-C5kd4Pio.js';
import './chunk-BbcanKWs.js';

createRequire(import.meta.url);
var chunkEIOWMVZD = require_undici();

export { chunkEIOWMVZD as default };
