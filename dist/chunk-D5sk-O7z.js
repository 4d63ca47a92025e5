import { createRequire } from 'node:module';
import { realpath } from 'node:fs/promises';
import { resolve, relative, isAbsolute } from 'node:path';

createRequire(import.meta.url);
var outside = (rel) => rel.startsWith("..") || isAbsolute(rel);
async function workspacePath(workspace, path) {
  const full = resolve(workspace, path);
  let real;
  try {
    real = await realpath(full);
  } catch (error) {
    const e = error;
    return e.code === "ENOENT" ? { kind: "missing" } : { kind: "unreadable", error: e };
  }
  if (!outside(relative(workspace, full)) && outside(relative(await realpath(workspace), real))) {
    return { kind: "escapes" };
  }
  return { kind: "file", real };
}

export { workspacePath as w };
