import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);
import {
  registryClient
} from "./chunk-4VBJX3YP.js";
import "./chunk-6N446GHY.js";
import "./chunk-HHNZGLXG.js";
import "./chunk-YK72TXWA.js";
import "./chunk-2G6ZBOL4.js";
import "./chunk-MBLVPOPM.js";
import "./chunk-4ZAB52P4.js";
import "./chunk-XTSEHG7D.js";
import "./chunk-7CQ6IEZN.js";
import "./chunk-IYES6C6U.js";
import "./chunk-Z775AAB3.js";
import "./chunk-J3WWJA3C.js";
import "./chunk-K22WIUD6.js";
import "./chunk-YWDDBBXO.js";
import "./chunk-SALW6YM5.js";
import "./chunk-RCMRYTCI.js";
export {
  registryClient
};
