import { createRequire } from 'node:module';
import { c as createOctokitCommenter, a as createShipgateOctokit } from './chunk-mYTqhnTp.js';
export { D as DEFAULT_API_URL, t as toAuthor } from './chunk-mYTqhnTp.js';
import './chunk-D76R-Sd9.js';
import './chunk-wEbBUlrU.js';
import './chunk-BnpdVp9n.js';
import './chunk-BdNgRjXv.js';
import './chunk-FV8DOmwr.js';

createRequire(import.meta.url);

export { createOctokitCommenter, createShipgateOctokit };
