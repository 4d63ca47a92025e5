import { createRequire } from 'node:module';
import { o as octokitContentsReader } from './chunk-B_Krg-9I.js';
export { C as ContentsError } from './chunk-B_Krg-9I.js';
import './chunk-D6ywDPFz.js';
import './chunk-CyHDCBe5.js';
import './chunk-wEbBUlrU.js';
import './chunk-C4vN6RAA.js';
import './chunk-CuhvApI0.js';
import './chunk-BAQxG8PF.js';

createRequire(import.meta.url);

export { octokitContentsReader };
