import { createRequire } from 'node:module';
import { a as actionRegistryLogin, b as actionLogger, k as defaultCredentials } from './chunk-4KaJgODh.js';
import { R as RegistryClient } from './chunk-D-RVBky_.js';
import { $ as getInput } from './chunk-BfsmuvnE.js';

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
