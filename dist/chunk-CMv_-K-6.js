import { createRequire } from 'node:module';
import { c as context2 } from './chunk-D-1vX4pP.js';
import './chunk-B022_3Px.js';
import './chunk-EA-hmpTo.js';
import './chunk-XE6uTqQm.js';
import './chunk-DNh3ZbGc.js';
import './chunk-CYDM28oy.js';
import './chunk-D5sk-O7z.js';
import './chunk-DohjQx6A.js';
import './chunk-QlIVsC_O.js';
import { h as pullRequestContext } from './chunk-CQtg_le0.js';
import './chunk-D1w318ai.js';
import { o as octokitContentsReader } from './chunk-WlcIoqV2.js';
import './chunk-DO81VSLo.js';
import './chunk-CIv0KHk7.js';
import './chunk-wEbBUlrU.js';
import './chunk-kcYbDsaa.js';
import './chunk-DZgzSd8c.js';
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
