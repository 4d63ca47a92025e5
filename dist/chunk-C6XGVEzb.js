import { createRequire } from 'node:module';
import { c as context2 } from './chunk-i-yIfv2l.js';
import './chunk-CtrWb23R.js';
import './chunk-CbUj1GkO.js';
import './chunk-Dm2YpNxn.js';
import './chunk-DNh3ZbGc.js';
import './chunk-CYDM28oy.js';
import './chunk-D5sk-O7z.js';
import './chunk-DohjQx6A.js';
import './chunk-CSBFuWIA.js';
import { h as pullRequestContext } from './chunk-bWY20X0p.js';
import './chunk-D1w318ai.js';
import { o as octokitContentsReader } from './chunk-CMXp4G5n.js';
import './chunk-Dtf02fvv.js';
import './chunk-Bi2owBBh.js';
import './chunk-wEbBUlrU.js';
import './chunk-CwivYhWH.js';
import './chunk-DgQb8kLk.js';
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
