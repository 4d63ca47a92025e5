import { createRequire } from 'node:module';
import { c as createOctokitCommenter, a as createShipgateOctokit } from './chunk-BbPo5vld.js';
export { D as DEFAULT_API_URL, t as toAuthor } from './chunk-BbPo5vld.js';
import './chunk-BxCEUG2l.js';
import './chunk-wEbBUlrU.js';
import './chunk-B8hsZ-Le.js';
import './chunk-BQLABEep.js';
import './chunk-_Dh_sDa0.js';

createRequire(import.meta.url);

export { createOctokitCommenter, createShipgateOctokit };
