import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);
import {
  actionLogger,
  actionRegistryLogin,
  getInput,
  info,
  registryClient,
  runUrl,
  trivyCacheDir
} from "./chunk-55PJ3CJV.js";
import "./chunk-H3NIPHCY.js";
import "./chunk-XMDQFZBR.js";
import "./chunk-RKO47FUH.js";
import "./chunk-ATNDHUHJ.js";
import "./chunk-C53L4KMX.js";
import "./chunk-P5RDSYZP.js";
import "./chunk-EQCGO5VS.js";
import "./chunk-QCBVGPW7.js";
import "./chunk-MLVHVQ2T.js";
import "./chunk-NHCIBC2M.js";
import "./chunk-RCMRYTCI.js";
export {
  actionLogger,
  actionRegistryLogin,
  getInput,
  info,
  registryClient,
  runUrl,
  trivyCacheDir
};
