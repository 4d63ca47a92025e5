import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);
import {
  SIGSTORE_AUDIENCE,
  githubIdentity
} from "./chunk-3CHF55ZB.js";
import "./chunk-QUQ4CUZP.js";
import "./chunk-NGKXF6XN.js";
import "./chunk-J3WWJA3C.js";
import "./chunk-RCMRYTCI.js";
export {
  SIGSTORE_AUDIENCE,
  githubIdentity
};
