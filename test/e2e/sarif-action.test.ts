/**
 * SARIF that code scanning keeps apart (issue 11 §2), through dist/index.js on a simulated
 * runner: one file and one category per image, severities and the Dockerfile location, and a
 * `sarif` path that a pull request's checkout (symlinks, hostile names) cannot redirect.
 */
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { reportFor, runAction as run, runCli } from '../support/e2e/runner.js'
import { fixturePath } from '../support/fixtures.js'
import { expectValidSarif } from '../support/sarif.js'
import { standIn } from '../support/trivy-stand-in/index.js'

const JUICE = fixturePath('securecodebox__juice-shop-v10.2.0.json')
const BUSTER = fixturePath('debian-buster.json.golden')
const ALPINE = fixturePath('alpine-310.json.golden')

const workspace = () => mkdtempSync(join(tmpdir(), 'e2e-sarif-ws-'))

function runAction(
  inputs: Record<string, string>,
  images: Record<string, string>,
  cwd = workspace(),
) {
  const trivy = standIn(images)
  return run(
    { 'base-image-policy': 'off', 'cache-db': 'false', 'fail-on': 'none', ...inputs },
    { ...trivy.env, STANDIN_VERSION: '0.75.0' },
    { cwd },
  )
}

const lines = (text: string | undefined) => (text ?? '').split('\n').filter(Boolean)

