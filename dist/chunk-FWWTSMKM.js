import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);
import {
  SIGSTORE_AUDIENCE,
  githubIdentity
} from "./chunk-J6JW2C6Y.js";
import "./chunk-QUQ4CUZP.js";
import "./chunk-LY3OZ7XP.js";
import "./chunk-J3WWJA3C.js";
import "./chunk-RCMRYTCI.js";
export {
  SIGSTORE_AUDIENCE,
  githubIdentity
};
