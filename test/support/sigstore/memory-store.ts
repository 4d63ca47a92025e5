/**
 * A small in-process OCI store implementing the `OciStore` calls signing needs, with or
 * without a referrers API. Used for the cases the real registry cannot show (a referrers API,
 * a refused push) and for fast unit tests; the round trips also run against docker-registry.
 */
import { createHash } from 'node:crypto'
import type {
  Descriptor,
  FetchedManifest,
  OciStore,
  PutManifestResult,
  RepositoryRef,
} from '../../../src/sign/oci-store.js'

const sha256 = (b: Uint8Array) => `sha256:${createHash('sha256').update(b).digest('hex')}`
const key = (r: RepositoryRef) => `${r.registry}/${r.repository}`

export interface MemoryStore extends OciStore {
  blobs: Map<string, Uint8Array>
  manifests: Map<string, { bytes: Uint8Array; mediaType: string }>
  tags: Map<string, string>
  /** Add an image manifest (and its tag) as if pushed by a build. */
  addImage(repo: RepositoryRef, tag: string, content?: string): Descriptor
  /** Throw this from every write (a registry refusing pushes). */
  refuseWrites?: Error
  writes: string[]
}

export function memoryStore(options: { referrersApi: boolean }): MemoryStore {
  const blobs = new Map<string, Uint8Array>()
  const manifests = new Map<string, { bytes: Uint8Array; mediaType: string }>()
  const tags = new Map<string, string>()
  const writes: string[] = []
  const lookup = (repo: RepositoryRef, ref: string) =>
    ref.startsWith('sha256:') ? ref : tags.get(`${key(repo)}:${ref}`)

  const store: MemoryStore = {
    blobs,
    manifests,
    tags,
    writes,
    addImage(repo, tag, content = tag) {
      const config = Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', content }))
      blobs.set(sha256(config), config)
      const manifest = Buffer.from(
        JSON.stringify({
          schemaVersion: 2,
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          config: {
            mediaType: 'application/vnd.oci.image.config.v1+json',
            digest: sha256(config),
            size: config.length,
          },
          layers: [],
        }),
      )
      const digest = sha256(manifest)
      manifests.set(digest, {
        bytes: manifest,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
      })
      tags.set(`${key(repo)}:${tag}`, digest)
      return {
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        digest,
        size: manifest.length,
      }
    },
    async headManifest(repo, ref) {
      const digest = lookup(repo, ref)
      const m = digest ? manifests.get(digest) : undefined
      return m && digest ? { mediaType: m.mediaType, digest, size: m.bytes.length } : undefined
    },
    async getManifest(repo, ref): Promise<FetchedManifest | undefined> {
      const digest = lookup(repo, ref)
      const m = digest ? manifests.get(digest) : undefined
      return m && digest ? { bytes: m.bytes, mediaType: m.mediaType, digest } : undefined
    },
    async getBlob(_repo, digest) {
      const b = blobs.get(digest)
      if (!b) throw new Error(`blob ${digest} unknown`)
      return b
    },
    async putBlob(_repo, bytes) {
      if (store.refuseWrites) throw store.refuseWrites
      const digest = sha256(bytes)
      blobs.set(digest, bytes)
      return digest
    },
    async putManifest(repo, ref, bytes, mediaType): Promise<PutManifestResult> {
      if (store.refuseWrites) throw store.refuseWrites
      const digest = sha256(bytes)
      if (ref.startsWith('sha256:') && ref !== digest) throw new Error('digest mismatch')
      manifests.set(digest, { bytes, mediaType })
      if (!ref.startsWith('sha256:')) tags.set(`${key(repo)}:${ref}`, digest)
      writes.push(`${key(repo)}:${ref}`)
      const doc = JSON.parse(Buffer.from(bytes).toString('utf8')) as { subject?: Descriptor }
      const result: PutManifestResult = { digest }
      if (options.referrersApi && doc.subject) result.ociSubject = doc.subject.digest
      return result
    },
    async referrers(_repo, digest, artifactType) {
      if (!options.referrersApi) return 'unsupported'
      const out: Descriptor[] = []
      for (const [d, m] of manifests) {
        const doc = JSON.parse(Buffer.from(m.bytes).toString('utf8')) as {
          subject?: Descriptor
          artifactType?: string
          annotations?: Record<string, string>
        }
        if (doc.subject?.digest !== digest) continue
        if (artifactType && doc.artifactType !== artifactType) continue
        const entry: Descriptor = { mediaType: m.mediaType, digest: d, size: m.bytes.length }
        if (doc.artifactType) entry.artifactType = doc.artifactType
        if (doc.annotations) entry.annotations = doc.annotations
        out.push(entry)
      }
      return out
    },
  }
  return store
}
