import { createRequire } from 'node:module';
export { r as registryStore } from './chunk-BJCvRWus.js';
import './chunk-FV8DOmwr.js';

createRequire(import.meta.url);
