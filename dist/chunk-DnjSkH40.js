import { createRequire } from 'node:module';
export { T as TrivyReportError, i as isVerbatim, p as parseTrivyReport, r as readTrivyReport } from './chunk-BcRy9z4F.js';
import './chunk-CQtg_le0.js';
import './chunk-DohjQx6A.js';
import 'node:buffer';
import 'node:fs';

createRequire(import.meta.url);
