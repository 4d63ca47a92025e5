import { createRequire } from 'node:module';
import { r as require_semver2 } from './chunk-FVvygRW6.js';
import './chunk-BAQxG8PF.js';

createRequire(import.meta.url);
var chunkVVQV4YXV = require_semver2();

export { chunkVVQV4YXV as default };
