/**
 * Streams an image's layers in order into a LayeredFilesystem, decompressing on the fly
 * (gzip, zstd, none) and keeping only the content of files `wanted` selects. Memory stays
 * bounded by the largest kept file, never by the layer size.
 */
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createGunzip, createZstdDecompress } from 'node:zlib'
import { extract, type Header } from 'tar-stream'
import type { Logger } from '../../src/logger.js'
import { RegistryError } from '../../src/registry/errors.js'
import type { Descriptor } from '../../src/registry/media-types.js'
import { LayeredFilesystem, normalizePath } from './filesystem.js'
import { DEFAULT_LIMITS, ImageLimitError, type ReadLimits } from './limits.js'
import { tarGuard } from './tar-guard.js'

/** A kept file bigger than this is refused: no real dpkg status or passwd comes close. */
export const MAX_KEPT_FILE = 64 * 1024 * 1024

export type Compression = 'gzip' | 'zstd' | 'none'

export function compressionOf(mediaType: string): Compression {
  if (/(\+|\.)gzip$/.test(mediaType) || mediaType.endsWith('.tar.gzip')) return 'gzip'
  if (mediaType.endsWith('+zstd')) return 'zstd'
  if (
    mediaType === 'application/vnd.oci.image.layer.v1.tar' ||
    mediaType === 'application/vnd.oci.image.layer.nondistributable.v1.tar' ||
    mediaType === 'application/vnd.docker.image.rootfs.diff.tar'
  ) {
    return 'none'
  }
  throw new Error(
    `Layer media type ${mediaType} is not a container filesystem layer (gzip, zstd or plain tar); this image cannot be analysed.`,
  )
}

export interface LayerSource {
  /** A digest-verifying stream of the compressed layer blob. */
  open(layer: Descriptor): Promise<Readable>
}

export interface ApplyOptions {
  limits?: ReadLimits
  /** Aborted when the image's read deadline passes: stops between entries with its reason. */
  signal?: AbortSignal
}

/** Applies one layer's tar stream to the filesystem. */
export async function applyLayer(
  fs: LayeredFilesystem,
  tar: Readable,
  layerIndex: number,
  wanted: (path: string) => boolean,
  opts: ApplyOptions = {},
): Promise<void> {
  const limits = opts.limits ?? DEFAULT_LIMITS
  const ex = extract()
  const guard = tarGuard(limits)
  const done = new Promise<void>((resolve, reject) => {
    ex.on('entry', (header: Header, entryStream: unknown, next: (err?: Error | null) => void) => {
      const stream = entryStream as Readable
      try {
        opts.signal?.throwIfAborted()
        checkPaths(header, limits)
        const keep = applyEntry(fs, header, layerIndex, wanted)
        if (!keep) {
          stream.on('end', () => next())
          stream.resume()
          return
        }
        const chunks: Buffer[] = []
        let size = 0
        stream.on('data', (c: Buffer) => {
          size += c.length
          if (size > MAX_KEPT_FILE) {
            stream.destroy(
              new Error(
                `${header.name} in layer ${layerIndex + 1} is over ${MAX_KEPT_FILE} bytes; refusing to read it.`,
              ),
            )
            return
          }
          chunks.push(c)
        })
        stream.on('error', (e: Error) => next(e))
        stream.on('end', () => {
          keep(Buffer.concat(chunks))
          next()
        })
      } catch (error) {
        stream.resume()
        next(error as Error)
      }
    })
    ex.on('finish', () => resolve())
    ex.on('error', reject)
  })
  await Promise.all([pipeline(tar, guard, ex), done])
}

/** Names past PATH_MAX come only from PAX or GNU long headers, and only from hostile layers. */
function checkPaths(header: Header, limits: ReadLimits) {
  for (const [what, value] of [
    ['path', header.name],
    ['link target', header.linkname],
  ] as const) {
    const bytes = value ? Buffer.byteLength(value) : 0
    if (bytes > limits.maxPath) {
      throw new ImageLimitError(
        `an entry has a ${what === 'path' ? 'path' : 'link target'} of ${bytes} bytes, longer than ${limits.maxPath} (PATH_MAX); the layer is malformed or hostile.`,
      )
    }
  }
}

/**
 * Records one tar entry; returns a callback to receive its content when it is wanted.
 * Whiteout markers change what lower layers left and are not files themselves.
 */
