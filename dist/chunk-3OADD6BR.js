import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);
import {
  registryStore
} from "./chunk-CW4JDSVR.js";
import "./chunk-RCMRYTCI.js";
export {
  registryStore
};
