import { createRequire } from 'node:module';
import { c as context2 } from './chunk-BA6NJejx.js';
import './chunk-B3vzctNR.js';
import './chunk-Bn22CbBs.js';
import './chunk-aI4gaoln.js';
import './chunk-DNh3ZbGc.js';
import './chunk-CYDM28oy.js';
import './chunk-D5sk-O7z.js';
import './chunk-DohjQx6A.js';
import './chunk-B3JJbZor.js';
import { h as pullRequestContext } from './chunk-nBZYIXZt.js';
import './chunk-D1w318ai.js';
import { o as octokitContentsReader } from './chunk-CNCNnuTd.js';
import './chunk-B1hiHqwy.js';
import './chunk-BUx17T5y.js';
import './chunk-wEbBUlrU.js';
import './chunk-DI1cgSRS.js';
import './chunk-DeLnZLV0.js';
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
