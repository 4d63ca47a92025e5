import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);
import {
  TrivyReportError,
  isVerbatim,
  parseTrivyReport,
  readTrivyReport
} from "./chunk-5ABSTT5F.js";
import "./chunk-7RLWCO2U.js";
import "./chunk-RCMRYTCI.js";
export {
  TrivyReportError,
  isVerbatim,
  parseTrivyReport,
  readTrivyReport
};
