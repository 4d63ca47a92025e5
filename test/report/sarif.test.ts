/**
 * One image's SARIF as code scanning needs it, shaped from what `trivy convert` wrote: against
 * the real Trivy v0.74 (its SARIF must come out with the same severities it computed) and
 * against a minimal SARIF that carries none of them (the stand-in's, or an older Trivy's).
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { convertReport } from '../../scanners/trivy/convert.js'
import { readTrivyReport } from '../../scanners/trivy/parse.js'
import type { TrivyReport } from '../../scanners/trivy/schema.js'
import { recordingLogger } from '../../src/logger.js'
import { ruleFactsOf, type SarifLog, securitySeverity, shapeSarif } from '../../src/report/sarif.js'
import { fixturePath } from '../support/fixtures.js'
import { requirePeer } from '../support/peers.js'
import { expectValidSarif, type SarifDoc } from '../support/sarif.js'

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sarif-shape-'))
})

const FIXTURES = [
  'debian-buster.json.golden',
  'alpine-310.json.golden',
  'securecodebox__juice-shop-v10.2.0.json',
  'secrets.json.golden',
  'npm.json.golden',
]

/** The real trivy's SARIF of a fixture report. */
async function realTrivySarif(fixture: string): Promise<{ report: TrivyReport; sarif: SarifLog }> {
  const trivy = requirePeer('trivy')
  const out = join(dir, `${fixture}.trivy.sarif`)
  await convertReport(trivy.path, fixturePath(fixture), 'sarif', out, recordingLogger())
  const sarif = expectValidSarif(out) as SarifLog
  return { report: await readTrivyReport(fixturePath(fixture)), sarif }
}

function write(name: string, log: SarifLog): SarifDoc {
  const path = join(dir, name)
  writeFileSync(path, JSON.stringify(log))
  return expectValidSarif(path)
}

type Rule = { id: string; properties?: Record<string, unknown>; help?: { text: string } }

describe('shapeSarif over the real Trivy v0.74 SARIF', () => {
  it.each(FIXTURES)(
    '%s: one run with its category; security-severity and levels exactly as Trivy wrote them',
    async (fixture) => {
      const { report, sarif } = await realTrivySarif(fixture)
      const shaped = write(
        `${fixture}.shaped.sarif`,
        // A copy: the shaping changes the results it is given, and they are compared below.
        shapeSarif(structuredClone(sarif), {
          category: 'shipgate/acme/app/',
          image: 'acme/app',
          facts: ruleFactsOf(report),
        }),
      )
      expect(shaped.runs).toHaveLength(1)
      expect(shaped.runs[0].automationDetails).toEqual({ id: 'shipgate/acme/app/' })
      const before = sarif.runs[0]?.tool.driver.rules as Rule[]
      const after = shaped.runs[0].tool.driver.rules as Rule[]
      expect(after.map((r) => r.id)).toEqual(before.map((r) => r.id))
      for (const [i, rule] of after.entries()) {
        expect(rule.properties?.['security-severity'], rule.id).toBe(
          before[i]?.properties?.['security-severity'],
        )
        expect(rule.help, rule.id).toEqual(before[i]?.help)
      }
      expect(shaped.runs[0].results.map((r: { level: string }) => r.level)).toEqual(
        sarif.runs[0]?.results?.map((r) => r.level),
      )
      expect(shaped.runs[0].results.length).toBe(sarif.runs[0]?.results?.length)
    },
  )

  it.each(FIXTURES)(
    '%s: shaped in place, every key where it stood, a missing level and locations after them',
    async (fixture) => {
      const { report, sarif } = await realTrivySarif(fixture)
      for (const location of [undefined, { path: 'Dockerfile', line: 3 }]) {
        const opts = {
          category: 'c/',
          image: 'x',
          facts: ruleFactsOf(report),
          ...(location ? { location } : {}),
        }
        // Trivy's own log, and one whose results carry neither a level nor locations.
        const bare = structuredClone(sarif)
        for (const r of bare.runs[0]?.results ?? []) {
          delete r.level
          delete r.locations
        }
        for (const log of [sarif, bare]) {
          const before = (log.runs[0]?.results ?? []).map((r) => Object.keys(r))
          const after = (shapeSarif(structuredClone(log), opts).runs[0]?.results ?? []).map((r) =>
            Object.keys(r),
          )
          // Each key where it stood, and a level and locations the result lacked after them.
          expect(after).toEqual(
            before.map((keys) => [
              ...keys,
              ...['level', 'locations'].filter((k) => !keys.includes(k)),
            ]),
          )
        }
      }
    },
  )

  it("Trivy's help names the fixed version, and stays", async () => {
    const { report, sarif } = await realTrivySarif('debian-buster.json.golden')
    const shaped = shapeSarif(sarif, { category: 'c/', image: 'x', facts: ruleFactsOf(report) })
    const rule = ((shaped.runs[0]?.tool.driver.rules ?? []) as Rule[]).find(
      (r) => r.id === 'CVE-2019-18224',
    )
    expect(rule?.help?.text).toMatch(/Fixed Version: 2\.0\.5-1\+deb10u1/)
    expect(rule?.properties?.['security-severity']).toBe('9.8')
  })
})

