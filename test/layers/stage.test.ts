/**
 * Issue 11 §4 against a real registry (Debian's docker-registry): a base image and images on
 * top of it, built here and pushed, with the real Juice Shop Trivy report rewritten onto their
 * layers (test/support/registry/layered.ts). Every finding must be labelled with the layer it
 * sits in, and only a base whose layers are the image's first layers may claim findings.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { toImageScan } from '../../scanners/trivy/normalize.js'
import { parseTrivyReport } from '../../scanners/trivy/parse.js'
import { attributeLayers } from '../../src/layers/index.js'
import { layerStage } from '../../src/layers/stage.js'
import { recordingLogger } from '../../src/logger.js'
import type { Finding } from '../../src/model.js'
import { RegistryClient } from '../../src/registry/client.js'
import {
  juiceShopFindingsByLayer,
  type LayeredImages,
  layeredReport,
  type Pushed,
  pushLayeredImages,
} from '../support/registry/layered.js'
import { type RunningRegistry, startRegistry } from '../support/registry/server.js'

let reg: RunningRegistry
let images: LayeredImages
let refuser: Server
let refuserHost: string

beforeAll(async () => {
  reg = await startRegistry('none')
  images = await pushLayeredImages(reg.host)
  // A registry that refuses everyone: 401 with a Basic challenge, and no credentials exist.
  refuser = createServer((_req, res) => {
    res.writeHead(401, {
      'www-authenticate': 'Basic realm="private"',
      'content-type': 'application/json',
    })
    res.end('{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}')
  })
  await new Promise<void>((resolve) => refuser.listen(0, '127.0.0.1', resolve))
  refuserHost = `127.0.0.1:${(refuser.address() as AddressInfo).port}`
}, 120_000)

afterAll(async () => {
  await reg?.stop()
  await new Promise<void>((resolve) => refuser?.close(() => resolve()))
})

const client = () => new RegistryClient({ insecure: true, retries: 0 })

function scanOf(image: Pushed, opts: Parameters<typeof layeredReport>[1] = {}) {
  const path = layeredReport(image, opts)
  const report = parseTrivyReport(readFileSync(path, 'utf8'), path)
  return { scan: toImageScan(report, { image: image.ref, artifacts: { trivyJson: path } }), report }
}

function dockerfile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'layers-df-')), 'Dockerfile')
  writeFileSync(file, text)
  return file
}

/** Findings per 1-based layer of `image`, and what each was labelled. */
function byLayer(findings: Finding[], image: Pushed) {
  const out = new Map<number, { n: number; fromBase: Set<boolean | null> }>()
  for (const f of findings) {
    const i = image.diffIds.indexOf(f.layer?.diffId ?? '') + 1
    const entry = out.get(i) ?? { n: 0, fromBase: new Set() }
    entry.n++
    entry.fromBase.add(f.layer?.fromBase ?? null)
    out.set(i, entry)
  }
  return out
}

/** The original report's findings: layers 1-3 came with node:12-alpine, 7 is Juice Shop's own. */
const truth = juiceShopFindingsByLayer()
const baseTruth = [1, 2, 3, 4].reduce((n, i) => n + (truth.get(i) ?? 0), 0)
const appTruth = [5, 6, 7, 8].reduce((n, i) => n + (truth.get(i) ?? 0), 0)

