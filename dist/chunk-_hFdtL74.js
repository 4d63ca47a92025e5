import { createRequire } from 'node:module';
import { G as ArtifactServiceUnavailable } from './chunk-CxTsKb1n.js';
import { d as setSecret, F as registerSecret, i as isLoopbackHost, R as redact, ai as REDACTED } from './chunk-BfsmuvnE.js';
import './chunk-4KaJgODh.js';
import 'node:child_process';
import 'node:fs/promises';
import 'node:os';
import 'node:path';
import 'node:crypto';
import 'node:stream';
import 'node:fs';
import 'node:buffer';
import 'node:timers/promises';
import 'os';
import 'fs';
import 'crypto';

createRequire(import.meta.url);

// src/sign/actions-artifact.ts
function artifactServiceUnavailable(env) {
  if (!env.ACTIONS_RUNTIME_TOKEN)
    return "ACTIONS_RUNTIME_TOKEN is not set (this is not a GitHub Actions job)";
  const server = env.GITHUB_SERVER_URL || "https://github.com";
  let host;
  try {
    host = new URL(server).hostname.toLowerCase();
  } catch {
    return `GITHUB_SERVER_URL "${server}" is not a URL`;
  }
  if (host !== "github.com" && !host.endsWith(".ghe.com") && !host.endsWith(".localhost"))
    return `${host} is GitHub Enterprise Server, which does not have the artifact service @actions/artifact v2+ uses`;
  if (!env.ACTIONS_RESULTS_URL)
    return "ACTIONS_RESULTS_URL is not set (the runner did not name an artifact service)";
  let results;
  try {
    results = new URL(env.ACTIONS_RESULTS_URL);
  } catch {
    return `ACTIONS_RESULTS_URL "${env.ACTIONS_RESULTS_URL}" is not a URL`;
  }
  if (results.protocol !== "https:" && !isLoopbackHost(results.host))
    return `ACTIONS_RESULTS_URL ${results.origin} is not HTTPS, and the runtime token is not sent in clear text`;
  return void 0;
}
function actionsArtifactUploader() {
  let client;
  return {
    async upload(name, files, rootDirectory) {
      const unavailable = artifactServiceUnavailable(process.env);
      if (unavailable) throw new ArtifactServiceUnavailable(unavailable);
      if (!client) {
        const token = process.env.ACTIONS_RUNTIME_TOKEN;
        setSecret(token);
        registerSecret(token);
      }
      client ??= import('./chunk-rgO0hSS6.js').then((m) => new m.DefaultArtifactClient());
      const artifacts = await client;
      try {
        const { id, size } = await throughRedaction(
          () => artifacts.uploadArtifact(name, files, rootDirectory)
        );
        const out = {};
        if (id !== void 0) out.id = id;
        if (size !== void 0) out.size = size;
        return out;
      } catch (error) {
        throw classify(error);
      }
    }
  };
}
function classify(error) {
  const message = redactLine(error instanceof Error ? error.message : String(error));
  const gone = /\(404\)|Unable to make request: E[A-Z]+|Failed to make request after \d+ attempts/.test(
    message
  );
  return gone ? new ArtifactServiceUnavailable(message) : new Error(message);
}
function redactLine(text) {
  return redact(text).replace(/([?&]sig=)[^&"'\s]+/g, `$1${REDACTED}`);
}
var TOOLKIT_WARNING = "::warning::Artifact upload failed with error:";
var uploadsInFlight = 0;
var unfilteredWrite;
async function throughRedaction(upload) {
  if (uploadsInFlight++ === 0) {
    unfilteredWrite = process.stdout.write;
    process.stdout.write = redactingWrite(unfilteredWrite);
  }
  try {
    return await upload();
  } finally {
    if (--uploadsInFlight === 0 && unfilteredWrite) {
      process.stdout.write = unfilteredWrite;
      unfilteredWrite = void 0;
    }
  }
}
function redactingWrite(write) {
  return function(chunk, ...rest) {
    if (typeof chunk === "string" || Buffer.isBuffer(chunk)) {
      const text = chunk.toString();
      if (text.startsWith(TOOLKIT_WARNING)) {
        const callback = rest.find((r) => typeof r === "function");
        callback?.();
        return true;
      }
      return write.call(this, redactLine(text), ...rest);
    }
    return write.call(this, chunk, ...rest);
  };
}

export { actionsArtifactUploader, artifactServiceUnavailable };
