/**
 * The hidden marker that identifies Shipgate's sticky comment. It carries the image (or
 * the `comment-key` input), so matrix jobs scanning different images each keep their own
 * comment instead of overwriting one another's (docker/scout-action#52).
 */

const PREFIX = '<!-- shipgate:comment key='
const SUFFIX = ' -->'

/**
 * The key is percent-encoded (`-` too), so no key can close the HTML comment early or
 * make one key's marker a prefix of another's.
 */
/** Percent-encoded, `-` too, so a key can never close the HTML comment it sits in. */
export function encodeMarkerKey(key: string): string {
  return encodeURIComponent(key).replace(
    /[-!'()*~.]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  )
}

export function commentMarker(key: string): string {
  const trimmed = key.trim()
  if (trimmed === '')
    throw new Error('The comment key is empty: pass the image reference or set `comment-key`.')
  return `${PREFIX}${encodeMarkerKey(trimmed)}${SUFFIX}`
}

/**
 * Whether the marker is the body's last non-blank line, where Shipgate puts it. A marker
 * anywhere else (quoted in a reply, pasted mid-text) does not make a comment Shipgate's.
 */
export function endsWithMarker(body: string, marker: string): boolean {
  const lines = body.split(/\r\n|\r|\n/)
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = (lines[i] ?? '').trim()
    if (line !== '') return line === marker
  }
  return false
}

/** The body as posted: with the marker on its own line at the end if it is not there yet. */
export function withMarker(body: string, marker: string): string {
  return endsWithMarker(body, marker) ? body : `${body.trimEnd()}\n\n${marker}\n`
}

/** The key of the marker on the body's last non-blank line, if that line is a marker. */
export function markerKey(body: string): string | undefined {
  const lines = body.split(/\r\n|\r|\n/)
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = (lines[i] ?? '').trim()
    if (line === '') continue
    if (!line.startsWith(PREFIX) || !line.endsWith(SUFFIX)) return undefined
    try {
      return decodeURIComponent(line.slice(PREFIX.length, -SUFFIX.length))
    } catch {
      return undefined
    }
  }
  return undefined
}
