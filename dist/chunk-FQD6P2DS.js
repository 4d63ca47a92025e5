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
} from "./chunk-2RUS7VHJ.js";
import "./chunk-MVZUTTJC.js";
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
