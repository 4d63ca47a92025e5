/** Issue 12 §1 basics through dist/: the policy file decides, inputs and flags override unless locked. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runAction, runCli } from '../support/e2e/runner.js'
import { fixturePath } from '../support/fixtures.js'
import { standIn } from '../support/trivy-stand-in/index.js'

const JUICE = fixturePath('securecodebox__juice-shop-v10.2.0.json')

function policyFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'policy-')), 'shipgate.yml')
  writeFileSync(file, text)
  return file
}

describe('shipgate scan --policy (dist/cli.js)', () => {
  it('the file sets the threshold and is named with its hash', async () => {
    const p = policyFile('version: 1\nfail-on: critical\n')
    const r = await runCli(['scan', '--report', JUICE, '--policy', p])
    expect(r.exitCode).toBe(1)
    expect(r.stdout.split('\n')[0]).toBe('Blocked: 25 critical at or above the critical threshold')
    expect(r.stderr).toMatch(new RegExp(`Policy file: ${p} \\(sha256 [0-9a-f]{64}\\)`))
  })

  it('a flag overrides a key the file does not lock; the JSON says where each value came from', async () => {
    const p = policyFile('version: 1\nfail-on: critical\nignore-unfixed: true\n')
    const r = await runCli([
      'scan',
      '--report',
      JUICE,
      '--policy',
      p,
      '--fail-on',
      'none',
      '--format',
      'json',
    ])
    expect(r.exitCode).toBe(0)
    const { settings } = JSON.parse(r.stdout)
    expect(settings.policy).toEqual({ file: p, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) })
    expect(settings.values['fail-on']).toEqual({ value: 'NONE', from: 'flag `--fail-on`' })
    expect(settings.values['ignore-unfixed']).toEqual({ value: true, from: `${p}:3` })
    expect(settings.values['fail-on-scope']).toEqual({ value: 'all', from: 'default' })
  })

  it('a locked key beats the flag, and says so', async () => {
    const p = policyFile('version: 1\nfail-on: { value: critical, locked: true }\n')
    const r = await runCli(['scan', '--report', JUICE, '--policy', p, '--fail-on', 'none'])
    expect(r.exitCode).toBe(1)
    expect(r.stderr).toMatch(
      /warning: .*shipgate\.yml locks `fail-on`, so the value given to `--fail-on` is not used/,
    )
  })

  it('a bad value is an error naming file:line and the key, exit 2', async () => {
    const p = policyFile('version: 1\n# the gate\nfail-on: severe\n')
    const r = await runCli(['scan', '--report', JUICE, '--policy', p])
    expect(r.exitCode).toBe(2)
    expect(r.stderr).toMatch(new RegExp(`^error: ${p}:3 \`fail-on\`: "severe" is not a severity`))
  })

  it('a missing file is an error naming the flag', async () => {
    const r = await runCli(['scan', '--report', JUICE, '--policy', '/nonexistent/shipgate.yml'])
    expect(r.exitCode).toBe(2)
    expect(r.stderr).toMatch(
      /^error: Flag `--policy`: "\/nonexistent\/shipgate\.yml" does not exist/,
    )
  })
})

describe('policy input (dist/index.js)', () => {
  const env = () => ({ ...standIn({}).env, STANDIN_VERSION: '0.75.0' })

  it('the file decides where the workflow says nothing', async () => {
    const p = policyFile('version: 1\nfail-on: none\nbase-image-policy: off\n')
    const r = await runAction({ 'trivy-report': JUICE, policy: p }, env())
    expect(r.exitCode).toBe(0)
    expect(r.outputs.verdict).toBe('pass')
    expect(r.stdout).toMatch(/Policy file: .*shipgate\.yml \(sha256 [0-9a-f]{64}\)/)
    const report = JSON.parse(readFileSync(r.outputs.report as string, 'utf8'))
    expect(report.settings.values['fail-on']).toEqual({ value: 'NONE', from: `${p}:2` })
    expect(report.settings.values['base-image-policy']).toEqual({ value: 'off', from: `${p}:3` })
    expect(r.summary).toContain('Settings and where they came from')
    expect(r.summary).toMatch(/<code>fail-on<\/code> \| <code>NONE<\/code> \| .*shipgate\.yml:2/)
  })

  it('an unknown key fails before any work, naming file:line', async () => {
    const p = policyFile('version: 1\nfail-on: high\nfial-on: none\n')
    const r = await runAction({ 'trivy-report': JUICE, policy: p }, env())
    expect(r.exitCode).toBe(1)
    expect(r.errors[0]).toMatch(new RegExp(`^${p}:3 \`fial-on\`: is not a policy key`))
    expect(r.outputs.verdict).toBe('fail')
  })
})
