import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);
import {
  inspectImage,
  inspectJson,
  inspectTable
} from "./chunk-OUGOINHS.js";
import "./chunk-CMTG423X.js";
import {
  DEFAULT_LIMITS,
  ImageLimitError,
  factsFromScan
} from "./chunk-TBJZX3GR.js";
import {
  analyzeDockerfile
} from "./chunk-BDQVX3O5.js";
import "./chunk-4ZAB52P4.js";
import "./chunk-XTSEHG7D.js";
import "./chunk-7CQ6IEZN.js";
import {
  PolicyInputError,
  baseImageReason,
  judgeBaseImage,
  parseBaseImagePolicy,
  parseSize
} from "./chunk-EEIKABHZ.js";
import "./chunk-K22WIUD6.js";
import "./chunk-RCMRYTCI.js";
export {
  DEFAULT_LIMITS,
  ImageLimitError,
  PolicyInputError,
  analyzeDockerfile,
  baseImageReason,
  factsFromScan,
  inspectImage,
  inspectJson,
  inspectTable,
  judgeBaseImage,
  parseBaseImagePolicy,
  parseSize
};
