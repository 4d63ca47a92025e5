import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);
import {
  ContentsError,
  octokitContentsReader
} from "./chunk-P7BOFVXM.js";
import "./chunk-P4M5VFHL.js";
import "./chunk-5TWZKD3R.js";
import "./chunk-FO5RTDMZ.js";
import "./chunk-RCMRYTCI.js";
export {
  ContentsError,
  octokitContentsReader
};
