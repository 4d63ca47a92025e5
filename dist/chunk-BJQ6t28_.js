import { createRequire } from 'node:module';
import { a as actionRegistryLogin, b as actionLogger } from './chunk-UtCVjRA-.js';
import { R as RegistryClient } from './chunk-DwzVDrkx.js';
import { d as defaultCredentials } from './chunk-BP8QuKOc.js';
import { g as getInput } from './chunk-BBBkzyVG.js';

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
