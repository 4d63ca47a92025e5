/**
 * Issue 11 §4 end to end through dist/index.js: a base image and images on it in Debian's
 * docker-registry, Trivy as the stand-in replaying the real Juice Shop report rewritten onto
 * their layers (test/support/registry/layered.ts). The user reads the exit status, the failure
 * line, the warnings, the job summary and the JSON report.
 */
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runAction, runCli } from '../support/e2e/runner.js'
import {
  juiceShopFindingsByLayer,
  type LayeredImages,
  layeredReport,
  type Pushed,
  pushLayeredImages,
} from '../support/registry/layered.js'
import { type RunningRegistry, startRegistry } from '../support/registry/server.js'
import { standIn } from '../support/trivy-stand-in/index.js'

let registry: RunningRegistry
let images: LayeredImages

beforeAll(async () => {
  registry = await startRegistry('none')
  images = await pushLayeredImages(registry.host)
}, 120_000)
afterAll(async () => {
  await registry?.stop()
})

const truth = juiceShopFindingsByLayer()
const baseTruth = [1, 2, 3, 4].reduce((n, i) => n + (truth.get(i) ?? 0), 0)

function run(image: Pushed, inputs: Record<string, string>, report = layeredReport(image)) {
  const trivy = standIn({ [image.ref]: report })
  return runAction(
    {
      image: image.ref,
      'fail-on': 'critical',
      'cache-db': 'false',
      'base-image-policy': 'warn',
      ...inputs,
    },
    { ...trivy.env, STANDIN_VERSION: '0.75.0' },
  )
}

interface JsonReport {
  gateScope: string
  warnings: string[]
  images: {
    layerAttribution?: {
      base: { ref?: string; digest?: string; how: string; layers: number } | null
      unknown?: string
      fromBase: number
      fromApp: number
      unattributed: number
    }
    findings: {
      finding: { id: string; layer?: { diffId: string | null; fromBase: boolean | null } }
    }[]
  }[]
}

const readReport = (path: string | undefined) =>
  JSON.parse(readFileSync(path as string, 'utf8')) as JsonReport

/** The summary escapes Markdown; compare the text a reader sees. */
const readable = (markdown: string) => markdown.replace(/\\(.)/g, '$1')

