import { createRequire } from 'node:module';
import { H as toDbMetadata } from './chunk-BAQxG8PF.js';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

createRequire(import.meta.url);
var DB_REPOSITORY_INPUT = "db-repository";
var CACHE_DB_INPUT = "cache-db";
var DEFAULT_DB_REPOSITORIES = [
  "mirror.gcr.io/aquasec/trivy-db:2",
  "public.ecr.aws/aquasecurity/trivy-db:2",
  "ghcr.io/aquasecurity/trivy-db:2"
];
var DB_CACHE_KEY_PREFIX = "shipgate-trivy-db-";
var JAVA_DB_CACHE_KEY_PREFIX = "shipgate-trivy-java-db-";
var DEFAULT_JAVA_DB_REPOSITORIES = [
  "mirror.gcr.io/aquasec/trivy-java-db:1",
  "public.ecr.aws/aquasecurity/trivy-java-db:1",
  "ghcr.io/aquasecurity/trivy-java-db:1"
];
var KINDS = {
  vulnerability: {
    dir: "db",
    only: "--download-db-only",
    repoFlag: "--db-repository",
    defaults: DEFAULT_DB_REPOSITORIES,
    keyPrefix: DB_CACHE_KEY_PREFIX,
    name: "Trivy DB"
  },
  java: {
    dir: "java-db",
    only: "--download-java-db-only",
    repoFlag: "--java-db-repository",
    defaults: DEFAULT_JAVA_DB_REPOSITORIES,
    keyPrefix: JAVA_DB_CACHE_KEY_PREFIX,
    name: "Trivy Java DB"
  }
};
function createActionsCacheAdapter() {
  const load = () => import('./chunk-BBwV3v1v.js');
  return {
    async restoreCache(paths, primaryKey, restoreKeys) {
      const actionsCache = await load();
      if (!actionsCache.isFeatureAvailable()) return void 0;
      return actionsCache.restoreCache(paths, primaryKey, restoreKeys);
    },
    async saveCache(paths, key) {
      const actionsCache = await load();
      if (!actionsCache.isFeatureAvailable()) return;
      await actionsCache.saveCache(paths, key);
    }
  };
}
var TrivyDbError = class extends Error {
  code;
  input;
  constructor(code, message, options = {}) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.input = options.input;
  }
};
function parseDbRepositories(input) {
  const entries = (input ?? "").split(/[,\n]/).map((entry) => entry.trim()).filter((entry) => entry !== "");
  for (const entry of entries) {
    if (!/^[a-z0-9][a-z0-9.-]*(:[0-9]+)?(\/[a-z0-9._/-]+)+(:[A-Za-z0-9._-]+)?$/.test(entry)) {
      throw new TrivyDbError(
        "invalid-repository",
        `"${DB_REPOSITORY_INPUT}" entry "${entry}" is not an OCI repository reference like ${DEFAULT_DB_REPOSITORIES[0]}. Separate several mirrors with commas.`,
        { input: DB_REPOSITORY_INPUT }
      );
    }
  }
  return entries.length > 0 ? entries : [...DEFAULT_DB_REPOSITORIES];
}
function dbCacheKey(now, kind = "vulnerability") {
  return `${KINDS[kind].keyPrefix}${now.toISOString().slice(0, 10)}`;
}
var RETRYABLE = /TOOMANYREQUESTS|too many requests|\b429\b|\b50[234]\b|connection reset|i\/o timeout|TLS handshake timeout|timed out|unexpected EOF/i;
var RATE_LIMITED = /TOOMANYREQUESTS|too many requests|\b429\b/i;
async function prepareTrivyDb(opts, deps) {
  const { logger } = deps;
  const kind = KINDS[opts.kind ?? "vulnerability"];
  const sleep = deps.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  const repositories = opts.repositories && opts.repositories.length > 0 ? [...opts.repositories] : [...kind.defaults];
  const dbDir = path.join(opts.cacheDir, kind.dir);
  const useCache = opts.useCache !== false;
  const key = dbCacheKey(deps.now, opts.kind);
  let restoredFrom;
  if (useCache) {
    try {
      restoredFrom = await deps.cache.restoreCache([dbDir], key, [kind.keyPrefix]);
    } catch (error) {
      logger.warning(
        `Could not restore the ${kind.name} cache (${errorMessage(error)}); downloading.`
      );
    }
  }
  const restoredMeta = restoredFrom ? await readDbMetadata(dbDir) : void 0;
  if (restoredFrom && !restoredMeta) {
    logger.warning(`Cache ${restoredFrom} held no ${kind.name} metadata; downloading.`);
    restoredFrom = void 0;
  }
  if (restoredFrom === key && restoredMeta) {
    logger.info(
      `${kind.name} restored from cache ${key}${ageText(restoredMeta, deps.now)}; no download needed.`
    );
    return state(opts.cacheDir, restoredMeta, deps.now, {
      restoredFrom,
      downloaded: false,
      stale: false,
      attempts: 0
    });
  }
  const maxAttempts = Math.max(1, opts.maxAttempts ?? 4);
  const timeoutSeconds = opts.timeoutSeconds ?? 300;
  const args = [
    "image",
    kind.only,
    "--cache-dir",
    opts.cacheDir,
    "--no-progress",
    "--timeout",
    `${timeoutSeconds}s`,
    ...repositories.flatMap((repository) => [kind.repoFlag, repository])
  ];
  let delay = opts.initialDelayMs ?? 15e3;
  let lastError = "";
  let rateLimited = false;
  let attempts = 0;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    attempts = attempt;
    logger.debug(`[command]${opts.trivyPath} ${args.join(" ")}`);
    const result = await deps.exec(opts.trivyPath, args, {
      timeoutMs: (timeoutSeconds + 30) * 1e3
    });
    if (result.exitCode === 0) {
      const meta = await readDbMetadata(dbDir);
      if (!meta) {
        throw new TrivyDbError(
          "download-failed",
          `Trivy reported success but wrote no ${path.join(dbDir, "metadata.json")}. Check that "${opts.trivyPath}" is Trivy and that ${opts.cacheDir} is writable.`
        );
      }
      logger.info(
        `${kind.name} ready in ${dbDir}${ageText(meta, deps.now)} after ${attempt} attempt(s).`
      );
      if (useCache) await save(deps, dbDir, key, kind.name);
      return state(opts.cacheDir, meta, deps.now, {
        restoredFrom,
        downloaded: true,
        stale: false,
        attempts
      });
    }
    lastError = lastLines(result.stderr || result.stdout);
    rateLimited = RATE_LIMITED.test(result.stderr) || RATE_LIMITED.test(result.stdout);
    const retryable = RETRYABLE.test(result.stderr) || RETRYABLE.test(result.stdout);
    if (!retryable || attempt === maxAttempts) break;
    logger.warning(
      `${kind.name} download attempt ${attempt}/${maxAttempts} failed${rateLimited ? " (registry rate limit)" : ""}; retrying in ${Math.round(delay / 1e3)} s. ${lastError}`
    );
    await sleep(delay);
    delay = Math.min(delay * 2, 12e4);
  }
  if (restoredFrom && restoredMeta) {
    logger.warning(
      `Could not refresh the ${kind.name} (${lastError}); scanning with the cached DB from ${restoredFrom}${ageText(restoredMeta, deps.now)}. Findings published since then are missed.`
    );
    return state(opts.cacheDir, restoredMeta, deps.now, {
      restoredFrom,
      downloaded: false,
      stale: true,
      attempts
    });
  }
  const tried = repositories.join(", ");
  if (rateLimited) {
    throw new TrivyDbError(
      "rate-limited",
      `${kind.name === "Trivy DB" ? "Trivy's vulnerability DB" : "Trivy's Java DB"} could not be downloaded: every mirror (${tried}) answered TOOMANYREQUESTS through ${attempts} attempt(s). Last error: ${lastError}. Re-run the job later, keep "${CACHE_DB_INPUT}" enabled so later runs reuse the DB, or set "${DB_REPOSITORY_INPUT}" to a mirror you control.`
    );
  }
  throw new TrivyDbError(
    "download-failed",
    `${kind.name === "Trivy DB" ? "Trivy's vulnerability DB" : "Trivy's Java DB"} could not be downloaded from ${tried} (${attempts} attempt(s)). Last error: ${lastError}. Check "${DB_REPOSITORY_INPUT}" and the runner's network access to those registries.`
  );
}
async function readDbMetadata(dbDir) {
  try {
    return toDbMetadata(JSON.parse(await readFile(path.join(dbDir, "metadata.json"), "utf8")));
  } catch {
    return void 0;
  }
}
function state(cacheDir, meta, now, extra) {
  const age = ageHours(meta, now);
  return {
    cacheDir,
    ready: true,
    ...extra.restoredFrom ? { restoredFrom: extra.restoredFrom } : {},
    ...age === void 0 ? {} : { dbAgeHours: age },
    ...meta.UpdatedAt ? { updatedAt: meta.UpdatedAt } : {},
    ...meta.DownloadedAt ? { downloadedAt: meta.DownloadedAt } : {},
    downloaded: extra.downloaded,
    stale: extra.stale,
    attempts: extra.attempts
  };
}
function ageHours(meta, now) {
  const stamp = Date.parse(meta.UpdatedAt ?? meta.DownloadedAt ?? "");
  if (Number.isNaN(stamp)) return void 0;
  return Math.round((now.getTime() - stamp) / 36e5 * 10) / 10;
}
function ageText(meta, now) {
  const age = ageHours(meta, now);
  return age === void 0 ? "" : ` (built ${age} h ago)`;
}
async function save(deps, dbDir, key, name) {
  try {
    await deps.cache.saveCache([dbDir], key);
    deps.logger.info(`Saved the ${name} to cache ${key}.`);
  } catch (error) {
    deps.logger.warning(`Could not save the ${name} cache ${key}: ${errorMessage(error)}`);
  }
}
function lastLines(output) {
  const lines = output.split("\n").map((line) => line.trim()).filter((line) => line !== "");
  return lines.slice(-3).join(" | ").slice(0, 600) || "(no output)";
}
function errorMessage(error) {
  return error instanceof Error ? error.message : String(error);
}

export { CACHE_DB_INPUT as C, DB_CACHE_KEY_PREFIX as D, JAVA_DB_CACHE_KEY_PREFIX as J, TrivyDbError as T, prepareTrivyDb as a, DB_REPOSITORY_INPUT as b, createActionsCacheAdapter as c, DEFAULT_DB_REPOSITORIES as d, DEFAULT_JAVA_DB_REPOSITORIES as e, dbCacheKey as f, parseDbRepositories as p, readDbMetadata as r };