describe('dist/index.js: SARIF per image', () => {
  it('two images: two files, two categories, each run its own automationDetails.id, severities kept', async () => {
    const r = await runAction(
      { image: `ghcr.io/acme/api:1\nghcr.io/acme/web@sha256:${'a'.repeat(64)}` },
      {
        'ghcr.io/acme/api:1': JUICE,
        [`ghcr.io/acme/web@sha256:${'a'.repeat(64)}`]: BUSTER,
      },
    )
    expect(r.exitCode).toBe(0)
    const files = lines(r.outputs.sarif)
    const categories = lines(r.outputs['sarif-category'])
    expect(categories).toEqual(['shipgate/ghcr.io/acme/api/', 'shipgate/ghcr.io/acme/web/'])
    expect(files).toHaveLength(2)
    expect(dirname(files[0] as string)).toBe(dirname(files[1] as string))
    const [api, web] = files.map((f) => expectValidSarif(f))
    expect(api.runs).toHaveLength(1)
    expect(api.runs[0].automationDetails).toEqual({ id: categories[0] })
    expect(web.runs[0].automationDetails).toEqual({ id: categories[1] })
    expect(api.runs[0].results).toHaveLength(236)
    expect(web.runs[0].results).toHaveLength(2)
    // The stand-in writes no severities: they come from the report the gate judged.
    const rules = Object.fromEntries(
      web.runs[0].tool.driver.rules.map((x: { id: string }) => [x.id, x]),
    )
    expect(rules['CVE-2019-18224'].properties['security-severity']).toBe('9.8')
    expect(rules['CVE-2019-18224'].help.text).toMatch(/Fixed Version: 2\.0\.5-1\+deb10u1/)
    expect(rules['CVE-2019-18276'].properties['security-severity']).toBe('2.0')
    expect(web.runs[0].results.map((x: { level: string }) => x.level).sort()).toEqual([
      'error',
      'note',
    ])
    const report = JSON.parse(readFileSync(r.outputs.report as string, 'utf8'))
    expect(report.images.map((i: { artifacts: { sarif: string } }) => i.artifacts.sarif)).toEqual(
      files,
    )
  })

  it('one image, `sarif: results.sarif`, a platform and a Dockerfile: that one file, the platform in the category, the FROM line as location', async () => {
    const ws = workspace()
    mkdirSync(join(ws, 'docker'))
    writeFileSync(
      join(ws, 'docker', 'Dockerfile'),
      '# syntax=docker/dockerfile:1\nFROM golang:1.23 AS build\nRUN go build\n\nFROM debian:buster\nCOPY --from=build /app /app\n',
    )
    const r = await runAction(
      {
        image: 'ghcr.io/acme/api:1',
        sarif: 'results.sarif',
        platform: 'linux/arm64',
        dockerfile: 'docker/Dockerfile',
      },
      { 'ghcr.io/acme/api:1': BUSTER },
      ws,
    )
    expect(r.exitCode).toBe(0)
    expect(r.outputs.sarif).toBe(join(ws, 'results.sarif'))
    expect(r.outputs['sarif-category']).toBe('shipgate/ghcr.io/acme/api/linux/arm64/')
    const doc = expectValidSarif(join(ws, 'results.sarif'))
    expect(doc.runs[0].automationDetails.id).toBe('shipgate/ghcr.io/acme/api/linux/arm64/')
    expect(doc.runs[0].properties.platform).toBe('linux/arm64')
    for (const result of doc.runs[0].results) {
      expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe('docker/Dockerfile')
      expect(result.locations[0].physicalLocation.region.startLine).toBe(5)
    }
  })

  it('a report whose ArtifactName is hostile (Markdown, control characters, `..`): sanitised category, file inside the directory', async () => {
    const hostile = '../../[pwn](https://evil.example)\u0007/**x**\n::error::forged'
    const file = reportFor(ALPINE, 'placeholder')
    const report = JSON.parse(readFileSync(file, 'utf8'))
    report.ArtifactName = hostile
    writeFileSync(file, JSON.stringify(report))
    const ws = workspace()
    const r = await runAction({ 'trivy-report': file, sarif: 'out/' }, {}, ws)
    expect(r.exitCode).toBe(0)
    const [path] = lines(r.outputs.sarif)
    const [category] = lines(r.outputs['sarif-category'])
    expect(dirname(path as string)).toBe(join(ws, 'out'))
    expect(readdirSync(join(ws, 'out'))).toEqual([(path as string).split('/').at(-1)])
    expect(category).toMatch(/^shipgate\/[A-Za-z0-9._:-]+(\/[A-Za-z0-9._:-]+)*\/$/)
    expect(category).not.toMatch(/\.\.|\[|\(|\*|::/)
    // No workflow command from the name (warnings that quote it escape its newline).
    expect(r.stdout.split('\n').some((l) => l.startsWith('::error::forged'))).toBe(false)
    const doc = expectValidSarif(path as string)
    expect(doc.runs[0].automationDetails.id).toBe(category)
  })

  it('two images whose names meet once flattened still get two files and two categories', async () => {
    const r = await runAction(
      { image: 'ghcr.io/acme/a_b:1, ghcr.io/acme/a/b:1' },
      { 'ghcr.io/acme/a_b:1': ALPINE, 'ghcr.io/acme/a/b:1': BUSTER },
    )
    expect(r.exitCode).toBe(0)
    const files = lines(r.outputs.sarif)
    const categories = lines(r.outputs['sarif-category'])
    expect(new Set(files).size).toBe(2)
    expect(categories).toEqual(['shipgate/ghcr.io/acme/a_b/', 'shipgate/ghcr.io/acme/a/b/'])
    const docs = files.map((f) => expectValidSarif(f))
    expect(docs.map((d) => d.runs[0].results.length)).toEqual([4, 2])
  })

  it('a symlink committed at the `sarif` path is replaced, never written through', async () => {
    const ws = workspace()
    const victim = join(mkdtempSync(join(tmpdir(), 'e2e-victim-')), 'authorized_keys')
    writeFileSync(victim, 'ssh-ed25519 AAAA… keep me\n')
    symlinkSync(victim, join(ws, 'results.sarif'))
    const r = await runAction(
      { image: 'alpine:3.10', sarif: 'results.sarif' },
      { 'alpine:3.10': ALPINE },
      ws,
    )
    expect(r.exitCode).toBe(0)
    expect(readFileSync(victim, 'utf8')).toBe('ssh-ed25519 AAAA… keep me\n')
    expect(lstatSync(join(ws, 'results.sarif')).isSymbolicLink()).toBe(false)
    expectValidSarif(join(ws, 'results.sarif'))
  })

  it('a `sarif` directory that links outside the workspace fails the step, naming the path, and writes nothing there', async () => {
    const ws = workspace()
    const elsewhere = mkdtempSync(join(tmpdir(), 'e2e-elsewhere-'))
    symlinkSync(elsewhere, join(ws, 'reports'))
    const r = await runAction(
      { image: 'alpine:3.10', sarif: 'reports/' },
      { 'alpine:3.10': ALPINE },
      ws,
    )
    expect(r.exitCode).toBe(1)
    expect(r.stdout).toMatch(/sarif path .*reports.* outside/)
    expect(readdirSync(elsewhere)).toEqual([])
    expect(r.outputs.sarif ?? '').toBe('')
    // Nothing is lost: the report and the SBOM still come out.
    expect(existsSync(r.outputs.report as string)).toBe(true)
    expect(JSON.parse(readFileSync(r.outputs.sbom as string, 'utf8')).bomFormat).toBe('CycloneDX')
  })

  it('a `sarif` input with a newline is refused before any work, naming the input', async () => {
    const trivy = standIn({ 'alpine:3.10': ALPINE })
    const r = await run(
      { image: 'alpine:3.10', sarif: 'a.sarif\n::error::forged', 'base-image-policy': 'off' },
      trivy.env,
    )
    expect(r.exitCode).toBe(1)
    expect(r.stdout).toContain('::error::Input `sarif`: ')
    expect(r.stdout).toMatch(/holds a newline or control character/)
    expect(r.stdout.split('\n').some((l) => l.startsWith('::error::forged'))).toBe(false)
    expect(trivy.calls().filter((a) => a[0] === 'image')).toEqual([])
  })

  it('CLI: several images with --sarif DIR/ write one file each, and --format sarif prints one log with each run under its category', async () => {
    const trivy = standIn({ 'alpine:3.10': ALPINE, 'debian:buster': BUSTER })
    const dir = `${join(mkdtempSync(join(tmpdir(), 'e2e-cli-sarif-')), 'sarif')}/`
    const args = ['scan', 'alpine:3.10', 'debian:buster', '--fail-on', 'none']
    const r = await runCli([...args, '--sarif', dir], trivy.env)
    expect(r.exitCode, r.stderr).toBe(0)
    expect(readdirSync(dir).sort()).toEqual(['alpine.sarif', 'debian.sarif'])
    expect(r.stderr).toContain(`SARIF (shipgate/alpine/): ${join(dir, 'alpine.sarif')}`)
    for (const f of readdirSync(dir)) expectValidSarif(join(dir, f))

    const printed = await runCli([...args, '--format', 'sarif'], trivy.env)
    expect(printed.exitCode, printed.stderr).toBe(0)
    const out = join(mkdtempSync(join(tmpdir(), 'e2e-cli-sarif-')), 'stdout.sarif')
    writeFileSync(out, printed.stdout)
    const doc = expectValidSarif(out)
    expect(
      doc.runs.map((x: { automationDetails: { id: string } }) => x.automationDetails.id),
    ).toEqual(['shipgate/alpine/', 'shipgate/debian/'])
  })
})
