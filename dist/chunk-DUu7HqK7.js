import { createRequire } from 'node:module';
import { r as require_semver2 } from './chunk-jxgEEEsw.js';
import './chunk-CQtg_le0.js';

createRequire(import.meta.url);
var chunkVVQV4YXV = require_semver2();

export { chunkVVQV4YXV as default };
