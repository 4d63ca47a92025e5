import { createRequire } from 'node:module';
import { c as context2 } from './chunk-DDZ4ucpw.js';
import './chunk-Dq_EsWMH.js';
import './chunk-CYv3PxYD.js';
import './chunk-DtxswtLD.js';
import './chunk-COXw9Qfh.js';
import './chunk-D5sk-O7z.js';
import './chunk-DohjQx6A.js';
import './chunk-BXRyRrLk.js';
import { h as pullRequestContext } from './chunk-_Dh_sDa0.js';
import './chunk-D1w318ai.js';
import { o as octokitContentsReader } from './chunk-D3qAJFIS.js';
import './chunk-BbPo5vld.js';
import './chunk-BxCEUG2l.js';
import './chunk-wEbBUlrU.js';
import './chunk-B8hsZ-Le.js';
import './chunk-BQLABEep.js';
import 'fs';
import 'os';
import 'node:crypto';
import 'node:fs/promises';
import 'node:path';

createRequire(import.meta.url);

// src/vex/action.ts
function actionVexBase(token) {
  let pr;
  try {
    pr = pullRequestContext(context2.eventName, context2.payload);
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

export { actionVexBase };
