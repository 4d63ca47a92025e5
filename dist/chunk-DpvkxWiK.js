import { createRequire } from 'node:module';
export { T as TrivyReportError, i as isVerbatim, p as parseTrivyReport, r as readTrivyReport } from './chunk-C-dSrEkZ.js';
import './chunk-bWY20X0p.js';
import './chunk-DohjQx6A.js';
import 'node:buffer';
import 'node:fs';

createRequire(import.meta.url);
