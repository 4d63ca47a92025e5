/**
 * The merge of a multi-platform image's analyses (src/platforms/merge.ts) and how it renders
 * (src/render/platforms.ts), on a real Trivy report from the fixtures.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { TrivyReport } from '../../scanners/trivy/schema.js'
import type { ImageReport } from '../../src/model.js'
import { mergedScan, mergeReports, relabel } from '../../src/platforms/merge.js'
import { evaluate } from '../../src/policy/evaluate.js'
import { platformCell } from '../../src/render/platforms.js'
import { imageReportOf } from '../../src/report/assemble.js'
import { fixturePath } from '../support/fixtures.js'

const IMAGE = 'ghcr.io/acme/api:1'
const INDEX = `sha256:${'0'.repeat(64)}`

/** The alpine-310 report as Trivy writes it for one platform pulled by digest. */
function child(digest: string, drop: string[] = []): { ref: string; report: TrivyReport } {
  const report = JSON.parse(
    readFileSync(fixturePath('alpine-310.json.golden'), 'utf8'),
  ) as TrivyReport
  const ref = `ghcr.io/acme/api@sha256:${digest.repeat(64)}`
  const os = report.Results?.[0]
  if (!os) throw new Error('fixture without results')
  os.Target = `${ref} (alpine 3.10.2)`
  os.Vulnerabilities = os.Vulnerabilities?.filter(
    (v) => !drop.includes(`${v.VulnerabilityID} ${v.PkgName}`),
  )
  return { ref, report: { ...report, ArtifactName: ref } }
}

function merged(platforms: { platform: string; ref: string; report: TrivyReport }[]) {
  const relabelled = platforms.map((p) => ({
    platform: p.platform,
    report: relabel(p.report, p.ref, IMAGE),
  }))
  const report = mergeReports(
    IMAGE,
    INDEX,
    relabelled.map((p) => p.report),
  )
  const scan = mergedScan(IMAGE, INDEX, relabelled, report, '/dev/null')
  const evaluation = evaluate([scan], {
    failOn: 'MEDIUM',
    ignoreUnfixed: false,
    ignoreRules: [],
    now: new Date('2026-11-30T00:00:00Z'),
  })
  const image = imageReportOf(
    scan,
    evaluation.images[0] as NonNullable<(typeof evaluation.images)[0]>,
  )
  return { report, scan, image }
}

const platform = (p: string, verdict: 'pass' | 'fail' = 'pass') => ({
  platform: p,
  digest: INDEX,
  verdict,
  counts: { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, UNKNOWN: 0 },
  gated: { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, UNKNOWN: 0 },
  blocking: 0,
  trivyJson: '/dev/null',
})

describe('mergeReports / mergedScan', () => {
  it('a finding on both platforms is one finding naming both; one on a single platform names it', () => {
    const amd = child('a')
    const arm = child('b', ['CVE-2019-1549 libssl1.1'])
    const { report, scan } = merged([
      { platform: 'linux/amd64', ...amd },
      { platform: 'linux/arm64', ...arm },
    ])
    // One OS result under the image's name, each vulnerability once.
    expect(report.Results?.map((r) => r.Target)).toEqual([`${IMAGE} (alpine 3.10.2)`])
    expect(report.Results?.[0]?.Vulnerabilities).toHaveLength(4)
    expect(report.Metadata?.RepoDigests).toEqual([`ghcr.io/acme/api@${INDEX}`])
    expect(scan.digest).toBe(INDEX)
    const on = Object.fromEntries(
      scan.findings.map((f) => [`${f.id} ${(f as { pkgName: string }).pkgName}`, f.platforms]),
    )
    expect(on).toEqual({
      'CVE-2019-1549 libcrypto1.1': ['linux/amd64', 'linux/arm64'],
      'CVE-2019-1551 libcrypto1.1': ['linux/amd64', 'linux/arm64'],
      'CVE-2019-1549 libssl1.1': ['linux/amd64'],
      'CVE-2019-1551 libssl1.1': ['linux/amd64', 'linux/arm64'],
    })
  })

  it('an extra package listed by one platform is in the merged inventory once', () => {
    const amd = child('a')
    const arm = child('b')
    const { report } = merged([
      { platform: 'linux/amd64', ...amd },
      { platform: 'linux/arm64', ...arm },
    ])
    const packages = report.Results?.[0]?.Packages ?? []
    const single = amd.report.Results?.[0]?.Packages ?? []
    expect(packages).toHaveLength(single.length)
  })
})

describe('platformCell', () => {
  it('no column for one platform, or when every finding is on every platform', () => {
    const same = merged([
      { platform: 'linux/amd64', ...child('a') },
      { platform: 'linux/arm64', ...child('b') },
    ]).image
    expect(
      platformCell({ ...same, platforms: [platform('linux/amd64'), platform('linux/arm64')] }),
    ).toBeUndefined()
    expect(platformCell({ ...same, platforms: [platform('linux/amd64')] })).toBeUndefined()
    expect(platformCell(same)).toBeUndefined()
  })

  it('"all" for a finding on every platform, the names otherwise', () => {
    const { image } = merged([
      { platform: 'linux/amd64', ...child('a') },
      { platform: 'linux/arm64', ...child('b', ['CVE-2019-1549 libssl1.1']) },
    ])
    const report: ImageReport = {
      ...image,
      platforms: [platform('linux/amd64'), platform('linux/arm64', 'fail')],
    }
    const cell = platformCell(report)
    expect(cell).toBeDefined()
    const byId = Object.fromEntries(
      report.findings.map((e) => [
        `${e.finding.id} ${(e.finding as { pkgName: string }).pkgName}`,
        cell?.(e.finding),
      ]),
    )
    expect(byId['CVE-2019-1549 libssl1.1']).toBe('<code>linux/amd64</code>')
    expect(byId['CVE-2019-1551 libssl1.1']).toBe('_all_')
  })
})
