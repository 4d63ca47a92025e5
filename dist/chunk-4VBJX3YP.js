import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);
import {
  actionLogger,
  actionRegistryLogin
} from "./chunk-6N446GHY.js";
import {
  RegistryClient
} from "./chunk-HHNZGLXG.js";
import {
  defaultCredentials
} from "./chunk-2G6ZBOL4.js";
import {
  getInput
} from "./chunk-J3WWJA3C.js";

// src/action/registry-client.ts
function registryClient() {
  const login = actionRegistryLogin();
  return new RegistryClient({
    credentials: defaultCredentials({
      ...login ?? {},
      ...login ? { registry: login.host } : {},
      env: {
        ...process.env,
        GITHUB_TOKEN: process.env.GITHUB_TOKEN || getInput("github-token")
      }
    }),
    logger: actionLogger,
    insecure: true
    // plain HTTP is only ever used for loopback registries
  });
}

export {
  registryClient
};
