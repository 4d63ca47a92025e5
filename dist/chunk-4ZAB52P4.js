import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);

// src/logger.ts
var silentLogger = {
  debug() {
  },
  info() {
  },
  warning() {
  }
};

export {
  silentLogger
};
