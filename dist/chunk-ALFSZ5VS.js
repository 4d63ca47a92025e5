import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);
import {
  ContentsError,
  octokitContentsReader
} from "./chunk-AYWHHZR6.js";
import "./chunk-LOVIHVZS.js";
import "./chunk-FO5RTDMZ.js";
import "./chunk-5TWZKD3R.js";
import "./chunk-RCMRYTCI.js";
export {
  ContentsError,
  octokitContentsReader
};
