import { createRequire } from 'node:module';
import { r as require_semver2 } from './chunk-BfBGLCOS.js';
import './chunk-_Dh_sDa0.js';

createRequire(import.meta.url);
var chunkVVQV4YXV = require_semver2();

export { chunkVVQV4YXV as default };
