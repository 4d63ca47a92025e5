/**
 * Issue 9 item 9: a hostile image cannot exhaust memory or time. Each attack is generated here
 * and fails with a clear error; memory is measured in a child process running dist/cli.js
 * (peak RSS from the kernel via process.resourceUsage at exit; a crash writes nothing and
 * fails the test). The 400 MB bound is generous on purpose: it is an attack assertion, not a
 * benchmark. No timing assertion: a read that does not stop is caught by the test's own
 * timeout.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { execa } from 'execa'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inspectImage } from '../../scanners/base-image/index.js'
import { ImageLimitError } from '../../scanners/base-image/limits.js'
import { RegistryClient } from '../../src/registry/client.js'
import { RegistryError } from '../../src/registry/errors.js'
import { MediaType } from '../../src/registry/media-types.js'
import { parseReference } from '../../src/registry/reference.js'
import { NODE, ROOT, reportFor, runAction } from '../support/e2e/runner.js'
import { fixturePath } from '../support/fixtures.js'
import {
  gzipStream,
  type HostileKind,
  hostileTar,
  paxRecord,
  startDrippingRegistry,
  tarHeader,
} from '../support/registry/hostile.js'
import { FixtureBuilder, tarOf } from '../support/registry/images.js'
import { type RunningRegistry, startRegistry } from '../support/registry/server.js'
import { standIn } from '../support/trivy-stand-in/index.js'

let reg: RunningRegistry
const client = new RegistryClient({ insecure: true, retries: 0 })

beforeAll(async () => {
  reg = await startRegistry('none')
})
afterAll(async () => {
  await reg?.stop()
})

async function pushHostile(tag: string, kind: HostileKind, count: number, nameBytes = 0) {
  const layer = await gzipStream(hostileTar(kind, count, nameBytes))
  const pushed = await new FixtureBuilder(reg.host).push({
    repo: 'hostile/layer',
    tag,
    layers: [{ bytes: layer, mediaType: MediaType.ociLayerGzip }],
    config: { config: {} },
  })
  return { ref: pushed.ref, gzipBytes: layer.length }
}

/** `shipgate inspect` through dist/cli.js, with the child's peak RSS in MB. */
async function inspectCli(ref: string, extra: string[] = []) {
  const dir = mkdtempSync(join(tmpdir(), 'rss-'))
  const preload = join(dir, 'rss.cjs')
  const out = join(dir, 'rss')
  writeFileSync(
    preload,
    // VmHWM, not resourceUsage().maxRSS: Linux carries ru_maxrss over fork and exec, so the
    // latter would report this (large) test process's peak, not the child's.
    `process.on('exit', () => { const fs = require('node:fs'); const kb = /VmHWM:\\s*(\\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))[1]; fs.writeFileSync(${JSON.stringify(out)}, kb) })\n`,
  )
  const r = await execa(
    NODE,
    ['-r', preload, join(ROOT, 'dist/cli.js'), 'inspect', ref, '--format', 'json', ...extra],
    { env: { PATH: process.env.PATH ?? '', HOME: dir }, extendEnv: false, reject: false },
  )
  let rssMb: number | undefined
  try {
    rssMb = Number(readFileSync(out, 'utf8')) / 1024
  } catch {
    rssMb = undefined // the process died before exit handlers ran (heap OOM)
  }
  console.log(`peak RSS ${rssMb} MB, exit ${r.exitCode}: ${r.stderr.slice(0, 300)}`)
  return { exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr, rssMb }
}

