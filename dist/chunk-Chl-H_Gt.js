import { createRequire } from 'node:module';
import { c as context2 } from './chunk-D-vAGDgI.js';
import './chunk-ClBGNKc3.js';
import './chunk-C5kd4Pio.js';
import './chunk-Dp-wzMPS.js';
import './chunk-mnXljG81.js';
import './chunk-oqiOyv18.js';
import './chunk-11dNx8d9.js';
import './chunk-D5sk-O7z.js';
import './chunk-qH5B7mi5.js';
import './chunk-D43N_bj8.js';
import { h as pullRequestContext } from './chunk-BbcanKWs.js';
import './chunk-D1w318ai.js';
import { o as octokitContentsReader } from './chunk-CBcMvLX9.js';
import './chunk-BYCIoeFr.js';
import './chunk-De_6IAS1.js';
import './chunk-wEbBUlrU.js';
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
