import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);
import {
  actionLogger,
  actionRegistryLogin,
  getInput,
  info,
  registryClient,
  runUrl,
  trivyCacheDir
} from "./chunk-XXRNAMXR.js";
import "./chunk-2PGYFDG2.js";
import "./chunk-RKO47FUH.js";
import "./chunk-IYES6C6U.js";
import "./chunk-PFY7SF5Y.js";
import "./chunk-HB4I2GMR.js";
import "./chunk-YWDDBBXO.js";
import "./chunk-SALW6YM5.js";
import "./chunk-DSFW5NJA.js";
import "./chunk-K22WIUD6.js";
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
