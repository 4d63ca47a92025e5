import { createRequire } from 'node:module';
import { r as require_undici } from './chunk-CYv3PxYD.js';
import './chunk-_Dh_sDa0.js';

createRequire(import.meta.url);
var chunkEIOWMVZD = require_undici();

export { chunkEIOWMVZD as default };
