/** Media types and document shapes of the OCI image spec 1.1 and Docker's schema 2. */

export const MediaType = {
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociConfig: 'application/vnd.oci.image.config.v1+json',
  ociLayer: 'application/vnd.oci.image.layer.v1.tar',
  ociLayerGzip: 'application/vnd.oci.image.layer.v1.tar+gzip',
  ociLayerZstd: 'application/vnd.oci.image.layer.v1.tar+zstd',
  ociEmpty: 'application/vnd.oci.empty.v1+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerManifestList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  dockerConfig: 'application/vnd.docker.container.image.v1+json',
  dockerLayerGzip: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
  dockerForeignLayerGzip: 'application/vnd.docker.image.rootfs.foreign.diff.tar.gzip',
} as const

/** distribution 2.8 answers 404 for OCI content unless the OCI types are accepted: always send all four. */
export const MANIFEST_ACCEPT: readonly string[] = [
  MediaType.ociIndex,
  MediaType.ociManifest,
  MediaType.dockerManifestList,
  MediaType.dockerManifest,
]

export const INDEX_TYPES: readonly string[] = [MediaType.ociIndex, MediaType.dockerManifestList]
export const IMAGE_MANIFEST_TYPES: readonly string[] = [
  MediaType.ociManifest,
  MediaType.dockerManifest,
]

/** Registries refuse bigger manifests (distribution's limit), so we do too. */
export const MAX_MANIFEST_BYTES = 4 * 1024 * 1024

export interface Platform {
  os: string
  architecture: string
  variant?: string
  'os.version'?: string
  'os.features'?: string[]
}

export interface Descriptor {
  mediaType: string
  digest: string
  size: number
  annotations?: Record<string, string>
  artifactType?: string
  platform?: Platform
  urls?: string[]
  data?: string
}

export interface ImageManifest {
  schemaVersion: 2
  mediaType?: string
  artifactType?: string
  config: Descriptor
  layers: Descriptor[]
  subject?: Descriptor
  annotations?: Record<string, string>
}

export interface ImageIndex {
  schemaVersion: 2
  mediaType?: string
  artifactType?: string
  manifests: Descriptor[]
  subject?: Descriptor
  annotations?: Record<string, string>
}

export type Manifest = ImageManifest | ImageIndex

export function isIndex(mediaType: string | undefined, doc: unknown): doc is ImageIndex {
  if (mediaType && INDEX_TYPES.includes(mediaType)) return true
  return !!doc && typeof doc === 'object' && Array.isArray((doc as ImageIndex).manifests)
}

/** The image config blob (only the fields we read). */
export interface ImageConfig {
  architecture?: string
  os?: string
  variant?: string
  created?: string
  config?: {
    User?: string
    Labels?: Record<string, string> | null
    Env?: string[] | null
    Entrypoint?: string[] | null
    Cmd?: string[] | null
    WorkingDir?: string
  }
  rootfs?: { type: string; diff_ids: string[] }
  history?: { created_by?: string; empty_layer?: boolean; comment?: string; created?: string }[]
}

/** `linux/amd64`, `linux/arm64/v8` → Platform; throws on anything else. */
export function parsePlatform(value: string): Platform {
  const parts = value.trim().split('/')
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => p === '')) {
    throw new Error(
      `Invalid platform ${JSON.stringify(value)}: expected os/architecture[/variant], e.g. linux/amd64 or linux/arm64/v8.`,
    )
  }
  const [os, architecture, variant] = parts as [string, string, string | undefined]
  return variant ? { os, architecture, variant } : { os, architecture }
}

export function formatPlatform(p: Platform): string {
  return [p.os, p.architecture, p.variant].filter(Boolean).join('/')
}

/** arm64 images usually say `v8` or nothing; treat those as one. */
export function platformMatches(want: Platform, have: Platform | undefined): boolean {
  if (!have) return false
  if (want.os !== have.os || want.architecture !== have.architecture) return false
  if (!want.variant) return true
  const norm = (p: Platform) => (p.architecture === 'arm64' && !p.variant ? 'v8' : p.variant)
  return norm(want) === norm(have)
}
