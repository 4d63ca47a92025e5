import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { recordingLogger } from '../../src/logger.js'
import { runPipeline } from '../../src/pipeline.js'
import { BlobCache } from '../../src/registry/blob-cache.js'
import { sha256 } from '../../src/registry/blobs.js'
import { RegistryClient } from '../../src/registry/client.js'
import { baseImageStage } from '../../src/stages/base-image.js'
import { fixturePath } from '../support/fixtures.js'
import {
  type CountingProxy,
  pushTwoOnOneBase,
  startCountingProxy,
} from '../support/registry/counting-proxy.js'
import { type RunningRegistry, startRegistry } from '../support/registry/server.js'
import { STAND_IN, standIn } from '../support/trivy-stand-in/index.js'

const ALPINE = fixturePath('alpine-310.json.golden')

let reg: RunningRegistry
let proxy: CountingProxy
let refs: [string, string]
let blobs: string[]
let baseLayer: string

beforeAll(async () => {
  reg = await startRegistry('none')
  const pushed = await pushTwoOnOneBase(reg.host, 64 * 1024)
  proxy = await startCountingProxy(reg.host)
  refs = pushed.refs.map((r) => r.replace(reg.host, proxy.host)) as [string, string]
  blobs = pushed.blobs
  baseLayer = pushed.baseLayer
})
afterAll(async () => {
  await proxy?.close()
  await reg?.stop()
})

const stream = (bytes: Buffer) => async () => Readable.from([bytes])
async function drain(s: Readable): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const c of s) chunks.push(c as Buffer)
  return Buffer.concat(chunks)
}

describe('one download per blob per job', () => {
  it('two images on one base: every blob is fetched from the registry exactly once', async () => {
    proxy.requests.length = 0
    const trivy = standIn({ [refs[0]]: ALPINE, [refs[1]]: ALPINE })
    for (const [k, v] of Object.entries(trivy.env)) vi.stubEnv(k, v)
    const logger = recordingLogger()
    const cache = new BlobCache()
    try {
      const result = await runPipeline(
        {
          images: refs,
          failOn: 'CRITICAL',
          ignoreUnfixed: false,
          scanners: ['vuln'],
          timeout: '1m',
          outputDir: mkdtempSync(join(tmpdir(), 'blobs-')),
          concurrency: 2,
        },
        {
          logger,
          trivy: async () => ({ path: STAND_IN, skipDbUpdate: true }),
          now: () => new Date(),
          version: 'test',
          baseImage: baseImageStage(
            { mode: 'warn', allowedBaseImages: [], forbid: [] },
            {
              client: () => new RegistryClient({ insecure: true, retries: 0 }),
              logger,
              offline: false,
              timeoutMs: 60_000,
              blobCache: cache,
            },
          ),
        },
      )
      expect(result.errors).toEqual([])
      // Both images were judged from their own registry read, not skipped.
      expect(result.report.images.map((i) => i.baseImage?.source)).toEqual(['registry', 'registry'])
      const gets = proxy.blobGets()
      expect([...gets.keys()].sort()).toEqual([...blobs].sort())
      expect(Object.fromEntries(gets)).toEqual(Object.fromEntries(blobs.map((b) => [b, 1])))
      expect(gets.get(baseLayer)).toBe(1)
      expect(cache.stats.hits).toBeGreaterThanOrEqual(1)
    } finally {
      vi.unstubAllEnvs()
      await cache.close()
    }
  })
})

describe('the base-image check runs beside Trivy', () => {
  it('reads each image from the registry while its Trivy analysis is still running', async () => {
    proxy.requests.length = 0
    proxy.times.length = 0
    const times = join(mkdtempSync(join(tmpdir(), 'times-')), 'times.jsonl')
    const trivy = standIn({ [refs[0]]: ALPINE, [refs[1]]: ALPINE })
    for (const [k, v] of Object.entries(trivy.env)) vi.stubEnv(k, v)
    vi.stubEnv('STANDIN_SLEEP_MS', '1500')
    vi.stubEnv('STANDIN_TIMES', times)
    const logger = recordingLogger()
    try {
      const result = await runPipeline(
        {
          images: refs,
          failOn: 'CRITICAL',
          ignoreUnfixed: false,
          scanners: ['vuln'],
          timeout: '1m',
          outputDir: mkdtempSync(join(tmpdir(), 'beside-')),
          concurrency: 2,
        },
        {
          logger,
          trivy: async () => ({ path: STAND_IN, skipDbUpdate: true }),
          now: () => new Date(),
          version: 'test',
          baseImage: baseImageStage(
            { mode: 'warn', allowedBaseImages: [], forbid: [] },
            {
              client: () => new RegistryClient({ insecure: true, retries: 0 }),
              logger,
              offline: false,
              timeoutMs: 60_000,
            },
          ),
        },
      )
      expect(result.errors).toEqual([])
      const scans = readFileSync(times, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { image: string; start: number; end: number })
      for (const ref of refs) {
        const repo = ref.slice(proxy.host.length + 1).split(':')[0]
        const firstRead = proxy.requests.findIndex((r) =>
          r.startsWith(`GET /v2/${repo}/manifests/`),
        )
        const scan = scans.find((s) => s.image === ref)
        expect(firstRead, `no registry read of ${ref}`).toBeGreaterThanOrEqual(0)
        // An ordering, not a duration: the registry saw the read before Trivy was done.
        expect(proxy.times[firstRead]).toBeLessThan(scan?.end ?? 0)
      }
    } finally {
      vi.unstubAllEnvs()
    }
  })
})

