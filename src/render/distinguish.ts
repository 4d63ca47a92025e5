/**
 * Two findings can differ only where a rendered row does not look: the same CVE in the same
 * package version in two lockfiles (target), or two copies of a package whose paths differ
 * before the part a row keeps. Those rows would read as duplicates; this says what tells each
 * apart, so a renderer can show it.
 */
import type { Finding } from '../model.js'

/** What a row shows: findings equal here would render as the same row. */
function visible(f: Finding, shortPath: (p: string) => string): string {
  switch (f.kind) {
    case 'vulnerability':
      return `v\u0000${f.id}\u0000${f.pkgName}\u0000${f.installedVersion}\u0000${shortPath(f.pkgPath ?? '')}`
    case 'secret':
    case 'misconfiguration':
      return `${f.kind}\u0000${f.id}\u0000${f.target}\u0000${f.startLine ?? ''}`
  }
}

/** For each finding whose row would repeat another's: the target and/or full package path. */
export function distinguishers(
  findings: readonly Finding[],
  shortPath: (p: string) => string = (p) => p,
): Map<Finding, string[]> {
  const groups = new Map<string, Finding[]>()
  for (const f of findings) {
    const key = visible(f, shortPath)
    const group = groups.get(key)
    if (group) group.push(f)
    else groups.set(key, [f])
  }
  const out = new Map<Finding, string[]>()
  for (const group of groups.values()) {
    if (group.length < 2) continue
    const targets = new Set(group.map((f) => f.target))
    const paths = new Set(group.map((f) => (f.kind === 'vulnerability' ? (f.pkgPath ?? '') : '')))
    const ids = new Set(group.map((f) => (f.kind === 'vulnerability' ? f.pkgId : '')))
    for (const f of group) {
      const parts: string[] = []
      if (targets.size > 1) parts.push(f.target)
      if (f.kind === 'vulnerability') {
        if (paths.size > 1 && f.pkgPath) parts.push(f.pkgPath)
        else if (targets.size === 1 && ids.size > 1) parts.push(f.pkgId)
      }
      if (parts.length) out.set(f, parts)
    }
  }
  return out
}
