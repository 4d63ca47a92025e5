/** Blobs: digest-verified streams, whole small blobs with a size cap, existence checks. */
import { createHash } from 'node:crypto'
import { Readable, Transform } from 'node:stream'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import { RegistryError } from './errors.js'
import type { RegistryTransport } from './http.js'
import { formatRepository, type RepositoryRef } from './reference.js'

/**
 * A blob as a stream. Bytes are hashed as they pass; the stream errors with a
 * `digest-mismatch` RegistryError at the end if they do not match `digest` (or `size`).
 */
export async function getBlob(
  t: RegistryTransport,
  repo: RepositoryRef,
  digest: string,
  opts: { size?: number } = {},
): Promise<Readable> {
  const what = `download blob ${digest} of ${formatRepository(repo)}`
  if (!digest.startsWith('sha256:')) {
    throw new RegistryError('invalid-response', `${what}: only sha256 digests are supported.`)
  }
  const res = await t.request({
    repo,
    method: 'GET',
    path: `blobs/${digest}`,
    action: 'pull',
    what,
    stream: true,
  })
  if (!res.body) throw new RegistryError('invalid-response', `${what}: the registry sent no body.`)
  return verifyingStream(
    Readable.fromWeb(res.body as WebReadableStream<Uint8Array>),
    digest,
    opts.size,
    what,
  )
}

/**
 * `source` passed through a sha256: the stream errors with a `digest-mismatch` RegistryError
 * at its end when the bytes do not match `digest` (or `size`). Readers act on the content
 * only once the stream ended cleanly.
 */
export function verifyingStream(
  source: Readable,
  digest: string,
  size: number | undefined,
  what: string,
): Readable {
  const hash = createHash('sha256')
  let seen = 0
  const verify = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk)
      seen += chunk.length
      done(null, chunk)
    },
    flush(done) {
      const got = `sha256:${hash.digest('hex')}`
      if (got !== digest || (size !== undefined && seen !== size)) {
        done(
          new RegistryError(
            'digest-mismatch',
            `${what}: received ${seen} bytes with digest ${got}, expected ${digest}${size !== undefined ? ` (${size} bytes)` : ''}. The download was corrupted or tampered with.`,
          ),
        )
        return
      }
      done()
    },
  })
  source.on('error', (error) => verify.destroy(error))
  return source.pipe(verify)
}

/** A whole blob in memory (configs, small artifacts), digest-checked; refuses more than `maxBytes`. */
export function getBlobBytes(
  t: RegistryTransport,
  repo: RepositoryRef,
  digest: string,
  opts: { maxBytes?: number } = {},
): Promise<Buffer> {
  return readBounded(
    () => getBlob(t, repo, digest),
    `download blob ${digest} of ${formatRepository(repo)}`,
    opts.maxBytes,
  )
}

/** Reads a (verifying) blob stream whole, refusing more than `maxBytes` (default 64 MiB). */
export async function readBounded(
  open: () => Promise<Readable>,
  what: string,
  maxBytes = 64 * 1024 * 1024,
): Promise<Buffer> {
  const stream = await open()
  const chunks: Buffer[] = []
  let total = 0
  for await (const chunk of stream) {
    total += (chunk as Buffer).length
    if (total > maxBytes) {
      stream.destroy()
      throw new RegistryError(
        'too-large',
        `${what}: larger than ${maxBytes} bytes, refusing to buffer it.`,
      )
    }
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}

/** Whether the repository already has a blob. */
export async function hasBlob(
  t: RegistryTransport,
  repo: RepositoryRef,
  digest: string,
): Promise<boolean> {
  const res = await t.request({
    repo,
    method: 'HEAD',
    path: `blobs/${digest}`,
    action: 'pull',
    what: `check blob ${digest} of ${formatRepository(repo)}`,
    accept: [404],
  })
  return res.status !== 404
}

export function sha256(bytes: Buffer | Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`
}
