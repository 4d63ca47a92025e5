/**
 * Redaction of secrets from text that leaves the process: outputs, the job summary, the JSON
 * report, the PR comment, the log. The runner's `::add-mask::` only covers its own log, and
 * only for values it was told about; error text from Fulcio, Rekor, a TSA or a proxy can echo
 * the OIDC token (or a token nobody registered), so every message is scrubbed here first.
 *
 * Two rules: anything shaped like a JWT (`eyJ…` header, three base64url segments) and any value
 * registered with `registerSecret` (tokens, registry passwords), also in the encodings error
 * text tends to carry them (JSON-escaped, percent-encoded, base64).
 */

export const REDACTED = '[REDACTED]'

/**
 * A JWT/JWS in compact form: base64url(`{"…`) header, payload, and a signature that may be
 * empty (`alg: none`). The header of every JSON object starts with `eyJ` in base64url.
 */
const JWT_SHAPE = /eyJ[A-Za-z0-9_-]{2,}={0,2}\.[A-Za-z0-9_-]{2,}={0,2}\.[A-Za-z0-9_-]*={0,2}/g

/** Shorter values would redact ordinary words; the runner masks them in the log regardless. */
export const MIN_SECRET_LENGTH = 4

const secrets = new Set<string>()
/** `secrets`, longest first; rebuilt when one is registered, not on every `redact` call. */
let longestFirst: string[] = []
/**
 * Each secret as it reads inside a JSON string (quotes and backslashes escaped), for checking
 * JSON text (`redactDeepForJson`); undefined when a secret holds a UTF-16 surrogate, whose
 * escaping depends on the character beside it, so only the walk is sure to find it.
 */
let inJsonText: string[] | undefined = []
/** The shortest string JWT_SHAPE matches: `eyJ` + 2, a dot, 2, a dot. */
const SHORTEST_JWT = 9
/** No string shorter than this can hold a secret or a JWT. */
let shortest = SHORTEST_JWT

/** Registers a value to be cut out of every message from now on (the token, a password). */
export function registerSecret(value: string | undefined): void {
  if (!value || value.trim().length < MIN_SECRET_LENGTH) return
  for (const form of encodings(value)) secrets.add(form)
  longestFirst = [...secrets].sort((a, b) => b.length - a.length)
  inJsonText = longestFirst.some((f) => /[\uD800-\uDFFF]/.test(f))
    ? undefined
    : longestFirst.map((f) => JSON.stringify(f).slice(1, -1))
  shortest = Math.min(SHORTEST_JWT, longestFirst.at(-1)?.length ?? SHORTEST_JWT)
}

/** For tests: forget what was registered. */
export function clearSecrets(): void {
  secrets.clear()
  longestFirst = []
  inJsonText = []
  shortest = SHORTEST_JWT
}

function encodings(value: string): string[] {
  const forms = new Set([value, value.trim()])
  forms.add(JSON.stringify(value).slice(1, -1))
  try {
    forms.add(encodeURIComponent(value))
  } catch {
    // A lone UTF-16 surrogate has no percent-encoding (URIError); the other forms still count.
  }
  forms.add(Buffer.from(value).toString('base64'))
  forms.add(Buffer.from(value).toString('base64url'))
  return [...forms].filter((f) => f.length >= MIN_SECRET_LENGTH)
}

/** `text` with every JWT-shaped string and every registered secret replaced by `[REDACTED]`. */
export function redact(text: string): string {
  // Shorter than anything it could hold: most strings of a report (severities, versions).
  if (text.length < shortest) return text
  // Every JWT starts with `eyJ`: most text has none, and `includes` is far cheaper than the
  // regular expression (a 20,000-finding report holds ~10⁶ strings; issue 13).
  let out = text.includes('eyJ') ? text.replace(JWT_SHAPE, REDACTED) : text
  // Longest first, so a secret that contains another is cut out whole.
  for (const secret of longestFirst) {
    if (out.includes(secret)) out = out.split(secret).join(REDACTED)
  }
  return out
}

/** Deeper than any report: a value this deep holds a cycle, which no JSON output can carry. */
const MAX_DEPTH = 200

/**
 * Redacts every string inside a JSON-like value, in place (objects and arrays), and returns it.
 * An object reached twice is walked twice (redaction is idempotent): remembering every object
 * of a 20,000-finding report cost more than the walk itself (issue 13). A cycle throws rather
 * than leave anything unredacted.
 */
export function redactDeep<T>(value: T): T {
  return walk(value, 0) as T
}

function walk(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return redact(value)
  if (value === null || typeof value !== 'object') return value
  walkInto(value, depth)
  return value
}

