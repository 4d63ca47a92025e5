import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);
import {
  context
} from "./chunk-4LSAHH53.js";
import "./chunk-MLVHVQ2T.js";
import "./chunk-NHCIBC2M.js";
import "./chunk-DD5OBTZR.js";
import "./chunk-EEYMBQTG.js";
import "./chunk-O3Y3CP5I.js";
import "./chunk-2HR2QJ5A.js";
import "./chunk-MLUG26UU.js";
import "./chunk-3OD2P6TX.js";
import "./chunk-7AGIVWMB.js";
import {
  pullRequestContext
} from "./chunk-LOQKXGLG.js";
import "./chunk-7EYA4VLM.js";
import "./chunk-EEIKABHZ.js";
import "./chunk-K22WIUD6.js";
import "./chunk-YWDDBBXO.js";
import "./chunk-SALW6YM5.js";
import {
  octokitContentsReader
} from "./chunk-AYWHHZR6.js";
import "./chunk-LOVIHVZS.js";
import "./chunk-FO5RTDMZ.js";
import "./chunk-5TWZKD3R.js";
import "./chunk-RCMRYTCI.js";

// src/vex/action.ts
function actionVexBase(token) {
  let pr;
  try {
    pr = pullRequestContext(context.eventName, context.payload);
  } catch {
    return async () => {
      throw new Error("no base commit in the event");
    };
  }
  if (!pr) return void 0;
  const { owner, repo, baseSha } = pr;
  if (!token) {
    return async () => {
      throw new Error("no github-token to read the base commit");
    };
  }
  const contents = octokitContentsReader({ token, apiUrl: process.env.GITHUB_API_URL });
  return (path) => contents.readFile(owner, repo, path, baseSha);
}
export {
  actionVexBase
};
