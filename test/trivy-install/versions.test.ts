import semver from 'semver'
import { expect, it } from 'vitest'
import { validVersion, versionAtLeast } from '../../scanners/trivy/versions.js'

// The fast path must answer exactly as the semver package does, including on the strings a
// hostile PATH binary or a mistyped input could give.
const SAMPLES = [
  '0.75.0',
  '0.68.1',
  '1.2.3',
  '10.20.30',
  '01.2.3',
  '1.02.3',
  '1.2.03',
  '0.0.0',
  '1.2.3-rc.1',
  '1.2.3+build.5',
  '1.2',
  '1.2.3.4',
  ' 1.2.3',
  '1.2.3 ',
  '1.2.3\n',
  '\n1.2.3',
  'v1.2.3',
  '=1.2.3',
  '1.2.3-',
  '99999999999999999999.0.0',
  '',
  'latest',
  '١.٢.٣',
]

it('validVersion is semver.valid on every sample', async () => {
  for (const v of SAMPLES) expect(await validVersion(v), JSON.stringify(v)).toBe(semver.valid(v))
})

it('versionAtLeast is semver.gte on valid versions', async () => {
  const valid = SAMPLES.filter((v) => semver.valid(v) !== null)
  expect(valid.length).toBeGreaterThan(6)
  for (const a of valid) {
    for (const b of valid) {
      expect(await versionAtLeast(a, b), `${a} >= ${b}`).toBe(semver.gte(a, b))
    }
  }
})
