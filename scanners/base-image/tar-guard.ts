/**
 * A pass-through check of a tar stream's headers, placed before the tar parser: it refuses a
 * PAX or GNU long-name header larger than the limit before the parser buffers it whole (the
 * parser would accept 4 MiB each, and a megabyte of gzip holds hundreds of them). It only
 * reads headers and counts bytes; the data passes unchanged.
 *
 * To stay in step with the parser it follows the same rules: all-zero blocks are skipped, a
 * directory's size is not followed by data, and a PAX `size` record overrides the size of the
 * entry it precedes.
 */
import { Transform, type TransformCallback } from 'node:stream'
import { ImageLimitError, type ReadLimits } from './limits.js'

const BLOCK = 512

export function tarGuard(limits: Pick<ReadLimits, 'maxPaxHeader' | 'maxLongName'>): Transform {
  let header = Buffer.alloc(0)
  /** Bytes of entry data (with padding) still to pass before the next header. */
  let skip = 0
  /** The PAX header being read, kept only to find a `size` record (bounded by maxPaxHeader). */
  let pax: { global: boolean; size: number; chunks: Buffer[]; got: number } | undefined
  let paxSize: number | undefined
  let globalPaxSize: number | undefined

  const onHeader = (block: Buffer): void => {
    if (checksumBase(block) === 8 * 32) return // an all-zero block: end-of-archive or padding
    const type = String.fromCharCode(block[156] ?? 0)
    let size = parseSize(block)
    if (type === 'x' || type === 'g') {
      if (size > limits.maxPaxHeader) {
        throw new ImageLimitError(
          `a PAX header of ${size} bytes, over the ${limits.maxPaxHeader} bytes any real image needs; the layer is malformed or hostile.`,
        )
      }
      pax = { global: type === 'g', size, chunks: [], got: 0 }
      skip = padded(size)
      return
    }
    if (type === 'L' || type === 'K') {
      if (size > limits.maxLongName) {
        throw new ImageLimitError(
          `a GNU long ${type === 'L' ? 'name' : 'link'} header of ${size} bytes, over the ${limits.maxLongName} bytes a path can need; the layer is malformed or hostile.`,
        )
      }
      skip = padded(size)
      return
    }
    const override = paxSize ?? globalPaxSize
    paxSize = undefined
    if (override !== undefined) size = override
    skip = type === '5' ? 0 : padded(size)
  }

  const endPax = () => {
    if (!pax) return
    const size = paxSizeRecord(Buffer.concat(pax.chunks))
    if (pax.global) globalPaxSize = size
    else paxSize = size ?? globalPaxSize
    pax = undefined
  }

  return new Transform({
    transform(chunk: Buffer, _enc, done: TransformCallback) {
      try {
        let at = 0
        while (at < chunk.length) {
          if (skip > 0) {
            const n = Math.min(skip, chunk.length - at)
            if (pax && pax.got < pax.size) {
              const take = Math.min(n, pax.size - pax.got)
              pax.chunks.push(chunk.subarray(at, at + take))
              pax.got += take
            }
            skip -= n
            at += n
            if (skip === 0) endPax()
            continue
          }
          const need = BLOCK - header.length
          const part = chunk.subarray(at, at + need)
          header = header.length === 0 ? Buffer.from(part) : Buffer.concat([header, part])
          at += part.length
          if (header.length === BLOCK) {
            const block = header
            header = Buffer.alloc(0)
            onHeader(block)
            if (skip === 0) endPax()
          }
        }
        done(null, chunk)
      } catch (error) {
        done(error as Error)
      }
    },
  })
}

const padded = (n: number) => Math.ceil(n / BLOCK) * BLOCK

/** The checksum as tar computes it (the checksum field counted as spaces). */
function checksumBase(block: Buffer): number {
  let sum = 0
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : (block[i] as number)
  return sum
}

/** The size field: octal text, or base-256 when the high bit of its first byte is set. */
function parseSize(block: Buffer): number {
  const field = block.subarray(124, 136)
  if ((field[0] as number) & 0x80) {
    let n = 0
    for (let i = 1; i < field.length; i++) n = n * 256 + (field[i] as number)
    return field[0] === 0xff ? -1 : n
  }
  const text = field.toString('latin1').replace(/\0.*$/s, '').trim()
  return text === '' ? 0 : Number.parseInt(text, 8) || 0
}

/** The `size` record of a PAX header, if any. */
function paxSizeRecord(buf: Buffer): number | undefined {
  const m = /(?:^|\n)\d+ size=(\d+)\n/.exec(buf.toString('latin1'))
  return m?.[1] === undefined ? undefined : Number(m[1])
}
