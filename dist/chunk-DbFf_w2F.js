import { createRequire } from 'node:module';
import { r as require_undici } from './chunk-CXuStupj.js';
import './chunk-FV8DOmwr.js';

createRequire(import.meta.url);
var chunkEIOWMVZD = require_undici();

export { chunkEIOWMVZD as default };
