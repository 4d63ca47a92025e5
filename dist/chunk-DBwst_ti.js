import { createRequire } from 'node:module';
export { T as TrivyReportError, i as isVerbatim, p as parseTrivyReport, r as readTrivyReport } from './chunk-D0yQx93b.js';
import './chunk-ChA76sWw.js';
import './chunk-DohjQx6A.js';
import 'node:v8';
import 'node:buffer';
import 'node:fs';

createRequire(import.meta.url);
