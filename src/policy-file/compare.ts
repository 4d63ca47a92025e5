/**
 * Which way a change to one policy key moves the gate. Shared by the lock check (a repository
 * file may tighten a locked key, never loosen it) and the pull-request diff. Pure.
 */
import { baseAllowed, parseSize } from '../../scanners/base-image/policy.js'
import type { PolicyException, PolicyKey, PolicyValues } from './schema.js'

/** `changes`: neither clearly tighter nor looser (another signer identity): refused under a lock. */
export type Direction = 'same' | 'tightens' | 'loosens' | 'changes'

export interface KeyChange {
  key: PolicyKey
  direction: Direction
  /** `fail-on high→critical`, `+2 exceptions (CVE-…, CVE-…)`: plain text, escape before Markdown. */
  detail: string
}

/**
 * What an unset key means: the value Shipgate uses when neither a file nor an input sets it.
 * The settings layer must use the same defaults, or a lock on an unset key would mean something else.
 */
export const POLICY_DEFAULTS: Required<
  Pick<
    PolicyValues,
    | 'fail-on'
    | 'fail-on-scope'
    | 'ignore-unfixed'
    | 'warn-expiry-days'
    | 'exceptions'
    | 'vex'
    | 'base-image-policy'
    | 'allowed-base-images'
    | 'forbid'
    | 'comment'
    | 'comment-mode'
    | 'comment-per'
    | 'rescan-fail'
  >
> = {
  'fail-on': 'high',
  'fail-on-scope': 'all',
  'ignore-unfixed': false,
  'warn-expiry-days': 14,
  exceptions: [],
  vex: [],
  'base-image-policy': 'warn',
  'allowed-base-images': [],
  forbid: [],
  comment: 'auto',
  'comment-mode': 'update',
  'comment-per': 'job',
  'rescan-fail': 'any',
}

export function effectiveValue<K extends PolicyKey>(values: PolicyValues, key: K): PolicyValues[K] {
  return values[key] ?? (POLICY_DEFAULTS as PolicyValues)[key]
}

/** Least strict first. `unknown` blocks every severity, so it is the strictest threshold. */
const ORDERS: Partial<Record<PolicyKey, readonly unknown[]>> = {
  'fail-on': ['none', 'critical', 'high', 'medium', 'low', 'unknown'],
  'ignore-unfixed': [true, false],
  'base-image-policy': ['off', 'warn', 'enforce'],
  'rescan-fail': ['never', 'new', 'any'],
}

function show(value: unknown): string {
  if (value === undefined) return 'unset'
  if (Array.isArray(value)) return value.length ? value.join(', ') : 'none'
  return String(value)
}

function ordered(key: PolicyKey, from: unknown, to: unknown): Direction {
  const order = ORDERS[key] as unknown[]
  const a = order.indexOf(from)
  const b = order.indexOf(to)
  return a === b ? 'same' : b > a ? 'tightens' : 'loosens'
}

/**
 * Each of `new` and `app` only removes findings from the gate: a scope with fewer of them is
 * stricter. `new` and `app` remove different findings, so moving between them `changes`.
 */
function compareScopes(from: string, to: string): Direction {
  const filters = (s: string) => new Set(s.split(',').filter((w) => w === 'new' || w === 'app'))
  const a = filters(from)
  const b = filters(to)
  const subset = (x: Set<string>, y: Set<string>) => [...x].every((w) => y.has(w))
  if (subset(a, b) && subset(b, a)) return 'same'
  if (subset(b, a)) return 'tightens'
  if (subset(a, b)) return 'loosens'
  return 'changes'
}

function sameException(a: PolicyException, b: PolicyException): boolean {
  return (
    a.id.toUpperCase() === b.id.toUpperCase() &&
    a.package === b.package &&
    a.image === b.image &&
    a.path === b.path
  )
}

/**
 * `inner` suppresses nothing `outer` does not: same ID, each scope `outer` sets is set the same
 * way, and it expires no later. A narrower scope (a package where `outer` has none) is fine.
 */
export function exceptionCovered(inner: PolicyException, outer: PolicyException): boolean {
  if (inner.id.toUpperCase() !== outer.id.toUpperCase()) return false
  for (const f of ['package', 'image', 'path'] as const)
    if (outer[f] !== undefined && inner[f] !== outer[f]) return false
  return inner.expires <= outer.expires
}

function describeException(e: PolicyException): string {
  const scope = [e.package, e.image, e.path].filter(Boolean).join(' ')
  return `${e.id}${scope ? ` in ${scope}` : ''} until ${e.expires}`
}

