import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);
import {
  describeVexSource,
  parseIdentityRegexp,
  parseRequiredAuthors,
  parseVexSetting,
  parseVexSources
} from "./chunk-F24ULZSG.js";
import "./chunk-SALW6YM5.js";
import "./chunk-RCMRYTCI.js";
export {
  describeVexSource,
  parseIdentityRegexp,
  parseRequiredAuthors,
  parseVexSetting,
  parseVexSources
};
