/**
 * `fail-on-scope: app` (issue 11 §4): parsing, how it combines with `new`, what it gates, and
 * which way a change of it moves a locked policy.
 */
import { describe, expect, it } from 'vitest'
import type { Finding, ImageScan } from '../../src/model.js'
import { evaluate } from '../../src/policy/evaluate.js'
import { parseGateScope } from '../../src/policy/scope.js'
import { compareKey } from '../../src/policy-file/compare.js'
import { actionSource, resolveSettings } from '../../src/settings/resolve.js'

const input = { kind: 'input', name: 'fail-on-scope' } as const

describe('parseGateScope', () => {
  it.each([
    ['all', 'all'],
    ['new', 'new'],
    ['APP', 'app'],
    ['new,app', 'new,app'],
    ['app, new', 'new,app'],
    ['app\nnew', 'new,app'],
  ])('%j → %s', (raw, scope) => {
    expect(parseGateScope(raw, input)).toBe(scope)
  })
  it('refuses unknown words and `all` with another, naming the input', () => {
    expect(() => parseGateScope('base', input)).toThrow(
      /^Input `fail-on-scope`: "base" is not a scope: .*app \(only findings from the image's own layers/,
    )
    expect(() => parseGateScope('all,app', input)).toThrow(/combines all with a narrower scope/)
    expect(() => parseGateScope(' ', input)).toThrow(/is not a scope/)
  })
})

function vuln(id: string, fromBase: boolean | null | undefined): Finding {
  return {
    kind: 'vulnerability',
    id,
    severity: 'CRITICAL',
    target: 'img',
    key: `vuln|${id}`,
    pkgName: 'p',
    pkgId: 'p@1',
    pkgClass: 'os-pkgs',
    installedVersion: '1',
    fixable: true,
    ...(fromBase === undefined ? {} : { layer: { diffId: null, fromBase } }),
  }
}

const scan = (findings: Finding[]): ImageScan => ({
  image: 'img',
  metadata: { repoDigests: [], repoTags: [], labels: {}, history: [] },
  packages: {},
  findings,
  suppressed: [],
  artifacts: { trivyJson: 'x' },
})

const settings = { failOn: 'HIGH' as const, ignoreUnfixed: false, ignoreRules: [], now: new Date() }

describe('evaluate with app', () => {
  it('only base findings breach: app passes, all fails', () => {
    const s = [scan([vuln('CVE-B', true)])]
    expect(evaluate(s, settings).verdict).toBe('fail')
    const app = evaluate(s, settings, undefined, { app: true })
    expect(app.verdict).toBe('pass')
    expect(app.scope).toBe('app')
    expect(app.reason).toBe("Passed: no findings in the image's own layers at or above high")
    // Reported all the same: counted, not gated.
    expect(app.images[0]?.counts.CRITICAL).toBe(1)
    expect(app.images[0]?.gated.CRITICAL).toBe(0)
  })
  it('an app-layer finding fails; so do one with an unknown layer and one never attributed (fail closed)', () => {
    for (const f of [vuln('CVE-A', false), vuln('CVE-U', null), vuln('CVE-N', undefined)]) {
      const e = evaluate([scan([vuln('CVE-B', true), f])], settings, undefined, { app: true })
      expect(e.verdict, f.id).toBe('fail')
      expect(e.reason).toBe(
        "Blocked: 1 critical in the image's own layers at or above the high threshold",
      )
    }
  })
  it('new,app: a finding must be both new and the app’s to fail', () => {
    const findings = [vuln('OLD-APP', false), vuln('NEW-BASE', true)]
    const baseline = [new Set(['vuln|OLD-APP'])]
    const e = evaluate([scan(findings)], settings, baseline, { app: true })
    expect(e.scope).toBe('new,app')
    expect(e.verdict).toBe('pass')
    const fresh = evaluate([scan([...findings, vuln('NEW-APP', false)])], settings, baseline, {
      app: true,
    })
    expect(fresh.verdict).toBe('fail')
    expect(fresh.reason).toBe(
      "Blocked: 1 critical new in the image's own layers at or above the high threshold",
    )
  })
})

describe('a policy lock on fail-on-scope', () => {
  const dir = (from: string, to: string) =>
    compareKey(
      'fail-on-scope',
      { 'fail-on-scope': from } as never,
      { 'fail-on-scope': to } as never,
    ).direction
  it('app, new and new,app loosen all; all tightens them; new↔app changes', () => {
    expect(dir('all', 'app')).toBe('loosens')
    expect(dir('all', 'new,app')).toBe('loosens')
    expect(dir('app', 'new,app')).toBe('loosens')
    expect(dir('new,app', 'app')).toBe('tightens')
    expect(dir('app', 'all')).toBe('tightens')
    expect(dir('new', 'app')).toBe('changes')
    expect(dir('app', 'app')).toBe('same')
  })
})

describe('fail-on-scope as an action input', () => {
  const resolve = (inputs: Record<string, string>) =>
    resolveSettings(actionSource((name) => inputs[name] ?? ''))
  it('app needs no baseline; new,app does, and says so', () => {
    const s = resolve({ image: 'a:1', 'fail-on-scope': 'app' })
    expect(s.mode === 'scan' && s.scan.failOnScope.value).toBe('app')
    expect(() => resolve({ image: 'a:1', 'fail-on-scope': 'app,new' })).toThrow(
      /^Input `fail-on-scope`: `new,app` gates only on findings the change introduces, which needs a baseline: set `compare-to`/,
    )
    const both = resolve({ image: 'a:1', 'fail-on-scope': 'app,new', 'compare-to': 'a:0' })
    expect(both.mode === 'scan' && both.scan.failOnScope.value).toBe('new,app')
  })
})
