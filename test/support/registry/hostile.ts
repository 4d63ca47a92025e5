/**
 * Hostile layers and registries for resource-exhaustion tests, generated on the fly: raw tar
 * headers written by hand (no tar library would produce them), gzip-streamed so a gigabyte of
 * tar never sits in memory, and an HTTP registry that drips its answers.
 */
import { createHash } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Readable } from 'node:stream'
import { createGzip, gzipSync } from 'node:zlib'
import { MediaType } from '../../../src/registry/media-types.js'

/** One 512-byte ustar header block. */
export function tarHeader(name: string, typeflag: string, size: number): Buffer {
  const h = Buffer.alloc(512)
  h.write(name.slice(0, 100), 0, 'utf8')
  h.write('0000644\0', 100)
  h.write('0000000\0', 108)
  h.write('0000000\0', 116)
  h.write(`${size.toString(8).padStart(11, '0')}\0`, 124)
  h.write('00000000000\0', 136)
  h.write('        ', 148)
  h.write(typeflag, 156)
  h.write('ustar\0', 257)
  h.write('00', 263)
  let sum = 0
  for (const b of h) sum += b
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148)
  return h
}

const pad = (n: number) => Buffer.alloc((512 - (n % 512)) % 512)

/** A PAX record `LEN key=value\n`, LEN counting itself. */
export function paxRecord(key: string, value: string): Buffer {
  const body = ` ${key}=${value}\n`
  let len = body.length + 1
  while (`${len}${body}`.length !== len) len++
  return Buffer.from(`${len}${body}`)
}

export type HostileKind =
  /** Each entry preceded by a PAX header whose `path` is `nameBytes` long. */
  | 'pax-path'
  /** Each entry preceded by a GNU long-name (`L`) header of `nameBytes`. */
  | 'gnu-longname'
  /** Plain empty files with short distinct names: the entry count is the attack. */
  | 'many-entries'

/** The uncompressed tar of `count` hostile entries, as a stream of blocks. */
export function* hostileTar(kind: HostileKind, count: number, nameBytes = 0): Generator<Buffer> {
  const filler = 'a'.repeat(nameBytes)
  for (let i = 0; i < count; i++) {
    if (kind === 'pax-path') {
      const record = paxRecord('path', `${i}/${filler}`)
      yield Buffer.concat([tarHeader('PaxHeader', 'x', record.length), record, pad(record.length)])
      yield tarHeader(`f${i}`, '0', 0)
    } else if (kind === 'gnu-longname') {
      const name = Buffer.from(`${i}/${filler}\0`)
      yield Buffer.concat([tarHeader('././@LongLink', 'L', name.length), name, pad(name.length)])
      yield tarHeader(`f${i}`, '0', 0)
    } else {
      yield tarHeader(`d${i % 1000}/f${i}`, '0', 0)
    }
  }
  yield Buffer.alloc(1024)
}

/** gzip of a generated tar at level 9: runs of `a` compress about 1000:1. */
export async function gzipStream(blocks: Iterable<Buffer>): Promise<Buffer> {
  const gz = createGzip({ level: 9 })
  const out: Buffer[] = []
  gz.on('data', (c: Buffer) => out.push(c))
  const done = new Promise<void>((resolve, reject) => {
    gz.on('end', resolve)
    gz.on('error', reject)
  })
  const source = Readable.from(blocks, { objectMode: false })
  source.pipe(gz)
  await done
  return Buffer.concat(out)
}

export const sha256 = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`

/**
 * A registry on 127.0.0.1 that serves one image quickly except for one blob, which it drips
 * one byte every `intervalMs` (never finishing in any reasonable time), and records requests.
 */
export async function startDrippingRegistry(opts: { intervalMs?: number } = {}) {
  const interval = opts.intervalMs ?? 2000
  // A real gzip tar, so the reader has no reason to stop before the drip runs out.
  const layer = gzipSync(Buffer.concat([...hostileTar('many-entries', 200)]))
  const config = Buffer.from(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      config: {},
      rootfs: { type: 'layers', diff_ids: [] },
    }),
  )
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MediaType.ociManifest,
      config: { mediaType: MediaType.ociConfig, digest: sha256(config), size: config.length },
      layers: [{ mediaType: MediaType.ociLayerGzip, digest: sha256(layer), size: layer.length }],
    }),
  )
  const requests: string[] = []
  const timers = new Set<NodeJS.Timeout>()
  const server: Server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`)
    const url = req.url ?? ''
    if (url === '/v2/') return void res.writeHead(200).end('{}')
    if (url.includes('/manifests/')) {
      res.writeHead(200, {
        'content-type': MediaType.ociManifest,
        'content-length': manifest.length,
      })
      return void res.end(manifest)
    }
    if (url.endsWith(sha256(config))) return void res.writeHead(200).end(config)
    if (url.endsWith(sha256(layer))) {
      res.writeHead(200, { 'content-length': layer.length })
      let sent = 0
      const timer = setInterval(() => {
        if (sent >= layer.length - 1 || res.destroyed) {
          clearInterval(timer)
          return
        }
        res.write(layer.subarray(sent, sent + 1))
        sent++
      }, interval)
      timers.add(timer)
      return
    }
    res.writeHead(404).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    ref: `127.0.0.1:${port}/drip/app:v1`,
    requests,
    async close() {
      for (const t of timers) clearInterval(t)
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
