import { createRequire } from 'node:module';
export { T as TrivyReportError, i as isVerbatim, p as parseTrivyReport, r as readTrivyReport } from './chunk-Bkip_aco.js';
import './chunk-_Dh_sDa0.js';
import './chunk-DohjQx6A.js';
import 'node:buffer';
import 'node:fs';

createRequire(import.meta.url);
