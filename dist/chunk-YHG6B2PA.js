import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);
import {
  actionLogger,
  actionRegistryLogin,
  getInput,
  info,
  registryClient,
  runUrl,
  trivyCacheDir
} from "./chunk-QT6IVCJM.js";
import "./chunk-4E2GKEE5.js";
import "./chunk-VWEMVBYN.js";
import "./chunk-ATNDHUHJ.js";
import "./chunk-C53L4KMX.js";
import "./chunk-RGYMOTV5.js";
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