/** What the stand-in (and a minimal converter) writes: no severity, no help. */
function bareSarif(report: TrivyReport): SarifLog {
  const vulns = (report.Results ?? []).flatMap((r) => r.Vulnerabilities ?? [])
  const ids = [...new Set(vulns.map((v) => v.VulnerabilityID))]
  return {
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Trivy', rules: ids.map((id) => ({ id })) } },
        results: vulns.map((v) => ({
          ruleId: v.VulnerabilityID,
          message: { text: `Package: ${v.PkgName}` },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: report.ArtifactName, uriBaseId: 'ROOTPATH' },
                region: { startLine: 1 },
              },
              message: { text: `${report.ArtifactName}: ${v.PkgName}@${v.InstalledVersion}` },
            },
          ],
        })),
      },
    ],
  }
}

describe('shapeSarif over SARIF without severities', () => {
  it('adds security-severity (CVSS v3 of the severity source, else Trivy’s mapping), level and help with the fixed version', async () => {
    const report = await readTrivyReport(fixturePath('debian-buster.json.golden'))
    const shaped = write(
      'bare.sarif',
      shapeSarif(bareSarif(report), {
        category: 'shipgate/debian/',
        image: 'debian:buster',
        facts: ruleFactsOf(report),
      }),
    )
    const rules = shaped.runs[0].tool.driver.rules as Rule[]
    const byId = Object.fromEntries(rules.map((r) => [r.id, r]))
    // CRITICAL with an nvd V3 score of 9.8; LOW with no V3 score at its source (debian): 2.0.
    expect(byId['CVE-2019-18224']?.properties?.['security-severity']).toBe('9.8')
    expect(byId['CVE-2019-18276']?.properties?.['security-severity']).toBe('2.0')
    expect(byId['CVE-2019-18224']?.properties?.tags).toEqual(
      expect.arrayContaining(['security', 'CRITICAL']),
    )
    expect(byId['CVE-2019-18224']?.help?.text).toMatch(/Fixed Version: 2\.0\.5-1\+deb10u1/)
    expect(byId['CVE-2019-18276']?.help?.text).toMatch(/Fixed Version: no fix available/)
    expect(
      shaped.runs[0].results.map((r: { ruleId: string; level: string }) => [r.ruleId, r.level]),
    ).toEqual([
      ['CVE-2019-18276', 'note'],
      ['CVE-2019-18224', 'error'],
    ])
  })

  it('escapes package names in the help Markdown (a hostile image names its packages)', () => {
    const report = {
      SchemaVersion: 2,
      ArtifactName: 'x',
      Results: [
        {
          Target: 'x',
          Vulnerabilities: [
            {
              VulnerabilityID: 'CVE-1',
              PkgName: 'a|b<img src=x onerror=alert(1)>[x](https://evil.example)',
              InstalledVersion: '1',
              FixedVersion: '2',
              Severity: 'HIGH',
            },
          ],
        },
      ],
    } as unknown as TrivyReport
    const shaped = shapeSarif(bareSarif(report), {
      category: 'c/',
      image: 'x',
      facts: ruleFactsOf(report),
    })
    const markdown =
      (shaped.runs[0]?.tool.driver.rules?.[0]?.help as { markdown?: string } | undefined)
        ?.markdown ?? ''
    expect(markdown).toMatch(/Fixed Version/)
    expect(markdown).not.toMatch(/<img|(?<!\\)\]\(https/)
    // One table row with exactly the four cells: the `|` in the name did not add a column.
    const row = markdown.split('\n').find((l) => l.startsWith('|HIGH'))
    expect(row?.replace(/\\\|/g, '').split('|').length).toBe(6)
  })

  it('a rule scores as its worst finding: one CVE, two packages, two severities', () => {
    const vuln = (pkg: string, severity: string, v3?: number) => ({
      VulnerabilityID: 'CVE-2',
      PkgName: pkg,
      InstalledVersion: '1',
      Severity: severity,
      SeveritySource: 'nvd',
      ...(v3 ? { CVSS: { nvd: { V3Score: v3 } } } : {}),
    })
    const report = {
      SchemaVersion: 2,
      ArtifactName: 'x',
      Results: [{ Target: 'x', Vulnerabilities: [vuln('a', 'MEDIUM', 5.1), vuln('b', 'HIGH')] }],
    } as unknown as TrivyReport
    const facts = ruleFactsOf(report).get('CVE-2')
    expect(facts?.severity).toBe('HIGH')
    expect(facts?.score).toBe('8.0')
    expect(securitySeverity('CRITICAL')).toBe('9.5')
    expect(securitySeverity('UNKNOWN')).toBe('0.0')
  })

  it('the score is the highest of the worst severity, in any order, whatever rounds alike', () => {
    // Scores are kept as numbers while a rule's findings fold in and written once: the text
    // must be the one comparing texts would give, for every order of the findings.
    const vuln = (pkg: string, severity: string, v3?: number) => ({
      VulnerabilityID: 'CVE-3',
      PkgName: pkg,
      InstalledVersion: '1',
      Severity: severity,
      SeveritySource: 'nvd',
      ...(v3 === undefined ? {} : { CVSS: { nvd: { V3Score: v3 } } }),
    })
    const entries = [
      vuln('a', 'HIGH', 7.5),
      vuln('b', 'HIGH', 8.84), // "8.8"
      vuln('c', 'HIGH', 8.76), // "8.8" too
      vuln('d', 'HIGH'), // Trivy's mapping: "8.0"
      vuln('e', 'MEDIUM', 9.9), // higher number, lower severity: never the rule's
      vuln('f', 'HIGH', 11), // no CVSS v3 score: the mapping
    ]
    const orders = (xs: typeof entries): (typeof entries)[] =>
      xs.length <= 1
        ? [xs]
        : xs.flatMap((x, i) =>
            orders([...xs.slice(0, i), ...xs.slice(i + 1)]).map((o) => [x, ...o]),
          )
    for (const order of orders(entries)) {
      const report = {
        SchemaVersion: 2,
        ArtifactName: 'x',
        Results: [{ Target: 'x', Vulnerabilities: order }],
      } as unknown as TrivyReport
      const facts = ruleFactsOf(report).get('CVE-3')
      expect(facts?.severity, order.map((v) => v.PkgName).join('')).toBe('HIGH')
      expect(facts?.score, order.map((v) => v.PkgName).join('')).toBe('8.8')
      expect(facts?.packages.map((p) => p.name)).toEqual(order.map((v) => v.PkgName))
    }
    // A secret rule under a vulnerability's ID, critical: its severity and Trivy's mapping win.
    const mixed = {
      SchemaVersion: 2,
      ArtifactName: 'x',
      Results: [
        { Target: 'x', Vulnerabilities: [vuln('a', 'HIGH', 7.5)] },
        { Target: 'y', Secrets: [{ RuleID: 'CVE-3', Severity: 'CRITICAL', Title: 't' }] },
      ],
    } as unknown as TrivyReport
    expect(ruleFactsOf(mixed).get('CVE-3')).toMatchObject({ severity: 'CRITICAL', score: '9.5' })
  })
})

