import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);
import {
  actionLogger,
  actionRegistryLogin,
  getInput
} from "./chunk-GXU7CVNC.js";
import {
  parseBoolean
} from "./chunk-YHDFJFEC.js";
import {
  group,
  info
} from "./chunk-26MSMV7L.js";

// src/action/trivy.ts
import { tmpdir } from "node:os";
import { join } from "node:path";
function trivyProvider(opts = {}) {
  let handle;
  return () => {
    handle ??= (async () => {
      const { createToolCacheAdapter, execaExec, installTrivy } = await import("./chunk-HKNWYKLV.js");
      const installed = await group(
        "Install Trivy",
        () => installTrivy(
          { version: getInput("trivy-version"), checksum: getInput("trivy-checksum") },
          {
            toolCache: createToolCacheAdapter(),
            exec: execaExec,
            logger: actionLogger,
            env: process.env
          }
        )
      );
      info(`Trivy ${installed.version} from ${installed.source}: ${installed.path}`);
      const login = actionRegistryLogin();
      const cacheDir = join(process.env.RUNNER_TEMP || tmpdir(), "shipgate-trivy-cache");
      if (getInput("trivy-report"))
        return { path: installed.path, skipDbUpdate: false, cacheDir, login };
      const { createActionsCacheAdapter, parseDbRepositories, prepareTrivyDb, TrivyDbError } = await import("./chunk-M7O3VSQS.js");
      const db = await group(
        "Prepare the vulnerability DB",
        () => prepareTrivyDb(
          {
            trivyPath: installed.path,
            cacheDir,
            repositories: parseDbRepositories(getInput("db-repository")),
            useCache: parseBoolean(getInput("cache-db"), "cache-db", true)
          },
          {
            cache: createActionsCacheAdapter(),
            exec: execaExec,
            logger: actionLogger,
            now: /* @__PURE__ */ new Date()
          }
        )
      );
      if (db.stale && opts.requireFreshDb) {
        throw new TrivyDbError(
          "download-failed",
          `The Trivy DB could not be refreshed and only an older cached one (${db.restoredFrom}) is available; a rescan does not judge shipped images with it (a finding missing from the old DB would close its issue). Run again later, or set \`db-repository\` to a mirror you can reach.`
        );
      }
      if (db.dbAgeHours !== void 0) info(`Vulnerability DB built ${db.dbAgeHours} h ago`);
      return { path: installed.path, skipDbUpdate: db.ready, cacheDir: db.cacheDir, login };
    })();
    return handle;
  };
}

export {
  trivyProvider
};
