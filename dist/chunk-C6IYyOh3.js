import { createRequire } from 'node:module';
export { C as COMMENT_MAX_LENGTH, S as SUMMARY_MAX_LENGTH, r as renderAtDepth, a as renderReportMarkdown } from './chunk-DcbOjYV3.js';
import './chunk-bWY20X0p.js';
import './chunk-DNh3ZbGc.js';
import './chunk-CYDM28oy.js';

createRequire(import.meta.url);
