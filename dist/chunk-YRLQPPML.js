import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);
import {
  SIGSTORE_AUDIENCE,
  githubIdentity
} from "./chunk-SZZZOBRC.js";
import "./chunk-QUQ4CUZP.js";
import "./chunk-XMDQFZBR.js";
import "./chunk-QCBVGPW7.js";
import "./chunk-MLVHVQ2T.js";
import "./chunk-NHCIBC2M.js";
import "./chunk-RCMRYTCI.js";
export {
  SIGSTORE_AUDIENCE,
  githubIdentity
};
