import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);
import {
  VexSourceError,
  authorMatch,
  authorRefusal,
  prepareVex,
  sha256Hex
} from "./chunk-7XWPE23F.js";
import "./chunk-MLUG26UU.js";
import "./chunk-F24ULZSG.js";
import "./chunk-SALW6YM5.js";
import "./chunk-RCMRYTCI.js";
export {
  VexSourceError,
  authorMatch,
  authorRefusal,
  prepareVex,
  sha256Hex
};
