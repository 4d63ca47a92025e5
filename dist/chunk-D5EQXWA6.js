import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);
import {
  DEFAULT_LIMITS,
  ImageLimitError,
  factsFromScan,
  inspectImage,
  inspectJson,
  inspectTable
} from "./chunk-ETVRMDW2.js";
import "./chunk-CMTG423X.js";
import {
  analyzeDockerfile
} from "./chunk-BDQVX3O5.js";
import "./chunk-DSFW5NJA.js";
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
