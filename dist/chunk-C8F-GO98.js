import { createRequire } from 'node:module';
import { a as actionRegistryLogin, t as trivyCacheDir, g as getInput2, b as actionLogger } from './chunk-CNomX6Vp.js';
import { v as valuesOf } from './chunk-Blk29HQN.js';
import { e as group, i as info, s as setSecret } from './chunk-CBoHpM6r.js';
import { s as serverDbMetadata, T as TRIVY_SERVER_TOKEN_INPUT, c as TRIVY_SERVER_INPUT, t as trivyServerWithToken, D as DEFAULT_TOKEN_HEADER } from './chunk-D_xoMOi_.js';
import { q as maxDbAgeMs, s as parseBoolean, t as checkDbAge, u as localVersionInfo } from './chunk-BAQxG8PF.js';

createRequire(import.meta.url);

// src/action/trivy.ts
function trivyServer(s) {
  const token = getInput2(TRIVY_SERVER_TOKEN_INPUT);
  if (token) setSecret(token);
  if (!s.trivyServer) {
    if (token) {
      throw new Error(
        `Input \`${TRIVY_SERVER_TOKEN_INPUT}\` is set but \`${TRIVY_SERVER_INPUT}\` is not: give the server URL, or remove the token.`
      );
    }
    return void 0;
  }
  return trivyServerWithToken(s.trivyServer, token || void 0, s.trivyServerTokenHeader);
}
function trivyProvider(settings, opts = {}) {
  const s = settings ? valuesOf(settings) : { trivyServerTokenHeader: DEFAULT_TOKEN_HEADER, maxDbAge: "48h", javaDb: "auto" };
  let handle;
  return () => {
    handle ??= (async () => {
      const server = trivyServer(s);
      const { createToolCacheAdapter, programExec, installTrivy } = await import('./chunk-DfgY8uo_.js');
      const installed = await group(
        "Install Trivy",
        () => installTrivy(
          { version: getInput2("trivy-version"), checksum: getInput2("trivy-checksum") },
          {
            toolCache: createToolCacheAdapter(),
            exec: programExec,
            logger: actionLogger,
            env: process.env
          }
        )
      );
      info(`Trivy ${installed.version} from ${installed.source}: ${installed.path}`);
      const login = actionRegistryLogin();
      const cacheDir = trivyCacheDir();
      if (getInput2("trivy-report"))
        return { path: installed.path, skipDbUpdate: false, cacheDir, login };
      const dbModule = await import('./chunk-DBwFt6zo.js');
      const { createActionsCacheAdapter, parseDbRepositories, prepareTrivyDb, TrivyDbError } = dbModule;
      const maxAge = maxDbAgeMs(s.maxDbAge);
      const useCache = parseBoolean(getInput2("cache-db"), "cache-db", true);
      const javaDb = javaDbGate(installed.path, cacheDir, useCache, dbModule, programExec);
      if (s.javaDb === "always") await javaDb.ensure();
      if (server) {
        server.maxDbAgeMs = maxAge;
        const meta = await serverDbMetadata(server);
        const db2 = checkDbAge(meta, maxAge, /* @__PURE__ */ new Date(), "server");
        info(`Trivy server ${server.url}: vulnerability DB built ${db2.ageHours} h ago`);
        return { path: installed.path, skipDbUpdate: false, cacheDir, login, server, javaDb, db: db2 };
      }
      const prepared = await group(
        "Prepare the vulnerability DB",
        () => prepareTrivyDb(
          {
            trivyPath: installed.path,
            cacheDir,
            repositories: parseDbRepositories(getInput2("db-repository")),
            useCache
          },
          {
            cache: createActionsCacheAdapter(),
            exec: programExec,
            logger: actionLogger,
            now: /* @__PURE__ */ new Date()
          }
        )
      );
      if (prepared.stale && opts.requireFreshDb) {
        throw new TrivyDbError(
          "download-failed",
          `The Trivy DB could not be refreshed and only an older cached one (${prepared.restoredFrom}) is available; a rescan does not judge shipped images with it (a finding missing from the old DB would close its issue). Run again later, or set \`db-repository\` to a mirror you can reach.`
        );
      }
      const info2 = await localVersionInfo(installed.path, prepared.cacheDir, programExec);
      const db = checkDbAge(info2.vulnerabilityDb, maxAge, /* @__PURE__ */ new Date(), "local");
      info(`Vulnerability DB built ${db.ageHours} h ago (max-db-age ${s.maxDbAge})`);
      return {
        path: installed.path,
        skipDbUpdate: prepared.ready,
        cacheDir: prepared.cacheDir,
        login,
        javaDb,
        db
      };
    })();
    return handle;
  };
}
function javaDbGate(trivyPath, cacheDir, useCache, { createActionsCacheAdapter, prepareTrivyDb }, programExec) {
  let ready;
  return {
    ensure() {
      ready ??= group("Prepare the Java DB", async () => {
        await prepareTrivyDb(
          { kind: "java", trivyPath, cacheDir, useCache },
          {
            cache: createActionsCacheAdapter(),
            exec: programExec,
            logger: actionLogger,
            now: /* @__PURE__ */ new Date()
          }
        );
      });
      return ready;
    }
  };
}

export { trivyProvider as t };
