import { createRequire } from 'node:module';
export { T as TrivyReportError, h as holdsEverything, i as isVerbatim, p as parseTrivyReport, r as readTrivyReport } from './chunk-BQKXnzK6.js';
import './chunk-BAQxG8PF.js';
import './chunk-C0BEpVSl.js';
import 'node:buffer';
import 'node:fs';

createRequire(import.meta.url);
