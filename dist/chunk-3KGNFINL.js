import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);
import {
  SIGSTORE_AUDIENCE,
  githubIdentity
} from "./chunk-R7HZHAPI.js";
import "./chunk-QUQ4CUZP.js";
import "./chunk-PFY7SF5Y.js";
import "./chunk-HB4I2GMR.js";
import "./chunk-RCMRYTCI.js";
export {
  SIGSTORE_AUDIENCE,
  githubIdentity
};
