import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);
import {
  require_dist2 as require_dist
} from "./chunk-D7QOOREE.js";
import "./chunk-J3ABBXKE.js";
import "./chunk-RCMRYTCI.js";
export default require_dist();
