import { createRequire } from 'node:module';
import { o as octokitContentsReader } from './chunk-D3qAJFIS.js';
export { C as ContentsError } from './chunk-D3qAJFIS.js';
import './chunk-BbPo5vld.js';
import './chunk-BxCEUG2l.js';
import './chunk-wEbBUlrU.js';
import './chunk-B8hsZ-Le.js';
import './chunk-BQLABEep.js';
import './chunk-_Dh_sDa0.js';

createRequire(import.meta.url);

export { octokitContentsReader };
