import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);
import {
  settingsMarkdown,
  settingsRecord
} from "./chunk-G3XB3I3Y.js";
import "./chunk-2HR2QJ5A.js";
import "./chunk-3WZSFTDF.js";
import "./chunk-5MEF7QLO.js";
import "./chunk-7EYA4VLM.js";
import "./chunk-HS2ZKHN2.js";
import "./chunk-EEIKABHZ.js";
import "./chunk-K22WIUD6.js";
import "./chunk-POUKRGL4.js";
import "./chunk-YWDDBBXO.js";
import "./chunk-F24ULZSG.js";
import "./chunk-SALW6YM5.js";
import "./chunk-RCMRYTCI.js";
export {
  settingsMarkdown,
  settingsRecord
};
