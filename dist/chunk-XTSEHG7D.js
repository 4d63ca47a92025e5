import { createRequire as __shipgateRequire } from 'node:module'; const require = __shipgateRequire(import.meta.url);

// src/registry/media-types.ts
var MediaType = {
  ociManifest: "application/vnd.oci.image.manifest.v1+json",
  ociIndex: "application/vnd.oci.image.index.v1+json",
  ociConfig: "application/vnd.oci.image.config.v1+json",
  ociLayer: "application/vnd.oci.image.layer.v1.tar",
  ociLayerGzip: "application/vnd.oci.image.layer.v1.tar+gzip",
  ociLayerZstd: "application/vnd.oci.image.layer.v1.tar+zstd",
  ociEmpty: "application/vnd.oci.empty.v1+json",
  dockerManifest: "application/vnd.docker.distribution.manifest.v2+json",
  dockerManifestList: "application/vnd.docker.distribution.manifest.list.v2+json",
  dockerConfig: "application/vnd.docker.container.image.v1+json",
  dockerLayerGzip: "application/vnd.docker.image.rootfs.diff.tar.gzip",
  dockerForeignLayerGzip: "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip"
};
var MANIFEST_ACCEPT = [
  MediaType.ociIndex,
  MediaType.ociManifest,
  MediaType.dockerManifestList,
  MediaType.dockerManifest
];
var INDEX_TYPES = [MediaType.ociIndex, MediaType.dockerManifestList];
var IMAGE_MANIFEST_TYPES = [
  MediaType.ociManifest,
  MediaType.dockerManifest
];
var MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
function isIndex(mediaType, doc) {
  if (mediaType && INDEX_TYPES.includes(mediaType)) return true;
  return !!doc && typeof doc === "object" && Array.isArray(doc.manifests);
}
function parsePlatform(value) {
  const parts = value.trim().split("/");
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => p === "")) {
    throw new Error(
      `Invalid platform ${JSON.stringify(value)}: expected os/architecture[/variant], e.g. linux/amd64 or linux/arm64/v8.`
    );
  }
  const [os, architecture, variant] = parts;
  return variant ? { os, architecture, variant } : { os, architecture };
}
function formatPlatform(p) {
  return [p.os, p.architecture, p.variant].filter(Boolean).join("/");
}
function platformMatches(want, have) {
  if (!have) return false;
  if (want.os !== have.os || want.architecture !== have.architecture) return false;
  if (!want.variant) return true;
  const norm = (p) => p.architecture === "arm64" && !p.variant ? "v8" : p.variant;
  return norm(want) === norm(have);
}

export {
  MediaType,
  MANIFEST_ACCEPT,
  INDEX_TYPES,
  MAX_MANIFEST_BYTES,
  isIndex,
  parsePlatform,
  formatPlatform,
  platformMatches
};
