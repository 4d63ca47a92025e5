import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);
import {
  durationToMs
} from "./chunk-YWDDBBXO.js";
import {
  InputError
} from "./chunk-SALW6YM5.js";

// scanners/trivy/db-age.ts
var MAX_DB_AGE_INPUT = "max-db-age";
var DEFAULT_MAX_DB_AGE = "48h";
function parseMaxDbAge(raw, label = MAX_DB_AGE_INPUT) {
  const v = (raw || DEFAULT_MAX_DB_AGE).trim();
  maxDbAgeMs(v, label);
  return v;
}
function maxDbAgeMs(raw, label = MAX_DB_AGE_INPUT) {
  const v = (raw || DEFAULT_MAX_DB_AGE).trim();
  const days = /^(\d{1,3})d$/.exec(v);
  const ms = days ? Number(days[1]) * 864e5 : durationToMs(v);
  if (ms === void 0) {
    throw new InputError(label, `"${raw}" is not a duration; write it like 48h, 2d or 36h30m.`);
  }
  if (ms < 36e5 || ms > 90 * 864e5) {
    throw new InputError(
      label,
      `"${raw}" is out of range: give an age from 1h to 90d (the DB is rebuilt every 6 h; default ${DEFAULT_MAX_DB_AGE}).`
    );
  }
  return ms;
}
function toDbMetadata(value) {
  if (typeof value !== "object" || value === null) return void 0;
  const record = value;
  const text = (v) => typeof v === "string" ? v : void 0;
  return {
    UpdatedAt: text(record.UpdatedAt),
    DownloadedAt: text(record.DownloadedAt),
    NextUpdate: text(record.NextUpdate)
  };
}
function parseVersionInfo(text) {
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`trivy version --format json printed no JSON: ${text.slice(0, 200)}`);
  }
  if (typeof parsed !== "object" || parsed === null) {
    throw new Error("trivy version --format json printed no JSON object.");
  }
  const r = parsed;
  const meta = toDbMetadata;
  return {
    ...typeof r.Version === "string" ? { version: r.Version } : {},
    ...meta(r.VulnerabilityDB) ? { vulnerabilityDb: meta(r.VulnerabilityDB) } : {},
    ...meta(r.JavaDB) ? { javaDb: meta(r.JavaDB) } : {}
  };
}
async function localVersionInfo(trivyPath, cacheDir, exec) {
  const args = ["version", "--format", "json", ...cacheDir ? ["--cache-dir", cacheDir] : []];
  const r = await exec(trivyPath, args, { timeoutMs: 6e4 });
  if (r.exitCode !== 0) {
    throw new Error(
      `trivy version --format json failed (exit ${r.exitCode}): ${r.stderr.slice(-300)}`
    );
  }
  return parseVersionInfo(r.stdout);
}
var DbAgeError = class extends Error {
  name = "DbAgeError";
};
function checkDbAge(meta, maxAgeMs, now, source) {
  const where = source === "server" ? "the Trivy server" : "the runner";
  const stamp = Date.parse(meta?.UpdatedAt ?? "");
  if (!meta?.UpdatedAt || Number.isNaN(stamp)) {
    throw new DbAgeError(
      `The vulnerability DB on ${where} has no readable UpdatedAt, so its age is unknown and a scan with it could miss any recent vulnerability. ${source === "server" ? "Check that the server has downloaded its DB (trivy server logs)." : "Clear the cached DB (cache-db: false) so it is downloaded again."}`
    );
  }
  const ageMs = now.getTime() - stamp;
  const round = (ms) => Math.round(ms / 36e5 * 10) / 10;
  const freshness = {
    updatedAt: meta.UpdatedAt,
    ageHours: round(ageMs),
    maxAgeHours: round(maxAgeMs),
    source
  };
  if (ageMs > maxAgeMs) {
    throw new DbAgeError(
      `The vulnerability DB on ${where} was built ${freshness.ageHours} h ago (UpdatedAt ${meta.UpdatedAt}), older than \`${MAX_DB_AGE_INPUT}\` (${freshness.maxAgeHours} h): vulnerabilities published since then would pass unnoticed, so nothing is judged. ${source === "server" ? "Make the Trivy server update its DB (it checks hourly; restart it or check its network access to the DB mirrors)." : "Let the DB download again (check `db-repository` and the runner network, or set `cache-db: false`)."} Raise \`${MAX_DB_AGE_INPUT}\` only if a stale DB is acceptable.`
    );
  }
  return freshness;
}

export {
  DEFAULT_MAX_DB_AGE,
  parseMaxDbAge,
  maxDbAgeMs,
  toDbMetadata,
  parseVersionInfo,
  localVersionInfo,
  DbAgeError,
  checkDbAge
};
