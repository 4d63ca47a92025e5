import { createRequire } from 'node:module';
import { o as octokitContentsReader } from './chunk-CNCNnuTd.js';
export { C as ContentsError } from './chunk-CNCNnuTd.js';
import './chunk-B1hiHqwy.js';
import './chunk-BUx17T5y.js';
import './chunk-wEbBUlrU.js';
import './chunk-DI1cgSRS.js';
import './chunk-DeLnZLV0.js';
import './chunk-nBZYIXZt.js';

createRequire(import.meta.url);

export { octokitContentsReader };
