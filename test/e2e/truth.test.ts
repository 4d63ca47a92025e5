/**
 * Outputs that tell the truth (issue 9), end to end through dist/index.js and dist/cli.js:
 * a value's meaning never depends on which files a pull request ships, and an image nobody
 * scanned never reads as 0 findings.
 */
import { createHash } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { homedir, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { NODE, runAction as run, runCli } from '../support/e2e/runner.js'
import { fixturePath } from '../support/fixtures.js'
import { standIn } from '../support/trivy-stand-in/index.js'

const runAction = (
  inputs: Record<string, string>,
  env: Record<string, string> = {},
  options: { cwd?: string } = {},
) => run({ 'base-image-policy': 'off', 'cache-db': 'false', ...inputs }, env, options)

const BASE_DIGEST = `sha256:${'b'.repeat(64)}`

/** A real report rewritten to describe `image` (as Trivy writes it after pulling). */
function reportOf(fixture: string, image: string, digest?: string): string {
  const report = JSON.parse(readFileSync(fixturePath(fixture), 'utf8'))
  report.ArtifactName = image
  report.Metadata ??= {}
  const repo = image.replace(/@.*$/, '').replace(/:[^/:]+$/, '')
  report.Metadata.RepoDigests = digest ? [`${repo}@${digest}`] : []
  return JSON.stringify(report)
}

function file(text: string, name = 'trivy.json'): string {
  const path = join(mkdtempSync(join(tmpdir(), 'truth-')), name)
  writeFileSync(path, text)
  return path
}

/**
 * The attack: the pull request adds `ghcr.io/acme/app:main` (folder `ghcr.io/acme/`, file
 * `app:main`) holding a forged baseline that lists the PR's own critical, so `new` sees nothing new.
 */
function forgedCheckout(): string {
  const workspace = mkdtempSync(join(tmpdir(), 'checkout-'))
  mkdirSync(join(workspace, 'ghcr.io', 'acme'), { recursive: true })
  writeFileSync(
    join(workspace, 'ghcr.io', 'acme', 'app:main'),
    reportOf('debian-buster.json.golden', 'ghcr.io/acme/app:main'),
  )
  return workspace
}

describe('compare-to: the meaning of a value comes from its syntax, never from the checkout', () => {
  const images = () =>
    standIn({
      // The PR image has a critical (libidn2-0); the real base branch image is clean.
      'ghcr.io/acme/app:pr-7': file(reportOf('debian-buster.json.golden', 'ghcr.io/acme/app:pr-7')),
      'ghcr.io/acme/app:main': file(
        reportOf('sl-micro-rancher5.4.json.golden', 'ghcr.io/acme/app:main', BASE_DIGEST),
      ),
    })
  const inputs = {
    image: 'ghcr.io/acme/app:pr-7',
    'fail-on': 'high',
    'fail-on-scope': 'new',
    comment: 'never',
  }

  it('an image reference is scanned as an image even when a forged file has its name', async () => {
    const trivy = images()
    const workspace = forgedCheckout()
    const r = await runAction(
      { ...inputs, 'compare-to': 'ghcr.io/acme/app:main' },
      { ...trivy.env, STANDIN_VERSION: '0.75.0', GITHUB_WORKSPACE: workspace },
      { cwd: workspace },
    )
    expect(r.outputs.reason).toBe('Blocked: 1 critical new at or above the high threshold')
    expect(r.exitCode).toBe(1)
    const scanned = trivy
      .calls()
      .filter((a) => a[0] === 'image' && !a.includes('--download-db-only'))
    expect(scanned.map((a) => a.at(-1))).toEqual(['ghcr.io/acme/app:pr-7', 'ghcr.io/acme/app:main'])
    const report = JSON.parse(readFileSync(r.outputs.report as string, 'utf8'))
    expect(report.images[0].comparison.source).toEqual({
      kind: 'image',
      image: 'ghcr.io/acme/app:main',
      digest: BASE_DIGEST,
    })
    expect(r.summary).toContain(BASE_DIGEST)
  })

  it('a report is read only when given unambiguously, and its SHA-256 is recorded', async () => {
    const trivy = images()
    const workspace = forgedCheckout()
    const r = await runAction(
      { ...inputs, 'compare-to': './ghcr.io/acme/app:main' },
      { ...trivy.env, STANDIN_VERSION: '0.75.0', GITHUB_WORKSPACE: workspace },
      { cwd: workspace },
    )
    // The user asked for that file: it is used, and the record says exactly which bytes.
    expect(r.exitCode).toBe(0)
    const sha256 = createHash('sha256')
      .update(readFileSync(join(workspace, 'ghcr.io', 'acme', 'app:main')))
      .digest('hex')
    const report = JSON.parse(readFileSync(r.outputs.report as string, 'utf8'))
    expect(report.images[0].comparison.source).toEqual({
      kind: 'report',
      path: './ghcr.io/acme/app:main',
      sha256,
    })
    expect(r.summary).toContain(sha256)
    const scanned = trivy
      .calls()
      .filter((a) => a[0] === 'image' && !a.includes('--download-db-only'))
    expect(scanned.map((a) => a.at(-1))).toEqual(['ghcr.io/acme/app:pr-7'])
  })

  it('a bare file name is an input error that says how to write a report', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'checkout-'))
    writeFileSync(join(workspace, 'base.json'), reportOf('debian-buster.json.golden', 'x:1'))
    const r = await runAction(
      { ...inputs, 'compare-to': 'base.json' },
      { ...standIn({}).env, STANDIN_VERSION: '0.75.0', GITHUB_WORKSPACE: workspace },
      { cwd: workspace },
    )
    expect(r.exitCode).toBe(1)
    expect(r.outputs.verdict).toBe('fail')
    expect(r.errors.join('\n')).toMatch(/Input `compare-to`: "base\.json" .*\.\/base\.json/)
  })

  it('the CLI follows the same rule, run inside the forged checkout', async () => {
    const trivy = images()
    const r = await runCli(
      [
        'scan',
        'ghcr.io/acme/app:pr-7',
        '--compare-to',
        'ghcr.io/acme/app:main',
        '--fail-on-scope',
        'new',
        '--base-image-policy',
        'off',
        '--format',
        'json',
      ],
      { ...trivy.env, STANDIN_VERSION: '0.75.0' },
      { cwd: forgedCheckout() },
    )
    expect(r.exitCode).toBe(1)
    expect(JSON.parse(r.stdout).images[0].comparison.source).toEqual({
      kind: 'image',
      image: 'ghcr.io/acme/app:main',
      digest: BASE_DIGEST,
    })
  })
})

