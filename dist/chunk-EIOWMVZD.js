import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);
import {
  require_undici
} from "./chunk-NHCIBC2M.js";
import "./chunk-RCMRYTCI.js";
export default require_undici();
