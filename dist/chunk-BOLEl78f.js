import { createRequire } from 'node:module';
import { a as actionRegistryLogin, b as actionLogger } from './chunk-BTlPxBMR.js';
import { R as RegistryClient } from './chunk-DkfqzQRM.js';
import { d as defaultCredentials } from './chunk-C7lIWORE.js';
import { g as getInput } from './chunk-CeQogn0n.js';

createRequire(import.meta.url);

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

export { registryClient as r };
