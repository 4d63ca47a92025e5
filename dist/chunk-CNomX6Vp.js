import { createRequire } from 'node:module';
import { r as registryLogin, p as parseRegistryHost } from './chunk-DPoUJtSh.js';
import { i as escapeLog, r as registerSecret, k as parseImages } from './chunk-BAQxG8PF.js';
import { w as warning, d as debug, i as info, s as setSecret, g as getInput } from './chunk-CBoHpM6r.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

createRequire(import.meta.url);
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

export { actionRegistryLogin as a, actionLogger as b, getInput2 as g, info2 as i, runUrl as r, trivyCacheDir as t };
