import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);
import {
  IgnoreFileError,
  parseIgnoreFile,
  parsePlainIgnore,
  parseYamlIgnore,
  readIgnoreFile
} from "./chunk-NH6GCSGK.js";
import "./chunk-7AGIVWMB.js";
import "./chunk-RCMRYTCI.js";
export {
  IgnoreFileError,
  parseIgnoreFile,
  parsePlainIgnore,
  parseYamlIgnore,
  readIgnoreFile
};
