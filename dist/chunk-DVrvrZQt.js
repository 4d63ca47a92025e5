import { createRequire } from 'node:module';
import { r as require_semver2 } from './chunk-CYF_suj3.js';
import './chunk-BbcanKWs.js';

createRequire(import.meta.url);
var chunkVVQV4YXV = require_semver2();

export { chunkVVQV4YXV as default };
