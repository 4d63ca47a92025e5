import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);
import {
  settingsMarkdown,
  settingsRecord
} from "./chunk-47IJGBL6.js";
import "./chunk-2HR2QJ5A.js";
import "./chunk-OBIHWN6V.js";
import "./chunk-VLD56UBS.js";
import "./chunk-5MEF7QLO.js";
import "./chunk-7EYA4VLM.js";
import "./chunk-HS2ZKHN2.js";
import "./chunk-POUKRGL4.js";
import "./chunk-YWDDBBXO.js";
import "./chunk-SALW6YM5.js";
import "./chunk-2XX7PETK.js";
import "./chunk-C53L4KMX.js";
import "./chunk-RCMRYTCI.js";
export {
  settingsMarkdown,
  settingsRecord
};
