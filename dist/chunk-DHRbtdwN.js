import { createRequire } from 'node:module';
export { r as registryStore } from './chunk-BJCvRWus.js';
import './chunk-nBZYIXZt.js';

createRequire(import.meta.url);
