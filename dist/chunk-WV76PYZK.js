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
} from "./chunk-GGAWINLS.js";
import "./chunk-CNJOFOBY.js";
import "./chunk-H5QDS3JI.js";
import "./chunk-RKO47FUH.js";
import "./chunk-DJPEWNDP.js";
import "./chunk-QCBVGPW7.js";
import "./chunk-MLVHVQ2T.js";
import "./chunk-NHCIBC2M.js";
import "./chunk-J3ABBXKE.js";
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
