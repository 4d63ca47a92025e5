import { createRequire } from 'node:module';
import { r as require_undici } from './chunk-Cbz_82kx.js';
import './chunk-ChA76sWw.js';

createRequire(import.meta.url);
var chunkEIOWMVZD = require_undici();

export { chunkEIOWMVZD as default };
