import { createRequire } from 'node:module';
import { R as RegistryError } from './chunk-Ca65EcXZ.js';
import { x as formatRepository } from './chunk-BAQxG8PF.js';
import { createHash } from 'node:crypto';
import { Transform, PassThrough, Readable } from 'node:stream';
import { createWriteStream, rmSync, createReadStream } from 'node:fs';
import { rm, mkdir, mkdtemp, rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

createRequire(import.meta.url);
async function getBlob(t, repo, digest, opts = {}) {
  const what = `download blob ${digest} of ${formatRepository(repo)}`;
  if (!digest.startsWith("sha256:")) {
    throw new RegistryError("invalid-response", `${what}: only sha256 digests are supported.`);
  }
  const res = await t.request({
    repo,
    method: "GET",
    path: `blobs/${digest}`,
    action: "pull",
    what,
    stream: true
  });
  if (!res.body) throw new RegistryError("invalid-response", `${what}: the registry sent no body.`);
  return verifyingStream(
    Readable.fromWeb(res.body),
    digest,
    opts.size,
    what
  );
}
function verifyingStream(source, digest, size, what) {
  const hash = createHash("sha256");
  let seen = 0;
  const verify = new Transform({
    transform(chunk, _enc, done) {
      hash.update(chunk);
      seen += chunk.length;
      done(null, chunk);
    },
    flush(done) {
      const got = `sha256:${hash.digest("hex")}`;
      if (got !== digest || size !== void 0 && seen !== size) {
        done(
          new RegistryError(
            "digest-mismatch",
            `${what}: received ${seen} bytes with digest ${got}, expected ${digest}${size !== void 0 ? ` (${size} bytes)` : ""}. The download was corrupted or tampered with.`
          )
        );
        return;
      }
      done();
    }
  });
  source.on("error", (error) => verify.destroy(error));
  return source.pipe(verify);
}
async function readBounded(open, what, maxBytes = 64 * 1024 * 1024) {
  const stream = await open();
  const chunks = [];
  let total = 0;
  for await (const chunk of stream) {
    total += chunk.length;
    if (total > maxBytes) {
      stream.destroy();
      throw new RegistryError(
        "too-large",
        `${what}: larger than ${maxBytes} bytes, refusing to buffer it.`
      );
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
async function hasBlob(t, repo, digest) {
  const res = await t.request({
    repo,
    method: "HEAD",
    path: `blobs/${digest}`,
    action: "pull",
    what: `check blob ${digest} of ${formatRepository(repo)}`,
    accept: [404]
  });
  return res.status !== 404;
}
function sha256(bytes) {
  return `sha256:${createHash("sha256").update(bytes).digest("hex")}`;
}
var DEFAULT_BLOB_CACHE_BYTES = 2 * 1024 * 1024 * 1024;
var DIGEST = /^sha256:[a-f0-9]{64}$/;
var temporaryDirs = /* @__PURE__ */ new Set();
var exitHook = false;
function removeAtExit(dir) {
  temporaryDirs.add(dir);
  if (exitHook) return;
  exitHook = true;
  process.once("exit", () => {
    for (const d of temporaryDirs) rmSync(d, { recursive: true, force: true });
  });
}
var BlobCache = class {
  maxBytes;
  fixedDir;
  dirReady;
  entries = /* @__PURE__ */ new Map();
  pending = /* @__PURE__ */ new Map();
  used = 0;
  clock = 0;
  tmp = 0;
  stats = { downloads: 0, hits: 0, bypassed: 0 };
  constructor(opts = {}) {
    this.maxBytes = opts.maxBytes ?? DEFAULT_BLOB_CACHE_BYTES;
    this.fixedDir = opts.dir;
  }
  /** Bytes currently held on disk. */
  get size() {
    return this.used;
  }
  /**
   * The blob `digest` as a verifying stream: from disk when an earlier read cached it, else
   * from `download` (itself digest-verifying), stored first when it fits the budget. Two reads
   * of the same digest at once share one download.
   */
  async open(digest, size, download, signal) {
    if (!DIGEST.test(digest) || size === void 0 || size > this.maxBytes) {
      this.stats.bypassed++;
      return download();
    }
    let entry = this.entries.get(digest);
    if (!entry) {
      const filling = this.pending.get(digest);
      if (!filling) {
        let settle = () => {
        };
        const stored = new Promise((resolve) => {
          settle = resolve;
        });
        this.pending.set(
          digest,
          stored.finally(() => this.pending.delete(digest))
        );
        try {
          const tee = await this.tee(digest, size, download);
          tee.stored.then(settle);
          return tee.stream;
        } catch (error) {
          settle(void 0);
          throw error;
        }
      }
      entry = await abortable(filling, signal);
      if (!entry) {
        this.stats.bypassed++;
        return download();
      }
      this.stats.hits++;
    } else {
      this.stats.hits++;
    }
    entry.lastUsed = ++this.clock;
    return this.read(digest, entry);
  }
  /** Resolves when every copy being written has become an entry (or was dropped). */
  async idle() {
    while (this.pending.size > 0) await Promise.all(this.pending.values());
  }
  /** Removes every cached blob and the directory. */
  async close() {
    const dir = this.dirReady && await this.dirReady.catch(() => void 0);
    this.entries.clear();
    this.used = 0;
    if (dir && !this.fixedDir) {
      await rm(dir, { recursive: true, force: true });
      temporaryDirs.delete(dir);
    }
  }
  dir() {
    this.dirReady ??= (async () => {
      if (this.fixedDir) {
        await mkdir(this.fixedDir, { recursive: true });
        return this.fixedDir;
      }
      const dir = await mkdtemp(join(process.env.RUNNER_TEMP || tmpdir(), "shipgate-blobs-"));
      removeAtExit(dir);
      return dir;
    })();
    return this.dirReady;
  }
  /**
   * Streams a download of known size to its first reader and, at the same time, to a
   * temporary file that becomes an entry only when the download ended with a matching digest.
   * `stored` never rejects: later readers then download for themselves.
   */
  async tee(digest, size, download) {
    const dir = await this.dir();
    const part = join(dir, `${digest.slice(7)}.${++this.tmp}.part`);
    const source = await download();
    this.stats.downloads++;
    let seen = 0;
    const counter = new Transform({
      transform: (chunk, _enc, done) => {
        seen += chunk.length;
        if (seen > size) {
          done(
            new RegistryError(
              "digest-mismatch",
              `blob ${digest}: the registry sent more than the ${size} bytes its descriptor declares.`
            )
          );
          return;
        }
        done(null, chunk);
      }
    });
    const reader = new PassThrough();
    const file = createWriteStream(part);
    source.on("error", (error) => counter.destroy(error));
    source.pipe(counter);
    counter.pipe(reader);
    counter.pipe(file);
    let ended = false;
    counter.on("end", () => {
      ended = true;
    });
    reader.on("close", () => {
      if (!ended) counter.destroy(new Error(`the reader of blob ${digest} stopped early`));
    });
    const stored = new Promise((resolve) => {
      let failed = false;
      counter.on("error", (error) => {
        failed = true;
        reader.destroy(error);
        file.destroy();
        rm(part, { force: true }).finally(() => resolve(void 0));
      });
      file.on("error", () => {
        failed = true;
        rm(part, { force: true }).finally(() => resolve(void 0));
      });
      file.on("finish", () => {
        if (failed) return;
        this.makeRoom(seen);
        const path = join(dir, digest.slice(7));
        rename(part, path).then(
          () => {
            const entry = { path, size: seen, lastUsed: ++this.clock };
            this.entries.set(digest, entry);
            this.used += seen;
            resolve(entry);
          },
          () => resolve(void 0)
        );
      });
    });
    return { stream: reader, stored };
  }
  /** Drops least recently used blobs until `bytes` fit (an open reader keeps its file). */
  makeRoom(bytes) {
    const byAge = [...this.entries.entries()].sort((a, b) => a[1].lastUsed - b[1].lastUsed);
    for (const [digest, entry] of byAge) {
      if (this.used + bytes <= this.maxBytes) break;
      this.entries.delete(digest);
      this.used -= entry.size;
      rmSync(entry.path, { force: true });
    }
  }
  read(digest, entry) {
    const stream = verifyingStream(
      createReadStream(entry.path),
      digest,
      entry.size,
      `read cached blob ${digest}`
    );
    stream.once("error", (error) => {
      if (error instanceof RegistryError && error.kind === "digest-mismatch") {
        if (this.entries.get(digest) === entry) {
          this.entries.delete(digest);
          this.used -= entry.size;
          rmSync(entry.path, { force: true });
        }
      }
    });
    return stream;
  }
};
function abortable(promise, signal) {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const stop = () => reject(signal.reason);
    signal.addEventListener("abort", stop, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener("abort", stop);
        resolve(v);
      },
      (e) => {
        signal.removeEventListener("abort", stop);
        reject(e);
      }
    );
  });
}

export { BlobCache as B, getBlob as g, hasBlob as h, readBounded as r, sha256 as s };
