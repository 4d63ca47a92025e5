import { createRequire } from 'node:module';
import { r as require_dist2 } from './chunk-B4ISdTvb.js';
import './chunk-DNWNplv6.js';
import './chunk-_Dh_sDa0.js';

createRequire(import.meta.url);
var chunkE7C7PVVO = require_dist2();

export { chunkE7C7PVVO as default };
