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
} from "./chunk-QH3GWBAJ.js";
import "./chunk-CNJOFOBY.js";
import "./chunk-H5QDS3JI.js";
import "./chunk-RKO47FUH.js";
import "./chunk-DJPEWNDP.js";
import "./chunk-26MSMV7L.js";
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
