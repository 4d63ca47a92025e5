import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { TrivyInstallError } from '../../scanners/trivy/install.js'
import { classifyBaseline } from '../../src/baseline.js'
import { recordingLogger } from '../../src/logger.js'
import { type PipelineDeps, runPipeline, type ScanRequest } from '../../src/pipeline.js'
import { fixturePath } from '../support/fixtures.js'
import { expectValidSarif } from '../support/sarif.js'
import { STAND_IN, standIn } from '../support/trivy-stand-in/index.js'

const JUICE = fixturePath('securecodebox__juice-shop-v10.2.0.json')
const BUSTER = fixturePath('debian-buster.json.golden')
const ALPINE = fixturePath('alpine-310.json.golden')

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pipeline-'))
})
afterEach(() => {
  vi.unstubAllEnvs()
})

function request(partial: Partial<ScanRequest>): ScanRequest {
  return {
    images: [],
    failOn: 'HIGH',
    ignoreUnfixed: false,
    scanners: ['vuln', 'secret'],
    timeout: '5m',
    outputDir: join(dir, 'out'),
    concurrency: 2,
    ...partial,
  }
}

function deps(
  trivy: string | null = STAND_IN,
): PipelineDeps & { logger: ReturnType<typeof recordingLogger> } {
  return {
    logger: recordingLogger(),
    trivy: async () => (trivy ? { path: trivy, skipDbUpdate: true } : undefined),
    now: () => new Date('2026-11-23T12:00:00Z'),
    version: 'test',
  }
}

function useStandIn(images: Record<string, string>) {
  const s = standIn(images)
  for (const [k, v] of Object.entries(s.env)) vi.stubEnv(k, v)
  return s
}

