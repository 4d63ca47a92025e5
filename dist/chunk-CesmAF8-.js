import { createRequire } from 'node:module';
export { r as registryStore } from './chunk-BJCvRWus.js';
import './chunk-_Dh_sDa0.js';

createRequire(import.meta.url);
