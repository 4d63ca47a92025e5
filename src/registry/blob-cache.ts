/**
 * A per-job cache of layer and config blobs, keyed by digest, so images that share a base are
 * read from the registry once. Blobs live on disk (never whole in memory) under a byte budget;
 * a blob enters the cache only after its bytes matched its digest, and every reuse hashes the
 * file again while it is read, so a copy changed on disk is refused like a tampered download.
 */
import { createReadStream, createWriteStream, rmSync } from 'node:fs'
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Readable } from 'node:stream'
import { PassThrough, Transform } from 'node:stream'
import { verifyingStream } from './blobs.js'
import { RegistryError } from './errors.js'

/** Default budget: enough for the shared base layers of typical images, far below a runner's 14 GB disk. */
export const DEFAULT_BLOB_CACHE_BYTES = 2 * 1024 * 1024 * 1024

const DIGEST = /^sha256:[a-f0-9]{64}$/

/** Temporary cache directories still on disk: removed when the process exits, by one listener. */
const temporaryDirs = new Set<string>()
let exitHook = false
function removeAtExit(dir: string): void {
  temporaryDirs.add(dir)
  if (exitHook) return
  exitHook = true
  process.once('exit', () => {
    for (const d of temporaryDirs) rmSync(d, { recursive: true, force: true })
  })
}

export interface BlobCacheOptions {
  /** Directory for cached blobs; a fresh temporary directory when omitted. Removed by `close`. */
  dir?: string
  /** Most bytes kept on disk; older blobs are dropped first, and a bigger blob is not cached. */
  maxBytes?: number
}

interface Entry {
  path: string
  size: number
  lastUsed: number
}

export interface BlobCacheStats {
  /** Blobs fetched from a registry through the cache. */
  downloads: number
  /** Reads served from disk. */
  hits: number
  /** Reads that went straight to the registry (over the budget, or the digest is not sha256). */
  bypassed: number
}

export class BlobCache {
  private readonly maxBytes: number
  private readonly fixedDir: string | undefined
  private dirReady: Promise<string> | undefined
  private readonly entries = new Map<string, Entry>()
  private readonly pending = new Map<string, Promise<Entry | undefined>>()
  private used = 0
  private clock = 0
  private tmp = 0
  readonly stats: BlobCacheStats = { downloads: 0, hits: 0, bypassed: 0 }

  constructor(opts: BlobCacheOptions = {}) {
    this.maxBytes = opts.maxBytes ?? DEFAULT_BLOB_CACHE_BYTES
    this.fixedDir = opts.dir
  }

  /** Bytes currently held on disk. */
  get size(): number {
    return this.used
  }

  /**
   * The blob `digest` as a verifying stream: from disk when an earlier read cached it, else
   * from `download` (itself digest-verifying), stored first when it fits the budget. Two reads
   * of the same digest at once share one download.
   */
  async open(
    digest: string,
    size: number | undefined,
    download: () => Promise<Readable>,
    signal?: AbortSignal,
  ): Promise<Readable> {
    // The digest names a file: anything but a well-formed sha256 goes straight to the registry.
    // So does a blob of unknown size (image configs, read whole under their own small cap):
    // writing it to disk first would let a hostile registry fill the disk before that cap.
    if (!DIGEST.test(digest) || size === undefined || size > this.maxBytes) {
      this.stats.bypassed++
      return download()
    }
    let entry = this.entries.get(digest)
    if (!entry) {
      const filling = this.pending.get(digest)
      if (!filling) {
        // Layers (size known): the first reader streams while the copy is written, so a
        // single image pays nothing for the cache. Registered before any await, so a second
        // reader of the same digest waits for this copy instead of downloading again.
        let settle: (entry: Entry | undefined) => void = () => {}
        const stored = new Promise<Entry | undefined>((resolve) => {
          settle = resolve
        })
        this.pending.set(
          digest,
          stored.finally(() => this.pending.delete(digest)),
        )
        try {
          const tee = await this.tee(digest, size, download)
          tee.stored.then(settle)
          return tee.stream
        } catch (error) {
          settle(undefined)
          throw error
        }
      }
      entry = await abortable(filling, signal)
      if (!entry) {
        this.stats.bypassed++
        return download()
      }
      this.stats.hits++
    } else {
      this.stats.hits++
    }
    entry.lastUsed = ++this.clock
    return this.read(digest, entry)
  }

