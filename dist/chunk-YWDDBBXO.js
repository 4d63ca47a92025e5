import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);
import {
  InputError
} from "./chunk-SALW6YM5.js";

// src/inputs.ts
var FAIL_ON_VALUES = ["critical", "high", "medium", "low", "unknown", "none"];
function parseFailOn(value, label = "fail-on") {
  const v = (value || "high").trim().toLowerCase();
  if (!FAIL_ON_VALUES.includes(v)) {
    throw new InputError(
      label,
      `"${value}" is not a severity. Use one of ${FAIL_ON_VALUES.join(", ")} (findings at or above it fail the step).`
    );
  }
  return v === "none" ? "NONE" : v.toUpperCase();
}
function parseBoolean(value, label, fallback) {
  if (value === "") return fallback;
  if (/^(true|yes|on|1)$/i.test(value)) return true;
  if (/^(false|no|off|0)$/i.test(value)) return false;
  throw new InputError(label, `"${value}" is not a boolean; use true or false.`);
}
function parseList(value) {
  return value.split(/[\n,]/).map((s) => s.replace(/\s#.*$/, "").trim()).filter((s) => s && !s.startsWith("#"));
}
var SCANNERS = ["vuln", "secret", "misconfig"];
function parseScanners(value, label = "scanners") {
  const list = parseList(value || "vuln,secret");
  for (const s of list) {
    if (s === "license") {
      throw new InputError(
        label,
        "Shipgate does not evaluate licence findings yet, so a `license` scan would be silently ignored. Remove it, or run `trivy --scanners license` in its own step."
      );
    }
    if (!SCANNERS.includes(s)) {
      throw new InputError(label, `unknown scanner "${s}"; use any of ${SCANNERS.join(", ")}.`);
    }
  }
  if (!list.length)
    throw new InputError(label, `name at least one scanner (${SCANNERS.join(", ")}).`);
  return [...new Set(list)];
}
var DURATION_UNITS_MS = { h: 36e5, m: 6e4, s: 1e3, ms: 1 };
var TIMEOUT_RANGE_MS = { min: 1e3, max: 6 * 36e5 };
function durationToMs(value) {
  if (!/^(\d+(\.\d+)?(h|ms|m|s))+$/.test(value)) return void 0;
  let total = 0;
  for (const m of value.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)) {
    total += Number(m[1]) * (DURATION_UNITS_MS[m[2]] ?? Number.NaN);
  }
  return Number.isFinite(total) ? total : void 0;
}
function parseTimeout(value, label = "timeout") {
  const v = (value || "10m").trim();
  const ms = durationToMs(v);
  if (ms === void 0) {
    throw new InputError(label, `"${value}" is not a duration; write it like 10m, 90s or 1h30m.`);
  }
  if (ms < TIMEOUT_RANGE_MS.min || ms > TIMEOUT_RANGE_MS.max) {
    throw new InputError(
      label,
      `"${value}" is out of range: give a duration from 1s to 6h (a job's maximum), e.g. 10m.`
    );
  }
  return v;
}
function parsePositiveInt(value, label, fallback, max = 64) {
  if (value === "") return fallback;
  const v = value.trim();
  const n = /^\d{1,16}$/.test(v) ? Number(v) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < 1 || n > max) {
    throw new InputError(label, `"${value}" must be a whole number from 1 to ${max}.`);
  }
  return n;
}
function parseImages(value, label = "image") {
  const images = parseList(value);
  for (const image of images) {
    if (/\s/.test(image) || !/^[a-z0-9]/i.test(image) || /[^A-Za-z0-9._\-/:@]/.test(image)) {
      throw new InputError(
        label,
        `"${image}" is not an image reference; write it like ghcr.io/acme/api@sha256:\u2026 or ghcr.io/acme/api:1.2.`
      );
    }
  }
  return [...new Set(images)];
}
var PLATFORM_RE = /^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?$/;
function parsePlatform(value, label = "platform") {
  if (!value) return void 0;
  if (!PLATFORM_RE.test(value)) {
    throw new InputError(
      label,
      `"${value}" is not a platform; write it like linux/amd64 or linux/arm64/v8.`
    );
  }
  return value;
}
var ALL_PLATFORMS = { kind: "all" };
function parsePlatforms(value, label = "platform") {
  const raw = value.trim();
  if (!raw || raw.toLowerCase() === "all") return ALL_PLATFORMS;
  const platforms = [...new Set(parseList(raw))];
  for (const p of platforms) {
    if (!PLATFORM_RE.test(p)) {
      throw new InputError(
        label,
        `"${p}" is not a platform; write \`all\`, or platforms like linux/amd64,linux/arm64/v8.`
      );
    }
  }
  return { kind: "some", platforms };
}
function singlePlatform(selection) {
  return selection?.kind === "some" && selection.platforms.length === 1 ? selection.platforms[0] : void 0;
}
function describePlatforms(selection) {
  return selection?.kind === "some" ? selection.platforms.join(",") : void 0;
}
function parseOneOf(value, label, allowed) {
  const v = value.trim().toLowerCase();
  if (!allowed.includes(v)) {
    throw new InputError(label, `"${value}" is not one of ${allowed.join(", ")}.`);
  }
  return v;
}

export {
  parseFailOn,
  parseBoolean,
  parseList,
  parseScanners,
  durationToMs,
  parseTimeout,
  parsePositiveInt,
  parseImages,
  parsePlatform,
  ALL_PLATFORMS,
  parsePlatforms,
  singlePlatform,
  describePlatforms,
  parseOneOf
};