/**
 * The strings inside `value` redacted in place. Each child is looked at here rather than in a
 * call per value: a 20,000-finding report holds ~500,000 values, nearly all numbers, booleans
 * and strings too short to hold a secret, and a call for each was most of the walk (issue 13).
 * Written back only when redaction changed something: most values are left as they are.
 */
function walkInto(value: object, depth: number): void {
  walkIntoWith(value, depth, walkInto)
}

/** JWT_SHAPE anywhere, for a yes or no (no `g` flag: no `lastIndex` carried between tests). */
const JWT_ANYWHERE = new RegExp(JWT_SHAPE.source)

/** Whether JSON text may hold a secret or a JWT: when it says no, no string inside does. */
function jsonMayHoldSecret(text: string, forms: readonly string[]): boolean {
  if (text.includes('eyJ') && JWT_ANYWHERE.test(text)) return true
  for (const form of forms) if (text.includes(form)) return true
  return false
}

/**
 * `redactDeep` for a value about to be written as JSON, and the JSON text of the elements the
 * writer serialises one by one (those of arrays of `longArray` elements or more: the writer's
 * `LONG_ARRAY`, src/report/write.ts), so each is serialised once rather than walked here and
 * serialised there (issue 13: at 20,000 findings the walk cost ~60 ms, most of it visiting
 * ~440,000 values).
 *
 * An element's text is searched for every registered secret as it reads inside a JSON string,
 * and for JWT_SHAPE, whose characters JSON never escapes: a string that holds either makes its
 * container's text hold it too, so an element whose text holds neither has nothing to redact,
 * and its text is kept. One whose text holds either (or a key that matched) is walked and
 * redacted like any other value, and its text is not kept. When a secret holds a UTF-16
 * surrogate, whose JSON form depends on its neighbour, everything is walked.
 *
 * For plain data (what `JSON.parse` makes and the report is): a `toJSON` method would make the
 * text differ from what the renderers read. The texts are right only until the value changes.
 */
export function redactDeepForJson<T>(
  value: T,
  longArray: number,
): { value: T; texts: Map<object, string> } {
  const texts = new Map<object, string>()
  const forms = inJsonText
  if (!forms) return { value: redactDeep(value), texts }
  const visit = (v: unknown, depth: number): void => {
    if (v === null || typeof v !== 'object') return
    if (!Array.isArray(v) || v.length < longArray) {
      // Shallow parts are walked as `redactDeep` walks them; long arrays below are reached here.
      walkIntoWith(v, depth, visit)
      return
    }
    for (let i = 0; i < v.length; i++) {
      const inner: unknown = v[i]
      if (typeof inner === 'string') {
        const out = redact(inner)
        if (out !== inner) v[i] = out
      }
      if (typeof inner !== 'object' || inner === null) continue
      let text: string | undefined
      try {
        text = JSON.stringify(inner)
      } catch {
        // A cycle: the walk below refuses it with its own message.
      }
      if (text !== undefined && !jsonMayHoldSecret(text, forms)) texts.set(inner, text)
      else walkInto(inner, depth + 1)
    }
  }
  if (typeof value === 'string') return { value: redact(value) as T, texts }
  visit(value, 0)
  return { value, texts }
}

/**
 * One level of the walk: strings redacted in place, objects and arrays handed to `next`
 * (`walkInto` itself, or `redactDeepForJson`, which looks for long arrays further down).
 * for…in rather than Object.keys: no array per object. The report's objects are plain data,
 * whose prototypes have no enumerable keys (were one added, its value would be redacted into
 * an own key here: nothing is lost).
 */
function walkIntoWith(
  value: object,
  depth: number,
  next: (inner: object, depth: number) => void,
): void {
  if (depth > MAX_DEPTH) {
    throw new Error(`redactDeep: a value nested deeper than ${MAX_DEPTH} levels (a cycle?)`)
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const inner: unknown = value[i]
      if (typeof inner === 'string') {
        if (inner.length < shortest) continue
        const out = redact(inner)
        if (out !== inner) value[i] = out
      } else if (typeof inner === 'object' && inner !== null) next(inner, depth + 1)
    }
    return
  }
  const record = value as Record<string, unknown>
  for (const key in record) {
    const inner = record[key]
    if (typeof inner === 'string') {
      if (inner.length < shortest) continue
      const out = redact(inner)
      if (out !== inner) record[key] = out
    } else if (typeof inner === 'object' && inner !== null) next(inner, depth + 1)
  }
}

/** An error's message, redacted: for catch blocks that turn errors into output text. */
export function redactedMessage(error: unknown): string {
  return redact(error instanceof Error ? error.message : String(error))
}
