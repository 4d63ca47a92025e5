import { createRequire } from 'node:module';
import { c as createOctokitCommenter, a as createShipgateOctokit } from './chunk-Dtf02fvv.js';
export { D as DEFAULT_API_URL, t as toAuthor } from './chunk-Dtf02fvv.js';
import './chunk-Bi2owBBh.js';
import './chunk-wEbBUlrU.js';
import './chunk-CwivYhWH.js';
import './chunk-DgQb8kLk.js';
import './chunk-bWY20X0p.js';

createRequire(import.meta.url);

export { createOctokitCommenter, createShipgateOctokit };
