/**
 * The `vex` setting: where VEX documents come from. A path in the checkout, an https URL, or the
 * word `oci` (the image's own VEX attestations, verified by Shipgate before Trivy sees them).
 * Pure parsers for the settings table (src/settings/spec.ts).
 */
import { InputError, type Label } from '../settings/origin.js'

export type VexSource =
  | { kind: 'file'; path: string }
  | { kind: 'url'; url: string }
  /** The image's OpenVEX attestations, kept only when signed by the expected identity. */
  | { kind: 'oci' }

/** How a source is named in messages and in the report: as the user wrote it. */
export function describeVexSource(source: VexSource): string {
  return source.kind === 'file' ? source.path : source.kind === 'url' ? source.url : 'oci'
}

/**
 * One source a line (a policy file's list arrives one item a line). Commas are not separators:
 * a URL may hold one.
 */
export function parseVexSources(raw: string, label: Label): VexSource[] {
  const out: VexSource[] = []
  const seen = new Set<string>()
  for (const line of raw.split(/\r?\n/)) {
    const value = line.trim()
    if (!value || value.startsWith('#')) continue
    const source = parseOne(value, label)
    const key = describeVexSource(source)
    if (seen.has(key)) continue
    seen.add(key)
    out.push(source)
  }
  return out
}

function parseOne(value: string, label: Label): VexSource {
  if (value === 'oci') return { kind: 'oci' }
  if (value === 'repo' || value === 'repository' || value === 'sbom-ref') {
    throw new InputError(
      label,
      `"${value}" is a Trivy VEX source Shipgate does not pass on: its statements are neither signed nor pinned, so nothing shows who made them. Give the documents as paths or https URLs, or \`oci\` for signed attestations.`,
    )
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    let url: URL
    try {
      url = new URL(value)
    } catch {
      throw new InputError(label, `"${value}" is not a valid URL.`)
    }
    if (url.protocol !== 'https:') {
      throw new InputError(
        label,
        `"${value}" is not an https URL: a VEX document suppresses findings, so it is fetched only over https. Use https, or commit the document and give its path.`,
      )
    }
    if (url.username || url.password) {
      throw new InputError(
        label,
        `"${url.protocol}//${url.host}${url.pathname}" carries credentials in the URL; they would be written to the report. Host the document where it can be read without them, or commit it.`,
      )
    }
    return { kind: 'url', url: url.href }
  }
  if (value.includes('\0')) throw new InputError(label, 'a path must not contain a NUL byte.')
  return { kind: 'file', path: value }
}

/** The setting's value: the sources as given, one string each (what the settings record shows). */
export function parseVexSetting(raw: string, label: Label): string[] {
  return parseVexSources(raw, label).map(describeVexSource)
}

/**
 * `vex-required-author`: statements count only from documents whose author is exactly one of
 * these (one a line). Exact, case-sensitive: a look-alike name is another author.
 */
export function parseRequiredAuthors(raw: string, label: Label): string[] | undefined {
  const authors = raw
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean)
  for (const a of authors) {
    if (a.length > 256) throw new InputError(label, 'an author name is at most 256 characters.')
  }
  if (!authors.length) return undefined
  return [...new Set(authors)]
}

/** `certificate-identity-regexp` for `vex: oci`: the same check as verify mode's. */
export function parseIdentityRegexp(raw: string, label: Label): string {
  try {
    new RegExp(raw)
  } catch (error) {
    throw new InputError(label, `not a valid regular expression: ${(error as Error).message}`)
  }
  return raw
}
