import { createRequire } from 'node:module';
export { r as registryStore } from './chunk-BJCvRWus.js';
import './chunk-bWY20X0p.js';

createRequire(import.meta.url);
