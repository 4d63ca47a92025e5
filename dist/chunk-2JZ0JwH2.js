import { createRequire } from 'node:module';
import { r as require_dist3 } from './chunk-BaDWh9zw.js';
import './chunk-DNWNplv6.js';
import './chunk-_Dh_sDa0.js';

createRequire(import.meta.url);
var chunkLYXCBUHG = require_dist3();

export { chunkLYXCBUHG as default };
