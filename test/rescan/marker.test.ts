import { describe, expect, it } from 'vitest'
import {
  decodeState,
  encodeState,
  endsWithMarker,
  findingHash,
  type IssueState,
  remember,
  rescanMarker,
  STATE_BUDGET,
} from '../../src/rescan/marker.js'

const DIGEST = `sha256:${'a'.repeat(64)}`

function state(n: number): IssueState {
  return {
    digest: DIGEST,
    total: n,
    findings: Array.from({ length: n }, (_, i) => ({
      hash: findingHash(`vuln|target|pkg${i}||CVE-2026-${i}`),
      id: `CVE-2026-${String(i).padStart(5, '0')}`,
      pkg: `package-number-${i}`,
    })),
  }
}

describe('rescan marker', () => {
  it('cannot be closed early or made a prefix of another key by the key', () => {
    const m = rescanMarker('evil --> <script> ghcr.io/a:1')
    expect(m.match(/-->/g)).toHaveLength(1)
    expect(m.endsWith(' -->')).toBe(true)
    expect(rescanMarker('ghcr.io/a:1')).not.toBe(rescanMarker('ghcr.io/a:1 linux/arm64'))
    expect(rescanMarker('ghcr.io/a:1').startsWith('<!-- shipgate:rescan key=')).toBe(true)
  })

  it('counts only when it is the last line', () => {
    const m = rescanMarker('ghcr.io/a:1')
    expect(endsWithMarker(`body\n\n${m}\n\n`, m)).toBe(true)
    expect(endsWithMarker(`> ${m}\nquoted`, m)).toBe(false)
  })
})

describe('issue state', () => {
  it('round-trips', () => {
    const s = state(3)
    expect(decodeState(`text\n${encodeState(s)}\n${rescanMarker('x')}`)).toEqual(s)
  })

  it('stays within its budget: names go first, then hashes, and the total says it is partial', () => {
    const big = state(5000)
    const text = encodeState(big)
    expect(text.length).toBeLessThanOrEqual(STATE_BUDGET)
    const back = decodeState(text)
    expect(back?.total).toBe(5000)
    expect(back?.findings.length).toBeLessThan(5000)
    expect(back?.findings.length).toBeGreaterThan(500)
    // The most important keep their names; the order is kept.
    expect(back?.findings[0]).toEqual(big.findings[0])
    expect(back?.findings.map((f) => f.hash)).toEqual(
      big.findings.slice(0, back?.findings.length).map((f) => f.hash),
    )
    // A few hundred findings fit with their names.
    expect(decodeState(encodeState(state(200)))).toEqual(state(200))
  })

  it('refuses anything edited or forged: no state is better than a wrong one', () => {
    const good = encodeState(state(2))
    const payload = good.slice('<!-- shipgate:rescan-state '.length, -' -->'.length)
    const forge = (obj: unknown) =>
      `<!-- shipgate:rescan-state ${Buffer.from(JSON.stringify(obj)).toString('base64url')} -->`
    expect(decodeState(`${good}\n${good}`)).toBeUndefined() // two: someone pasted one
    expect(decodeState(`<!-- shipgate:rescan-state ${payload}x! -->`)).toBeUndefined()
    expect(decodeState('<!-- shipgate:rescan-state bm90IGpzb24 -->')).toBeUndefined()
    expect(decodeState(forge({ v: 2, d: DIGEST, n: 0, f: [] }))).toBeUndefined()
    expect(decodeState(forge({ v: 1, d: 'latest', n: 0, f: [] }))).toBeUndefined()
    expect(decodeState(forge({ v: 1, d: DIGEST, n: 0, f: [['short']] }))).toBeUndefined()
    // More findings than the total claims.
    expect(
      decodeState(forge({ v: 1, d: DIGEST, n: 0, f: [[findingHash('x'), 'CVE-1']] })),
    ).toBeUndefined()
    expect(
      decodeState(forge({ v: 1, d: DIGEST, n: 1, f: [[findingHash('x'), 'x'.repeat(201)]] })),
    ).toBeUndefined()
    expect(decodeState('no state here')).toBeUndefined()
  })
})

describe('names from a hostile report', () => {
  it('an ID that would close the comment or is too long still round-trips (cut, never refused)', () => {
    const f = remember({
      kind: 'vulnerability',
      id: `CVE-1 --> <script>${'x'.repeat(5000)}`,
      severity: 'HIGH',
      target: 't',
      key: 'k',
      pkgName: '-->'.repeat(100),
      pkgId: 'p',
      pkgClass: 'os-pkgs',
      installedVersion: '1',
      fixable: false,
    })
    const text = encodeState({ digest: DIGEST, total: 1, findings: [f] })
    expect(text.match(/-->/g)).toHaveLength(1)
    expect(decodeState(text)?.findings[0]?.id?.startsWith('CVE-1 --> <script>')).toBe(true)
  })
})
