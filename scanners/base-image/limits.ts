/**
 * What one image may cost to read. Every bound is far above what real images reach and far
 * below what exhausts a runner: a hostile layer of a megabyte can otherwise inflate to
 * gigabytes of headers and names held in memory.
 */
export interface ReadLimits {
  /** Layers in one image manifest (a Docker engine cannot run more than 127). */
  maxLayers: number
  /** Bytes of one PAX extended header (`x`, `g`): paths, times, a few xattrs fit in far less. */
  maxPaxHeader: number
  /** Bytes of one GNU long name or long link header (`L`, `K`): a path plus NUL. */
  maxLongName: number
  /** Longest path or link target of one entry, in bytes (Linux PATH_MAX). */
  maxPath: number
  /** Paths the merged filesystem may hold at once. */
  maxFiles: number
  /** Bytes of all paths the merged filesystem holds at once. */
  maxPathBytes: number
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxLayers: 256,
  maxPaxHeader: 256 * 1024,
  maxLongName: 8 * 1024,
  maxPath: 4096,
  maxFiles: 800_000,
  maxPathBytes: 96 * 1024 * 1024,
}

/** A bound was hit: the image cannot be analysed, so it cannot pass. Never retried. */
export class ImageLimitError extends Error {
  override name = 'ImageLimitError'
}
