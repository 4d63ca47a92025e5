/**
 * Outside text (a report's IDs and names, registry errors, Trivy's stderr) must never become a
 * workflow command. The runner reads every line a step prints to stdout or stderr, trims
 * leading whitespace, and executes it when it starts with `::` (`::add-mask::`,
 * `::stop-commands::`, `::error::`…). Line breaks are \n, \r or \r\n.
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g

/**
 * One field for a line of text: control characters (line breaks, ESC for terminal escapes,
 * NUL…) become visible escapes (`\n`, `\x1b`), so a field can never start a new line.
 */
export function escapeField(text: string): string {
  return text.replace(CONTROL, (c) => {
    switch (c) {
      case '\n':
        return '\\n'
      case '\r':
        return '\\r'
      case '\t':
        return '\\t'
      default: {
        const code = c.charCodeAt(0)
        return code > 0xff
          ? `\\u${code.toString(16).padStart(4, '0')}`
          : `\\x${code.toString(16).padStart(2, '0')}`
      }
    }
  })
}

/**
 * Text whose lines Shipgate did not write: any line that would start a workflow command gets a
 * visible backslash in front (`\::error::…`), so the runner prints it instead of obeying it.
 */
export function neutraliseCommands(text: string): string {
  // The runner trims with .NET's TrimStart: every Unicode space (no-break, em, ideographic,
  // NEL…), so a line starting with one of them before `::` is a command too.
  return text.replace(/(^|\r\n|\r|\n)((?:[^\S\r\n]|\u0085)*)::/g, '$1$2\\::')
}

/** A log line of outside text for the action's stdout (core.info writes it raw). */
export function escapeLog(text: string): string {
  return neutraliseCommands(text)
}

/**
 * A copy of `value` with every string escaped by escapeField: what the CLI renders as a table or
 * Markdown, so no field of a forged report can break a line.
 */
export function escapeStrings<T>(value: T): T {
  return JSON.parse(JSON.stringify(value), (_key, v) =>
    typeof v === 'string' ? escapeField(v) : v,
  ) as T
}

/** JSON for stdout: JSON.stringify escapes C0 controls; U+2028/2029 are escaped too. */
export function safeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/[\u2028\u2029]/g, (c) =>
    c === '\u2028' ? '\\u2028' : '\\u2029',
  )
}
