/**
 * The minimal-base-image check end to end through dist/index.js: the image is read from
 * Debian's docker-registry (the harness's Debian build, busybox where debootstrap is missing),
 * Trivy is the stand-in replaying a real report, and the user reads the exit status, the
 * failure line, the outputs and the job summary.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BaseFixture, pushDistroImage } from '../support/e2e/base-images.js'
import { reportFor, runAction, startTripwire } from '../support/e2e/runner.js'
import { fixturePath } from '../support/fixtures.js'
import { type RunningRegistry, startRegistry } from '../support/registry/server.js'
import { standIn } from '../support/trivy-stand-in/index.js'

let registry: RunningRegistry
let image: BaseFixture

beforeAll(async () => {
  registry = await startRegistry('none')
  image = await pushDistroImage(registry.host)
}, 180_000)
afterAll(async () => {
  await registry?.stop()
})

interface BaseImageOutput {
  image: string
  mode: string
  source: string
  os?: string
  packages?: number
  shell: boolean | null
  packageManager: string | false | null
  runsAsRoot: boolean | null
  user?: string
  compressedSize?: number
  unknown: string[]
  violations: { rule: string; message: string }[]
  recommendation?: string
}

function scanEnv() {
  const trivy = standIn({
    [image.ref]: reportFor(fixturePath(image.report), image.ref, image.digest),
  })
  return { trivy, env: { ...trivy.env, STANDIN_VERSION: '0.75.0' } }
}

const checkInputs = (mode: string) => ({
  image: image.ref,
  'fail-on': 'none',
  'cache-db': 'false',
  'base-image-policy': mode,
  forbid: 'shell,root-user',
})

/** The facts a user reads in the `base-image` output, against what the image was built with. */
function expectFacts(b: BaseImageOutput | undefined, mode: string) {
  const e = image.expected
  expect(b).toMatchObject({
    mode,
    source: 'registry',
    shell: e.shell,
    packageManager: e.packageManager,
    runsAsRoot: true,
    user: e.user,
    compressedSize: e.compressedSize,
    ...(e.os ? { os: e.os } : {}),
    ...(e.packages !== undefined ? { packages: e.packages } : {}),
  })
  expect(b?.violations.map((v) => v.rule).sort()).toEqual(['forbid:root-user', 'forbid:shell'])
  expect(b?.recommendation).toBeTruthy()
}

/** The summary escapes Markdown; compare the text a reader sees. */
const readable = (markdown: string) => markdown.replace(/\\(.)/g, '$1')

describe('base-image check through dist/index.js', () => {
  it('enforce: a shell and root fail the step, named in the failure line, outputs and summary', async () => {
    const { env } = scanEnv()
    const r = await runAction(checkInputs('enforce'), env)
    expect(r.exitCode).toBe(1)
    expect(r.outputs.verdict).toBe('fail')
    expect(r.errors).toHaveLength(1)
    expect(r.errors[0]).toMatch(
      new RegExp(
        `^Blocked: base image: ${image.ref.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}.*: The image contains a shell \\(.*\\)\\. \\(\\+1 more\\)$`,
      ),
    )
    const bases = JSON.parse(r.outputs['base-image'] ?? '[]') as BaseImageOutput[]
    expect(bases).toHaveLength(1)
    expectFacts(bases[0], 'enforce')
    expect(r.outputs['base-image-violations']).toBe('2')
    const summary = readable(r.summary)
    expect(summary).toContain('**Base image** (enforced; read from the image)')
    expect(summary).toContain('❌ <code>forbid:shell</code>: The image contains a shell')
    expect(summary).toContain('❌ <code>forbid:root-user</code>: The image runs as root')
    expect(summary).toContain(`💡 **Recommendation**: ${bases[0]?.recommendation}`)
  })

  it('warn: the same facts are reported and the step passes', async () => {
    const { env } = scanEnv()
    const r = await runAction(checkInputs('warn'), env)
    expect(r.errors, r.stdout).toEqual([])
    expect(r.exitCode).toBe(0)
    expect(r.outputs.verdict).toBe('pass')
    const bases = JSON.parse(r.outputs['base-image'] ?? '[]') as BaseImageOutput[]
    expectFacts(bases[0], 'warn')
    // The violations are annotations on the run, not only lines in the summary.
    const annotation = r.warnings.find((w) => w.startsWith(`Base image of ${image.ref} `))
    expect(annotation).toContain('base-image-policy: warn')
    expect(annotation).toContain('The image contains a shell')
    expect(annotation).toContain('The image runs as root')
    expect(r.outputs['base-image-violations']).toBe('2')
    const summary = readable(r.summary)
    expect(summary).toContain('**Base image** (warnings only; read from the image)')
    expect(summary).toContain('⚠️ <code>forbid:shell</code>: The image contains a shell')
    expect(summary).toContain(`💡 **Recommendation**: ${bases[0]?.recommendation}`)
  })

  it('enforce: an image the registry does not have fails closed, never a pass', async () => {
    const missing = `${registry.host}/e2e/distro:never-pushed`
    const trivy = standIn({ [missing]: reportFor(fixturePath(image.report), missing) })
    const r = await runAction(
      { ...checkInputs('enforce'), image: missing },
      { ...trivy.env, STANDIN_VERSION: '0.75.0' },
    )
    expect(r.exitCode).toBe(1)
    expect(r.outputs.verdict).toBe('fail')
    expect(r.errors.join('\n')).toContain(`Base-image check for ${missing} failed`)
    expect(r.outputs['base-image']).toBe('[]')
  })

  it('offline: a Trivy report alone with forbid: shell fails closed on the unknown fact and contacts no registry', async () => {
    // The report names an image on a server that records every request it gets.
    const tripwire = await startTripwire()
    try {
      const named = `${tripwire.host}/acme/api:1`
      const trivy = standIn({})
      const r = await runAction(
        {
          'trivy-report': reportFor(fixturePath(image.report), named, `sha256:${'a'.repeat(64)}`),
          'fail-on': 'none',
          'base-image-policy': 'enforce',
          forbid: 'shell',
        },
        { ...trivy.env, STANDIN_VERSION: '0.75.0' },
      )
      expect(r.exitCode).toBe(1)
      expect(r.outputs.verdict).toBe('fail')
      expect(r.errors).toHaveLength(1)
      expect(r.errors[0]).toContain(
        'Whether the image contains a shell cannot be known from the Trivy report alone',
      )
      const bases = JSON.parse(r.outputs['base-image'] ?? '[]') as BaseImageOutput[]
      expect(bases[0]).toMatchObject({ source: 'trivy-report', shell: null })
      expect(bases[0]?.unknown).toContain('shell')
      expect(bases[0]?.violations.map((v) => v.rule)).toEqual(['forbid:shell'])
      expect(r.outputs['base-image-violations']).toBe('1')
      expect(readable(r.summary)).toContain('the Trivy report only')
      expect(tripwire.requests).toEqual([])
      expect(trivy.calls().map((a) => a[0])).toEqual(['--version', 'convert', 'convert'])
    } finally {
      await tripwire.close()
    }
  })
})
