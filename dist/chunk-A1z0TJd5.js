import { createRequire } from 'node:module';
import { o as octokitContentsReader } from './chunk-CMFds0hC.js';
export { C as ContentsError } from './chunk-CMFds0hC.js';
import './chunk-B3e5dgaE.js';
import './chunk-ByebspyX.js';
import './chunk-wEbBUlrU.js';
import './chunk-ChA76sWw.js';

createRequire(import.meta.url);

export { octokitContentsReader };
