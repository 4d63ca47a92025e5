/**
 * `shipgate inspect` as a user runs it (node dist/cli.js) against Debian's docker-registry with
 * the harness's Debian image (busybox where debootstrap is missing).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BaseFixture, pushDistroImage } from '../support/e2e/base-images.js'
import { reportFor, runCli } from '../support/e2e/runner.js'
import { fixturePath } from '../support/fixtures.js'
import { freePort, type RunningRegistry, startRegistry } from '../support/registry/server.js'
import { standIn } from '../support/trivy-stand-in/index.js'

let registry: RunningRegistry
let image: BaseFixture

beforeAll(async () => {
  registry = await startRegistry('none')
  image = await pushDistroImage(registry.host, 'cli/distro')
}, 180_000)
afterAll(async () => {
  await registry?.stop()
})

describe('shipgate inspect (dist/cli.js)', () => {
  it('--format json prints the facts of the image as built, exit 0', async () => {
    const r = await runCli(['inspect', image.ref, '--format', 'json'])
    expect(r.exitCode, r.stderr).toBe(0)
    const facts = JSON.parse(r.stdout)
    const e = image.expected
    expect(facts).toMatchObject({
      digest: image.digest,
      platform: 'linux/amd64',
      os: e.os ?? null,
      packages: e.packages ?? null,
      shell: e.shell,
      packageManager: e.packageManager,
      user: e.user,
      runsAsRoot: e.runsAsRoot,
      compressedSize: e.compressedSize,
      layers: e.layers,
    })
    expect(facts.image).toContain(image.ref.replace(/:[^/:]+$/, ''))
    expect(facts.recommendation).toEqual(expect.any(String))
  })

  it('--format table (the default) prints the same facts for a terminal', async () => {
    const r = await runCli(['inspect', image.ref])
    expect(r.exitCode, r.stderr).toBe(0)
    const rows = new Map(
      r.stdout
        .trimEnd()
        .split('\n')
        .map((l) => {
          const m = /^(\S(?:.*?\S)?)\s{2,}(.*)$/.exec(l)
          return [m?.[1] ?? l, m?.[2] ?? ''] as const
        }),
    )
    expect(rows.get('Digest')).toBe(image.digest)
    expect(rows.get('Platform')).toBe('linux/amd64')
    expect(rows.get('Runs as root')).toBe('yes')
    expect(rows.get('User')).toBe('(not set: root)')
    expect(rows.get('Layers')).toBe(String(image.expected.layers))
    expect(rows.get('Shell')).toMatch(image.expected.shell ? /^yes \(.*sh.*\)$/ : /^no$/)
    if (image.expected.os) expect(rows.get('OS')).toBe(image.expected.os)
    if (image.expected.packages !== undefined)
      expect(rows.get('Packages')).toBe(String(image.expected.packages))
    expect(rows.get('Recommendation')).toBeTruthy()
  })

  it('an image the registry does not have: a clear error naming it, non-zero exit, nothing on stdout', async () => {
    const missing = `${registry.host}/cli/distro:no-such-tag`
    const r = await runCli(['inspect', missing, '--format', 'json'])
    expect(r.exitCode).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/^error: /)
    expect(r.stderr).toContain('cli/distro')
    expect(r.stderr).toContain('no-such-tag')
    expect(r.stderr).toContain('not found (404, MANIFEST_UNKNOWN')
    // One line a human can read, not a stack trace.
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })

  it('a registry that is not there: a clear error naming it, non-zero exit', async () => {
    const host = `127.0.0.1:${await freePort()}`
    const r = await runCli(['inspect', `${host}/cli/distro:bookworm`])
    expect(r.exitCode).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/^error: /)
    expect(r.stderr).toContain(`Cannot reach registry ${host}`)
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })

  it('a malformed reference is refused with a usage error', async () => {
    const r = await runCli(['inspect', 'UPPER/Case'])
    expect(r.exitCode).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/^error: Invalid image reference "UPPER\/Case": .*lower case/)
  })
})

describe('shipgate scan with the base-image check (dist/cli.js)', () => {
  it('--base-image-policy enforce fails with exit 1 on a shell and root, and the JSON report says why', async () => {
    const trivy = standIn({
      [image.ref]: reportFor(fixturePath(image.report), image.ref, image.digest),
    })
    const r = await runCli(
      [
        'scan',
        image.ref,
        '--fail-on',
        'none',
        '--base-image-policy',
        'enforce',
        '--forbid',
        'shell,root-user',
        '--format',
        'json',
      ],
      trivy.env,
    )
    expect(r.exitCode, r.stderr).toBe(1)
    const report = JSON.parse(r.stdout)
    expect(report.verdict).toBe('fail')
    expect(report.reason).toMatch(/^Blocked: base image: .*The image contains a shell/)
    expect(report.images[0].baseImage).toMatchObject({
      mode: 'enforce',
      source: 'registry',
      digest: image.digest,
      runsAsRoot: true,
    })
    expect(
      report.images[0].baseImage.violations.map((v: { rule: string }) => v.rule).sort(),
    ).toEqual(['forbid:root-user', 'forbid:shell'])
    expect(r.stderr).toContain(report.reason)
  })
})

describe('shipgate verify errors (dist/cli.js)', () => {
  it('a missing option is an error on stderr with exit 2, not a verification result', async () => {
    const r = await runCli(['verify', image.ref, '--certificate-oidc-issuer', 'https://x'])
    expect(r.exitCode).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/^error: --certificate-identity is required/)
  })

  it('a trusted root that cannot be read is an error on stderr with exit 2', async () => {
    const r = await runCli([
      'verify',
      image.ref,
      '--certificate-identity',
      'https://github.com/octo-org/app/.github/workflows/release.yml@refs/heads/main',
      '--certificate-oidc-issuer',
      'https://token.actions.githubusercontent.com',
      '--trusted-root',
      '/nonexistent/trusted_root.json',
    ])
    expect(r.exitCode).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(
      /^error: Cannot read the trusted root \/nonexistent\/trusted_root\.json/,
    )
  })
})
