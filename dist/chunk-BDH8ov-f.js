import { createRequire } from 'node:module';
import { o as octokitContentsReader } from './chunk-WlcIoqV2.js';
export { C as ContentsError } from './chunk-WlcIoqV2.js';
import './chunk-DO81VSLo.js';
import './chunk-CIv0KHk7.js';
import './chunk-wEbBUlrU.js';
import './chunk-kcYbDsaa.js';
import './chunk-DZgzSd8c.js';
import './chunk-CQtg_le0.js';

createRequire(import.meta.url);

export { octokitContentsReader };