describe('where code scanning shows a finding', () => {
  it('with a Dockerfile: every vulnerability at its final FROM line, the image and package in the message', async () => {
    const report = await readTrivyReport(fixturePath('debian-buster.json.golden'))
    const shaped = write(
      'dockerfile.sarif',
      shapeSarif(bareSarif(report), {
        category: 'c/',
        image: 'debian:buster',
        facts: ruleFactsOf(report),
        location: { path: 'docker/app image/Dockerfile', line: 7 },
      }),
    )
    for (const result of shaped.runs[0].results) {
      expect(result.locations).toHaveLength(1)
      const [loc] = result.locations
      expect(loc.physicalLocation.artifactLocation).toEqual({
        uri: 'docker/app%20image/Dockerfile',
      })
      expect(loc.physicalLocation.region.startLine).toBe(7)
      expect(loc.message.text).toMatch(/debian-buster\.tar\.gz: (bash|libidn2-0)@/)
    }
  })

  it("with a Dockerfile: a secret keeps its own file and line (it is not the base image's)", async () => {
    const { report, sarif } = await realTrivySarif('secrets.json.golden')
    const shaped = shapeSarif(structuredClone(sarif), {
      category: 'c/',
      image: 'x',
      facts: ruleFactsOf(report),
      location: { path: 'Dockerfile', line: 3 },
    })
    expect(shaped.runs[0]?.results).toEqual((sarif.runs[0]?.results ?? []).map((r) => ({ ...r })))
  })

  it('without one: at the image as Trivy writes it; a name that is no URI is encoded', async () => {
    const report = await readTrivyReport(fixturePath('debian-buster.json.golden'))
    report.ArtifactName = 'evil name/**x**%zz\u0007'
    const shaped = write(
      'hostile-uri.sarif',
      shapeSarif(bareSarif(report), { category: 'c/', image: 'x', facts: ruleFactsOf(report) }),
    )
    const uri = shaped.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri
    expect(uri).toBe('evil%20name/**x**%25zz%07')
  })
})
