import { createRequire } from 'node:module';
export { r as registryStore } from './chunk-BJCvRWus.js';
import './chunk-ChA76sWw.js';

createRequire(import.meta.url);
