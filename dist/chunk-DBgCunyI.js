import { createRequire } from 'node:module';
import { o as octokitContentsReader } from './chunk-CBcMvLX9.js';
export { C as ContentsError } from './chunk-CBcMvLX9.js';
import './chunk-BYCIoeFr.js';
import './chunk-De_6IAS1.js';
import './chunk-wEbBUlrU.js';
import './chunk-BbcanKWs.js';

createRequire(import.meta.url);

export { octokitContentsReader };
