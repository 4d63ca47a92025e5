import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);

// src/model.ts
var SEVERITIES = ["CRITICAL", "HIGH", "MEDIUM", "LOW", "UNKNOWN"];
function emptyCounts() {
  return { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, UNKNOWN: 0 };
}
function severityRank(s) {
  return SEVERITIES.indexOf(s);
}
function parseSeverity(value) {
  const upper = value.trim().toUpperCase();
  return SEVERITIES.includes(upper) ? upper : void 0;
}

export {
  SEVERITIES,
  emptyCounts,
  severityRank,
  parseSeverity
};
