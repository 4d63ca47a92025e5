import { createRequire } from 'node:module';
import { o as octokitContentsReader } from './chunk-CMXp4G5n.js';
export { C as ContentsError } from './chunk-CMXp4G5n.js';
import './chunk-Dtf02fvv.js';
import './chunk-Bi2owBBh.js';
import './chunk-wEbBUlrU.js';
import './chunk-CwivYhWH.js';
import './chunk-DgQb8kLk.js';
import './chunk-bWY20X0p.js';

createRequire(import.meta.url);

export { octokitContentsReader };
