/**
 * The CLI as a shell user and a runner see it (issue 9, items 8, 11, 13): through dist/cli.js.
 */
import { execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { NODE, ROOT, runCli } from '../support/e2e/runner.js'
import { fixturePath } from '../support/fixtures.js'

const CLI = join(ROOT, 'dist/cli.js')
const JUICE = fixturePath('securecodebox__juice-shop-v10.2.0.json')

/** Runs the CLI with stdout to a reader that goes away after the first chunk (`| head -c 10`). */
function runWithEarlyClose(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE, [CLI, ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: mkdtempSync(join(tmpdir(), 'epipe-')) },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (d) => {
      stderr += d
    })
    child.stdout.once('data', () => child.stdout.destroy())
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stderr }))
  })
}

describe('shipgate scan | head -c 10 (the reader goes away)', () => {
  it('a passing scan still exits 0, quietly', async () => {
    const r = await runWithEarlyClose([
      'scan',
      '--report',
      JUICE,
      '--fail-on',
      'none',
      '--format',
      'json',
    ])
    expect(r.stderr).not.toMatch(/EPIPE|Error:|at .*\.js:\d+/)
    expect(r.code).toBe(0)
  })

  it('a failing scan still exits 1', async () => {
    const r = await runWithEarlyClose(['scan', '--report', JUICE, '--format', 'json'])
    expect(r.stderr).not.toMatch(/EPIPE|Error:|at .*\.js:\d+/)
    expect(r.code).toBe(1)
  })

  it('the table format too', async () => {
    const r = await runWithEarlyClose(['scan', '--report', JUICE, '--fail-on', 'none'])
    expect(r.stderr).not.toMatch(/EPIPE|Error:|at .*\.js:\d+/)
    expect(r.code).toBe(0)
  })
})

/** A Node older than 24 on this machine (the system node), if there is one. */
function oldNode(): string | undefined {
  for (const candidate of ['/usr/bin/node', '/bin/node', '/usr/local/bin/node']) {
    try {
      const version = execFileSync(candidate, ['--version'], { encoding: 'utf8' }).trim()
      if (Number(version.replace(/^v/, '').split('.')[0]) < 24) return candidate
    } catch {
      // not there
    }
  }
  return undefined
}

describe('on a Node.js older than 24', () => {
  const node = oldNode()
  it.skipIf(!node)('dist/cli.js says which Node it needs and exits 2, no SyntaxError', () => {
    const r = spawnSync(node as string, [CLI, 'scan', '--report', JUICE])
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/^Shipgate needs Node\.js 24 or newer \(found \d+\.\d+\.\d+\)\.\n$/)
    expect(r.stdout).toBe('')
  })

  it.skipIf(!node)('dist/index.js fails the step with the same message as an error', () => {
    const r = spawnSync(node as string, [join(ROOT, 'dist/index.js')])
    expect(r.status).toBe(2)
    expect(r.stdout).toMatch(/^::error::Shipgate needs Node\.js 24 or newer \(found \d+\./)
    expect(r.stderr).not.toMatch(/SyntaxError/)
  })
})

function spawnSync(node: string, args: string[]) {
  try {
    const stdout = execFileSync(node, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
    return { status: 0, stdout, stderr: '' }
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string }
    return { status: e.status, stdout: e.stdout, stderr: e.stderr }
  }
}

