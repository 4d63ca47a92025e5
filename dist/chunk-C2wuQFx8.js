import { createRequire } from 'node:module';
import { r as require_dist3 } from './chunk-piV2VOQL.js';
import './chunk-4H7rrivE.js';
import './chunk-BbcanKWs.js';

createRequire(import.meta.url);
var chunkLYXCBUHG = require_dist3();

export { chunkLYXCBUHG as default };
