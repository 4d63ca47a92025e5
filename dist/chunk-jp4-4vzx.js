import { createRequire } from 'node:module';

createRequire(import.meta.url);

// src/sign/tuf.ts
var PUBLIC_GOOD_TUF = "https://tuf-repo-cdn.sigstore.dev";
var clients = /* @__PURE__ */ new Map();
function tufRepositoryName(o) {
  return o.tufMirrorURL ?? PUBLIC_GOOD_TUF;
}
function tufClient(o = {}) {
  const key = JSON.stringify([o.tufMirrorURL, o.tufRootPath, o.tufCachePath]);
  let client = clients.get(key);
  if (!client) {
    client = import('./chunk-CCRIvvMC.js').then(
      ({ initTUF }) => initTUF({
        ...o.tufCachePath ? { cachePath: o.tufCachePath } : {},
        ...o.tufMirrorURL ? { mirrorURL: o.tufMirrorURL } : {},
        ...o.tufRootPath ? { rootPath: o.tufRootPath } : {}
      })
    );
    clients.set(key, client);
  }
  return client;
}

export { tufRepositoryName as a, tufClient as t };
