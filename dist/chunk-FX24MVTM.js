import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);
import {
  SIGSTORE_AUDIENCE,
  githubIdentity
} from "./chunk-ZXJ3BR2F.js";
import "./chunk-QUQ4CUZP.js";
import "./chunk-PFY7SF5Y.js";
import "./chunk-J3WWJA3C.js";
import "./chunk-RCMRYTCI.js";
export {
  SIGSTORE_AUDIENCE,
  githubIdentity
};