  /** Resolves when every copy being written has become an entry (or was dropped). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all(this.pending.values())
  }

  /** Removes every cached blob and the directory. */
  async close(): Promise<void> {
    const dir = this.dirReady && (await this.dirReady.catch(() => undefined))
    this.entries.clear()
    this.used = 0
    if (dir && !this.fixedDir) {
      await rm(dir, { recursive: true, force: true })
      temporaryDirs.delete(dir)
    }
  }

  private dir(): Promise<string> {
    this.dirReady ??= (async () => {
      if (this.fixedDir) {
        await mkdir(this.fixedDir, { recursive: true })
        return this.fixedDir
      }
      const dir = await mkdtemp(join(process.env.RUNNER_TEMP || tmpdir(), 'shipgate-blobs-'))
      removeAtExit(dir)
      return dir
    })()
    return this.dirReady
  }

  /**
   * Streams a download of known size to its first reader and, at the same time, to a
   * temporary file that becomes an entry only when the download ended with a matching digest.
   * `stored` never rejects: later readers then download for themselves.
   */
  private async tee(
    digest: string,
    size: number,
    download: () => Promise<Readable>,
  ): Promise<{ stream: Readable; stored: Promise<Entry | undefined> }> {
    const dir = await this.dir()
    const part = join(dir, `${digest.slice(7)}.${++this.tmp}.part`)
    const source = await download()
    this.stats.downloads++
    let seen = 0
    const counter = new Transform({
      transform: (chunk: Buffer, _enc, done) => {
        seen += chunk.length
        if (seen > size) {
          done(
            new RegistryError(
              'digest-mismatch',
              `blob ${digest}: the registry sent more than the ${size} bytes its descriptor declares.`,
            ),
          )
          return
        }
        done(null, chunk)
      },
    })
    const reader = new PassThrough()
    const file = createWriteStream(part)
    source.on('error', (error) => counter.destroy(error))
    source.pipe(counter)
    counter.pipe(reader)
    counter.pipe(file)
    // A reader that stops early (a limit hit, a deadline) also stops the copy: a hostile layer
    // is not fetched to its end for nobody. Readers waiting for the copy then fetch it themselves.
    let ended = false
    counter.on('end', () => {
      ended = true
    })
    reader.on('close', () => {
      if (!ended) counter.destroy(new Error(`the reader of blob ${digest} stopped early`))
    })
    const stored = new Promise<Entry | undefined>((resolve) => {
      let failed = false
      counter.on('error', (error) => {
        failed = true
        reader.destroy(error)
        file.destroy()
        rm(part, { force: true }).finally(() => resolve(undefined))
      })
      file.on('error', () => {
        failed = true
        rm(part, { force: true }).finally(() => resolve(undefined))
      })
      file.on('finish', () => {
        if (failed) return
        this.makeRoom(seen)
        const path = join(dir, digest.slice(7))
        rename(part, path).then(
          () => {
            const entry: Entry = { path, size: seen, lastUsed: ++this.clock }
            this.entries.set(digest, entry)
            this.used += seen
            resolve(entry)
          },
          () => resolve(undefined),
        )
      })
    })
    return { stream: reader, stored }
  }

  /** Drops least recently used blobs until `bytes` fit (an open reader keeps its file). */
  private makeRoom(bytes: number): void {
    const byAge = [...this.entries.entries()].sort((a, b) => a[1].lastUsed - b[1].lastUsed)
    for (const [digest, entry] of byAge) {
      if (this.used + bytes <= this.maxBytes) break
      this.entries.delete(digest)
      this.used -= entry.size
      rmSync(entry.path, { force: true })
    }
  }

  private read(digest: string, entry: Entry): Readable {
    const stream = verifyingStream(
      createReadStream(entry.path),
      digest,
      entry.size,
      `read cached blob ${digest}`,
    )
    // A copy that no longer matches is never served again.
    stream.once('error', (error) => {
      if (error instanceof RegistryError && error.kind === 'digest-mismatch') {
        if (this.entries.get(digest) === entry) {
          this.entries.delete(digest)
          this.used -= entry.size
          rmSync(entry.path, { force: true })
        }
      }
    })
    return stream
  }
}

function abortable<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise
  if (signal.aborted) return Promise.reject(signal.reason)
  return new Promise<T>((resolve, reject) => {
    const stop = () => reject(signal.reason)
    signal.addEventListener('abort', stop, { once: true })
    promise.then(
      (v) => {
        signal.removeEventListener('abort', stop)
        resolve(v)
      },
      (e) => {
        signal.removeEventListener('abort', stop)
        reject(e)
      },
    )
  })
}
