import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);
import {
  COMMENT_MAX_LENGTH,
  SUMMARY_MAX_LENGTH,
  renderAtDepth,
  renderReportMarkdown
} from "./chunk-EFZ3NXDA.js";
import "./chunk-X7YGWNVO.js";
import "./chunk-O3Y3CP5I.js";
import "./chunk-2HR2QJ5A.js";
import "./chunk-HS2ZKHN2.js";
import "./chunk-EEIKABHZ.js";
import "./chunk-K22WIUD6.js";
import "./chunk-SALW6YM5.js";
import "./chunk-RCMRYTCI.js";
export {
  COMMENT_MAX_LENGTH,
  SUMMARY_MAX_LENGTH,
  renderAtDepth,
  renderReportMarkdown
};
