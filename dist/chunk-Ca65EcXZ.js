import { createRequire } from 'node:module';

createRequire(import.meta.url);

// src/registry/errors.ts
var RegistryError = class extends Error {
  name = "RegistryError";
  kind;
  details;
  constructor(kind, message, details = {}) {
    super(message, details.cause === void 0 ? void 0 : { cause: details.cause });
    this.kind = kind;
    this.details = details;
  }
  get status() {
    return this.details.status;
  }
};
function parseErrorBody(text) {
  try {
    const body = JSON.parse(text);
    if (!Array.isArray(body.errors)) return [];
    return body.errors.map((e) => ({
      code: String(e.code ?? ""),
      message: String(e.message ?? "")
    }));
  } catch {
    return [];
  }
}

export { RegistryError as R, parseErrorBody as p };
