/**
 * The order findings' IDs and keys are sorted in: the Unicode collation of `Intl.Collator`
 * for English, answered without ICU for printable ASCII, which is nearly every ID and key.
 *
 * Why not always the collator: building one loads ICU's collation data, 7–11 ms of a ~200 ms
 * run that judges a small report (issue 13). For printable ASCII, the root collation (which
 * English does not tailor) is fixed and simple: compare the characters' primary weights (the
 * order in PRIMARY, a letter and its capital weighing the same), a prefix before a longer
 * string, then, when all of that is equal, lowercase before uppercase at the first difference.
 * test/policy/collate.test.ts checks this against the real collator, every pair of characters
 * and 200,000 random strings; any other string goes to the collator itself, and so does every
 * comparison of a large sort (`expectComparisons`), where ICU's native compare is faster.
 *
 * English explicitly, not the runner's locale: a finding's place in the report must not
 * depend on the machine's LANG.
 */

/** Printable ASCII in the collator's order; `aA` share a primary weight. */
const PRIMARY =
  ' _-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$0123456789aAbBcCdDeEfFgGhHiIjJkKlLmMnNoOpPqQrRsStTuUvVwWxXyYzZ'

const isUpper = (c: number) => c >= 65 && c <= 90

const WEIGHT = new Int16Array(128).fill(-1)
{
  let w = 0
  for (let i = 0; i < PRIMARY.length; i++) {
    const ch = PRIMARY.charCodeAt(i)
    // A capital follows its lowercase letter and shares its weight.
    WEIGHT[ch] = isUpper(ch) ? w - 1 : w++
  }
}

let collator: Intl.Collator | undefined
/** Set by a large sort: every comparison goes to ICU from then on. */
let icuForAll = false

/** The collator, built on first need (a string beyond printable ASCII). */
function collatorCompare(a: string, b: string): number {
  collator ??= new Intl.Collator('en')
  return collator.compare(a, b)
}

/**
 * About to sort `count` strings or findings: past a few thousand, ICU's native comparisons
 * (~0.3 µs) repay building the collator (7–11 ms) against this one (~1.5 µs), so build it now;
 * both give the same order, so which one answers never shows.
 */
export function expectComparisons(count: number): void {
  if (count <= 2_000) return
  collator ??= new Intl.Collator('en')
  icuForAll = true
}

/** Whether ICU answers every comparison now (tests: which path answered). */
export function icuAnswersAll(): boolean {
  return icuForAll
}

/** `new Intl.Collator('en').compare(a, b)`, in sign. */
export function collate(a: string, b: string): number {
  if (icuForAll) return collatorCompare(a, b)
  const n = Math.min(a.length, b.length)
  let caseOrder = 0
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i)
    const y = b.charCodeAt(i)
    const wx = x < 128 ? (WEIGHT[x] as number) : -1
    const wy = y < 128 ? (WEIGHT[y] as number) : -1
    if (wx < 0 || wy < 0) return collatorCompare(a, b)
    if (wx !== wy) {
      // Past the first primary difference, a later non-ASCII character cannot change the
      // answer… unless the collator ignores characters; only printable ASCII is decided here.
      return onlyPrintable(a, i) && onlyPrintable(b, i) ? wx - wy : collatorCompare(a, b)
    }
    if (caseOrder === 0 && x !== y) caseOrder = isUpper(x) ? 1 : -1
  }
  if (!onlyPrintable(a, n) || !onlyPrintable(b, n)) return collatorCompare(a, b)
  if (a.length !== b.length) return a.length - b.length
  return caseOrder
}

function onlyPrintable(s: string, from: number): boolean {
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c >= 128 || (WEIGHT[c] as number) < 0) return false
  }
  return true
}
