/** `OciStore` over the project's RegistryClient (src/registry). */
import type { RegistryClient } from '../registry/client.js'
import type { OciStore } from './oci-store.js'

export function registryStore(client: RegistryClient): OciStore {
  return {
    headManifest: (repo, ref) => client.headManifest(repo, ref),
    async getManifest(repo, ref) {
      // headManifest answers "absent" without an exception; getManifest throws on 404.
      if (!(await client.headManifest(repo, ref))) return undefined
      const m = await client.getManifest(repo, ref)
      return { bytes: m.bytes, mediaType: m.mediaType, digest: m.digest }
    },
    getBlob: (repo, digest) => client.getBlobBytes(repo, digest),
    putBlob: async (repo, bytes) => (await client.putBlob(repo, bytes)).digest,
    async putManifest(repo, ref, bytes, mediaType) {
      const put = await client.putManifestWithSubject(repo, ref, bytes, mediaType)
      return put.subject ? { digest: put.digest, ociSubject: put.subject } : { digest: put.digest }
    },
    referrers: (repo, digest, artifactType) => client.referrers(repo, digest, artifactType),
    deleteManifest: (repo, digest) => client.deleteManifest(repo, digest),
  }
}
