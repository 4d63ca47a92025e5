import { createRequire } from 'node:module';
export { T as TrivyReportError, i as isVerbatim, p as parseTrivyReport, r as readTrivyReport } from './chunk-CtyMGNeZ.js';
import './chunk-BbcanKWs.js';
import './chunk-qH5B7mi5.js';
import 'node:v8';
import 'node:buffer';
import 'node:fs';

createRequire(import.meta.url);
