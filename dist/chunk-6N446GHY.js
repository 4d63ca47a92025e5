import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);
import {
  parseRegistryHost,
  registryLogin
} from "./chunk-2G6ZBOL4.js";
import {
  escapeLog
} from "./chunk-IYES6C6U.js";
import {
  registerSecret
} from "./chunk-Z775AAB3.js";
import {
  debug,
  getInput,
  info,
  setSecret,
  warning
} from "./chunk-J3WWJA3C.js";
import {
  parseImages
} from "./chunk-YWDDBBXO.js";

// src/action/context.ts
import { tmpdir } from "node:os";
import { join } from "node:path";
var info2 = (message) => info(escapeLog(message));
var actionLogger = {
  debug: (m) => debug(m),
  info: info2,
  warning: (m) => warning(m)
};
var getInput2 = (name) => getInput(name);
function actionRegistryLogin() {
  const password = getInput2("registry-password");
  if (password) {
    setSecret(password);
    registerSecret(password);
  }
  return registryLogin({
    username: getInput2("registry-username") || void 0,
    password: password || void 0,
    registry: parseRegistryHost(getInput2("registry"), "registry"),
    images: parseImages(getInput2("image"))
  });
}
function runUrl() {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run } = process.env;
  if (!server || !repo || !run) return void 0;
  const attempt = process.env.GITHUB_RUN_ATTEMPT;
  return `${server}/${repo}/actions/runs/${run}${attempt ? `/attempts/${attempt}` : ""}`;
}
function trivyCacheDir() {
  return join(process.env.RUNNER_TEMP || tmpdir(), "shipgate-trivy-cache");
}

export {
  info2 as info,
  actionLogger,
  getInput2 as getInput,
  actionRegistryLogin,
  runUrl,
  trivyCacheDir
};
