import { createRequire } from 'node:module';

createRequire(import.meta.url);

// scanners/trivy/install-error.ts
var TrivyInstallError = class extends Error {
  code;
  input;
  constructor(code, message, options = {}) {
    super(message, options.cause === void 0 ? void 0 : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.input = options.input;
  }
};

export { TrivyInstallError as T };
