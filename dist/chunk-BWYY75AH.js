import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);
import {
  TrustRootError,
  caChains,
  loadTrustedRoot,
  trustedRootFromJSON
} from "./chunk-IGSCHU7H.js";
import "./chunk-LOGCBGSA.js";
import "./chunk-G33XFFVP.js";
import "./chunk-J3ABBXKE.js";
import "./chunk-RCMRYTCI.js";
export {
  TrustRootError,
  caChains,
  loadTrustedRoot,
  trustedRootFromJSON
};
