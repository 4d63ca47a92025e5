import { createRequire } from 'node:module';
import { c as createOctokitCommenter, a as createShipgateOctokit } from './chunk-D6ywDPFz.js';
export { D as DEFAULT_API_URL, t as toAuthor } from './chunk-D6ywDPFz.js';
import './chunk-CyHDCBe5.js';
import './chunk-wEbBUlrU.js';
import './chunk-C4vN6RAA.js';
import './chunk-CuhvApI0.js';
import './chunk-BAQxG8PF.js';

createRequire(import.meta.url);

export { createOctokitCommenter, createShipgateOctokit };
