import { createRequire } from 'node:module';
import { c as createOctokitCommenter, a as createShipgateOctokit } from './chunk-BYCIoeFr.js';
export { D as DEFAULT_API_URL, t as toAuthor } from './chunk-BYCIoeFr.js';
import './chunk-De_6IAS1.js';
import './chunk-wEbBUlrU.js';
import './chunk-BbcanKWs.js';

createRequire(import.meta.url);

export { createOctokitCommenter, createShipgateOctokit };
