/**
 * `fail-on-scope`: which findings left after policy may fail the gate. Two independent filters,
 * each of which only ever removes findings from the gate (never from the report):
 * - `new`: only findings missing from the baseline (`compare-to`);
 * - `app`: only findings from the image's own layers, not from its base image (Docker Scout's
 *   `ignore-base`). A finding whose layer cannot be shown to be the base's counts as the app's.
 * They combine as `new,app`: a finding must be both new and the app's to fail the gate.
 */
import type { GateScope } from '../model.js'
import { InputError, type Origin } from '../settings/origin.js'

export const GATE_SCOPES: readonly GateScope[] = ['all', 'new', 'app', 'new,app']

export type ScopeFilter = 'new' | 'app'

/** Whether `scope` applies the `new` or `app` filter. */
export function scopeHas(scope: GateScope, filter: ScopeFilter): boolean {
  return scope.split(',').includes(filter)
}

/** The scope applying exactly these filters. */
export function scopeOf(filters: { new?: boolean; app?: boolean }): GateScope {
  if (filters.new && filters.app) return 'new,app'
  if (filters.new) return 'new'
  if (filters.app) return 'app'
  return 'all'
}

/** `all`, `new`, `app`, or `new,app` (also `app,new`, `app, new`, any case). */
export function parseGateScope(raw: string, origin: Origin): GateScope {
  const words = raw
    .split(/[\s,]+/)
    .map((w) => w.trim().toLowerCase())
    .filter(Boolean)
  const unknown = words.filter((w) => w !== 'all' && w !== 'new' && w !== 'app')
  if (words.length === 0 || unknown.length > 0) {
    throw new InputError(
      origin,
      `"${raw.trim()}" is not a scope: use all (every finding counts), new (only findings missing from the baseline), app (only findings from the image's own layers, not its base image), or new,app (both).`,
    )
  }
  if (words.includes('all')) {
    if (words.length > 1) {
      throw new InputError(
        origin,
        `"${raw.trim()}" combines all with a narrower scope; all already counts every finding. Give all alone, or new, app or new,app.`,
      )
    }
    return 'all'
  }
  return scopeOf({ new: words.includes('new'), app: words.includes('app') })
}
