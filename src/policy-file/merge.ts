/**
 * Organisation defaults plus repository overrides. Files are applied central first; a key set
 * by a later file replaces the earlier value (lists included, nested sections key by key).
 * A key an earlier file locks may only be tightened. Pure.
 */
import { compareKey, type Direction } from './compare.js'
import { PolicyLockError } from './errors.js'
import type { ParsedPolicy } from './parse.js'
import { keysLockedBy, POLICY_KEY_NAMES, type PolicyKey, type PolicyValues } from './schema.js'

export interface Place {
  file: string
  line?: number
}

export interface MergedPolicy {
  values: PolicyValues
  /** Which file (and line) each effective value comes from. */
  origins: Map<PolicyKey, Place>
  /** Locked keys, with the file and line of the `locked:` entry that locks them (first one wins). */
  locks: Map<PolicyKey, Place>
}

const HINTS: Partial<Record<PolicyKey, string>> = {
  'fail-on': 'a stricter threshold (lower severity), e.g. medium instead of high',
  'fail-on-scope': '`all` (every finding counts), or fewer of `new` and `app`',
  'ignore-unfixed': '`false`',
  'ignore-file': 'no ignore file of its own: exceptions are locked',
  'warn-expiry-days': 'more days',
  exceptions: 'fewer exceptions, narrower ones, or earlier expiry dates',
  vex: 'fewer VEX sources',
  'vex-required-author': 'the same required author',
  'base-image-policy': 'a stricter mode (warn → enforce)',
  'allowed-base-images': 'a subset of the allowed globs, or plain image names they allow',
  forbid: 'more forbidden properties',
  'max-image-size': 'a smaller size',
  'rescan-fail': 'a stricter mode (never → new → any)',
  rescan: 'more watched images (every locked one still listed)',
}

function where(place: Place): string {
  return `${place.file}${place.line ? `:${place.line}` : ''}`
}

export function lockMessage(
  key: PolicyKey,
  direction: Direction,
  detail: string,
  lock: Place,
  who: string,
): string {
  const verb = direction === 'loosens' ? 'loosens' : 'changes'
  const may = HINTS[key]
    ? `${who} may only tighten it: ${HINTS[key]}.`
    : `${who} must keep the locked value.`
  return `${verb} the locked key \`${key}\` (${detail}), which ${where(lock)} locks. ${may} Remove it here, or ask the owners of ${lock.file} to change the central policy.`
}

function lineOfKey(layer: ParsedPolicy, key: PolicyKey): number | undefined {
  return layer.lines.get(key)
}

/**
 * Merges `layers` (central first, the repository file last). Throws a `PolicyLockError` naming
 * the loosening file and key, and the file that locks it.
 */
export function mergePolicies(layers: ParsedPolicy[]): MergedPolicy {
  const values: PolicyValues = {}
  const origins = new Map<PolicyKey, Place>()
  const locks = new Map<PolicyKey, Place>()
  for (const layer of layers) {
    for (const key of POLICY_KEY_NAMES) {
      const next = layer.values[key]
      if (next === undefined) continue
      const lock = locks.get(key)
      if (lock) {
        const change = compareKey(key, values, { [key]: next } as PolicyValues)
        if (change.direction === 'loosens' || change.direction === 'changes') {
          throw new PolicyLockError(
            layer.file,
            key,
            lineOfKey(layer, key),
            lockMessage(key, change.direction, change.detail, lock, 'A file that extends it'),
          )
        }
      }
      ;(values as Record<string, unknown>)[key] = next
      origins.set(key, { file: layer.file, line: lineOfKey(layer, key) })
    }
    for (const entry of layer.locked) {
      const place = { file: layer.file, line: layer.lines.get(entry) }
      for (const key of keysLockedBy(entry)) if (!locks.has(key)) locks.set(key, place)
    }
  }
  return { values, origins, locks }
}
