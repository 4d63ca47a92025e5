import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);
import {
  TrivyReportError,
  isVerbatim,
  parseTrivyReport,
  readTrivyReport
} from "./chunk-QZJY64ZI.js";
import "./chunk-X7YGWNVO.js";
import "./chunk-F75QVM2V.js";
import "./chunk-RCMRYTCI.js";
export {
  TrivyReportError,
  isVerbatim,
  parseTrivyReport,
  readTrivyReport
};
