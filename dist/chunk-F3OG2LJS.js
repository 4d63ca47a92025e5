import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);

// src/vex/comparison.ts
function notFixedByVex(comparison, suppressed) {
  const keys = new Set(suppressed.flatMap((s) => s.key ? [s.key] : []));
  if (!keys.size) return comparison;
  return { ...comparison, fixed: comparison.fixed.filter((f) => !keys.has(f.key)) };
}

export {
  notFixedByVex
};
