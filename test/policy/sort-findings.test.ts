import { expect, it } from 'vitest'
import type { Finding, Severity } from '../../src/model.js'
import { SEVERITIES } from '../../src/model.js'
import { compareFindings, sortFindings } from '../../src/policy/evaluate.js'
import { secret, vuln } from '../support/report.js'

/** A small deterministic generator, so a failure names its seed. */
function rng(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

// IDs and keys the collator orders unlike code units: case, accents, composed and decomposed
// forms it calls equal, digits, punctuation.
const IDS = [
  'CVE-2024-0001',
  'cve-2024-0001',
  'CVE-2024-10',
  'CVE-2024-9',
  'GHSA-xx',
  'é-1',
  'e\u0301-1',
  'Z',
  'a',
  '_x',
  '',
]
const KEYS = ['k', 'K', 'k-2', 'k10', 'k9', 'ä', 'a\u0308', '']

it('orders exactly as sorting with compareFindings does (3,000 random lists)', () => {
  for (let seed = 1; seed <= 3000; seed++) {
    const r = rng(seed)
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)] as T
    const n = 1 + Math.floor(r() * 40)
    const list: Finding[] = []
    for (let i = 0; i < n; i++) {
      const severity = pick(SEVERITIES) as Severity
      const f =
        r() < 0.15
          ? secret(pick(IDS), { severity })
          : vuln(pick(IDS), severity, {
              pkgName: pick(KEYS),
              ...(r() < 0.5 ? { fixedVersion: '1.0' } : {}),
            })
      const withScore = r() < 0.5 ? { cvssScore: pick([5, 7.5, 9.8, 0]) } : {}
      list.push({ ...f, ...withScore, key: `${pick(KEYS)}${r() < 0.3 ? '' : i % 3}` } as Finding)
    }
    const expected = [...list].sort(compareFindings)
    expect(
      sortFindings(list, (f) => f),
      `seed ${seed}`,
    ).toEqual(expected)
    // The same order through a wrapper, as the renderer sorts evaluated findings.
    const wrapped = list.map((finding) => ({ finding }))
    expect(sortFindings(wrapped, (w) => w.finding).map((w) => w.finding)).toEqual(expected)
  }
})

it('orders lists of printable ASCII alone as compareFindings does (their own path: no collator)', () => {
  const ids = IDS.filter((id) => /^[\x20-\x7e]*$/.test(id))
  const keys = KEYS.filter((k) => /^[\x20-\x7e]*$/.test(k))
  for (let seed = 1; seed <= 1500; seed++) {
    const r = rng(seed)
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)] as T
    const list: Finding[] = []
    for (let i = 0, n = 1 + Math.floor(r() * 60); i < n; i++) {
      const severity = pick(SEVERITIES) as Severity
      const f = vuln(pick(ids), severity, r() < 0.5 ? { fixedVersion: '1.0' } : {})
      list.push({
        ...f,
        key: `${pick(keys)}${pick(['', '-1', '_', 'A', 'a', '10', '9'])}`,
      } as Finding)
    }
    expect(
      sortFindings(list, (f) => f),
      `seed ${seed}`,
    ).toEqual([...list].sort(compareFindings))
  }
})

it('orders keys as the collator does where code units disagree (case, punctuation)', () => {
  // Tied on everything but the key. Code units put `kA` before `ka` and `k_` after both; the
  // collator puts lowercase first and `_` before digits and letters.
  const keys = ['k-1', 'k-2', 'k_', 'kA', 'ka']
  const list = keys.map((key) => ({ ...vuln('CVE-2024-0001', 'HIGH'), key }) as Finding)
  const sorted = sortFindings(list, (f) => f).map((f) => f.key)
  expect(sorted).toEqual([...list].sort(compareFindings).map((f) => f.key))
  expect(sorted).toEqual(['k_', 'k-1', 'k-2', 'ka', 'kA'])
  // Where code units and the collator agree.
  const plain = ['a-1', 'a-2', 'b-1'].map((key) => ({ ...vuln('CVE-1', 'LOW'), key }) as Finding)
  expect(sortFindings([...plain].reverse(), (f) => f).map((f) => f.key)).toEqual([
    'a-1',
    'a-2',
    'b-1',
  ])
})
