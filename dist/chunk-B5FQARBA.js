import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);
import {
  TRIVY_CHECKSUM_INPUT,
  TRIVY_VERSION_INPUT,
  TrivyInstallError,
  createToolCacheAdapter,
  execaExec,
  installTrivy,
  parseTrivyVersion,
  publicGoodTrustedRoot,
  reportedVersion,
  sha256File
} from "./chunk-5FSITSBY.js";
import "./chunk-RKO47FUH.js";
import "./chunk-DJPEWNDP.js";
import "./chunk-RCMRYTCI.js";
export {
  TRIVY_CHECKSUM_INPUT,
  TRIVY_VERSION_INPUT,
  TrivyInstallError,
  createToolCacheAdapter,
  execaExec,
  installTrivy,
  parseTrivyVersion,
  publicGoodTrustedRoot,
  reportedVersion,
  sha256File
};
