import { describe, expect, it } from 'vitest'
import { compareFindings } from '../../src/render/compare.js'
import { vuln } from '../support/report.js'

const SOURCE = { kind: 'image', image: 'app:main', digest: 'sha256:aa' } as const

describe('compareFindings', () => {
  const shared = vuln('CVE-1', 'HIGH', { pkgName: 'openssl' })
  const added = vuln('CVE-2', 'CRITICAL', { pkgName: 'curl' })
  const gone = vuln('CVE-3', 'MEDIUM', { pkgName: 'zlib' })

  it('reports findings introduced and fixed, keyed by Finding.key', () => {
    const c = compareFindings([shared, added], [shared, gone], 'app:main', SOURCE)
    expect(c).toEqual({
      baseline: 'app:main',
      source: SOURCE,
      introduced: [added.key],
      fixed: [gone],
    })
  })

  it('treats the same key with a different title or severity as unchanged', () => {
    const retitled = { ...shared, title: 'new title', severity: 'CRITICAL' as const }
    expect(compareFindings([retitled], [shared], 'x', SOURCE)).toEqual({
      baseline: 'x',
      source: SOURCE,
      introduced: [],
      fixed: [],
    })
  })

  it('counts an upgraded package as one fixed and one introduced finding', () => {
    const upgraded = vuln('CVE-1', 'HIGH', { pkgName: 'openssl', installedVersion: '3.0.15' })
    const c = compareFindings([upgraded], [shared], 'x', SOURCE)
    expect(c.introduced).toEqual([upgraded.key])
    expect(c.fixed).toEqual([shared])
  })

  it('de-duplicates repeated keys (the same CVE reported twice in one target)', () => {
    const c = compareFindings([added, added], [gone, gone], 'x', SOURCE)
    expect(c.introduced).toEqual([added.key])
    expect(c.fixed).toEqual([gone])
  })

  it('an empty baseline introduces everything', () => {
    expect(compareFindings([shared, added], [], 'x', SOURCE).introduced).toEqual([
      shared.key,
      added.key,
    ])
  })
})