describe('fail-on-scope: app through dist/index.js', () => {
  it('only base-image findings breach: all fails, app passes, and the base section says where they came from', async () => {
    const baseOnly = layeredReport(images.app, { appFindings: false })
    const all = await run(images.app, {}, baseOnly)
    expect(all.exitCode).toBe(1)
    expect(all.outputs.verdict).toBe('fail')

    const r = await run(images.app, { 'fail-on-scope': 'app' }, baseOnly)
    expect(r.errors, r.stdout).toEqual([])
    expect(r.exitCode).toBe(0)
    expect(r.outputs.verdict).toBe('pass')
    const report = readReport(r.outputs.report)
    expect(report.gateScope).toBe('app')
    const img = report.images[0]
    expect(img?.layerAttribution).toEqual({
      base: {
        ref: `${images.base.ref}@${images.base.digest}`,
        digest: images.base.digest,
        how: 'annotation',
        layers: 4,
      },
      imageLayers: 8,
      fromBase: baseTruth,
      fromApp: 0,
      unattributed: 0,
    })
    for (const { finding } of img?.findings ?? []) {
      expect(finding.layer?.fromBase).toBe(true)
      expect(images.base.diffIds).toContain(finding.layer?.diffId)
    }
    const summary = readable(r.summary)
    expect(summary).toContain("Passed: no findings in the image's own layers at or above critical")
    expect(summary).toMatch(
      new RegExp(
        `<details><summary>From the base image <code>${images.base.ref.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}@sha256:[0-9a-f]{64}</code>: ${baseTruth} \\(\\d+ critical, \\d+ high, \\d+ medium, \\d+ low\\), not gated \\(<code>fail-on-scope: app</code>\\)</summary>`,
      ),
    )
    expect(summary).toContain(
      "named by the image's `org.opencontainers.image.base.name` annotation; its 4 layers of 8 matched by diff_id",
    )
    expect(summary).toContain(
      '**Fixed by moving to <code>cgr.dev/chainguard/static:latest</code>**',
    )
  })

  it('an app-layer critical fails app, named as the image’s own; every finding carries its layer', async () => {
    const r = await run(images.app, { 'fail-on-scope': 'app' })
    expect(r.exitCode).toBe(1)
    expect(r.errors[0]).toMatch(
      /^Blocked: \d+ critical in the image's own layers at or above the critical threshold/,
    )
    const report = readReport(r.outputs.report)
    const layers = report.images[0]?.layerAttribution
    expect(layers?.fromBase).toBe(baseTruth)
    expect(layers?.fromApp).toBeGreaterThan(0)
    const own = new Set(images.app.diffIds.slice(4))
    for (const { finding } of report.images[0]?.findings ?? []) {
      expect(finding.layer?.fromBase).toBe(!own.has(finding.layer?.diffId as string))
    }
  })

  it('hostile: an image claiming a base it does not sit on moves nothing to the base, and app fails closed', async () => {
    const r = await run(
      images.liar,
      { 'fail-on-scope': 'app' },
      layeredReport(images.liar, { appFindings: false }),
    )
    expect(r.exitCode).toBe(1)
    expect(r.errors[0]).toMatch(/^Blocked: .*critical in the image's own layers/)
    expect(r.warnings.join('\n')).toMatch(
      /the base-image annotation \(.*layers\/node.*\) is refused: its layer 1/,
    )
    expect(r.warnings.join('\n')).toMatch(
      /base image is unknown .*counts every finding of this image as the image's own/,
    )
    const report = readReport(r.outputs.report)
    expect(report.images[0]?.layerAttribution?.base).toBeNull()
    expect(report.images[0]?.findings.every((f) => f.finding.layer?.fromBase === null)).toBe(true)
    const summary = readable(r.summary)
    expect(summary).not.toContain('From the base image')
    expect(summary).toContain('**Base image layers**: unknown (')
  })

  it('a base the registry does not have (404): unknown, app fails closed with a warning', async () => {
    const r = await run(
      images.orphan,
      { 'fail-on-scope': 'app' },
      layeredReport(images.orphan, { appFindings: false }),
    )
    expect(r.exitCode).toBe(1)
    expect(r.warnings.join('\n')).toMatch(/layers\/gone.* could not be read/)
    expect(readReport(r.outputs.report).images[0]?.layerAttribution?.base).toBeNull()
  })

  it('without app, the base section still tells base findings apart; the gate is unchanged', async () => {
    const r = await run(images.app, { 'fail-on': 'none' })
    expect(r.exitCode).toBe(0)
    const summary = readable(r.summary)
    expect(summary).toMatch(/<details><summary>From the base image <code>.*<\/code>: \d+ \(/)
    expect(summary).not.toContain('not gated')
  })

  it('hostile: an annotation carrying a workflow command and HTML as the base name runs nothing and renders as text', async () => {
    const r = await run(
      images.forged,
      { 'fail-on-scope': 'app' },
      layeredReport(images.forged, { appFindings: false }),
    )
    expect(r.exitCode).toBe(1)
    // The runner would obey a line starting with ::error::; only Shipgate's own error is there.
    expect(r.errors).toHaveLength(1)
    expect(r.errors[0]).toMatch(/^Blocked: /)
    expect(`${r.stdout}\n${r.stderr}`).not.toMatch(/^\s*::error::pwned/m)
    expect(r.warnings.join('\n')).toMatch(
      /the base-image annotation \(evil\\n::error::pwned.*could not be read \(Invalid image reference/,
    )
    expect(r.summary).not.toContain('<img')
    // Every line the user reads stays one line: the name's line break is shown, not obeyed.
    for (const w of r.warnings) expect(w).not.toContain('\n')
    expect(readReport(r.outputs.report).images[0]?.layerAttribution?.base).toBeNull()
  })

  it('the CLI gates the same way: shipgate scan --fail-on-scope app', async () => {
    const baseOnly = layeredReport(images.app, { appFindings: false })
    const trivy = standIn({ [images.app.ref]: baseOnly })
    const args = ['scan', images.app.ref, '--fail-on', 'critical', '--format', 'json']
    const all = await runCli(args, trivy.env)
    expect(all.exitCode, all.stderr).toBe(1)
    const app = await runCli([...args, '--fail-on-scope', 'app'], trivy.env)
    expect(app.exitCode, app.stderr).toBe(0)
    const report = JSON.parse(app.stdout) as JsonReport
    expect(report.gateScope).toBe('app')
    expect(report.images[0]?.layerAttribution).toMatchObject({
      base: { how: 'annotation', layers: 4 },
      fromBase: baseTruth,
    })
  })

  it('refuses a scope it does not know, naming the input and the choices', async () => {
    const r = await run(images.app, { 'fail-on-scope': 'base' })
    expect(r.exitCode).toBe(1)
    expect(r.stdout).toMatch(
      /Input `fail-on-scope`: "base" is not a scope: use all .*app .*new,app/,
    )
  })
})
