import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { execa } from 'execa'
import { describe, expect, it } from 'vitest'
import { fixturePath } from '../support/fixtures.js'
import { NODE24_BIN, standIn } from '../support/trivy-stand-in/index.js'

const ROOT = new URL('../../', import.meta.url).pathname
const NODE = join(NODE24_BIN, 'node')

function parseOutputs(file: string): Record<string, string> {
  // GITHUB_OUTPUT uses heredoc blocks: name<<delimiter\nvalue\ndelimiter
  const text = readFileSync(file, 'utf8')
  const out: Record<string, string> = {}
  const re = /^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm
  for (const m of text.matchAll(re)) out[m[1] as string] = m[3] as string
  return out
}

/** Runs dist/index.js as the runner does: INPUT_* variables, command files, Node 24. */
async function runAction(inputs: Record<string, string>, extraEnv: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'e2e-'))
  const files = { output: join(dir, 'output'), summary: join(dir, 'summary.md') }
  for (const f of Object.values(files)) writeFileSync(f, '')
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: dir,
    RUNNER_TEMP: join(dir, 'temp'),
    RUNNER_TOOL_CACHE: join(dir, 'toolcache'),
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_WORKSPACE: dir,
    GITHUB_RUN_ID: '42',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_REPOSITORY: 'acme/api',
    ...extraEnv,
  }
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v
  const result = await execa(NODE, [join(ROOT, 'dist/index.js')], {
    env,
    extendEnv: false,
    reject: false,
    cwd: dir,
  })
  return {
    exitCode: result.exitCode,
    stdout: result.stdout,
    outputs: parseOutputs(files.output),
    summary: readFileSync(files.summary, 'utf8'),
  }
}

describe('dist/index.js on a simulated runner', () => {
  it('fails the step on findings at or above fail-on, with outputs, summary and SARIF', async () => {
    const trivy = standIn({
      'ghcr.io/acme/api:1': fixturePath('securecodebox__juice-shop-v10.2.0.json'),
    })
    const r = await runAction(
      { image: 'ghcr.io/acme/api:1', 'fail-on': 'critical', 'cache-db': 'false' },
      { ...trivy.env, STANDIN_VERSION: '0.75.0' },
    )
    expect(r.exitCode).toBe(1)
    expect(r.stdout).toContain('::error::Blocked: 25 critical at or above the critical threshold')
    expect(r.outputs).toMatchObject({
      verdict: 'fail',
      critical: '25',
      high: '129',
      medium: '67',
      low: '16',
      unknown: '0',
    })
    const report = JSON.parse(readFileSync(r.outputs.report as string, 'utf8'))
    expect(report.images[0].image).toBe('ghcr.io/acme/api:1')
    const sarif = JSON.parse(readFileSync(r.outputs.sarif as string, 'utf8'))
    expect(sarif.runs[0].results).toHaveLength(236)
    expect(r.summary).toMatch(/Blocked/)
    expect(r.summary).toContain('CVE-')
    // One analysis of the image: the DB warm-up and conversions are not scans.
    const scans = trivy.calls().filter((a) => a[0] === 'image' && !a.includes('--download-db-only'))
    expect(scans).toHaveLength(1)
  })

  it('passes when nothing reaches the threshold', async () => {
    const trivy = standIn({ 'alpine:3.10': fixturePath('alpine-310.json.golden') })
    const r = await runAction(
      { image: 'alpine:3.10', 'fail-on': 'high', 'cache-db': 'false' },
      { ...trivy.env, STANDIN_VERSION: '0.75.0' },
    )
    expect(r.exitCode).toBe(0)
    expect(r.outputs).toMatchObject({ verdict: 'pass', medium: '4', critical: '0' })
    expect(r.summary).toMatch(/Passed/)
  })

  it('judges an existing report offline', async () => {
    const trivy = standIn({})
    const r = await runAction(
      {
        'trivy-report': fixturePath('debian-buster.json.golden'),
        'fail-on': 'critical',
        'ignore-unfixed': 'true',
      },
      { ...trivy.env, STANDIN_VERSION: '0.75.0' },
    )
    expect(r.exitCode).toBe(1)
    expect(r.outputs).toMatchObject({ verdict: 'fail', critical: '1', low: '0' })
    // No scan and no DB download: only the conversion to SARIF ran.
    expect(trivy.calls().map((a) => a[0])).toEqual(['--version', 'convert'])
    const sarif = JSON.parse(readFileSync(r.outputs.sarif as string, 'utf8'))
    expect(sarif.runs[0].results.map((x: { ruleId: string }) => x.ruleId)).toEqual([
      'CVE-2019-18224',
    ])
  })

  it('rejects a bad input with a message naming it, before any work', async () => {
    const r = await runAction({ image: 'alpine:3.10', 'fail-on': 'severe' })
    expect(r.exitCode).toBe(1)
    expect(r.stdout).toContain('::error::Input `fail-on`: "severe" is not a severity')
    expect(r.outputs.verdict).toBeUndefined()
  })

  it('a Trivy crash fails the step with its stderr, never a pass', async () => {
    const trivy = standIn({ 'x:1': 'crash' })
    const r = await runAction(
      { image: 'x:1', 'fail-on': 'none', 'cache-db': 'false' },
      { ...trivy.env, STANDIN_VERSION: '0.75.0' },
    )
    expect(r.exitCode).toBe(1)
    expect(r.stdout).toMatch(/::error::Trivy exited with code 2 while scanning x:1/)
    expect(r.outputs.verdict).toBe('fail')
  })
})
