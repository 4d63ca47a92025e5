/**
 * A policy file that cannot be trusted. The message always starts with where the problem is
 * (`file:line` and the key), so the user can jump to it, then says what to write instead.
 */
export class PolicyFileError extends Error {
  override name = 'PolicyFileError'
  constructor(
    /** How the user names the file: a path, or `owner/repo/path@ref`. */
    readonly file: string,
    /** Dotted key (`exceptions.2.reason`), or undefined for the file as a whole. */
    readonly key: string | undefined,
    readonly line: number | undefined,
    detail: string,
  ) {
    super(`${file}${line ? `:${line}` : ''}${key ? ` \`${key}\`` : ''}: ${detail}`)
  }
}

/** A repository file (or a pull request) tried to loosen a key a central file locks. */
export class PolicyLockError extends PolicyFileError {
  override name = 'PolicyLockError'
}
