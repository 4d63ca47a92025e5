import { createRequire } from 'node:module';
export { C as COMMENT_MAX_LENGTH, S as SUMMARY_MAX_LENGTH, r as renderAtDepth, a as renderReportMarkdown } from './chunk-CU_WclGP.js';
import './chunk-ChA76sWw.js';
import './chunk-oqiOyv18.js';
import './chunk-11dNx8d9.js';

createRequire(import.meta.url);
