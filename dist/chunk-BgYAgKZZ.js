import { createRequire } from 'node:module';
import { c as context2 } from './chunk-Ds-XuDAU.js';
import './chunk-BKCIk3zf.js';
import './chunk-DVe4SYgA.js';
import './chunk-Cz_U4VzJ.js';
import './chunk-BUPm29C1.js';
import './chunk-D5sk-O7z.js';
import './chunk-C0BEpVSl.js';
import './chunk-BHPmUMC8.js';
import { h as pullRequestContext } from './chunk-BAQxG8PF.js';
import './chunk-D1w318ai.js';
import { o as octokitContentsReader } from './chunk-B_Krg-9I.js';
import './chunk-D6ywDPFz.js';
import './chunk-CyHDCBe5.js';
import './chunk-wEbBUlrU.js';
import './chunk-C4vN6RAA.js';
import './chunk-CuhvApI0.js';
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
