import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);

// src/redact.ts
var REDACTED = "[REDACTED]";
var JWT_SHAPE = /eyJ[A-Za-z0-9_-]{2,}={0,2}\.[A-Za-z0-9_-]{2,}={0,2}\.[A-Za-z0-9_-]*={0,2}/g;
var MIN_SECRET_LENGTH = 4;
var secrets = /* @__PURE__ */ new Set();
var longestFirst = [];
var SHORTEST_JWT = 9;
var shortest = SHORTEST_JWT;
function registerSecret(value) {
  if (!value || value.trim().length < MIN_SECRET_LENGTH) return;
  for (const form of encodings(value)) secrets.add(form);
  longestFirst = [...secrets].sort((a, b) => b.length - a.length);
  shortest = Math.min(SHORTEST_JWT, longestFirst.at(-1)?.length ?? SHORTEST_JWT);
}
function encodings(value) {
  const forms = /* @__PURE__ */ new Set([value, value.trim()]);
  forms.add(JSON.stringify(value).slice(1, -1));
  forms.add(encodeURIComponent(value));
  forms.add(Buffer.from(value).toString("base64"));
  forms.add(Buffer.from(value).toString("base64url"));
  return [...forms].filter((f) => f.length >= MIN_SECRET_LENGTH);
}
function redact(text) {
  if (text.length < shortest) return text;
  let out = text.includes("eyJ") ? text.replace(JWT_SHAPE, REDACTED) : text;
  for (const secret of longestFirst) {
    if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  return out;
}
var MAX_DEPTH = 200;
function redactDeep(value) {
  return walk(value, 0);
}
function walk(value, depth) {
  if (typeof value === "string") return redact(value);
  if (value === null || typeof value !== "object") return value;
  if (depth > MAX_DEPTH) {
    throw new Error(`redactDeep: a value nested deeper than ${MAX_DEPTH} levels (a cycle?)`);
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const out = walk(value[i], depth + 1);
      if (out !== value[i]) value[i] = out;
    }
    return value;
  }
  const record = value;
  for (const key in record) {
    const inner = record[key];
    const out = walk(inner, depth + 1);
    if (out !== inner) record[key] = out;
  }
  return value;
}
function redactedMessage(error) {
  return redact(error instanceof Error ? error.message : String(error));
}

export {
  REDACTED,
  registerSecret,
  redact,
  redactDeep,
  redactedMessage
};
