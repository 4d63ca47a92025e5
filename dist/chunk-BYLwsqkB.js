import { createRequire } from 'node:module';
import { c as createOctokitCommenter, a as createShipgateOctokit } from './chunk-DO81VSLo.js';
export { D as DEFAULT_API_URL, t as toAuthor } from './chunk-DO81VSLo.js';
import './chunk-CIv0KHk7.js';
import './chunk-wEbBUlrU.js';
import './chunk-kcYbDsaa.js';
import './chunk-DZgzSd8c.js';
import './chunk-CQtg_le0.js';

createRequire(import.meta.url);

export { createOctokitCommenter, createShipgateOctokit };
