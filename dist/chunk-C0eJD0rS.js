import { createRequire } from 'node:module';
import { c as createOctokitCommenter, a as createShipgateOctokit } from './chunk-B3e5dgaE.js';
export { D as DEFAULT_API_URL, t as toAuthor } from './chunk-B3e5dgaE.js';
import './chunk-ByebspyX.js';
import './chunk-wEbBUlrU.js';
import './chunk-ChA76sWw.js';

createRequire(import.meta.url);

export { createOctokitCommenter, createShipgateOctokit };
