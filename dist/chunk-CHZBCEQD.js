import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);
import {
  SIGSTORE_AUDIENCE,
  githubIdentity
} from "./chunk-S5VKJOD4.js";
import "./chunk-QUQ4CUZP.js";
import "./chunk-Z775AAB3.js";
import "./chunk-J3WWJA3C.js";
import "./chunk-RCMRYTCI.js";
export {
  SIGSTORE_AUDIENCE,
  githubIdentity
};