describe('BlobCache', () => {
  const bytes = Buffer.from('layer bytes '.repeat(100))
  const digest = sha256(bytes)

  it('shares one download between simultaneous reads of the same digest', async () => {
    const cache = new BlobCache()
    const download = vi.fn(stream(bytes))
    const got = await Promise.all([1, 2, 3].map(() => cache.open(digest, bytes.length, download)))
    for (const s of got) expect(await drain(s)).toEqual(bytes)
    expect(download).toHaveBeenCalledTimes(1)
    // A later reader gets the stored copy.
    await cache.idle()
    expect(await drain(await cache.open(digest, bytes.length, download))).toEqual(bytes)
    expect(download).toHaveBeenCalledTimes(1)
    await cache.close()
  })

  it('never caches bytes that do not match the digest', async () => {
    const cache = new BlobCache()
    const forged = Buffer.alloc(bytes.length, 0x42)
    // What the registry transport does: a verifying stream that errors at its end.
    const download = vi.fn(async () => {
      const { verifyingStream } = await import('../../src/registry/blobs.js')
      return verifyingStream(Readable.from([forged]), digest, bytes.length, 'download blob')
    })
    for (const _ of [1, 2]) {
      await expect(drain(await cache.open(digest, bytes.length, download))).rejects.toMatchObject({
        kind: 'digest-mismatch',
      })
      await cache.idle()
      expect(cache.size).toBe(0)
    }
    expect(download).toHaveBeenCalledTimes(2)
    await cache.close()
  })

  it('refuses a cached copy changed on disk, and downloads it again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'blobcache-'))
    const cache = new BlobCache({ dir })
    const download = vi.fn(stream(bytes))
    await drain(await cache.open(digest, bytes.length, download))
    await cache.idle()
    // Someone with access to the runner's temp dir swaps the content.
    writeFileSync(join(dir, digest.slice(7)), Buffer.alloc(bytes.length, 0x41))
    await expect(drain(await cache.open(digest, bytes.length, download))).rejects.toMatchObject({
      kind: 'digest-mismatch',
    })
    expect(await drain(await cache.open(digest, bytes.length, download))).toEqual(bytes)
    expect(download).toHaveBeenCalledTimes(2)
    await cache.close()
  })

  it('refuses a blob longer than its descriptor as it arrives', async () => {
    const cache = new BlobCache()
    const download = vi.fn(stream(Buffer.concat([bytes, Buffer.from('more')])))
    await expect(drain(await cache.open(digest, bytes.length, download))).rejects.toMatchObject({
      kind: 'digest-mismatch',
    })
    await cache.idle()
    expect(cache.size).toBe(0)
    await cache.close()
  })

  it('stays within its byte budget: older blobs go, bigger ones are streamed uncached', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'blobcache-'))
    const cache = new BlobCache({ dir, maxBytes: 2500 })
    const blob = (n: number) => Buffer.alloc(1000, n)
    for (const n of [1, 2, 3]) {
      const b = blob(n)
      expect(await drain(await cache.open(sha256(b), b.length, stream(b)))).toEqual(b)
      await cache.idle()
      expect(cache.size).toBeLessThanOrEqual(2500)
    }
    expect(readdirSync(dir)).toHaveLength(2)
    const big = Buffer.alloc(3000, 9)
    expect(await drain(await cache.open(sha256(big), big.length, stream(big)))).toEqual(big)
    // Size unknown (configs): streamed straight from the registry, never written to disk.
    expect(await drain(await cache.open(sha256(big), undefined, stream(big)))).toEqual(big)
    await cache.idle()
    expect(readdirSync(dir).some((f) => f.startsWith(sha256(big).slice(7)))).toBe(false)
    expect(cache.stats.bypassed).toBe(2)
    expect(cache.size).toBeLessThanOrEqual(2500)
    await cache.close()
  })

  it('stops the copy when its reader stops early, so a hostile layer is not fetched for nobody', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'blobcache-'))
    const cache = new BlobCache({ dir })
    const big = Buffer.alloc(4 * 1024 * 1024, 7)
    let sent = 0
    const download = vi.fn(async () =>
      Readable.from(
        (function* () {
          for (let i = 0; i < big.length; i += 65536) {
            sent += 65536
            yield big.subarray(i, i + 65536)
          }
        })(),
      ),
    )
    const s = await cache.open(sha256(big), big.length, download)
    for await (const _ of s) break // a limit hit after the first chunk
    await cache.idle()
    expect(sent).toBeLessThan(big.length)
    expect(readdirSync(dir)).toEqual([])
    expect(await drain(await cache.open(sha256(big), big.length, download))).toEqual(big)
    expect(download).toHaveBeenCalledTimes(2)
    await cache.close()
  })

  it('never turns a hostile digest into a file path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'blobcache-'))
    const cache = new BlobCache({ dir })
    const evil = 'sha256:../../../../tmp/evil'
    const download = vi.fn(stream(bytes))
    await drain(await cache.open(evil, undefined, download))
    expect(cache.stats.bypassed).toBe(1)
    expect(readdirSync(dir)).toEqual([])
    await cache.close()
  })
})
