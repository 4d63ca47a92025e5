import { createRequire } from 'node:module';
import { r as require_dist2 } from './chunk-B716zsj5.js';
import './chunk-4H7rrivE.js';
import './chunk-BbcanKWs.js';

createRequire(import.meta.url);
var chunkE7C7PVVO = require_dist2();

export { chunkE7C7PVVO as default };
