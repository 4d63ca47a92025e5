import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);
import {
  TrustRootError,
  caChains,
  loadTrustedRoot,
  trustedRootFromJSON
} from "./chunk-FTRJE2IP.js";
import "./chunk-5V2NJFGD.js";
import "./chunk-J3ABBXKE.js";
import "./chunk-G33XFFVP.js";
import "./chunk-RCMRYTCI.js";
export {
  TrustRootError,
  caChains,
  loadTrustedRoot,
  trustedRootFromJSON
};