/** A Trivy report as an attacker would forge it: every field a line break away from a command. */
function forgedReport(): string {
  const inject = (what: string) =>
    `${what}\n::add-mask::hidden\n::stop-commands::pwned\n::error::forged ${what}`
  const report = {
    SchemaVersion: 2,
    ArtifactName: inject('ghcr.io/acme/app:1'),
    ArtifactType: 'container_image',
    Metadata: { OS: { Family: 'alpine', Name: '3.19' } },
    Results: [
      {
        Target: inject('target'),
        Class: 'os-pkgs',
        Type: 'alpine',
        Vulnerabilities: [
          {
            VulnerabilityID: inject('CVE-2024-0001'),
            PkgName: inject('openssl'),
            InstalledVersion: '3.1.0\r::warning::cr',
            FixedVersion: '3.1.1',
            Severity: 'CRITICAL',
            Title: inject('title'),
          },
          {
            VulnerabilityID: '::error::starts-a-line',
            PkgName: '  ::notice::indented',
            InstalledVersion: '1\u2028::error::ls',
            Severity: 'HIGH',
          },
        ],
      },
    ],
  }
  const file = join(mkdtempSync(join(tmpdir(), 'forged-')), 'trivy.json')
  writeFileSync(file, JSON.stringify(report))
  return file
}

/** The lines the runner would execute: trimmed of leading whitespace, starting with `::`. */
function commandLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/).filter((l) => l.trimStart().startsWith('::'))
}

describe('outside text never becomes a workflow command (dist/cli.js)', () => {
  it.each(['table', 'json', 'markdown'])('--format %s: no line starts with ::', async (format) => {
    const r = await runCli([
      'scan',
      '--report',
      forgedReport(),
      '--format',
      format,
      '--fail-on',
      'none',
    ])
    expect(r.exitCode, r.stderr).toBe(0)
    expect(commandLines(r.stdout)).toEqual([])
    expect(commandLines(r.stderr)).toEqual([])
    if (format === 'json') {
      // Still the data as it was, escaped by JSON itself.
      const report = JSON.parse(r.stdout)
      expect(report.images[0].image).toContain('\n::add-mask::hidden')
    } else {
      // Still visible, escaped (Markdown doubles the backslash so that it shows).
      expect(r.stdout).toMatch(/CVE-2024-0001\\{1,2}n::add-mask::hidden/)
    }
  })
})

describe("CLI messages speak the shell's language (dist/cli.js)", () => {
  const ALPINE = fixturePath('alpine-310.json.golden')
  it.each([
    [['--fail-on', 'severe'], /^error: Flag `--fail-on`: "severe" is not a severity/],
    [['--fail-on-scope', 'new'], /^error: Flag `--fail-on-scope`: .* set `--compare-to`/],
    [['--timeout', '0s'], /^error: Flag `--timeout`: "0s" is out of range/],
    [['--max-parallel', '1e1'], /^error: Flag `--max-parallel`: "1e1" must be a whole number/],
    [['--platform', 'amd64'], /^error: Flag `--platform`: "amd64" is not a platform/],
    [['--forbid', 'bash'], /^error: Flag `--forbid`: "bash" is not one of/],
    [['--base-image-policy', 'strict'], /^error: Flag `--base-image-policy`: "strict" is not one/],
    [['--max-image-size', '0'], /^error: Flag `--max-image-size`: "0" is out of range/],
    [['a:1', 'b:1'], /^error: Flag `--report`: .* `IMAGE` lists 2/],
  ])('%j', async (args, message) => {
    const r = await runCli(['scan', '--report', ALPINE, ...args])
    expect(r.exitCode).toBe(2)
    expect(r.stderr).toMatch(message)
    expect(r.stderr).not.toMatch(/Input `/)
    expect(r.stdout).toBe('')
  })

  it('no trivy: says how to give one, in flags', async () => {
    const r = await runCli(['scan', 'alpine:3', '--trivy', '/nonexistent/trivy'])
    expect(r.exitCode).toBe(2)
    expect(r.stderr).toMatch(/Trivy is not available .* --trivy PATH, .* --report FILE/)
    expect(r.stderr).not.toMatch(/`trivy-report`/)
  })

  it('judging a report with no trivy anywhere warns about nothing it was not asked for', async () => {
    const r = await runCli(['scan', '--report', ALPINE], { PATH: '/nonexistent' })
    expect(r.exitCode).toBe(0)
    expect(r.stderr).not.toMatch(/warning|SARIF|SBOM/i)
  })
})
