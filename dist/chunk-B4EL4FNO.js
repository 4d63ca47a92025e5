import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);
import {
  parsePolicyFile,
  policyFileOf
} from "./chunk-T2PTNFEM.js";
import "./chunk-DD5OBTZR.js";
import "./chunk-EEYMBQTG.js";
import "./chunk-O3Y3CP5I.js";
import "./chunk-2HR2QJ5A.js";
import "./chunk-MLUG26UU.js";
import "./chunk-3OD2P6TX.js";
import "./chunk-7AGIVWMB.js";
import "./chunk-LOQKXGLG.js";
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
import "./chunk-AYWHHZR6.js";
import "./chunk-LOVIHVZS.js";
import "./chunk-FO5RTDMZ.js";
import "./chunk-5TWZKD3R.js";
import "./chunk-RCMRYTCI.js";
export {
  parsePolicyFile,
  policyFileOf
};
