import { createRequire } from 'node:module';

createRequire(import.meta.url);

// src/sign/registry-store.ts
function registryStore(client) {
  return {
    headManifest: (repo, ref) => client.headManifest(repo, ref),
    async getManifest(repo, ref) {
      if (!await client.headManifest(repo, ref)) return void 0;
      const m = await client.getManifest(repo, ref);
      return { bytes: m.bytes, mediaType: m.mediaType, digest: m.digest };
    },
    getBlob: (repo, digest) => client.getBlobBytes(repo, digest),
    putBlob: async (repo, bytes) => (await client.putBlob(repo, bytes)).digest,
    async putManifest(repo, ref, bytes, mediaType) {
      const put = await client.putManifestWithSubject(repo, ref, bytes, mediaType);
      return put.subject ? { digest: put.digest, ociSubject: put.subject } : { digest: put.digest };
    },
    referrers: (repo, digest, artifactType) => client.referrers(repo, digest, artifactType),
    deleteManifest: (repo, digest) => client.deleteManifest(repo, digest)
  };
}

export { registryStore as r };
