import { createRequire } from 'node:module';
export { C as COMMENT_MAX_LENGTH, S as SUMMARY_MAX_LENGTH, r as renderAtDepth, a as renderReportMarkdown } from './chunk-CoOS2vo_.js';
import './chunk-CQtg_le0.js';
import './chunk-DNh3ZbGc.js';
import './chunk-CYDM28oy.js';

createRequire(import.meta.url);
