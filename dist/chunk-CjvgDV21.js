import { createRequire } from 'node:module';
import { o as octokitContentsReader } from './chunk-CQOAhenC.js';
export { C as ContentsError } from './chunk-CQOAhenC.js';
import './chunk-mYTqhnTp.js';
import './chunk-D76R-Sd9.js';
import './chunk-wEbBUlrU.js';
import './chunk-BnpdVp9n.js';
import './chunk-BdNgRjXv.js';
import './chunk-FV8DOmwr.js';

createRequire(import.meta.url);

export { octokitContentsReader };
