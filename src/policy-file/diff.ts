/**
 * What a pull request does to its own gate: the policy on the base branch (which applies) against
 * the one in the pull request (which applies after merge). Pure.
 */
import { compareKey, type KeyChange } from './compare.js'
import { POLICY_KEY_NAMES, type PolicyValues } from './schema.js'

export interface PolicyDiff {
  /** Every key whose effective value differs, in schema order. */
  changes: KeyChange[]
  loosens: KeyChange[]
  tightens: KeyChange[]
  /** Neither tighter nor looser (signer identity, comment options). */
  other: KeyChange[]
  /** `this PR loosens: fail-on high→none, +2 exceptions (…)`; empty when nothing changes. Plain text. */
  summary: string
}

/** `undefined` on either side: no policy file there (every key at its default). */
export function policyDiff(
  base: PolicyValues | undefined,
  head: PolicyValues | undefined,
): PolicyDiff {
  const changes = POLICY_KEY_NAMES.map((key) => compareKey(key, base ?? {}, head ?? {})).filter(
    (c) => c.direction !== 'same',
  )
  const loosens = changes.filter((c) => c.direction === 'loosens')
  const tightens = changes.filter((c) => c.direction === 'tightens')
  const other = changes.filter((c) => c.direction === 'changes')
  const parts: string[] = []
  if (loosens.length) parts.push(`this PR loosens: ${loosens.map((c) => c.detail).join(', ')}`)
  if (tightens.length)
    parts.push(
      `${parts.length ? 'tightens' : 'this PR tightens'}: ${tightens.map((c) => c.detail).join(', ')}`,
    )
  if (other.length)
    parts.push(
      `${parts.length ? 'changes' : 'this PR changes'}: ${other.map((c) => c.detail).join(', ')}`,
    )
  return { changes, loosens, tightens, other, summary: parts.join('; ') }
}
