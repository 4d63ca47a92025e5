import { createRequire } from 'node:module';
import { r as require_dist2 } from './chunk-e6LXvICt.js';
import './chunk-D4jYfh0W.js';
import './chunk-ChA76sWw.js';

createRequire(import.meta.url);
var chunkE7C7PVVO = require_dist2();

export { chunkE7C7PVVO as default };
