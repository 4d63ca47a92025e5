import { createRequire } from 'node:module';
import { r as require_undici } from './chunk-EA-hmpTo.js';
import './chunk-CQtg_le0.js';

createRequire(import.meta.url);
var chunkEIOWMVZD = require_undici();

export { chunkEIOWMVZD as default };
