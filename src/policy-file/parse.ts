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
import type { z } from 'zod'
import { PolicyFileError } from './errors.js'
import {
  flatten,
  type Lockable,
  type PolicyFile,
  type PolicyValues,
  policyFileSchema,
} from './schema.js'

/** A file is a few hundred lines; anything larger is a mistake or an attack on the parser. */
export const MAX_POLICY_BYTES = 256 * 1024

export interface ParsedPolicy {
  /** How the user names the file (a path, or owner/repo/path@ref). */
  file: string
  raw: PolicyFile
  values: PolicyValues
  extends?: string
  locked: Lockable[]
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
      'must be a mapping of keys (start it with `version: 1`).',
    )
  }
  const result = policyFileSchema.safeParse(data, { reportInput: true })
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
    const detail =
      issue.path[0] === 'version' && issue.input !== undefined
        ? 'must be 1: this Shipgate reads version 1 policy files.'
        : issue.input === undefined && issue.code !== 'unrecognized_keys' && issue.code !== 'custom'
          ? 'is required.'
          : describeIssue(issue)
    throw new PolicyFileError(file, key, lineOf(doc, counter, path), detail)
  }
  const raw = result.data
  const lines = new Map<string, number>()
  const record = (key: string, path: Path) => {
    const line = lineOf(doc, counter, path)
    if (line !== undefined) lines.set(key, line)
  }
  for (const top of Object.keys(raw)) {
    record(top, [top])
    const value = (raw as Record<string, unknown>)[top]
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) record(`${top}.${i}`, [top, i])
    } else if (value && typeof value === 'object')
      for (const sub of Object.keys(value)) record(`${top}.${sub}`, [top, sub])
  }
  for (const [i, e] of (raw.exceptions ?? []).entries())
    for (const k of Object.keys(e)) record(`exceptions.${i}.${k}`, ['exceptions', i, k])
  const locked = raw.locked ?? []
  return { file, raw, values: flatten(raw), extends: raw.extends, locked, lines }
}
