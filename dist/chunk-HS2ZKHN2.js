import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);
import {
  InputError
} from "./chunk-SALW6YM5.js";

// src/policy/scope.ts
function scopeHas(scope, filter) {
  return scope.split(",").includes(filter);
}
function scopeOf(filters) {
  if (filters.new && filters.app) return "new,app";
  if (filters.new) return "new";
  if (filters.app) return "app";
  return "all";
}
function parseGateScope(raw, origin) {
  const words = raw.split(/[\s,]+/).map((w) => w.trim().toLowerCase()).filter(Boolean);
  const unknown = words.filter((w) => w !== "all" && w !== "new" && w !== "app");
  if (words.length === 0 || unknown.length > 0) {
    throw new InputError(
      origin,
      `"${raw.trim()}" is not a scope: use all (every finding counts), new (only findings missing from the baseline), app (only findings from the image's own layers, not its base image), or new,app (both).`
    );
  }
  if (words.includes("all")) {
    if (words.length > 1) {
      throw new InputError(
        origin,
        `"${raw.trim()}" combines all with a narrower scope; all already counts every finding. Give all alone, or new, app or new,app.`
      );
    }
    return "all";
  }
  return scopeOf({ new: words.includes("new"), app: words.includes("app") });
}

export {
  scopeHas,
  scopeOf,
  parseGateScope
};
