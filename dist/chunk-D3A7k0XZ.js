import { createRequire } from 'node:module';
import { c as context2 } from './chunk-Cto3Dn1k.js';
import './chunk-qrTmqpwF.js';
import './chunk-DRjEVml1.js';
import './chunk-Z80mrRfr.js';
import './chunk-CxTsKb1n.js';
import './chunk-D5sk-O7z.js';
import './chunk-D4yWkZKx.js';
import { aa as pullRequestContext } from './chunk-BfsmuvnE.js';
import { o as octokitContentsReader } from './chunk-u98pk4Ts.js';
import './chunk-p1DbVPjC.js';
import './chunk-CPVhvj0S.js';
import './chunk-DeOTirqK.js';
import './chunk-WRQA7XgD.js';
import 'fs';
import 'os';
import 'node:crypto';
import 'node:fs/promises';
import 'node:path';
import './chunk-4KaJgODh.js';
import 'node:child_process';
import 'node:os';
import 'node:stream';
import 'node:fs';
import 'node:buffer';
import 'node:timers/promises';
import 'crypto';

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
