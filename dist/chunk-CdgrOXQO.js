import { createRequire } from 'node:module';
import { c as createOctokitCommenter, a as createShipgateOctokit } from './chunk-B1hiHqwy.js';
export { D as DEFAULT_API_URL, t as toAuthor } from './chunk-B1hiHqwy.js';
import './chunk-BUx17T5y.js';
import './chunk-wEbBUlrU.js';
import './chunk-DI1cgSRS.js';
import './chunk-DeLnZLV0.js';
import './chunk-nBZYIXZt.js';

createRequire(import.meta.url);

export { createOctokitCommenter, createShipgateOctokit };
