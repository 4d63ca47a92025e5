import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);
import {
  TrivyReportError,
  isVerbatim,
  parseTrivyReport,
  readTrivyReport
} from "./chunk-4OFWHUN5.js";
import "./chunk-RCMRYTCI.js";
export {
  TrivyReportError,
  isVerbatim,
  parseTrivyReport,
  readTrivyReport
};
