import { createRequire } from 'node:module';

createRequire(import.meta.url);

// src/registry/media-types.ts
var MediaType = {
  ociManifest: "application/vnd.oci.image.manifest.v1+json",
  ociIndex: "application/vnd.oci.image.index.v1+json",
  ociConfig: "application/vnd.oci.image.config.v1+json",
  dockerManifest: "application/vnd.docker.distribution.manifest.v2+json",
  dockerManifestList: "application/vnd.docker.distribution.manifest.list.v2+json",
  dockerConfig: "application/vnd.docker.container.image.v1+json"};
var MANIFEST_ACCEPT = [
  MediaType.ociIndex,
  MediaType.ociManifest,
  MediaType.dockerManifestList,
  MediaType.dockerManifest
];
var INDEX_TYPES = [MediaType.ociIndex, MediaType.dockerManifestList];
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

export { INDEX_TYPES as I, MANIFEST_ACCEPT as M, platformMatches as a, MediaType as b, MAX_MANIFEST_BYTES as c, formatPlatform as f, isIndex as i, parsePlatform as p };
