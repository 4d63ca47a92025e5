/**
 * The effective policy as one canonical JSON text and its SHA-256, for the report: two runs that
 * decide the same way record the same hash, whatever the files' formatting, key order or the
 * order of set-like lists.
 */
import { createHash } from 'node:crypto'
import { parseSize } from '../../scanners/base-image/policy.js'
import { canonicalJson } from '../canonical-json.js'
import { POLICY_KEY_NAMES, type PolicyKey, type PolicyValues } from './schema.js'

/** Lists whose order means nothing. */
const SETS: PolicyKey[] = ['exceptions', 'vex', 'allowed-base-images', 'forbid']

/** The effective policy in the file's shape (version 1, keys in schema order), normalised. */
export function effectivePolicyDocument(
  values: PolicyValues,
  locked: PolicyKey[],
): Record<string, unknown> {
  const normal: Record<string, unknown> = { ...values }
  for (const key of SETS) {
    const list = normal[key] as unknown[] | undefined
    if (list) normal[key] = [...new Set(list.map(canonicalJson))].sort().map((j) => JSON.parse(j))
  }
  const size = values['max-image-size']
  if (size !== undefined) normal['max-image-size'] = parseSize(String(size))
  const ordered = Object.fromEntries(
    POLICY_KEY_NAMES.filter((k) => normal[k] !== undefined).map((k) => [k, normal[k]]),
  )
  return { version: 1, ...ordered, locked: [...locked].sort() }
}

export function canonicalPolicy(values: PolicyValues, locked: PolicyKey[]): string {
  return canonicalJson(effectivePolicyDocument(values, locked))
}

export function policySha256(values: PolicyValues, locked: PolicyKey[]): string {
  return createHash('sha256').update(canonicalPolicy(values, locked)).digest('hex')
}
