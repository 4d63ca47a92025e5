import { createRequire } from 'node:module';
import { a as actionRegistryLogin, b as actionLogger } from './chunk-35L0akO4.js';
import { R as RegistryClient } from './chunk-_RlEIHG8.js';
import { d as defaultCredentials } from './chunk-BMAPFu2U.js';
import { g as getInput } from './chunk-BcFyXl4O.js';

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
