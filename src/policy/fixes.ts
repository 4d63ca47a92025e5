/**
 * "Fix first": the package upgrades that remove findings, grouped by what the developer
 * changes (one package in one place), ordered by what each removes. Pure: from evaluated
 * findings to a plan; renderers and the JSON report show it as it is.
 */
import {
  type EvaluatedFinding,
  SEVERITIES,
  type Severity,
  type SeverityCounts,
  type VulnerabilityFinding,
} from '../model.js'

export interface Upgrade {
  pkgName: string
  /** Where the package sits: Trivy's target, and the package path for language packages. */
  target: string
  pkgPath?: string
  from: string
  /** The lowest version that fixes every finding of this package we could order; see `exact`. */
  to: string
  /**
   * False when the fixed versions of the findings could not be put in one order (several
   * release branches, unusual version strings): `to` is then the highest listed, and `fixedIn`
   * shows every one so the developer can pick.
   */
  exact: boolean
  fixedIn: string[]
  removes: SeverityCounts
  total: number
  ids: string[]
}

export interface FixPlan {
  upgrades: Upgrade[]
  /** Counted vulnerabilities no upgrade removes (no fixed version published). */
  noFix: SeverityCounts
  noFixTotal: number
}

/** A fresh count per severity, in SEVERITIES order (one per upgrade of a large report). */
const zero = (): SeverityCounts => ({ CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, UNKNOWN: 0 })

/**
 * Tokens of each version seen: a report repeats the same versions thousands of times, and the
 * plan compares each many times (issue 13). Bounded, so a huge report cannot grow it forever.
 */
const tokenCache = new Map<string, readonly (number | string)[]>()

/** Tokens of a version: numbers compare as numbers, words as text; an epoch (`1:`) first. */
function tokens(version: string): readonly (number | string)[] {
  let cached = tokenCache.get(version)
  if (!cached) {
    if (tokenCache.size >= 50_000) tokenCache.clear()
    cached = parseTokens(version)
    tokenCache.set(version, cached)
  }
  return cached
}

function parseTokens(version: string): (number | string)[] {
  const v = version.trim().replace(/^v(?=\d)/, '')
  const epoch = /^(\d+):/.exec(v)
  const rest = epoch ? v.slice(epoch[0].length) : v
  const parts = rest.match(/\d+|[A-Za-z]+/g) ?? []
  return [epoch ? Number(epoch[1]) : 0, ...parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p))]
}

/** Orders versions of one package well enough to pick an upgrade; not a full dpkg/semver. */
export function compareVersions(a: string, b: string): number {
  const x = tokens(a)
  const y = tokens(b)
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const p = x[i]
    const q = y[i]
    if (p === q) continue
    if (p === undefined) return typeof q === 'string' ? 1 : -1 // 1.0 > 1.0rc1, 1.0 < 1.0.1
    if (q === undefined) return typeof p === 'string' ? -1 : 1
    if (typeof p === 'number' && typeof q === 'number') return p - q
    if (typeof p === 'number') return 1
    if (typeof q === 'number') return -1
    return p < q ? -1 : 1
  }
  return 0
}

/** The fixed versions Trivy lists for one finding (`6.0.3.1, 5.2.4.3`). */
function candidates(fixedVersion: string): string[] {
  return fixedVersion
    .split(/\s*,\s*/)
    .map((s) => s.trim())
    .filter(Boolean)
}

/** The smallest listed fix above the installed version: the upgrade on the same release line. */
function nearestFix(installed: string, listed: readonly string[]): string | undefined {
  const above = listed.filter((c) => compareVersions(c, installed) > 0).sort(compareVersions)
  return above[0]
}

/** What one (installed, fixed) pair says; judged once per pair (issue 13). */
interface Judgement {
  listed: string[]
  /** `listed` without repeats, in version order: a one-finding upgrade's `fixedIn`. */
  ordered: string[]
  near?: string
  pick?: string
}

/** One package in one place at one version: the findings one upgrade removes. */
interface Group {
  target: string
  pkgPath: string
  installed: string
  list: VulnerabilityFinding[]
}

