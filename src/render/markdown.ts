/**
 * Building blocks for GitHub-flavoured Markdown that carries text from outside
 * (advisory titles, package names, paths, image references).
 *
 * Every helper here returns Markdown that is safe to place inside a table cell,
 * a list item or a heading: no raw HTML, no links or images the text did not
 * ask for through `link()` (one exception: a bare URL inside `code()`, see
 * EscapeOptions), no @-mentions that notify anyone, no issue references, no `|`
 * that splits a table row, no newline that ends the block.
 */

/**
 * Zero-width space: breaks GitHub's mentions, autolinks and issue references without changing
 * what people read.
 */
const ZWSP = '\u200B'

/**
 * Characters GFM may read as inline syntax. Backslash escapes work for every ASCII
 * punctuation character in CommonMark, and GitHub also honours `\|` inside table cells
 * and `\$` for its math extension. `(`, `)` and `!` only act next to `[`/`]`, which are
 * escaped, so they stay as typed (and bare URLs keep their parentheses).
 */
const INLINE_SYNTAX = /[\\`*_[\]{}~|$]/g

/** Characters that only mean something at the start of a line (headings, lists, quotes, rules). */
const LINE_START_SYNTAX = /^(\s*)([#+\-=>]|\d+[.)])/

/** C0/C1 controls and bidirectional overrides (Trojan Source) never belong in a comment. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g

const NEWLINES = /\s*[\r\n\u2028\u2029]+\s*/g

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/**
 * GitHub turns plain text into links in two more ways: bare `http(s)://` / `ftp://` URLs and
 * `www.` hosts (cmark-gfm's autolink extension, at parse time), and issue references `#1`,
 * `owner/repo#1`, `GH-1` (after rendering; a cross-repository one also posts a back-reference
 * on that issue). A zero-width space between two characters each pattern needs adjacent
 * defeats it and reads the same.
 *
 * Where it goes matters: cmark-gfm takes any character that is neither space nor punctuation
 * as the start of a host, a zero-width space included, so `https://\u200Bevil.example` still
 * links. Before `://` it ends the scheme (cmark-gfm reads the scheme backwards over ASCII
 * letters), and inside `www.` the literal `www.` it looks for is gone.
 *
 * Links Shipgate means to make go through `link()`, whose destination never passes here.
 */
function defuseAutolinks(text: string): string {
  return text
    .replace(/:\/\//g, `${ZWSP}://`)
    .replace(/(www)\./gi, `$1${ZWSP}.`)
    .replace(/#(?=\d)/g, `#${ZWSP}`)
    .replace(/(GH)-(?=\d)/gi, `$1-${ZWSP}`)
}

/**
 * GitHub links `@user`, `@org/team` when `@` follows a non-word character. A zero-width
 * space after every `@` stops that in all positions (emails included) and reads the same.
 */
function defuseMentions(text: string): string {
  return text.replace(/@/g, `@${ZWSP}`)
}

interface EscapeOptions {
  /**
   * Only for text inside `<code>`: GitHub never autolinks mentions or issue references
   * there (so scoped npm names like `@babel/core` stay copyable), and the text never starts
   * a line. Bare URLs and `www.` hosts are left whole too, though cmark-gfm still links them
   * (showing their full address in monospace): what sits in code is there to be copied
   * (predicate types such as `https://slsa.dev/provenance/v1` go into admission policies),
   * and an invisible character would break the copy silently.
   */
  insideCode?: boolean
}

/** Options for text inside `<code>`, made once. */
const IN_CODE: EscapeOptions = { insideCode: true }

/**
 * Every character the replacements below act on wherever it stands, and every pattern they act
 * on only in company (`://`, `www.`, `#1`, `GH-1`, a heading, list or quote mark at the start).
 * Text with none of them comes out as it went in. Most cells of a large report (versions,
 * package names, CVE IDs) are such text, and a dozen regular-expression passes over each made a
 * 1 MB summary ~1.6 times as slow (issue 13). test/render/escape-fast-path.test.ts holds the
 * two paths equal.
 */
const ACTED_ON_IN_CODE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
  /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069&<>\\`*_[\]{}~|$]/
const ACTED_ON =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
  /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069&<>\\`*_[\]{}~|$@]|:\/\/|www\.|#\d|gh-\d|^\s*(?:[#+\-=>]|\d+[.)])/i

/** Whether `escapeText` would change `text` at all (false only when it surely would not). */
function actedOn(text: string, options: EscapeOptions): boolean {
  return (options.insideCode ? ACTED_ON_IN_CODE : ACTED_ON).test(text)
}

export function escapeText(text: string, options: EscapeOptions = {}): string {
  const value = String(text)
  return actedOn(value, options) ? escapeTextFully(value, options) : value
}

/** The escaping itself; exported for the test that holds `escapeText`'s fast path to it. */
export function escapeTextFully(text: string, options: EscapeOptions = {}): string {
  let out = String(text).replace(CONTROL, '').replace(NEWLINES, ' ')
  out = escapeHtml(out).replace(INLINE_SYNTAX, (c) => `\\${c}`)
  if (options.insideCode) return out
  out = defuseAutolinks(out)
  out = out.replace(LINE_START_SYNTAX, (_m, space: string, mark: string) =>
    mark.length === 1 ? `${space}\\${mark}` : `${space}${mark.slice(0, -1)}\\${mark.slice(-1)}`,
  )
  return defuseMentions(out)
}

/**
 * Whether `code` (`insideCode`) or `escapeInline` would give `text` back as it is (before any
 * cut to a length): nothing to strip, collapse, trim or escape. The characters ACTED_ON and
 * ACTED_ON_IN_CODE look for include every one CONTROL and NEWLINES remove, so text neither
 * matches needs only the trim looked at. Most cells of a large report are such text: one test
 * instead of three replacements, a trim and a test (issue 13).
 */
function untouched(text: string, options: EscapeOptions): boolean {
  return !actedOn(text, options) && text.trim().length === text.length
}

/**
 * The characters of `text` when there are more than `max`, else undefined. A string of at most
 * `max` UTF-16 units has at most `max` characters: no array of them is needed to know (one per
 * cell of a large report, issue 13).
 */
function characters(text: string, max: number): string[] | undefined {
  if (text.length <= max) return undefined
  const chars = [...text]
  return chars.length > max ? chars : undefined
}

/**
 * Escape text from outside so it renders as exactly that text, on one line.
 * Newlines collapse to a space; HTML and Markdown syntax render literally.
 */
export function escapeMarkdown(text: string): string {
  return escapeText(text)
}

/**
 * `escapeMarkdown` with a length limit applied to the raw text (before escaping, so an
 * entity or escape is never cut in half). Long advisory titles stay readable in tables.
 */
export function escapeInline(text: string, maxChars = 200): string {
  const value = String(text)
  // A prefix of untouched text, trimmed and with `…` added, is untouched too.
  const clean = untouched(value, {})
  const flat = clean ? value : value.replace(CONTROL, '').replace(NEWLINES, ' ').trim()
  const cut = characters(flat, maxChars)
  const short = cut
    ? `${cut
        .slice(0, maxChars - 1)
        .join('')
        .trimEnd()}…`
    : flat
  return clean ? short : escapeText(short)
}

/**
 * Monospace text from outside (package names, versions, image references, paths).
 *
 * An HTML `<code>` element rather than a backtick span on purpose: inside a backtick span
 * `\|` is required in tables but shows literally elsewhere, so the output would depend on
 * where it lands. Inside `<code>` the content is ordinary escaped inline text, which is
 * correct in every context, and GitHub never turns `@name` inside code into a mention.
 */
export function code(text: string, maxChars = 200): string {
  const value = String(text)
  // A prefix of untouched text, with `…` added, is untouched too.
  const clean = untouched(value, IN_CODE)
  const flat = clean ? value : value.replace(CONTROL, '').replace(NEWLINES, ' ').trim()
  const cut = characters(flat, maxChars)
  const short = cut ? `${cut.slice(0, maxChars - 1).join('')}…` : flat
  if (short === '') return ''
  return `<code>${clean ? short : escapeText(short, IN_CODE)}</code>`
}

/**
 * URLs already judged by `safeUrl`: a report names each advisory's URL once per package it is
 * found in, and parsing one is a few microseconds of each row (issue 13). Bounded.
 */
const judgedUrls = new Map<string, string | undefined>()

/**
 * Only absolute http(s) URLs become links; anything else (javascript:, data:, relative)
 * is dropped and the label stays plain text.
 */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined
  if (judgedUrls.has(url)) return judgedUrls.get(url)
  if (judgedUrls.size >= 10_000) judgedUrls.clear()
  const safe = judgeUrl(url)
  judgedUrls.set(url, safe)
  return safe
}

function judgeUrl(url: string): string | undefined {
  let parsed: URL
  try {
    parsed = new URL(url.trim())
  } catch {
    return undefined
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined
  if (parsed.username || parsed.password) return undefined
  // Parentheses, spaces, angle brackets and pipes would end or split the link destination.
  return parsed.href.replace(
    /[()<>|\s"'`\\]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  )
}

/** `[label](url)` with an already-escaped label; plain label when the URL is not safe. */
export function link(labelMarkdown: string, url: string | undefined): string {
  const href = safeUrl(url)
  return href ? `[${labelMarkdown}](${href})` : labelMarkdown
}

/** One Markdown table. Cells must already be escaped (use the helpers above). */
export function table(header: string[], rows: string[][], align?: ('l' | 'r' | 'c')[]): string {
  const sep = header.map((_, i) => {
    const a = align?.[i] ?? 'l'
    return a === 'r' ? '---:' : a === 'c' ? ':---:' : '---'
  })
  return [tableRow(header), tableRow(sep), ...rows.map(tableRow)].join('\n')
}

export function tableRow(cells: string[]): string {
  return `| ${cells.join(' | ')} |`
}

/**
 * A collapsible block. `summary` is inline Markdown; GitHub needs a blank line after
 * `<summary>` and before `</details>` for Markdown inside to render.
 */
export function details(summaryMarkdown: string, body: string, open = false): string {
  return `<details${open ? ' open' : ''}><summary>${summaryMarkdown}</summary>\n\n${body}\n\n</details>`
}

/**
 * `n.toLocaleString('en-US')` (`12,345`) without ICU for the integers counts are: the first
 * `toLocaleString` of a process initialises ICU's number formatting, tens of milliseconds of a
 * cold start (issue 13). Anything but a safe integer is left to `toLocaleString`.
 */
export function formatCount(n: number): string {
  if (!Number.isSafeInteger(n) || Object.is(n, -0)) return n.toLocaleString('en-US')
  const digits = String(Math.abs(n))
  let out = digits.slice(0, digits.length % 3 || 3)
  for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`
  return n < 0 ? `-${out}` : out
}

/** Plural helper for counts people read: `1 finding`, `3 findings`. */
export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatCount(n)} ${n === 1 ? singular : pluralForm}`
}
