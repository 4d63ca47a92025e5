import type { Finding, IgnoreRule } from '../model.js'

/** Trivy writes misconfiguration IDs as `DS002`, `AVD-DS-0002` or `DS-0002` depending on its version. */
function canonicalId(id: string): string {
  return id
    .toUpperCase()
    .replace(/^AVD-/, '')
    .replace(/^([A-Z]+)-?0*(\d+)$/, '$1-$2')
}

function globToRegExp(glob: string): RegExp {
  let re = ''
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string
    if (c === '*') {
      if (glob[i + 1] === '*') {
        re += '.*'
        i++
      } else re += '[^/]*'
    } else if (c === '?') re += '[^/]'
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&')
  }
  return new RegExp(`^${re}$`)
}

function pathMatches(globs: string[], finding: Finding): boolean {
  const candidates = [finding.target]
  if (finding.kind === 'vulnerability' && finding.pkgPath) candidates.push(finding.pkgPath)
  return globs.some((g) => {
    const re = globToRegExp(g.replace(/^\.\//, ''))
    return candidates.some((c) => re.test(c.replace(/^\.?\//, '')))
  })
}

/** Does this rule (expiry aside) cover this finding? Mirrors Trivy's own matching. */
export function ruleMatches(rule: IgnoreRule, finding: Finding): boolean {
  if (!rule.kinds.includes(finding.kind)) return false
  const same =
    finding.kind === 'misconfiguration'
      ? canonicalId(rule.id) === canonicalId(finding.id)
      : rule.id === finding.id
  if (!same) return false
  if (rule.paths && !pathMatches(rule.paths, finding)) return false
  if (
    rule.packages &&
    (finding.kind !== 'vulnerability' || !rule.packages.includes(finding.pkgName))
  )
    return false
  if (rule.purls) {
    const purl = finding.kind === 'vulnerability' ? finding.purl : undefined
    if (!purl || !rule.purls.some((p) => p === purl || purl.startsWith(`${p}?`))) return false
  }
  return true
}

/**
 * How far ahead an expiry is worth a reviewer's attention: the policy file's `warn-expiry-days`
 * default, so a run with and without a policy file agree.
 */
export const EXPIRING_SOON_DAYS = 14

/** Still in force, but not for long: the findings it hides will count again within the window. */
export function isExpiringSoon(rule: IgnoreRule, now: Date, days = EXPIRING_SOON_DAYS): boolean {
  if (rule.expiresAt === undefined || isExpired(rule, now)) return false
  return Date.parse(rule.expiresAt) <= now.getTime() + days * 86_400_000
}

/** A rule scoped to images (`image:` of a policy exception) applies only to images matching its globs. */
export function ruleAppliesToImage(rule: IgnoreRule, image: string): boolean {
  if (!rule.images) return true
  const bare = image.replace(/@sha256:[a-f0-9]{64}$/, '')
  return rule.images.some((g) => {
    const re = globToRegExp(g)
    return re.test(image) || re.test(bare)
  })
}

/** Trivy treats an entry as expired once its date is before now. */
export function isExpired(rule: IgnoreRule, now: Date): boolean {
  return rule.expiresAt !== undefined && Date.parse(rule.expiresAt) < now.getTime()
}
