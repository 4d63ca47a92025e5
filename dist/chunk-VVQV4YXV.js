import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);
import {
  require_semver
} from "./chunk-L3AHFBTQ.js";
import "./chunk-RCMRYTCI.js";
export default require_semver();