describe('hostile layers: header sizes and entry counts are capped', () => {
  it('a ~1 MB gzip layer of multi-megabyte PAX paths: clear error, peak RSS under 400 MB', async () => {
    const { ref, gzipBytes } = await pushHostile('pax', 'pax-path', 320, 3_500_000)
    expect(gzipBytes).toBeLessThan(2_000_000)
    const r = await inspectCli(ref)
    expect(r.stderr).toMatch(/PAX header of \d+ bytes.*over the \d+ bytes/)
    expect(r.stderr).toContain('Layer 1 of 1')
    expect(r.exitCode).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.rssMb).toBeDefined()
    expect(r.rssMb).toBeLessThan(400)
  }, 120_000)

  it('GNU long names: clear error, peak RSS under 400 MB', async () => {
    const { ref } = await pushHostile('gnu', 'gnu-longname', 320, 3_500_000)
    const r = await inspectCli(ref)
    expect(r.stderr).toMatch(/GNU long name header of \d+ bytes/)
    expect(r.exitCode).toBe(2)
    expect(r.rssMb).toBeLessThan(400)
  }, 120_000)

  it('a path longer than PATH_MAX inside an allowed PAX header is refused by name length', async () => {
    const { ref } = await pushHostile('longpath', 'pax-path', 3, 20_000)
    const error = await inspectImage(ref, { client }).catch((e: unknown) => e)
    expect((error as Error).message).toMatch(/a path of \d+ bytes, longer than 4096/)
  }, 60_000)

  it('the header check stays in step with the tar: a PAX size record and long PAX names of real tars pass', async () => {
    // Entry data that looks like a huge PAX header: read as a header only if the check lost
    // track of the PAX `size` record (600 bytes of data behind a ustar size of 0).
    const decoy = Buffer.concat([tarHeader('decoy', 'x', 10 * 1024 * 1024), Buffer.alloc(88)])
    const record = paxRecord('size', String(decoy.length))
    const passwd = Buffer.from(
      'root:x:0:0::/root:/sbin/nologin\napp:x:1000:1000::/:/sbin/nologin\n',
    )
    const layer = Buffer.concat([
      tarHeader('PaxHeader', 'x', record.length),
      record,
      Buffer.alloc(512 - record.length),
      tarHeader('data.bin', '0', 0),
      decoy,
      Buffer.alloc(512 - (decoy.length % 512)),
      // tar-stream writes a PAX path header for a name over 100 bytes, as real tools do.
      await tarOf([
        { name: `${'deep/'.repeat(40)}file`, type: 'file', content: 'x' },
        { name: 'etc/passwd', type: 'file', content: passwd },
      ]),
    ])
    const pushed = await new FixtureBuilder(reg.host).push({
      repo: 'hostile/sync',
      tag: 'v1',
      layers: [{ bytes: gzipSync(layer), mediaType: MediaType.ociLayerGzip }],
      config: { config: { User: 'app' } },
    })
    const facts = await inspectImage(pushed.ref, { client })
    expect(facts.runsAsRoot).toBe(false)
    expect(facts.uid).toBe(1000)
  }, 60_000)

  it('more entries than any real image: clear error, peak RSS under 400 MB', async () => {
    const { ref } = await pushHostile('many', 'many-entries', 850_000)
    const r = await inspectCli(ref)
    expect(r.stderr).toMatch(/more than 800000 files/)
    expect(r.exitCode).toBe(2)
    expect(r.rssMb).toBeLessThan(400)
  }, 300_000)
})

describe('hostile registries: an overall deadline and a layer cap', () => {
  it('a manifest of 3,000 layers is refused before any layer is read', async () => {
    const b = new FixtureBuilder(reg.host)
    const layer = await b.client.putBlob(
      parseReference(`${reg.host}/hostile/layers`),
      await gzipStream(hostileTar('many-entries', 1)),
      MediaType.ociLayerGzip,
    )
    const config = await b.client.putBlob(
      parseReference(`${reg.host}/hostile/layers`),
      Buffer.from('{"architecture":"amd64","os":"linux","config":{}}'),
      MediaType.ociConfig,
    )
    const manifest = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: MediaType.ociManifest,
        config,
        layers: Array.from({ length: 3000 }, () => layer),
      }),
    )
    const ref = parseReference(`${reg.host}/hostile/layers:3000`)
    await b.client.putManifest(ref, '3000', manifest, MediaType.ociManifest)
    const error = await inspectImage(`${reg.host}/hostile/layers:3000`, { client }).catch(
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(ImageLimitError)
    expect((error as Error).message).toMatch(/3000 layers, more than the 256/)
  }, 60_000)

  it('a registry that drips one byte every 2 s is cut off at the timeout with a clear error', async () => {
    const drip = await startDrippingRegistry({ intervalMs: 2000 })
    try {
      const error = await inspectImage(drip.ref, { client, timeoutMs: 3000 }).catch(
        (e: unknown) => e,
      )
      expect(error).toBeInstanceOf(RegistryError)
      expect((error as RegistryError).kind).toBe('timeout')
      expect((error as Error).message).toMatch(/not read within the 3 s timeout/)
      expect((error as Error).message).toContain(drip.ref)
    } finally {
      await drip.close()
    }
  }, 30_000)

  it('the CLI passes --timeout to the image read', async () => {
    const drip = await startDrippingRegistry({ intervalMs: 2000 })
    try {
      const r = await inspectCli(drip.ref, ['--timeout', '3s'])
      expect(r.exitCode).toBe(2)
      expect(r.stderr).toMatch(/not read within the 3 s timeout/)
    } finally {
      await drip.close()
    }
  }, 30_000)
})

describe('a limit hit in the action still writes the outputs and the summary', () => {
  it('enforce: the hostile PAX layer fails the step with the error in the summary and outputs set', async () => {
    const { ref } = await pushHostile('pax-action', 'pax-path', 320, 3_500_000)
    const trivy = standIn({ [ref]: reportFor(fixturePath('alpine-310.json.golden'), ref) })
    const r = await runAction(
      { image: ref, 'fail-on': 'none', 'cache-db': 'false', 'base-image-policy': 'enforce' },
      { ...trivy.env, STANDIN_VERSION: '0.75.0' },
    )
    expect(r.exitCode).toBe(1)
    expect(r.outputs.verdict).toBe('fail')
    expect(r.outputs['base-image']).toBe('[]')
    expect(r.errors.join('\n')).toMatch(/PAX header of \d+ bytes/)
    expect(r.summary).toMatch(/PAX header of \d+ bytes/)
  }, 120_000)
})
