/**
 * Where a setting's value came from. Every error about a value names it the way the user
 * wrote it (an action input, a CLI flag, a line of the policy file), and the report can say
 * which layer decided a policy-relevant value.
 */
export type Origin =
  | { kind: 'input'; name: string }
  | { kind: 'flag'; name: string }
  | { kind: 'policy'; file: string; key: string; line?: number }
  | { kind: 'default' }

export interface Setting<T> {
  value: T
  origin: Origin
}

/**
 * What a parser is told to name in its errors: an Origin, or (the form parsers used before
 * origins existed) a bare name: `fail-on` is the action input, `--fail-on` the CLI flag.
 */
export type Label = string | Origin

export function toOrigin(label: Label): Origin {
  if (typeof label !== 'string') return label
  if (label.startsWith('-') || /^[A-Z][A-Z_]*$/.test(label)) return { kind: 'flag', name: label }
  return { kind: 'input', name: label }
}

/** The name alone, as the user would type it: `fail-on`, `--fail-on`, `IMAGE`. */
export function originName(origin: Origin): string {
  switch (origin.kind) {
    case 'input':
    case 'flag':
      return origin.name
    case 'policy':
      return origin.key
    case 'default':
      return 'default'
  }
}

/**
 * The prefix of an error about a value: ``Input `fail-on` ``, ``Flag `--fail-on` ``,
 * ``Argument `IMAGE` ``, ``.github/shipgate.yml:7 `fail-on` ``.
 */
export function describeOrigin(origin: Origin): string {
  switch (origin.kind) {
    case 'input':
      return `Input \`${origin.name}\``
    case 'flag':
      return origin.name.startsWith('-') ? `Flag \`${origin.name}\`` : `Argument \`${origin.name}\``
    case 'policy':
      return `${origin.file}${origin.line ? `:${origin.line}` : ''} \`${origin.key}\``
    case 'default':
      return 'The default'
  }
}

/** One line for the summary: "input `fail-on`", "flag `--fail-on`", "shipgate.yml:7", "default". */
export function shortOrigin(origin: Origin): string {
  switch (origin.kind) {
    case 'input':
      return `input \`${origin.name}\``
    case 'flag':
      return origin.name.startsWith('-') ? `flag \`${origin.name}\`` : `argument ${origin.name}`
    case 'policy':
      return `${origin.file}${origin.line ? `:${origin.line}` : ''}`
    case 'default':
      return 'default'
  }
}

/** A bad value: names where it came from, what was wrong and what to write instead. */
export class InputError extends Error {
  /** The name as the user typed it (`fail-on`, `--fail-on`, the policy key). */
  readonly input: string
  readonly origin: Origin
  constructor(label: Label, message: string) {
    const origin = toOrigin(label)
    super(`${describeOrigin(origin)}: ${message}`)
    this.name = 'InputError'
    this.origin = origin
    this.input = originName(origin)
  }
}
