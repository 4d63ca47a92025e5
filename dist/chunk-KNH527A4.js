import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);
import {
  actionLogger,
  actionRegistryLogin,
  getInput,
  info,
  registryClient,
  runUrl,
  trivyCacheDir
} from "./chunk-KMTCRACP.js";
import "./chunk-WWQLOKJ4.js";
import "./chunk-XMDQFZBR.js";
import "./chunk-ATNDHUHJ.js";
import "./chunk-C53L4KMX.js";
import "./chunk-HT3NVUZL.js";
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
