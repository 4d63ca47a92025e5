import { afterEach, describe, expect, it, vi } from 'vitest'
import { EXIT, main } from '../../src/cli.js'
import { fixturePath } from '../support/fixtures.js'
import { sarifSchemaErrors } from '../support/sarif.js'
import { STAND_IN, standIn } from '../support/trivy-stand-in/index.js'

async function cli(args: string[], env: NodeJS.ProcessEnv = process.env) {
  let stdout = ''
  let stderr = ''
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env })
  return { code, stdout, stderr }
}

afterEach(() => vi.unstubAllEnvs())

describe('shipgate scan', () => {
  const JUICE = fixturePath('securecodebox__juice-shop-v10.2.0.json')

  it('exits 1 when the policy fails and prints the table', async () => {
    const r = await cli(['scan', '--report', JUICE])
    expect(r.code).toBe(EXIT.policy)
    expect(r.stdout.split('\n')[0]).toBe(
      'Blocked: 25 critical, 129 high at or above the high threshold',
    )
    expect(r.stdout).toContain('bkimminich/juice-shop:v10.2.0 (alpine 3.11.5)')
    expect(r.stdout).toMatch(/CRITICAL\s+CVE-/)
  })

  it('exits 0 when nothing reaches the threshold', async () => {
    const r = await cli(['scan', '--report', JUICE, '--fail-on', 'none', '--format', 'json'])
    expect(r.code).toBe(EXIT.pass)
    const report = JSON.parse(r.stdout)
    expect(report).toMatchObject({ verdict: 'pass', totals: { CRITICAL: 25 } })
  })

  it('--format markdown prints the comment body', async () => {
    const r = await cli(['scan', '--report', JUICE, '--format', 'markdown'])
    expect(r.code).toBe(EXIT.policy)
    expect(r.stdout).toMatch(/Blocked/)
    expect(r.stdout.length).toBeLessThanOrEqual(65_536)
  })

  it('--format sarif converts with trivy and prints SARIF', async () => {
    const trivy = standIn({})
    const r = await cli(
      [
        'scan',
        '--report',
        fixturePath('alpine-310.json.golden'),
        '--format',
        'sarif',
        '--trivy',
        STAND_IN,
      ],
      {
        ...process.env,
        ...trivy.env,
      },
    )
    expect(r.code).toBe(EXIT.pass)
    const sarif = JSON.parse(r.stdout)
    expect(sarifSchemaErrors(sarif)).toEqual([])
    expect(sarif.runs[0].results).toHaveLength(4)
    expect(sarif.runs[0].automationDetails).toEqual({
      id: 'shipgate/testdata/fixtures/images/alpine-310.tar.gz/',
    })
  })

  it.each([
    [['scan'], /nothing to scan/],
    [
      ['scan', '--report', JUICE, '--fail-on', 'severe'],
      /Flag `--fail-on`: "severe" is not a severity/,
    ],
    [['scan', '--report', '/nope.json'], /nope\.json: does not exist/],
    [
      ['scan', '--report', fixturePath('alpine-310.sarif.golden')],
      /is a SARIF, not a Trivy JSON report/,
    ],
    [['scan', '--report', JUICE, '--format', 'xml'], /argument 'xml' is invalid/],
    [['bogus'], /unknown command/],
    [
      ['scan', '--report', JUICE, '--max-parallel', 'abc'],
      /Flag `--max-parallel`: "abc" must be a whole number/,
    ],
    [
      ['scan', '--report', JUICE, '--format', 'markdown', '--max-length', '0'],
      /Flag `--max-length`/,
    ],
  ])('exits 2 on %j', async (args, message) => {
    const r = await cli(args)
    expect(r.code).toBe(EXIT.error)
    expect(r.stderr).toMatch(message)
  })

  it('--no-ignore-unfixed and --ignore-unfixed are both recorded as given', async () => {
    for (const [flag, value] of [
      ['--ignore-unfixed', true],
      ['--no-ignore-unfixed', false],
    ] as const) {
      const r = await cli([
        'scan',
        '--report',
        JUICE,
        flag,
        '--fail-on',
        'none',
        '--format',
        'json',
      ])
      expect(JSON.parse(r.stdout).settings.values['ignore-unfixed']).toEqual({
        value,
        from: 'flag `--ignore-unfixed`',
      })
    }
  })

  it('exits 2, never 0, when Trivy crashes', async () => {
    const trivy = standIn({ 'x:1': 'crash' })
    const r = await cli(['scan', 'x:1', '--fail-on', 'none', '--trivy', STAND_IN], {
      ...process.env,
      ...trivy.env,
    })
    expect(r.code).toBe(EXIT.error)
    expect(r.stderr).toMatch(/Trivy exited with code 2 while scanning x:1/)
  })

  it('exits 2 when no trivy is installed and an image is given', async () => {
    const r = await cli(['scan', 'alpine:3', '--trivy', '/nonexistent/trivy'])
    expect(r.code).toBe(EXIT.error)
    expect(r.stderr).toMatch(/Trivy is not available/)
  })
})
