import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);

// src/github/commenter.ts
var GitHubApiError = class extends Error {
  constructor(status, message, request, documentationUrl) {
    super(message);
    this.status = status;
    this.request = request;
    this.documentationUrl = documentationUrl;
    this.name = "GitHubApiError";
  }
  status;
  request;
  documentationUrl;
};

export {
  GitHubApiError
};