export function fixFirst(findings: readonly EvaluatedFinding[]): FixPlan {
  // By package name, then the few places and versions of each name: no key string built and
  // hashed per finding (issue 13). \`groups\` keeps the order in which each was first seen.
  const byName = new Map<string, Group[]>()
  const groups: Group[] = []
  const noFix = zero()
  let noFixTotal = 0
  // Plain loops here and below: this runs once per run, cold, over every finding, and an
  // iterator, a destructuring or a closure per finding cost a fifth of it (issue 13).
  for (let n = 0; n < findings.length; n++) {
    const evaluated = findings[n] as EvaluatedFinding
    if (evaluated.ignored) continue
    const finding = evaluated.finding
    if (finding.kind !== 'vulnerability') continue
    if (!finding.fixable || !finding.fixedVersion) {
      noFix[finding.severity]++
      noFixTotal++
      continue
    }
    const pkgPath = finding.pkgPath ?? ''
    let named = byName.get(finding.pkgName)
    if (!named) {
      named = []
      byName.set(finding.pkgName, named)
    }
    let group: Group | undefined
    for (let k = 0; k < named.length && !group; k++) {
      const g = named[k] as Group
      if (
        g.target === finding.target &&
        g.pkgPath === pkgPath &&
        g.installed === finding.installedVersion
      )
        group = g
    }
    if (group) group.list.push(finding)
    else {
      const created = {
        target: finding.target,
        pkgPath,
        installed: finding.installedVersion,
        list: [finding],
      }
      named.push(created)
      groups.push(created)
    }
  }
  const judged = new Map<string, Map<string, Judgement>>()
  const judge = (installed: string, fixedVersion: string): Judgement => {
    let byFixed = judged.get(installed)
    if (!byFixed) {
      byFixed = new Map()
      judged.set(installed, byFixed)
    }
    let j = byFixed.get(fixedVersion)
    if (!j) {
      const listed = candidates(fixedVersion)
      const ordered = [...new Set(listed)].sort(compareVersions)
      const near = nearestFix(installed, listed)
      j = { listed, ordered, near, pick: near ?? [...listed].sort(compareVersions).at(-1) }
      byFixed.set(fixedVersion, j)
    }
    return j
  }
  const upgrades: Upgrade[] = []
  for (const { list } of groups) {
    const first = list[0] as VulnerabilityFinding
    const removes = zero()
    // What differs between a one-finding package and others: no sets for the former, which
    // most packages of a large report are (issue 13).
    let to: string | undefined
    let exact: boolean
    let fixedIn: string[]
    let ids: string[]
    if (list.length === 1) {
      removes[first.severity]++
      const { near, pick, ordered } = judge(first.installedVersion, first.fixedVersion as string)
      to = pick ?? ordered.join(', ')
      // A nearest fix is the pick (`pick` falls back only without one).
      exact = near !== undefined
      fixedIn = ordered.slice()
      ids = [first.id]
    } else {
      const idSet = new Set<string>()
      const fixedSet = new Set<string>()
      let allNear = true
      for (const f of list) {
        removes[f.severity as Severity]++
        idSet.add(f.id)
        const { listed, near, pick } = judge(f.installedVersion, f.fixedVersion as string)
        for (const c of listed) fixedSet.add(c)
        if (!near) allNear = false
        if (pick && (!to || compareVersions(pick, to) > 0)) to = pick
      }
      // Every finding with a nearest fix means every one picked it, so `to` is set.
      exact = allNear
      to ??= [...fixedSet].join(', ')
      fixedIn = [...fixedSet].sort(compareVersions)
      ids = [...idSet].sort()
    }
    // One literal per shape, in the order the JSON report lists the fields: no object spread
    // into it per upgrade.
    const from = first.installedVersion
    const total = list.length
    upgrades.push(
      first.pkgPath
        ? {
            pkgName: first.pkgName,
            target: first.target,
            pkgPath: first.pkgPath,
            from,
            to,
            exact,
            fixedIn,
            removes,
            total,
            ids,
          }
        : {
            pkgName: first.pkgName,
            target: first.target,
            from,
            to,
            exact,
            fixedIn,
            removes,
            total,
            ids,
          },
    )
  }
  // SEVERITIES order, worst first, then the total, then the name.
  upgrades.sort((a, b) => {
    const x = a.removes
    const y = b.removes
    return (
      y.CRITICAL - x.CRITICAL ||
      y.HIGH - x.HIGH ||
      y.MEDIUM - x.MEDIUM ||
      y.LOW - x.LOW ||
      y.UNKNOWN - x.UNKNOWN ||
      b.total - a.total ||
      (a.pkgName < b.pkgName ? -1 : a.pkgName > b.pkgName ? 1 : 0)
    )
  })
  return { upgrades, noFix, noFixTotal }
}

/** `openssl 3.0.2 → 3.0.15 fixes 3 critical, 9 high` (plain text: escape before Markdown). */
export function describeUpgrade(u: Upgrade): string {
  const what = SEVERITIES.filter((s) => u.removes[s] > 0)
    .map((s) => `${u.removes[s]} ${s.toLowerCase()}`)
    .join(', ')
  const to = u.exact ? u.to : `${u.to} (fixed in ${u.fixedIn.join(', ')})`
  return `${u.pkgName} ${u.from} → ${to} fixes ${what}`
}
