import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);
import {
  context
} from "./chunk-JRVQWDI3.js";
import {
  octokitContentsReader,
  pullRequestContext
} from "./chunk-RIKDTA6Y.js";
import "./chunk-UU3YLW6D.js";
import "./chunk-7AGIVWMB.js";
import "./chunk-7EYA4VLM.js";
import "./chunk-LPUA6BRL.js";
import "./chunk-FO5RTDMZ.js";
import "./chunk-7RLWCO2U.js";
import "./chunk-2XX7PETK.js";
import "./chunk-C53L4KMX.js";
import "./chunk-P5RDSYZP.js";
import "./chunk-EQCGO5VS.js";
import "./chunk-MLVHVQ2T.js";
import "./chunk-NHCIBC2M.js";
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
