import { createRequire } from 'node:module';
import { r as require_semver2 } from './chunk-DzV79eLs.js';
import './chunk-bWY20X0p.js';

createRequire(import.meta.url);
var chunkVVQV4YXV = require_semver2();

export { chunkVVQV4YXV as default };
