import { createRequire } from 'node:module';
import { r as require_dist } from './chunk-D4yWkZKx.js';
import { ab as __toESM } from './chunk-BfsmuvnE.js';
import { readFile } from 'node:fs/promises';
import 'node:fs';
import 'node:crypto';
import 'node:path';
import 'os';
import 'fs';
import 'crypto';

createRequire(import.meta.url);

// src/policy/ignore-file.ts
var import_yaml = __toESM(require_dist());
var IgnoreFileError = class extends Error {
  constructor(file, message, where) {
    super(`ignore-file ${where ?? file}: ${message}`);
    this.file = file;
    this.name = "IgnoreFileError";
  }
  file;
};
var ALL_KINDS = ["vulnerability", "secret", "misconfiguration"];
var DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-](\d{2}):(\d{2}))?)?$/;
function daysIn(year, month) {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
function isRealDate(value) {
  const m = DATE.exec(value);
  if (!m) return false;
  const [year, month, day, hour = 0, minute = 0, second = 0, , offH = 0, offM = 0] = m.slice(1).map((v) => v === void 0 || v === "Z" || /^[+-]/.test(v) ? void 0 : Number(v));
  if (year === void 0 || month === void 0 || day === void 0) return false;
  return month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month) && hour <= 23 && minute <= 59 && second <= 59 && offH <= 23 && offM <= 59;
}
function checkDate(file, where, value) {
  if (!DATE.test(value)) {
    throw new IgnoreFileError(
      file,
      `expiry "${value}" is not a date; write it as YYYY-MM-DD.`,
      where
    );
  }
  if (!isRealDate(value)) {
    throw new IgnoreFileError(
      file,
      `expiry "${value}" is not a real date (no such day, month or time); write an existing date as YYYY-MM-DD.`,
      where
    );
  }
  return value;
}
function parsePlainIgnore(text, file) {
  const rules = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/#.*$/, "").trim();
    if (!line) return;
    const where = `${file}:${index + 1}`;
    const [id, ...fields] = line.split(/\s+/);
    let expiresAt;
    for (const field of fields) {
      if (field.startsWith("exp:")) expiresAt = checkDate(file, where, field.slice(4));
      else
        throw new IgnoreFileError(
          file,
          `unexpected "${field}" after the ID; the only option is exp:YYYY-MM-DD.`,
          where
        );
    }
    rules.push({ id, source: where, expiresAt, kinds: ALL_KINDS });
  });
  return rules;
}
var SECTIONS = {
  vulnerabilities: "vulnerability",
  misconfigurations: "misconfiguration",
  secrets: "secret",
  licenses: "license"
};
var ENTRY_KEYS = /* @__PURE__ */ new Set(["id", "paths", "purls", "expired_at", "statement"]);
function stringList(file, where, value, key) {
  if (value === void 0 || value === null) return void 0;
  if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) {
    throw new IgnoreFileError(file, `"${key}" must be a list of strings.`, where);
  }
  return value;
}
function parseYamlIgnore(text, file) {
  const lineCounter = new import_yaml.LineCounter();
  const doc = (0, import_yaml.parseDocument)(text, { lineCounter });
  if (doc.errors.length) {
    throw new IgnoreFileError(file, `is not valid YAML: ${doc.errors[0]?.message}`);
  }
  if (doc.contents === null) return [];
  if (!(0, import_yaml.isMap)(doc.contents)) {
    throw new IgnoreFileError(
      file,
      "must be a mapping with vulnerabilities/misconfigurations/secrets/licenses lists."
    );
  }
  const rules = [];
  for (const pair of doc.contents.items) {
    const section = String(pair.key?.value ?? pair.key);
    const kind = SECTIONS[section];
    if (!kind) {
      throw new IgnoreFileError(
        file,
        `unknown section "${section}"; use vulnerabilities, misconfigurations, secrets or licenses.`
      );
    }
    if (pair.value === null) continue;
    if (!(0, import_yaml.isSeq)(pair.value)) throw new IgnoreFileError(file, `"${section}" must be a list.`);
    for (const node of pair.value.items) {
      const line = node && typeof node === "object" && "range" in node && node.range ? lineCounter.linePos(node.range[0]).line : 0;
      const where = `${file}:${line}`;
      const entry = node.toJSON();
      if (typeof entry !== "object" || entry === null || Array.isArray(entry)) {
        throw new IgnoreFileError(file, `each entry must be a mapping with an "id".`, where);
      }
      for (const key of Object.keys(entry)) {
        if (!ENTRY_KEYS.has(key)) {
          throw new IgnoreFileError(
            file,
            `unknown key "${key}" (allowed: ${[...ENTRY_KEYS].join(", ")}).`,
            where
          );
        }
      }
      if (typeof entry.id !== "string" || !entry.id.trim()) {
        throw new IgnoreFileError(file, `entry has no "id".`, where);
      }
      if (kind === "license") continue;
      const expired = entry.expired_at;
      rules.push({
        id: entry.id.trim(),
        source: `${file}:${line}`,
        expiresAt: expired === void 0 || expired === null ? void 0 : checkDate(
          file,
          where,
          expired instanceof Date ? expired.toISOString() : String(expired)
        ),
        statement: typeof entry.statement === "string" ? entry.statement : void 0,
        paths: stringList(file, where, entry.paths, "paths"),
        purls: stringList(file, where, entry.purls, "purls"),
        kinds: [kind]
      });
    }
  }
  return rules;
}
function parseIgnoreFile(text, file) {
  return /\.ya?ml$/i.test(file) ? parseYamlIgnore(text, file) : parsePlainIgnore(text, file);
}
async function readIgnoreFile(file) {
  let text;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const code = error.code;
    throw new IgnoreFileError(
      file,
      code === "ENOENT" ? "does not exist. Fix the `ignore-file` path (relative to the workspace) or remove the input." : `cannot be read (${code}).`
    );
  }
  return parseIgnoreFile(text, file);
}

export { IgnoreFileError, parseIgnoreFile, parsePlainIgnore, parseYamlIgnore, readIgnoreFile };
