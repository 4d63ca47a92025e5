import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);

// src/version.ts
var VERSION = "0.1.0";

export {
  VERSION
};
