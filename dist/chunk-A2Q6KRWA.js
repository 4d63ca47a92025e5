import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);
import {
  actionLogger,
  actionRegistryLogin,
  getInput,
  info,
  runUrl,
  trivyCacheDir
} from "./chunk-6N446GHY.js";
import "./chunk-2G6ZBOL4.js";
import "./chunk-MBLVPOPM.js";
import "./chunk-IYES6C6U.js";
import "./chunk-Z775AAB3.js";
import "./chunk-J3WWJA3C.js";
import "./chunk-K22WIUD6.js";
import "./chunk-YWDDBBXO.js";
import "./chunk-SALW6YM5.js";
import "./chunk-RCMRYTCI.js";
export {
  actionLogger,
  actionRegistryLogin,
  getInput,
  info,
  runUrl,
  trivyCacheDir
};
