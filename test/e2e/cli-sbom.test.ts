/** `shipgate scan --sbom`: SBOMs from the same analysis, through dist/cli.js (issue 11 §6). */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../support/e2e/runner.js'
import { fixturePath } from '../support/fixtures.js'
import { standIn } from '../support/trivy-stand-in/index.js'

const ALPINE = fixturePath('alpine-310.json.golden')
const BUSTER = fixturePath('debian-buster.json.golden')
/** A real report made with --list-all-pkgs: its SBOM has components. */
const NPM = fixturePath('npm.json.golden')

describe('shipgate scan --sbom', () => {
  it('writes a CycloneDX SBOM of the judged report where --sbom-output says, from one analysis', async () => {
    const trivy = standIn({})
    const out = join(mkdtempSync(join(tmpdir(), 'sbom-')), 'app.cdx.json')
    const r = await runCli(
      ['scan', '--report', NPM, '--fail-on', 'none', '--sbom-output', out],
      trivy.env,
    )
    expect(r.exitCode, r.stderr).toBe(0)
    const sbom = JSON.parse(readFileSync(out, 'utf8'))
    expect(sbom.bomFormat).toBe('CycloneDX')
    expect(sbom.components).toHaveLength(12)
    expect(r.stderr).toContain(`SBOM (cyclonedx): ${out}`)
    // Converted from the report: no second analysis of anything.
    expect(trivy.calls().filter((a) => a[0] === 'image')).toEqual([])
    expect(
      trivy
        .calls()
        .filter((a) => a[0] === 'convert')
        .map((a) => a[2]),
    ).toEqual(['cyclonedx'])
  })

  it('several images: one SPDX file per image inside the directory, names that stay inside it', async () => {
    const trivy = standIn({ 'alpine:3.10': ALPINE, 'debian:buster': BUSTER })
    const dir = join(mkdtempSync(join(tmpdir(), 'sbom-')), 'sboms')
    const r = await runCli(
      [
        'scan',
        'alpine:3.10',
        'debian:buster',
        '--fail-on',
        'none',
        '--sbom',
        'spdx-json',
        '--sbom-output',
        dir,
      ],
      trivy.env,
    )
    expect(r.exitCode, r.stderr).toBe(0)
    expect(readdirSync(dir).sort()).toEqual([
      '1-alpine_3.10.spdx.json',
      '2-debian_buster.spdx.json',
    ])
    expect(trivy.calls().filter((a) => a[0] === 'image')).toHaveLength(2)
    // Reports without a package list make empty SBOMs: said, not hidden.
    expect(r.stderr).toMatch(/lists no packages.*SBOM has no components/)
  })

  it('without trivy to convert, asking for an SBOM is an error, never a silent nothing', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'sbom-')), 'x.cdx.json')
    const r = await runCli(
      ['scan', '--report', ALPINE, '--fail-on', 'none', '--sbom-output', out],
      {
        PATH: '/nonexistent',
      },
    )
    expect(r.exitCode).toBe(2)
    expect(r.stderr).toMatch(/--sbom cyclonedx: no SBOM was written.*trivy must be on PATH/)
    expect(existsSync(out)).toBe(false)
  })

  it('an unknown format names the flag and the choices', async () => {
    const r = await runCli(['scan', '--report', ALPINE, '--sbom', 'swid'])
    expect(r.exitCode).toBe(2)
    expect(r.stderr).toMatch(/--sbom.*swid.*cyclonedx, spdx-json/)
  })
})
