import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';

createRequire(import.meta.url);
var cached;
function workflowEvent() {
  if (cached) return cached;
  let payload = {};
  const path = process.env.GITHUB_EVENT_PATH;
  if (path) {
    if (existsSync(path)) payload = JSON.parse(readFileSync(path, "utf8"));
    else process.stdout.write(`GITHUB_EVENT_PATH ${path} does not exist
`);
  }
  cached = { eventName: process.env.GITHUB_EVENT_NAME, payload };
  return cached;
}
function workflowRepo() {
  const full = process.env.GITHUB_REPOSITORY;
  if (full) {
    const [owner = "", repo = ""] = full.split("/");
    return { owner, repo };
  }
  const repository = workflowEvent().payload.repository;
  if (repository) return { owner: repository.owner?.login ?? "", repo: repository.name ?? "" };
  throw new Error(
    "context.repo requires a GITHUB_REPOSITORY environment variable like 'owner/repo'"
  );
}

export { workflowRepo as a, workflowEvent as w };
