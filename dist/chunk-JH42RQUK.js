import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);
import {
  TrivyReportError,
  isVerbatim,
  parseTrivyReport,
  readTrivyReport
} from "./chunk-TGIAUBLZ.js";
import "./chunk-X7YGWNVO.js";
import "./chunk-3OD2P6TX.js";
import "./chunk-RCMRYTCI.js";
export {
  TrivyReportError,
  isVerbatim,
  parseTrivyReport,
  readTrivyReport
};
