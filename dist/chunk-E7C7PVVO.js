import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);
import {
  require_dist
} from "./chunk-5GA5Q6TN.js";
import "./chunk-J3ABBXKE.js";
import "./chunk-RCMRYTCI.js";
export default require_dist();
