import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { scanImage, TrivyRunError } from '../../scanners/trivy/run.js'
import { recordingLogger } from '../../src/logger.js'
import { fixturePath } from '../support/fixtures.js'
import { STAND_IN, standIn } from '../support/trivy-stand-in/index.js'

/** A client report as Trivy v0.70+ writes it: `Trivy.Server.VulnerabilityDB` of the server's DB. */
function clientReport(updatedAt: string): string {
  const report = JSON.parse(readFileSync(fixturePath('alpine-310.json.golden'), 'utf8'))
  report.Trivy = {
    Version: '0.74.0',
    Server: { Version: '0.74.0', VulnerabilityDB: { Version: 2, UpdatedAt: updatedAt } },
  }
  const file = join(mkdtempSync(join(tmpdir(), 'client-report-')), 'report.json')
  writeFileSync(file, JSON.stringify(report))
  return file
}

async function scan(report: string, token = 'tok-9d2e') {
  const trivy = standIn({ 'alpine:3.10': report })
  const logger = recordingLogger()
  const run = scanImage(
    {
      trivyPath: STAND_IN,
      image: 'alpine:3.10',
      outputDir: mkdtempSync(join(tmpdir(), 'server-scan-')),
      scanners: ['vuln'],
      timeout: '1m',
      skipDbUpdate: true,
      env: { ...process.env, ...trivy.env },
      server: { url: 'https://trivy.example.com', token, maxDbAgeMs: 48 * 3_600_000 },
    },
    logger,
  )
  return { run, trivy, logger }
}

describe('a scan as a Trivy client', () => {
  it('records --server, skips no DB it does not have, and logs no token', async () => {
    const fresh = new Date(Date.now() - 3_600_000).toISOString()
    const { run, trivy, logger } = await scan(clientReport(fresh))
    await run
    const [call] = trivy.invocations()
    expect(call?.argv).toEqual(expect.arrayContaining(['--server', 'https://trivy.example.com']))
    expect(call?.argv).not.toContain('--skip-db-update')
    expect(call?.argv.join(' ')).not.toContain('tok-9d2e')
    expect(call?.env.TRIVY_TOKEN).toBe('tok-9d2e')
    expect(JSON.stringify(logger.lines)).not.toContain('tok-9d2e')
  })

  it("fails the image when the report's own server DB is older than max-db-age", async () => {
    const old = new Date(Date.now() - 72 * 3_600_000).toISOString()
    const { run } = await scan(clientReport(old))
    await expect(run).rejects.toBeInstanceOf(TrivyRunError)
    await expect((await scan(clientReport(old))).run).rejects.toThrow(/Trivy server was built 7\d/)
  })
})
