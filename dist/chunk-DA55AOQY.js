import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);
import {
  TrustRootError,
  caChains,
  loadTrustedRoot,
  trustedRootFromJSON
} from "./chunk-PXABWXTD.js";
import "./chunk-JNUQ4EZU.js";
import "./chunk-J3ABBXKE.js";
import "./chunk-RCMRYTCI.js";
export {
  TrustRootError,
  caChains,
  loadTrustedRoot,
  trustedRootFromJSON
};
