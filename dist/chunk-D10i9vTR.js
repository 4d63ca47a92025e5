import { createRequire } from 'node:module';
import { c as code, e as escapeInline, d as details, t as table } from './chunk-CYDM28oy.js';
import { S as SCAN_SPEC, C as COMMENT_SPEC } from './chunk-DqTP9AIl.js';
import { s as shortOrigin } from './chunk-bWY20X0p.js';

createRequire(import.meta.url);

// src/settings/record.ts
function settingsRecord(settings) {
  const values = {};
  const tables = [
    [SCAN_SPEC, settings.scan],
    [COMMENT_SPEC, settings.comment]
  ];
  for (const [spec, resolved] of tables) {
    for (const [field, row] of Object.entries(spec)) {
      const setting = resolved[field];
      if (!row.policy || !setting) continue;
      values[row.key] = { value: setting.value ?? null, from: shortOrigin(setting.origin) };
    }
  }
  return settings.policy ? { policy: settings.policy, values } : { values };
}
function shown(value) {
  if (value === null || value === void 0) return "_none_";
  if (Array.isArray(value))
    return value.length ? value.map((v) => code(String(v))).join(", ") : "_none_";
  return code(String(value));
}
function settingsMarkdown(record) {
  const rows = Object.entries(record.values).map(([key, { value, from }]) => [
    code(key),
    shown(value),
    escapeInline(from.replace(/`/g, ""))
  ]);
  const policy = record.policy ? `Policy file ${code(record.policy.file)}${record.policy.sha256 ? ` (sha256 ${code(record.policy.sha256)})` : ""}.

` : "";
  return details(
    "Settings and where they came from",
    `${policy}${table(["Setting", "Value", "From"], rows)}`
  );
}

export { settingsRecord as a, settingsMarkdown as s };