describe('layer attribution against a real registry', () => {
  it('the report really has findings on both sides (else these tests prove nothing)', () => {
    expect(baseTruth).toBeGreaterThan(50)
    expect(appTruth).toBeGreaterThan(50)
  })

  it('annotation: findings in the base layers are the base’s, those in the app layers are not', async () => {
    const { scan, report } = scanOf(images.app)
    const stage = layerStage({ client, logger: recordingLogger(), offline: false })
    const r = await stage.attribute(scan, report)
    expect(r.refused).toEqual([])
    expect(r.layers.base).toEqual({
      ref: `${images.base.ref}@${images.base.digest}`,
      digest: images.base.digest,
      how: 'annotation',
      layers: 4,
    })
    expect(r.layers).toMatchObject({
      imageLayers: 8,
      fromBase: baseTruth,
      fromApp: appTruth,
      unattributed: 0,
    })
    for (const [i, { n, fromBase }] of byLayer(r.findings, images.app)) {
      expect(n).toBe(truth.get(i))
      expect([...fromBase]).toEqual([i <= 4])
    }
  })

  it('dockerfile: the last FROM names the base; its layers are read and matched', async () => {
    const { scan, report } = scanOf(images.plain)
    const df = dockerfile(
      `FROM ${images.base.ref} AS build\nRUN make\nFROM build\nCOPY . /juice-shop\nUSER 1000\n`,
    )
    const stage = layerStage({ client, logger: recordingLogger(), offline: false, dockerfile: df })
    const r = await stage.attribute(scan, report)
    expect(r.layers.base).toMatchObject({ ref: images.base.ref, how: 'dockerfile', layers: 4 })
    expect(r.layers.fromBase).toBe(baseTruth)
  })

  it('history: with nothing naming a base, node’s closing CMD in the history marks the end of the base', async () => {
    const { scan, report } = scanOf(images.plain)
    const r = await layerStage({ client, logger: recordingLogger(), offline: false }).attribute(
      scan,
      report,
    )
    expect(r.layers.base).toEqual({ how: 'history', layers: 4 })
    expect(r.layers.fromBase).toBe(baseTruth)
    expect(r.layers.fromApp).toBe(appTruth)
  })

  it('hostile: an annotation claiming a base the image does not sit on is refused; nothing moves to the base', async () => {
    const { scan, report } = scanOf(images.liar)
    const logger = recordingLogger()
    const warnings: string[] = []
    const [layers] = await attributeLayers(
      [{ scan, report }],
      layerStage({ client, logger, offline: false }),
      { app: true, logger, warnings },
    )
    expect(layers?.base).toBeNull()
    expect(layers?.fromBase).toBe(0)
    expect(scan.findings.every((f) => f.layer?.fromBase === null)).toBe(true)
    expect(warnings[0]).toMatch(
      /the base-image annotation \(.*layers\/node.*\) is refused: its layer 1 \(sha256:[0-9a-f]{64}\) is not the image's layer 1/,
    )
    // The history (written by the same builder) is not consulted after a false claim.
    expect(layers?.unknown).toMatch(/no named base image could be confirmed/)
    expect(warnings[1]).toMatch(
      /base image is unknown .* counts every finding of this image as the image's own/,
    )
  })

  it('hostile: a Dockerfile naming a moved tag is refused, and the verified annotation is used instead', async () => {
    const { scan, report } = scanOf(images.app)
    // The tag now names another image (the liar's first layers are not the app's).
    const df = dockerfile(`FROM ${images.liar.ref}\n`)
    const r = await layerStage({
      client,
      logger: recordingLogger(),
      offline: false,
      dockerfile: df,
    }).attribute(scan, report)
    expect(r.refused).toHaveLength(1)
    expect(r.refused[0]?.message).toMatch(
      /the Dockerfile's last FROM \(.*layers\/liar:v1\) is refused: its layer 1 \(sha256:[0-9a-f]{64}\) is not the image's layer 1/,
    )
    expect(r.layers.base).toMatchObject({ how: 'annotation', layers: 4 })
  })

  it('without app, a Dockerfile FROM whose tag moved on is a log line; an image’s false claim stays a warning', async () => {
    // Each Dockerfile names an image whose layers are not the scanned image's first layers.
    for (const [image, from, warned] of [
      [images.plain, images.liar.ref, false],
      [images.liar, images.app.ref, true],
    ] as const) {
      const { scan, report } = scanOf(image)
      const logger = recordingLogger()
      const warnings: string[] = []
      await attributeLayers(
        [{ scan, report }],
        layerStage({ client, logger, offline: false, dockerfile: dockerfile(`FROM ${from}\n`) }),
        { app: false, logger, warnings },
      )
      expect(warnings.some((w) => /annotation .* is refused/.test(w))).toBe(warned)
      expect(warnings.some((w) => /last FROM/.test(w))).toBe(false)
      expect(
        logger.lines.some((l) => l.level === 'info' && /last FROM .* is refused/.test(l.message)),
      ).toBe(true)
    }
  })

  it('a base digest naming an index (as buildx records it) resolves to the image’s platform', async () => {
    const { scan, report } = scanOf(images.viaIndex)
    const r = await layerStage({ client, logger: recordingLogger(), offline: false }).attribute(
      scan,
      report,
    )
    expect(r.refused).toEqual([])
    expect(r.layers.base).toMatchObject({
      how: 'annotation',
      layers: 4,
      digest: images.base.digest,
    })
    expect(r.layers.fromBase).toBe(baseTruth)
  })

  it('annotations on the index (not its child) name the base too', async () => {
    const { scan, report } = scanOf(images.appIndex)
    expect(scan.digest).toBe(images.appIndex.digest)
    const r = await layerStage({ client, logger: recordingLogger(), offline: false }).attribute(
      scan,
      report,
    )
    expect(r.refused).toEqual([])
    expect(r.layers.base).toMatchObject({
      how: 'annotation',
      layers: 4,
      digest: images.base.digest,
    })
  })

  it('FROM scratch: no layer is the base’s, every finding is the image’s own', async () => {
    const { scan, report } = scanOf(images.plain)
    const r = await layerStage({
      client,
      logger: recordingLogger(),
      offline: false,
      dockerfile: dockerfile('FROM scratch\nCOPY . /\n'),
    }).attribute(scan, report)
    expect(r.layers.base).toEqual({ ref: 'scratch', how: 'dockerfile', layers: 0 })
    expect(r.layers).toMatchObject({ fromBase: 0, fromApp: baseTruth + appTruth, unattributed: 0 })
  })

  it('a base the registry does not have (404) is unknown, said why', async () => {
    const { scan, report } = scanOf(images.orphan)
    const r = await layerStage({ client, logger: recordingLogger(), offline: false }).attribute(
      scan,
      report,
    )
    expect(r.layers.base).toBeNull()
    expect(r.refused[0]?.message).toMatch(
      /layers\/gone.* could not be read \(.*(not found|MANIFEST_UNKNOWN|NAME_UNKNOWN|404)/i,
    )
    expect(r.findings.every((f) => f.layer?.fromBase === null)).toBe(true)
  })

  it('a base the registry refuses (401) is unknown, said why', async () => {
    const { scan, report } = scanOf(images.plain)
    const df = dockerfile(`FROM ${refuserHost}/private/node:12\n`)
    const r = await layerStage({
      client,
      logger: recordingLogger(),
      offline: false,
      dockerfile: df,
    }).attribute(scan, report)
    expect(r.layers.base).toBeNull()
    expect(r.refused[0]?.message).toMatch(
      /private\/node:12\) could not be read \(.*(401|credentials|authenticat)/i,
    )
    expect(r.layers.unknown).toMatch(/no named base image could be confirmed/)
  })

  it('a finding without a Layer is never the base’s', async () => {
    const { scan, report } = scanOf(images.app, { dropLayerOf: 'CVE-2021-36159' })
    const r = await layerStage({ client, logger: recordingLogger(), offline: false }).attribute(
      scan,
      report,
    )
    const lost = r.findings.filter((f) => f.id === 'CVE-2021-36159')
    expect(lost.length).toBeGreaterThan(0)
    for (const f of lost) expect(f.layer).toEqual({ diffId: null, fromBase: null })
    expect(r.layers.unattributed).toBe(lost.length)
    // Under app they count as the image's own, and a warning says so.
    const again = scanOf(images.app, { dropLayerOf: 'CVE-2021-36159' })
    const logger = recordingLogger()
    const warnings: string[] = []
    await attributeLayers([again], layerStage({ client, logger, offline: false }), {
      app: true,
      logger,
      warnings,
    })
    expect(warnings).toEqual([
      `${images.app.ref}: ${lost.length} finding(s) have no layer Trivy named, or one the scanned image does not have, so fail-on-scope app counts them as the image's own.`,
    ])
  })

  it('reads a base named by several images once per job', async () => {
    const resolve = vi.spyOn(RegistryClient.prototype, 'resolve')
    try {
      const stage = layerStage({ client, logger: recordingLogger(), offline: false })
      for (const image of [images.app, images.app]) {
        const { scan, report } = scanOf(image)
        await stage.attribute(scan, report)
      }
      const baseReads = resolve.mock.calls.filter(([ref]) => ref.repository === 'layers/node')
      expect(baseReads).toHaveLength(1)
    } finally {
      resolve.mockRestore()
    }
  })

  it('offline (a report alone, no image reference): history only, no registry contact', async () => {
    const { scan, report } = scanOf(images.plain)
    const resolve = vi.spyOn(RegistryClient.prototype, 'resolve')
    try {
      const r = await layerStage({ client, logger: recordingLogger(), offline: true }).attribute(
        scan,
        report,
      )
      expect(resolve).not.toHaveBeenCalled()
      expect(r.layers.base).toEqual({ how: 'history', layers: 4 })
    } finally {
      resolve.mockRestore()
    }
  })
})