describe('an image that was not scanned never reads as 0 findings', () => {
  const SEVERITY_OUTPUTS = ['critical', 'high', 'medium', 'low', 'unknown']

  it.each(['crash', 'garbage'])(
    'Trivy %s: counts are empty, the report has none, the summary says "not scanned"',
    async (what) => {
      const trivy = standIn({ 'ghcr.io/acme/app:1': what })
      const r = await runAction(
        { image: 'ghcr.io/acme/app:1', 'fail-on': 'none' },
        { ...trivy.env, STANDIN_VERSION: '0.75.0' },
      )
      expect(r.exitCode).toBe(1)
      expect(r.outputs.verdict).toBe('fail')
      for (const name of SEVERITY_OUTPUTS) expect(r.outputs[name] ?? '').toBe('')
      const report = JSON.parse(readFileSync(r.outputs.report as string, 'utf8'))
      expect(report.verdict).toBe('fail')
      expect(report).not.toHaveProperty('totals')
      // Scanned images carry counts; an image that was not scanned has none, only the reason.
      expect(report.images).toEqual([])
      expect(report.notScanned).toEqual([
        { image: 'ghcr.io/acme/app:1', reason: expect.stringMatching(/Trivy|report/) },
      ])
      expect(r.summary).toMatch(/not scanned/i)
      expect(r.summary).not.toMatch(/\|\s*0\s*\|/)
    },
  )

  it('with the base-image check on, an unscanned image has no violation count either', async () => {
    const trivy = standIn({ 'ghcr.io/acme/app:1': 'crash' })
    const r = await runAction(
      { image: 'ghcr.io/acme/app:1', 'base-image-policy': 'warn' },
      { ...trivy.env, STANDIN_VERSION: '0.75.0' },
    )
    expect(r.exitCode).toBe(1)
    expect(r.outputs['base-image-violations'] ?? '').toBe('')
    expect(r.outputs.critical ?? '').toBe('')
  })

  it('one image scanned, one crashed: the scanned one keeps its counts, the totals are empty', async () => {
    const trivy = standIn({
      'ghcr.io/acme/web:1': file(reportOf('alpine-310.json.golden', 'ghcr.io/acme/web:1')),
      'ghcr.io/acme/api:1': 'crash',
    })
    const r = await runAction(
      { image: 'ghcr.io/acme/web:1\nghcr.io/acme/api:1', 'fail-on': 'critical' },
      { ...trivy.env, STANDIN_VERSION: '0.75.0' },
    )
    expect(r.exitCode).toBe(1)
    expect(r.outputs.verdict).toBe('fail')
    for (const name of SEVERITY_OUTPUTS) expect(r.outputs[name] ?? '').toBe('')
    const report = JSON.parse(readFileSync(r.outputs.report as string, 'utf8'))
    expect(report).not.toHaveProperty('totals')
    expect(report.images.map((i: { image: string }) => i.image)).toEqual(['ghcr.io/acme/web:1'])
    expect(report.images[0].counts.MEDIUM).toBe(4)
    expect(report.notScanned).toEqual([
      { image: 'ghcr.io/acme/api:1', reason: expect.stringMatching(/Trivy exited/) },
    ])
    expect(r.summary).toMatch(/ghcr\.io\/acme\/api:1.*not scanned/is)
  })

  it('the CLI prints "not scanned", never a row of zeros, and exits 2', async () => {
    const trivy = standIn({ 'ghcr.io/acme/app:1': 'crash' })
    const table = await runCli(['scan', 'ghcr.io/acme/app:1', '--base-image-policy', 'off'], {
      ...trivy.env,
      STANDIN_VERSION: '0.75.0',
    })
    expect(table.exitCode).toBe(2)
    expect(table.stdout).toMatch(/ghcr\.io\/acme\/app:1.*not scanned/is)
    expect(table.stdout).not.toMatch(/found\s+0/)
    const json = await runCli(
      ['scan', 'ghcr.io/acme/app:1', '--base-image-policy', 'off', '--format', 'json'],
      { ...trivy.env, STANDIN_VERSION: '0.75.0' },
    )
    expect(json.exitCode).toBe(2)
    const report = JSON.parse(json.stdout)
    expect(report).not.toHaveProperty('totals')
    expect(report.images).toEqual([])
    expect(report.notScanned[0].image).toBe('ghcr.io/acme/app:1')
  })
})

