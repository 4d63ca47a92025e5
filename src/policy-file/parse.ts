/**
 * Text of a policy file → validated values, with the line of every key so errors and the
 * summary can point at `file:line`. Pure: no I/O.
 */
import {
  type Document,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseDocument,
} from 'yaml'
import type * as z from 'zod/mini'
import { PolicyFileError } from './errors.js'
import {
  POLICY_KEY_NAMES,
  type PolicyKey,
  type PolicyValues,
  policyValuesSchema,
} from './schema.js'

/** A file is a few hundred lines; anything larger is a mistake or an attack on the parser. */
export const MAX_POLICY_BYTES = 256 * 1024

export interface ParsedPolicy {
  /** How the user names the file (a path, or owner/repo/path@ref). */
  file: string
  values: PolicyValues
  extends?: string
  /** Keys written `{ value: …, locked: true }`. */
  locked: PolicyKey[]
  /** Dotted key (`fail-on`, `base-image.policy`, `exceptions.2`) → 1-based line. */
  lines: Map<string, number>
}

type Path = (string | number)[]

/** The node at `path`, or the deepest node on the way (so a missing key points at its parent). */
function lineOf(doc: Document, counter: LineCounter, path: Path): number | undefined {
  let node: unknown = doc.contents
  let line: number | undefined
  const at = (n: { range?: [number, number, number] | null } | null | undefined) => {
    const offset = n?.range?.[0]
    if (offset !== undefined) line = counter.linePos(offset).line
  }
  at(node as Node)
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === segment)
      if (!pair) break
      at(pair.key as Node)
      node = pair.value
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment]
      if (!item) break
      at(item as Node)
      node = item
    } else break
  }
  return line
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `\`${k}\``).join(', ')}; check the spelling against schema/shipgate.schema.json.`
    case 'invalid_value':
      return issue.values.length === 1
        ? `must be ${JSON.stringify(issue.values[0])}.`
        : `is not one of ${issue.values.map(String).join(', ')}.`
    case 'invalid_type':
      if (!issue.message.startsWith('Invalid input')) return `${issue.message}.`
      return `must be ${issue.expected === 'int' ? 'a whole number' : `a ${issue.expected}`}, not ${describeValue(issue.input)}.`
    default:
      return `${issue.message.replace(/\.$/, '')}.`
  }
}

function describeValue(value: unknown): string {
  if (value === null) return 'empty'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'a mapping'
  return `${typeof value} ${JSON.stringify(value)}`.slice(0, 80)
}

/**
 * Parses and validates one policy file. Everything that could make a reader and Shipgate see
 * different policies is an error: duplicate keys, YAML 1.1 booleans and dates (the file is read
 * as YAML 1.2, so `yes` is a string and fails validation), unknown keys, several documents.
 */
export function parsePolicy(text: string, file: string): ParsedPolicy {
  if (Buffer.byteLength(text) > MAX_POLICY_BYTES) {
    throw new PolicyFileError(
      file,
      undefined,
      undefined,
      `is larger than ${MAX_POLICY_BYTES / 1024} KiB; a policy file is a few hundred lines.`,
    )
  }
  const counter = new LineCounter()
  const doc = parseDocument(text, {
    lineCounter: counter,
    version: '1.2',
    schema: 'core',
    uniqueKeys: true,
    prettyErrors: false,
  })
  const yamlError = doc.errors[0]
  if (yamlError) {
    const line = counter.linePos(yamlError.pos[0]).line
    const detail = /unique/i.test(yamlError.message)
      ? 'a key appears twice in the same mapping; which one applies would depend on the reader. Keep one.'
      : /multiple documents/i.test(yamlError.message)
        ? 'holds several YAML documents (`---`); a policy file is one.'
        : `is not valid YAML: ${yamlError.message.split('\n')[0]}`
    throw new PolicyFileError(file, undefined, line, detail)
  }
  let data: unknown
  try {
    data = doc.toJS({ maxAliasCount: 50 })
  } catch (error) {
    // yaml refuses alias expansion past the limit ("resource exhaustion attack").
    throw new PolicyFileError(
      file,
      undefined,
      undefined,
      `cannot be read: ${(error as Error).message}. Write the values out instead of using aliases.`,
    )
  }
  if (data === null || data === undefined) {
    throw new PolicyFileError(file, undefined, undefined, 'is empty; start it with `version: 1`.')
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new PolicyFileError(
      file,
      undefined,
      1,
      'must be a mapping that starts with `version: 1`.',
    )
  }
  const source = data as Record<string, unknown>
  const plain: Record<string, unknown> = { ...source }
  const wrapped = new Set<string>()
  const locked: PolicyKey[] = []
  const fail = (key: string, path: Path, detail: string): never => {
    throw new PolicyFileError(file, key, lineOf(doc, counter, path), detail)
  }
  for (const [key, value] of Object.entries(source)) {
    if (value === null) fail(key, [key], 'has no value; give one or remove the key.')
    if (!(POLICY_KEY_NAMES as readonly string[]).includes(key)) continue
    if (!value || typeof value !== 'object' || Array.isArray(value)) continue
    const entry = value as Record<string, unknown>
    // `rescan` is a mapping of its own (`rescan: { images: […] }`): a lock wrapper is the only
    // mapping with a `value` key, so anything else is the value itself, checked by the schema.
    if (key === 'rescan' && !('value' in entry)) continue
    const extra = Object.keys(entry).find((k) => k !== 'value' && k !== 'locked')
    if (!('value' in entry) || extra !== undefined)
      fail(
        key,
        extra ? [key, extra] : [key],
        'is a mapping; give a value, a list, or { value: …, locked: true } to lock it.',
      )
    if (entry.value === null) fail(key, [key, 'value'], 'has no value; give one or remove the key.')
    if ('locked' in entry && typeof entry.locked !== 'boolean')
      fail(key, [key, 'locked'], '`locked` is true or false.')
    wrapped.add(key)
    if (entry.locked === true) locked.push(key as PolicyKey)
    plain[key] = entry.value
  }
  // Where a key is wrapped, its value sits one level down in the YAML.
  const yamlPath = (path: Path): Path =>
    typeof path[0] === 'string' && wrapped.has(path[0])
      ? [path[0], 'value', ...path.slice(1)]
      : path
  const result = policyValuesSchema.safeParse(plain, { reportInput: true })
  if (!result.success) {
    // Version first: a file for another format version fails on everything else too.
    const issues = [...result.error.issues].sort((a, b) =>
      a.path[0] === 'version' ? -1 : b.path[0] === 'version' ? 1 : 0,
    )
    const issue = issues[0] as z.core.$ZodIssue
    let path = issue.path.filter((p): p is string | number => typeof p !== 'symbol')
    if (issue.code === 'unrecognized_keys' && issue.keys.length === 1)
      path = [...path, issue.keys[0] as string]
    const key = path.length ? path.join('.') : undefined
    let detail: string
    if (path[0] === 'version') detail = 'write `version: 1` (the only version so far).'
    else if (issue.code === 'unrecognized_keys' && path.length === 1)
      detail = `is not a policy key. The file may set ${POLICY_KEY_NAMES.join(', ')} (and version, extends).`
    else if (
      issue.input === undefined &&
      issue.code !== 'unrecognized_keys' &&
      issue.code !== 'custom'
    )
      detail = 'is required.'
    else detail = describeIssue(issue)
    throw new PolicyFileError(file, key, lineOf(doc, counter, yamlPath(path)), detail)
  }
  const values = result.data
  const lines = new Map<string, number>()
  const record = (key: string, path: Path) => {
    const line = lineOf(doc, counter, yamlPath(path))
    if (line !== undefined) lines.set(key, line)
  }
  for (const top of Object.keys(values)) {
    lines.set(top, lineOf(doc, counter, [top]) ?? 1)
    const value = (values as Record<string, unknown>)[top]
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) record(`${top}.${i}`, [top, i])
    }
  }
  for (const [i, e] of (values.exceptions ?? []).entries())
    for (const k of Object.keys(e)) record(`exceptions.${i}.${k}`, ['exceptions', i, k])
  const { version: _v, extends: ext, ...settings } = values
  return { file, values: settings as PolicyValues, extends: ext, locked, lines }
}
