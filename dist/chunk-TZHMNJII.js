import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);
import {
  DEFAULT_API_URL,
  createOctokitCommenter,
  createShipgateOctokit,
  toAuthor
} from "./chunk-LOVIHVZS.js";
import "./chunk-FO5RTDMZ.js";
import "./chunk-5TWZKD3R.js";
import "./chunk-RCMRYTCI.js";
export {
  DEFAULT_API_URL,
  createOctokitCommenter,
  createShipgateOctokit,
  toAuthor
};
