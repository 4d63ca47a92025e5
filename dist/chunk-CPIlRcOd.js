import { createRequire } from 'node:module';
export { i as inspectImage, a as inspectJson, b as inspectTable } from './chunk-BR8QWjhr.js';
import './chunk-BO1hDY4O.js';
export { D as DEFAULT_LIMITS, I as ImageLimitError, f as factsFromScan } from './chunk-xZXJGy1w.js';
export { a as analyzeDockerfile } from './chunk-Bi5T-QyA.js';
import './chunk-BHNJ4lnQ.js';
import './chunk-DtikF6FY.js';
import './chunk-Ca65EcXZ.js';
export { P as PolicyInputError, b as baseImageReason, j as judgeBaseImage, p as parseBaseImagePolicy, a as parseSize } from './chunk-BAQxG8PF.js';
import 'node:fs/promises';
import 'node:stream/promises';
import 'node:zlib';
import 'node:stream';

createRequire(import.meta.url);
