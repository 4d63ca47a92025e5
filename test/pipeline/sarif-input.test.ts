/**
 * `trivy convert` reads the report file itself when that file says exactly what was judged
 * (issue 13: serialising a 100,000-finding report again only to convert it doubled the cost),
 * and a rewritten copy whenever policy set findings aside or the parse normalised anything.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { recordingLogger } from '../../src/logger.js'
import { runPipeline, type ScanRequest } from '../../src/pipeline.js'
import { fixturePath } from '../support/fixtures.js'
import { expectValidSarif } from '../support/sarif.js'
import { STAND_IN, standIn } from '../support/trivy-stand-in/index.js'

const BUSTER = fixturePath('debian-buster.json.golden')

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sarif-input-'))
})
afterEach(() => {
  vi.unstubAllEnvs()
})

async function judge(reportFile: string, partial: Partial<ScanRequest> = {}) {
  const s = standIn({})
  for (const [k, v] of Object.entries(s.env)) vi.stubEnv(k, v)
  const sarifPath = join(dir, 'out.sarif')
  const result = await runPipeline(
    {
      images: [],
      reportFile,
      failOn: 'CRITICAL',
      ignoreUnfixed: false,
      scanners: ['vuln'],
      timeout: '5m',
      outputDir: join(dir, 'out'),
      concurrency: 1,
      sarifPath,
      ...partial,
    },
    {
      logger: recordingLogger(),
      trivy: async () => ({ path: STAND_IN, skipDbUpdate: true }),
      now: () => new Date('2026-11-23T12:00:00Z'),
      version: 'test',
    },
  )
  const converted = s.calls().filter((argv) => argv[0] === 'convert')
  const sarif = expectValidSarif(sarifPath)
  return { result, inputs: converted.map((argv) => argv.at(-1)), sarif }
}

describe('SARIF: what trivy convert reads', () => {
  it('the report file itself, when nothing is set aside and the parse changed nothing', async () => {
    const { inputs, sarif } = await judge(BUSTER)
    expect(inputs).toEqual([BUSTER])
    expect(sarif.runs[0].results.length).toBeGreaterThan(0)
  })

  it('a copy without the ignored findings when policy set some aside', async () => {
    const { inputs, sarif, result } = await judge(BUSTER, { ignoreUnfixed: true })
    expect(inputs).toHaveLength(1)
    expect(inputs[0]).not.toBe(BUSTER)
    expect(result.report.images[0]?.ignored.LOW).toBe(1)
    expect(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toEqual([
      'CVE-2019-18224',
    ])
  })

  it('the normalised copy when the file spells a severity differently (`high`): the SARIF level follows the verdict', async () => {
    const raw = JSON.parse(readFileSync(BUSTER, 'utf8'))
    for (const r of raw.Results) for (const v of r.Vulnerabilities ?? []) v.Severity = ' high'
    const file = join(dir, 'lower.json')
    writeFileSync(file, JSON.stringify(raw))
    const { inputs, sarif, result } = await judge(file)
    expect(result.report.totals?.HIGH).toBeGreaterThan(0)
    expect(inputs[0]).not.toBe(file)
    expect(new Set(sarif.runs[0].results.map((r: { level: string }) => r.level))).toEqual(
      new Set(['error']),
    )
  })

  it('the normalised copy when the file leaves out a field the schema defaults (InstalledVersion)', async () => {
    const raw = JSON.parse(readFileSync(BUSTER, 'utf8'))
    delete raw.Results[0].Vulnerabilities[0].InstalledVersion
    const file = join(dir, 'no-version.json')
    writeFileSync(file, JSON.stringify(raw))
    const { inputs } = await judge(file)
    expect(inputs[0]).not.toBe(file)
    const converted = JSON.parse(readFileSync(inputs[0] as string, 'utf8'))
    expect(converted.Results[0].Vulnerabilities[0].InstalledVersion).toBe('')
  })

  // The judging leaves out what it never reads (scanners/trivy/unread-fields.ts); a copy made
  // for Trivy must still carry the advisories' text it converts into the SARIF's rules.
  const advisories = (file: string) =>
    (JSON.parse(readFileSync(file, 'utf8')).Results as { Vulnerabilities?: object[] }[])
      .flatMap((r) => r.Vulnerabilities ?? [])
      .map((v) => {
        const { VulnerabilityID, Description, References } = v as Record<string, unknown>
        return { VulnerabilityID, Description, References }
      })

  it('a copy that keeps the text Shipgate itself never reads (Description, References)', async () => {
    const { inputs } = await judge(BUSTER, { ignoreUnfixed: true })
    const kept = advisories(inputs[0] as string)
    expect(kept.length).toBeGreaterThan(0)
    expect(kept.every((v) => typeof v.Description === 'string')).toBe(true)
    const original = new Map(advisories(BUSTER).map((v) => [v.VulnerabilityID, v]))
    for (const v of kept) expect(v).toEqual(original.get(v.VulnerabilityID))
  })

  it('the report read again whole when one read without that text must be copied after all', async () => {
    const raw = JSON.parse(readFileSync(BUSTER, 'utf8'))
    for (const r of raw.Results) for (const v of r.Vulnerabilities ?? []) v.Severity = 'high'
    const file = join(dir, 'lower-with-text.json')
    writeFileSync(file, JSON.stringify(raw))
    const { inputs } = await judge(file)
    expect(inputs[0]).not.toBe(file)
    expect(advisories(inputs[0] as string)).toEqual(advisories(file))
    expect(advisories(file).some((v) => Array.isArray(v.References))).toBe(true)
  })
})