function compareExceptions(from: PolicyException[], to: PolicyException[]): KeyChange {
  const added = to.filter((e) => !from.some((f) => sameException(f, e)))
  const removed = from.filter((f) => !to.some((e) => sameException(f, e)))
  const extended = to.filter((e) => from.some((f) => sameException(f, e) && e.expires > f.expires))
  const shortened = to.filter((e) => from.some((f) => sameException(f, e) && e.expires < f.expires))
  const parts: string[] = []
  if (added.length)
    parts.push(
      `+${added.length} exception${added.length > 1 ? 's' : ''} (${added.map(describeException).join('; ')})`,
    )
  if (extended.length) parts.push(`later expiry for ${extended.map(describeException).join('; ')}`)
  if (removed.length)
    parts.push(
      `-${removed.length} exception${removed.length > 1 ? 's' : ''} (${removed.map((e) => e.id).join(', ')})`,
    )
  if (shortened.length)
    parts.push(`earlier expiry for ${shortened.map(describeException).join('; ')}`)
  // Loosening is judged by coverage, not by counting: an added entry narrower than one already
  // there (same ID, a package added, no later expiry) suppresses nothing new.
  const loosens = to.some((e) => !from.some((f) => exceptionCovered(e, f)))
  const direction: Direction = loosens ? 'loosens' : parts.length ? 'tightens' : 'same'
  return { key: 'exceptions', direction, detail: parts.join(', ') || 'exceptions unchanged' }
}

function hasWildcard(glob: string): boolean {
  return /[*?[]/.test(glob)
}

/** Every base `to` allows, `from` allows too. Empty means any base. */
function compareAllowed(from: string[], to: string[]): Direction {
  const same = from.length === to.length && from.every((g) => to.includes(g))
  if (same) return 'same'
  if (from.length === 0) return 'tightens'
  if (to.length === 0) return 'loosens'
  // A glob is only known to be narrower when it is one of `from`'s own, or a plain name that
  // one of them allows: comparing two globs in general is not something to guess at.
  const narrower = to.every((g) => from.includes(g) || (!hasWildcard(g) && baseAllowed(g, from)))
  return narrower ? 'tightens' : 'loosens'
}

function compareSets(from: string[], to: string[], moreIsStricter: boolean): Direction {
  const added = to.filter((x) => !from.includes(x))
  const removed = from.filter((x) => !to.includes(x))
  if (!added.length && !removed.length) return 'same'
  const grows = added.length > 0
  const shrinks = removed.length > 0
  if (moreIsStricter) return shrinks ? 'loosens' : 'tightens'
  return grows ? 'loosens' : 'tightens'
}

function bytes(v: string | number | undefined): number | undefined {
  return v === undefined ? undefined : parseSize(String(v))
}

/** How moving `key` from the `from` policy's value to the `to` policy's value changes the gate. */
export function compareKey(
  key: PolicyKey,
  fromValues: PolicyValues,
  toValues: PolicyValues,
): KeyChange {
  const from = effectiveValue(fromValues, key)
  const to = effectiveValue(toValues, key)
  const detail = `${key} ${show(from)}→${show(to)}`
  switch (key) {
    case 'fail-on-scope':
      return { key, direction: compareScopes(String(from), String(to)), detail }
    case 'fail-on':
    case 'ignore-unfixed':
    case 'base-image-policy':
    case 'rescan-fail':
      return { key, direction: ordered(key, from, to), detail }
    case 'warn-expiry-days': {
      const a = from as number
      const b = to as number
      return { key, direction: a === b ? 'same' : b > a ? 'tightens' : 'loosens', detail }
    }
    case 'exceptions':
      return compareExceptions(from as PolicyException[], to as PolicyException[])
    case 'vex':
      return { key, direction: compareSets(from as string[], to as string[], false), detail }
    case 'vex-required-author': {
      // Requiring an author applies fewer documents (stricter); dropping the requirement, more.
      const list = (v: unknown) => (v === undefined ? undefined : [v].flat().map(String).sort())
      const a = list(from)
      const b = list(to)
      const direction: Direction =
        JSON.stringify(a) === JSON.stringify(b)
          ? 'same'
          : a === undefined
            ? 'tightens'
            : b === undefined
              ? 'loosens'
              : 'changes'
      return { key, direction, detail }
    }
    case 'forbid':
      return { key, direction: compareSets(from as string[], to as string[], true), detail }
    case 'allowed-base-images':
      return { key, direction: compareAllowed(from as string[], to as string[]), detail }
    case 'max-image-size': {
      const a = bytes(from as string | number | undefined)
      const b = bytes(to as string | number | undefined)
      const direction: Direction =
        a === b
          ? 'same'
          : b === undefined
            ? 'loosens'
            : a === undefined || b < a
              ? 'tightens'
              : 'loosens'
      return { key, direction, detail }
    }
    case 'rescan': {
      // Watching fewer shipped images is looser; watching more is stricter.
      const images = (v: unknown) => (v as { images?: string[] } | undefined)?.images ?? []
      return { key, direction: compareSets(images(from), images(to), true), detail }
    }
    default:
      // Signer identity and comment options: any change is a change, not a tightening.
      return { key, direction: from === to ? 'same' : 'changes', detail }
  }
}
