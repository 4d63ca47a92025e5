import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);
import {
  SIGSTORE_AUDIENCE,
  githubIdentity
} from "./chunk-LIEXAUFJ.js";
import "./chunk-QUQ4CUZP.js";
import "./chunk-XMDQFZBR.js";
import "./chunk-26MSMV7L.js";
import "./chunk-NHCIBC2M.js";
import "./chunk-RCMRYTCI.js";
export {
  SIGSTORE_AUDIENCE,
  githubIdentity
};
