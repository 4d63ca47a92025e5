import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);
import {
  actionLogger,
  actionRegistryLogin,
  getInput,
  info,
  registryClient,
  runUrl,
  trivyCacheDir
} from "./chunk-EVSLHNVW.js";
import "./chunk-KWF4MZC3.js";
import "./chunk-XMDQFZBR.js";
import "./chunk-RKO47FUH.js";
import "./chunk-ATNDHUHJ.js";
import "./chunk-C53L4KMX.js";
import "./chunk-HT3NVUZL.js";
import "./chunk-26MSMV7L.js";
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
