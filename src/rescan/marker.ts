/**
 * What Shipgate hides at the end of a rescan issue: which watched image it is about (the key
 * marker, found again on the next run) and which blocking findings it listed (the state, so
 * the next run can say what is new and what was fixed).
 *
 * Both are HTML comments, invisible on GitHub. The key marker is the body's last line (a
 * marker quoted elsewhere does not make an issue Shipgate's, and only issues by Shipgate's
 * own account are considered at all: see tracker.ts). The state is base64url JSON, so no
 * text from outside can close the comment early, and it is read defensively: a person with
 * write access can edit the body, so anything unreadable counts as "no previous state"
 * (every finding is then reported as new: stricter, never looser).
 */

import { createHash } from 'node:crypto'
import * as z from 'zod/mini'
import { encodeMarkerKey } from '../github/marker.js'
import type { Finding } from '../model.js'

const KEY_PREFIX = '<!-- shipgate:rescan key='
const STATE_PREFIX = '<!-- shipgate:rescan-state '
const SUFFIX = ' -->'

/** The watched image's marker; the key is percent-encoded (`-` too) so it cannot end the comment. */
export function rescanMarker(key: string): string {
  const trimmed = key.trim()
  if (trimmed === '') throw new Error('The rescan key is empty: every watched image needs one.')
  return `${KEY_PREFIX}${encodeMarkerKey(trimmed)}${SUFFIX}`
}

/** Whether `marker` is the last non-blank line of `body`: the same rule as the sticky comment. */
export { endsWithMarker } from '../github/marker.js'

/** One blocking finding as the issue remembers it: a hash of its key, and what to call it. */
export interface RememberedFinding {
  /** First 72 bits of SHA-256 of Finding.key, base64url (12 characters). */
  hash: string
  /** The finding's ID and package, for "fixed since" lines; dropped first when space runs out. */
  id?: string
  pkg?: string
}

export interface IssueState {
  /** The digest the issue last described. */
  digest: string
  /** Blocking findings at that scan, most important first. */
  findings: RememberedFinding[]
  /** How many blocking findings there were; more than `findings.length` when some did not fit. */
  total: number
}

export function findingHash(key: string): string {
  return createHash('sha256').update(key).digest('base64url').slice(0, 12)
}

/** Longest name kept for a finding; longer ones (a hostile report) are cut, never refused later. */
const NAME_MAX = 200

export function remember(finding: Finding): RememberedFinding {
  const cut = (text: string) => [...text].slice(0, NAME_MAX).join('')
  return {
    hash: findingHash(finding.key),
    id: cut(finding.id),
    pkg: finding.kind === 'vulnerability' ? cut(finding.pkgName) : undefined,
  }
}

const hash = z.string().check(z.regex(/^[A-Za-z0-9_-]{12}$/))
const name = z.string().check(z.maxLength(NAME_MAX))

/** The state as stored; short field names because it shares the issue's 65,536 characters. */
const Stored = z.object({
  v: z.literal(1),
  d: z.string().check(z.regex(/^[a-z0-9]+:[a-zA-Z0-9=_-]{32,}$/)),
  n: z.int().check(z.nonnegative()),
  f: z
    .array(z.union([z.tuple([hash]), z.tuple([hash, name]), z.tuple([hash, name, name])]))
    .check(z.maxLength(100_000)),
})

/** Names kept when even bare hashes overflow the budget. */
const NAMES_KEPT = 30

/** Room the state may take in an issue body (characters). */
export const STATE_BUDGET = 16_000

/**
 * The state comment, within `budget` characters: when the findings do not fit, the names of
 * the least important go first (their hashes stay, so "new since" remains exact), then the
 * least important hashes (`total` then says the record is incomplete).
 */
export function encodeState(state: IssueState, budget = STATE_BUDGET): string {
  const entries = state.findings.map((f) =>
    f.id === undefined ? [f.hash] : f.pkg === undefined ? [f.hash, f.id] : [f.hash, f.id, f.pkg],
  )
  const render = (f: string[][]) =>
    `${STATE_PREFIX}${Buffer.from(JSON.stringify({ v: 1, d: state.digest, n: state.total, f })).toString('base64url')}${SUFFIX}`
  let text = render(entries)
  if (text.length <= budget) return text
  // Drop names from the end until it fits, then entries: binary searches over the cut point.
  const named = (keep: number) => entries.map((e, i) => (i < keep ? e : e.slice(0, 1)))
  let lo = 0
  let hi = entries.length
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2)
    if (render(named(mid)).length <= budget) lo = mid
    else hi = mid - 1
  }
  text = render(named(lo))
  if (text.length <= budget) return text
  // Even bare hashes do not all fit: keep the names of the first few (the "fixed since" line
  // lists that many) and as many hashes as fit after them; `total` says the rest is missing.
  const head = named(Math.min(NAMES_KEPT, entries.length))
  lo = 0
  hi = head.length
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2)
    if (render(head.slice(0, mid)).length <= budget) lo = mid
    else hi = mid - 1
  }
  return render(head.slice(0, lo))
}

/** The state found in an issue body, or undefined when there is none or it cannot be trusted to parse. */
export function decodeState(body: string): IssueState | undefined {
  const lines = body.split(/\r\n|\r|\n/).map((l) => l.trim())
  const found = lines.filter((l) => l.startsWith(STATE_PREFIX) && l.endsWith(SUFFIX))
  // Two state comments: someone pasted one; neither can be told apart, so trust none.
  if (found.length !== 1) return undefined
  const payload = (found[0] as string).slice(STATE_PREFIX.length, -SUFFIX.length)
  if (!/^[A-Za-z0-9_-]+$/.test(payload)) return undefined
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
  } catch {
    return undefined
  }
  const result = Stored.safeParse(parsed)
  if (!result.success || result.data.n < result.data.f.length) return undefined
  return {
    digest: result.data.d,
    total: result.data.n,
    findings: result.data.f.map(([hash, id, pkg]) => ({
      hash,
      ...(id !== undefined ? { id } : {}),
      ...(pkg !== undefined ? { pkg } : {}),
    })),
  }
}