/** The real Trivy peer (scripts/peers.sh), when it has been built on this machine. */
const REAL_TRIVY = join(homedir(), '.cache/shipgate-peers/trivy/v0.74.0/trivy')

/**
 * Real Trivy, run exactly as Shipgate runs it, except that `image … -- REF` becomes
 * `fs … -- $ROOTFS`: secret scanning needs neither a registry nor the vulnerability DB.
 */
function realTrivyOnRootfs(rootfs: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'real-trivy-'))
  const wrapper = join(dir, 'trivy')
  writeFileSync(
    wrapper,
    `#!/usr/bin/env node
const { spawnSync } = require('node:child_process')
const argv = process.argv.slice(2)
if (argv[0] === 'image') {
  argv[0] = 'fs'
  argv[argv.length - 1] = ${JSON.stringify(rootfs)}
  for (let i = argv.indexOf('--java-db-repository'); i >= 0; i = argv.indexOf('--java-db-repository')) argv.splice(i, 2)
}
const r = spawnSync(${JSON.stringify(REAL_TRIVY)}, argv, { stdio: 'inherit' })
process.exit(r.status ?? 1)
`,
  )
  chmodSync(wrapper, 0o755)
  return wrapper
}

describe.skipIf(!existsSync(REAL_TRIVY))(
  'Trivy never reads configuration from the checkout',
  () => {
    it.each([
      ['trivy-secret.yaml', 'disable-rules:\n  - aws-access-key-id\n  - aws-secret-access-key\n'],
      ['trivy.yaml', 'scan:\n  skip-files:\n    - "**/creds.env"\n'],
    ])('a %s shipped by the pull request does not hide a secret', async (name, text) => {
      const rootfs = mkdtempSync(join(tmpdir(), 'rootfs-'))
      mkdirSync(join(rootfs, 'app'))
      writeFileSync(
        join(rootfs, 'app', 'creds.env'),
        'aws_access_key_id = AKIAIOSFODNN7EXAMPLX\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEYX\n',
      )
      const checkout = mkdtempSync(join(tmpdir(), 'checkout-'))
      writeFileSync(join(checkout, name), text)
      const r = await runCli(
        [
          'scan',
          'ghcr.io/acme/app:pr-7',
          '--trivy',
          realTrivyOnRootfs(rootfs),
          '--scanners',
          'secret',
          '--base-image-policy',
          'off',
          '--format',
          'json',
        ],
        { PATH: `${dirname(NODE)}:/usr/bin:/bin` },
        { cwd: checkout },
      )
      expect(r.exitCode, r.stderr).toBe(1)
      const report = JSON.parse(r.stdout)
      expect(report.totals.CRITICAL).toBeGreaterThanOrEqual(1)
      expect(
        report.images[0].findings.map((f: { finding: { id: string } }) => f.finding.id),
      ).toContain('aws-access-key-id')
    })
  },
)