describe('runPipeline with Trivy (stand-in replaying real reports)', () => {
  it('analyses each image exactly once and derives SARIF and SBOM by conversion', async () => {
    const trivy = useStandIn({ 'ghcr.io/acme/api:1': JUICE, 'ghcr.io/acme/web:1': ALPINE })
    const sarif = join(dir, 'results.sarif')
    const result = await runPipeline(
      request({
        images: ['ghcr.io/acme/api:1', 'ghcr.io/acme/web:1'],
        sarifPath: sarif,
        sbomFormat: 'cyclonedx',
      }),
      deps(),
    )
    const calls = trivy.calls()
    const scans = calls.filter((a) => a[0] === 'image')
    expect(scans.map((a) => a.at(-1)).sort()).toEqual(['ghcr.io/acme/api:1', 'ghcr.io/acme/web:1'])
    for (const args of scans) {
      expect(args).toEqual(
        expect.arrayContaining([
          '--format',
          'json',
          '--list-all-pkgs',
          '--exit-code',
          '0',
          '--skip-db-update',
        ]),
      )
      expect(args[args.indexOf('--severity') + 1]).toBe('CRITICAL,HIGH,MEDIUM,LOW,UNKNOWN')
      expect(args).not.toContain('--ignore-unfixed')
    }
    const converts = calls.filter((a) => a[0] === 'convert')
    expect(converts.map((a) => a[a.indexOf('--format') + 1]).sort()).toEqual([
      'cyclonedx',
      'cyclonedx',
      'sarif',
      'sarif',
    ])

    expect(result.errors).toEqual([])
    expect(result.report.verdict).toBe('fail')
    expect(result.report.totals).toEqual({
      CRITICAL: 25,
      HIGH: 129,
      MEDIUM: 71,
      LOW: 16,
      UNKNOWN: 0,
    })
    // Two images: a directory of one SARIF per image, each its own code-scanning category.
    expect(result.sarif?.map((s) => [s.path, s.category])).toEqual([
      [join(sarif, 'ghcr.io_acme_api.sarif'), 'shipgate/ghcr.io/acme/api/'],
      [join(sarif, 'ghcr.io_acme_web.sarif'), 'shipgate/ghcr.io/acme/web/'],
    ])
    const [api, web] = (result.sarif ?? []).map((s) => expectValidSarif(s.path))
    expect(api.runs).toHaveLength(1)
    expect(api.runs[0].results).toHaveLength(236)
    expect(web.runs[0].results).toHaveLength(4)
    expect(web.runs[0].automationDetails).toEqual({ id: 'shipgate/ghcr.io/acme/web/' })
    const onDisk = JSON.parse(readFileSync(result.reportPath, 'utf8'))
    expect(onDisk.verdict).toBe('fail')
    expect(onDisk.images.map((i: { image: string }) => i.image)).toEqual([
      'ghcr.io/acme/api:1',
      'ghcr.io/acme/web:1',
    ])
    expect(result.report.images[0]?.artifacts.cyclonedx).toMatch(/sbom\.cdx\.json$/)
  })

  it('leaves ignored findings out of the SARIF so code scanning agrees with the verdict', async () => {
    useStandIn({ 'debian:buster': BUSTER })
    const sarif = join(dir, 'results.sarif')
    const result = await runPipeline(
      request({ images: ['debian:buster'], sarifPath: sarif, ignoreUnfixed: true }),
      deps(),
    )
    const merged = expectValidSarif(sarif)
    expect(merged.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toEqual([
      'CVE-2019-18224',
    ])
    expect(result.report.images[0]?.ignored.LOW).toBe(1)
  })

  it('a crashed Trivy fails closed and shows the tail of its output', async () => {
    useStandIn({ 'good:1': ALPINE, 'bad:1': 'crash' })
    const result = await runPipeline(
      request({ images: ['good:1', 'bad:1'], failOn: 'NONE' }),
      deps(),
    )
    expect(result.report.verdict).toBe('fail')
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toMatch(/Trivy exited with code 2 while scanning bad:1/)
    expect(result.errors[0]).toMatch(/nil pointer dereference/)
    expect(result.report.reason).toMatch(/^Incomplete: 1 error stopped the scan/)
    // Nothing lost: the image that did scan is still in the report.
    expect(result.report.images.map((i) => i.image)).toEqual(['good:1'])
    // The one that did not is listed without counts, and no total pretends to cover it.
    expect(result.report.notScanned).toEqual([
      { image: 'bad:1', reason: expect.stringMatching(/Trivy exited with code 2/) },
    ])
    expect(result.report.totals).toBeUndefined()
    const written = JSON.parse(readFileSync(result.reportPath, 'utf8'))
    expect(written).not.toHaveProperty('totals')
  })

  it('an image that does not exist gets a hint on what to do', async () => {
    useStandIn({})
    const result = await runPipeline(request({ images: ['ghcr.io/acme/nope:1'] }), deps())
    expect(result.errors[0]).toMatch(/Check that ghcr.io\/acme\/nope:1 exists and was pushed/)
    expect(result.report.verdict).toBe('fail')
  })

  it('unparsable output never passes', async () => {
    useStandIn({ 'x:1': 'garbage' })
    const result = await runPipeline(request({ images: ['x:1'], failOn: 'NONE' }), deps())
    expect(result.report.verdict).toBe('fail')
    expect(result.errors[0]).toMatch(
      /Trivy exited 0 but its report for x:1 is unusable: .*is not JSON/,
    )
  })

  it('a Trivy that overruns the timeout is stopped with a clear error', async () => {
    useStandIn({ 'slow:1': 'hang' })
    // Trivy's own timeout plus a grace is the hard stop for a Trivy that ignores its timeout.
    const result = await runPipeline(
      request({ images: ['slow:1'], timeout: '1s', graceMs: 500 }),
      deps(),
    )
    expect(result.errors[0]).toMatch(/did not finish scanning slow:1 within 1s \(\+1s grace\)/)
    expect(result.report.verdict).toBe('fail')
    expect(result.report.totals).toBeUndefined()
    expect(result.report.images).toEqual([])
    expect(result.report.notScanned.map((u) => u.image)).toEqual(['slow:1'])
  })
})

describe('runPipeline from an existing report (no Trivy run)', () => {
  it('judges the report and writes Shipgate JSON without any trivy binary', async () => {
    const d = deps(null)
    const result = await runPipeline(
      request({ reportFile: JUICE, sarifPath: join(dir, 'x.sarif') }),
      d,
    )
    expect(result.report.images[0]?.image).toBe('bkimminich/juice-shop:v10.2.0')
    expect(result.report.verdict).toBe('fail')
    expect(result.sarifPath).toBeUndefined()
    expect(result.report.warnings[0]).toMatch(/no trivy binary is available/)
  })

  it('reports an unreadable report path as an error naming the input', async () => {
    await expect(
      runPipeline(request({ reportFile: join(dir, 'missing.json') }), deps()),
    ).rejects.toThrow(/missing\.json: does not exist\. Check the `trivy-report` path/)
  })

  it('a compare-to that is not a report nor an image never reaches Trivy: refused when classified', () => {
    expect(() => classifyBaseline('--server=http://evil.example:4954')).toThrow(
      /Input `compare-to`: "--server=http:\/\/evil\.example:4954" is not an image reference/,
    )
  })

  it('a tampered Trivy download is never a warning, even when only the conversions need it', async () => {
    for (const code of [
      'checksum-mismatch',
      'signature-identity',
      'compromised-version',
    ] as const) {
      const d = {
        ...deps(),
        trivy: async () => {
          throw new TrivyInstallError(code, `forged trivy (${code})`)
        },
      }
      await expect(
        runPipeline(request({ reportFile: JUICE, sarifPath: join(dir, 't.sarif') }), d),
      ).rejects.toThrow(`forged trivy (${code})`)
    }
    // An unreachable download is not an attack: the conversions are skipped and it says why.
    const offline = {
      ...deps(),
      trivy: async () => {
        throw new TrivyInstallError('download-failed', 'no network')
      },
    }
    const result = await runPipeline(
      request({ reportFile: JUICE, sarifPath: join(dir, 'o.sarif') }),
      offline,
    )
    expect(result.report.warnings.join('\n')).toMatch(/could not be installed.*no network/)
  })

  it('asks for Trivy once per run, before the report is judged, however many steps need it', async () => {
    let asked = 0
    let judgedBefore: boolean | undefined
    const base = deps()
    const d = {
      ...base,
      trivy: async () => {
        asked++
        // Started with the read (the conversions will need it), not after the verdict.
        judgedBefore = existsSync(join(dir, 'once', 'shipgate-report.json'))
        return base.trivy()
      },
    }
    const result = await runPipeline(
      request({
        reportFile: JUICE,
        sarifPath: join(dir, 'once.sarif'),
        sbomFormat: 'cyclonedx',
        outputDir: join(dir, 'once'),
      }),
      d,
    )
    expect(asked).toBe(1)
    expect(judgedBefore).toBe(false)
    expect(result.sarifPath ?? result.sarif?.[0]?.path).toBeDefined()
  })

  it('the image itself always comes after `--`: never read as a flag', async () => {
    const trivy = useStandIn({ 'a:1': ALPINE })
    await runPipeline(request({ images: ['a:1'] }), deps())
    const scan = trivy.calls().find((a) => a[0] === 'image') ?? []
    expect(scan.slice(-2)).toEqual(['--', 'a:1'])
  })

  it('says so when a report carries licence findings Shipgate does not evaluate', async () => {
    const report = JSON.parse(readFileSync(ALPINE, 'utf8'))
    report.Results[0].Licenses = [{ Name: 'AGPL-3.0', Severity: 'CRITICAL', Category: 'forbidden' }]
    const file = join(dir, 'licences.json')
    writeFileSync(file, JSON.stringify(report))
    const result = await runPipeline(request({ reportFile: file }), deps(null))
    expect(result.report.warnings.join('\n')).toMatch(
      /1 licence finding\(s\); Shipgate does not evaluate licences/,
    )
  })
})
