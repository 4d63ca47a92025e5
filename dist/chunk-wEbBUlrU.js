import { createRequire } from 'node:module';

createRequire(import.meta.url);

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

export { GitHubApiError as G };
