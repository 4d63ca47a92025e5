import { createRequire } from 'node:module';
export { r as registryStore } from './chunk-BJCvRWus.js';
import './chunk-BAQxG8PF.js';

createRequire(import.meta.url);
