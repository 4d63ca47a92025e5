import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);
import {
  BundleRejected,
  ClaimError,
  bundleVerifier,
  sanPattern,
  verificationPolicy,
  verifyBundle
} from "./chunk-ELAE5XEJ.js";
import "./chunk-5GA5Q6TN.js";
import "./chunk-D7QOOREE.js";
import "./chunk-J3ABBXKE.js";
import "./chunk-RCMRYTCI.js";
export {
  BundleRejected,
  ClaimError,
  bundleVerifier,
  sanPattern,
  verificationPolicy,
  verifyBundle
};
