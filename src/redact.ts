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
/** The shortest string JWT_SHAPE matches: `eyJ` + 2, a dot, 2, a dot. */
const SHORTEST_JWT = 9
/** No string shorter than this can hold a secret or a JWT. */
let shortest = SHORTEST_JWT

/** Registers a value to be cut out of every message from now on (the token, a password). */
export function registerSecret(value: string | undefined): void {
  if (!value || value.trim().length < MIN_SECRET_LENGTH) return
  for (const form of encodings(value)) secrets.add(form)
  longestFirst = [...secrets].sort((a, b) => b.length - a.length)
  shortest = Math.min(SHORTEST_JWT, longestFirst.at(-1)?.length ?? SHORTEST_JWT)
}

/** For tests: forget what was registered. */
export function clearSecrets(): void {
  secrets.clear()
  longestFirst = []
  shortest = SHORTEST_JWT
}

function encodings(value: string): string[] {
  const forms = new Set([value, value.trim()])
  forms.add(JSON.stringify(value).slice(1, -1))
  forms.add(encodeURIComponent(value))
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
 */
function walkInto(value: object, depth: number): void {
  if (depth > MAX_DEPTH) {
    throw new Error(`redactDeep: a value nested deeper than ${MAX_DEPTH} levels (a cycle?)`)
  }
  // Written back only when redaction changed something: most values are left as they are.
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const inner: unknown = value[i]
      if (typeof inner === 'string') {
        if (inner.length < shortest) continue
        const out = redact(inner)
        if (out !== inner) value[i] = out
      } else if (typeof inner === 'object' && inner !== null) walkInto(inner, depth + 1)
    }
    return
  }
  const record = value as Record<string, unknown>
  // for…in rather than Object.keys: no array per object. The report's objects are plain data,
  // whose prototypes have no enumerable keys (were one added, its value would be redacted into
  // an own key here: nothing is lost).
  for (const key in record) {
    const inner = record[key]
    if (typeof inner === 'string') {
      if (inner.length < shortest) continue
      const out = redact(inner)
      if (out !== inner) record[key] = out
    } else if (typeof inner === 'object' && inner !== null) walkInto(inner, depth + 1)
  }
}

/** An error's message, redacted: for catch blocks that turn errors into output text. */
export function redactedMessage(error: unknown): string {
  return redact(error instanceof Error ? error.message : String(error))
}
