import { createRequire } from 'node:module';

createRequire(import.meta.url);

// src/logger.ts
var silentLogger = {
  debug() {
  },
  info() {
  },
  warning() {
  }
};

export { silentLogger as s };