function applyEntry(
  fs: LayeredFilesystem,
  header: Header,
  layer: number,
  wanted: (path: string) => boolean,
): ((content: Buffer) => void) | undefined {
  const raw = normalizePath(header.name)
  if (raw === '') return undefined
  const slash = raw.lastIndexOf('/')
  const base = raw.slice(slash + 1)
  if (base.startsWith('.wh.')) {
    const dir = fs.placement(slash === -1 ? '' : raw.slice(0, slash))
    if (base === '.wh..wh..opq') fs.opaque(dir, layer)
    else fs.whiteout(dir === '' ? base.slice(4) : `${dir}/${base.slice(4)}`, layer)
    return undefined
  }
  const path = fs.placement(raw)
  switch (header.type) {
    case 'directory':
      fs.set(path, { type: 'dir', layer })
      return undefined
    case 'symlink':
      fs.set(path, { type: 'symlink', layer, target: header.linkname ?? '' })
      return undefined
    case 'link': {
      // Hard link: same content as the target, which an earlier entry of this layer wrote.
      const targetPath = fs.placement(normalizePath(header.linkname ?? ''))
      const target = fs.lstat(targetPath)
      if (target?.type === 'file') {
        const linkOf = target.linkOf ?? targetPath
        const node = target.content
          ? { type: 'file' as const, layer, size: target.size, content: target.content, linkOf }
          : { type: 'file' as const, layer, size: target.size, linkOf }
        fs.set(path, node)
      } else {
        fs.set(path, { type: 'file', layer, size: 0 })
      }
      return undefined
    }
    case 'file':
    case 'contiguous-file':
    case null:
    case undefined: {
      const size = header.size ?? 0
      if (!wanted(path)) {
        fs.set(path, { type: 'file', layer, size })
        return undefined
      }
      return (content) => fs.set(path, { type: 'file', layer, size, content })
    }
    default:
      // Devices, FIFOs: present, never read.
      fs.set(path, { type: 'file', layer, size: 0 })
      return undefined
  }
}

function decompressor(kind: Compression) {
  if (kind === 'gzip') return createGunzip({ chunkSize: 256 * 1024 })
  if (kind === 'zstd') return createZstdDecompress({ chunkSize: 256 * 1024 })
  return undefined
}

/** Reads every layer, in order, into one filesystem. */
export async function readLayers(
  layers: Descriptor[],
  source: LayerSource,
  wanted: (path: string) => boolean,
  logger?: Logger,
  opts: ApplyOptions = {},
): Promise<LayeredFilesystem> {
  const limits = opts.limits ?? DEFAULT_LIMITS
  if (layers.length > limits.maxLayers) {
    throw new ImageLimitError(
      `The image has ${layers.length} layers, more than the ${limits.maxLayers} Shipgate reads (a Docker engine runs at most 127); it is malformed or hostile, so it cannot pass.`,
    )
  }
  const fs = new LayeredFilesystem(limits)
  for (const [i, layer] of layers.entries()) {
    opts.signal?.throwIfAborted()
    const kind = compressionOf(layer.mediaType)
    logger?.debug(
      `base-image: layer ${i + 1}/${layers.length} ${layer.digest} (${kind}, ${layer.size} bytes)`,
    )
    const blob = await source.open(layer)
    const inflate = decompressor(kind)
    const tar = inflate ? blob.pipe(inflate) : blob
    if (inflate) blob.on('error', (e) => inflate.destroy(e))
    try {
      await applyLayer(fs, tar, i, wanted, { ...opts, limits })
    } catch (error) {
      blob.destroy()
      if (opts.signal?.aborted) throw opts.signal.reason
      if (error instanceof RegistryError) throw error
      if (error instanceof ImageLimitError) {
        throw new ImageLimitError(
          `Layer ${i + 1} of ${layers.length} (${layer.digest}): ${error.message} It cannot be analysed, so it cannot pass.`,
          { cause: error },
        )
      }
      throw new Error(
        `Layer ${i + 1} of ${layers.length} (${layer.digest}) could not be read as a ${kind === 'none' ? '' : `${kind} `}tar: ${(error as Error).message}. The image is unreadable, so it cannot pass.`,
        { cause: error },
      )
    }
  }
  return fs
}
