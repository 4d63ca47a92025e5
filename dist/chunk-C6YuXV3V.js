import { createRequire } from 'node:module';
export { T as TrivyReportError, i as isVerbatim, p as parseTrivyReport, r as readTrivyReport } from './chunk-Cq5OJpQ2.js';
import './chunk-FV8DOmwr.js';
import './chunk-DohjQx6A.js';
import 'node:buffer';
import 'node:fs';

createRequire(import.meta.url);
