import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);
import {
  actionLogger,
  actionRegistryLogin,
  getInput,
  info,
  runUrl,
  trivyCacheDir
} from "./chunk-BMHJ4L44.js";
import "./chunk-UAQGDN6K.js";
import "./chunk-L4D3KLEN.js";
import "./chunk-IYES6C6U.js";
import "./chunk-LY3OZ7XP.js";
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
