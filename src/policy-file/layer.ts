/**
 * The policy as the settings resolver takes it: per key, the raw text its parser reads, the file
 * and line it came from, and whether a file locks it. Exceptions are handed over as ignore rules.
 */
import type { IgnoreRule } from '../model.js'
import { POLICY_DEFAULTS } from './compare.js'
import { toIgnoreRules } from './exceptions.js'
import type { LoadedPolicy } from './load.js'
import { POLICY_KEY_NAMES } from './schema.js'

export interface PolicyLayerValue {
  raw: string
  /** The file that set it: the repository file, or a central one it extends. */
  file: string
  line?: number
  locked?: boolean
}

export interface PolicyLayerData {
  file: string
  values: Record<string, PolicyLayerValue>
  sha256: string
  /** Exceptions that still suppress, as rules the evaluator applies (expired ones are listed, not applied). */
  ignoreRules: IgnoreRule[]
}

function rawOf(value: unknown): string {
  return Array.isArray(value) ? value.map(String).join('\n') : String(value)
}

/** The layer key `rescan.images` fills: RESCAN_SPEC's watch list (src/settings/spec.ts). */
export const RESCAN_IMAGES_KEY = 'rescan.images'

/** Keys the policy file handles itself rather than through an input's parser. */
const OWN = new Set(['exceptions', 'warn-expiry-days', 'rescan'])

export function policyLayer(policy: LoadedPolicy): PolicyLayerData {
  const values: Record<string, PolicyLayerValue> = {}
  for (const key of POLICY_KEY_NAMES) {
    if (OWN.has(key)) continue
    const value = policy.values[key]
    const locked = policy.locks.has(key)
    if (value === undefined && !locked) continue
    const origin = policy.origins.get(key) ?? policy.locks.get(key)
    values[key] = {
      // A lock on a key no file sets locks Shipgate's default.
      raw: rawOf(value ?? (POLICY_DEFAULTS as Record<string, unknown>)[key] ?? ''),
      file: origin?.file ?? policy.source.file,
      line: origin?.line,
      locked,
    }
  }
  // `rescan.images` is the watch list `mode: rescan` takes when `image` is empty (issue 12).
  const rescan = policy.values.rescan as { images?: string[] } | undefined
  if (rescan?.images?.length || policy.locks.has('rescan')) {
    const origin = policy.origins.get('rescan') ?? policy.locks.get('rescan')
    values[RESCAN_IMAGES_KEY] = {
      raw: (rescan?.images ?? []).join('\n'),
      file: origin?.file ?? policy.source.file,
      line: origin?.line,
      locked: policy.locks.has('rescan'),
    }
  }
  const rules = toIgnoreRules([...policy.exceptions.active, ...policy.exceptions.expired])
  return {
    file: policy.source.file,
    values,
    sha256: policy.sha256,
    ignoreRules: rules,
  }
}
