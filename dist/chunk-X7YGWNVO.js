import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);

// src/model.ts
var SEVERITIES = ["CRITICAL", "HIGH", "MEDIUM", "LOW", "UNKNOWN"];
function emptyCounts() {
  return { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, UNKNOWN: 0 };
}
var RANKS = Object.fromEntries(SEVERITIES.map((s, i) => [s, i]));
function severityRank(s) {
  return Object.hasOwn(RANKS, s) ? RANKS[s] : -1;
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
