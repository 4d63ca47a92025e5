import { createRequire } from 'node:module';
export { r as registryStore } from './chunk-BJCvRWus.js';
import './chunk-CQtg_le0.js';

createRequire(import.meta.url);
