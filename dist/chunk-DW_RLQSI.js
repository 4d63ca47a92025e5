import { createRequire } from 'node:module';
import { a as actionRegistryLogin, b as actionLogger } from './chunk-CNomX6Vp.js';
import { R as RegistryClient } from './chunk-CFp1jono.js';
import { d as defaultCredentials } from './chunk-DPoUJtSh.js';
import { g as getInput } from './chunk-CBoHpM6r.js';

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
