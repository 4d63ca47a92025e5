/**
 * The policy file (issue 12 §1, basics): one versioned YAML file with the settings a gate
 * decision depends on, so a laptop (`--policy`) and CI (`policy:`) decide the same way.
 *
 * ```yaml
 * version: 1
 * fail-on: high
 * ignore-unfixed: true
 * forbid: [shell, root-user]
 * fail-on-scope: { value: new, locked: true }   # inputs and flags cannot override it
 * ```
 *
 * Keys are the action inputs the spec marks `policy: true`; values are checked by the same
 * parsers as inputs and flags, so an error names `file:line` and the key. Not yet: `extends`,
 * exceptions, reading the base branch's file on pull requests (issue 12).
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml'
import { z } from 'zod'
import { InputError, type Label } from './origin.js'
import type { PolicyLayer, SettingsSource } from './resolve.js'
import { type AnySpec, COMMENT_SPEC, POLICY_SPEC, RESCAN_SPEC, SCAN_SPEC } from './spec.js'

/** Every key a policy file may set: the spec rows marked `policy`. */
export const POLICY_KEYS: readonly string[] = [
  ...Object.values(SCAN_SPEC as Record<string, AnySpec>),
  ...Object.values(COMMENT_SPEC as Record<string, AnySpec>),
  ...Object.values(RESCAN_SPEC as Record<string, AnySpec>),
]
  .filter((s) => s.policy)
  .map((s) => s.key)
  .filter((key, i, all) => all.indexOf(key) === i)

const scalar = z.union([z.string(), z.number(), z.boolean()])
const plain = z.union([scalar, z.array(scalar)])
const entry = z.union([plain, z.object({ value: plain, locked: z.boolean().optional() }).strict()])

const schema = z
  .object({
    version: z.literal(1, { error: 'write `version: 1` (the only version so far).' }),
    ...Object.fromEntries(POLICY_KEYS.map((k) => [k, entry.optional()])),
  })
  .strict()

export interface PolicyFile extends PolicyLayer {
  /** SHA-256 of the file as read: what the decision was made with. */
  sha256: string
}

/** The raw text the spec's parsers take: lists one item a line. */
function rawOf(value: z.infer<typeof plain>): string {
  return Array.isArray(value) ? value.map(String).join('\n') : String(value)
}

/** Parses the text of a policy file; `file` names it in errors (`.github/shipgate.yml:7`). */
export function parsePolicyFile(text: string, file: string): PolicyFile {
  const lines = new LineCounter()
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false })
  const firstError = doc.errors[0]
  if (firstError) {
    throw new InputError(
      { kind: 'policy', file, key: 'yaml', line: lines.linePos(firstError.pos[0]).line },
      `not valid YAML: ${firstError.message.split('\n')[0]}`,
    )
  }
  if (!isMap(doc.contents)) {
    throw new InputError(
      { kind: 'policy', file, key: 'version', line: 1 },
      'the file must be a mapping that starts with `version: 1`.',
    )
  }
  const keyLine = new Map<string, number>()
  for (const pair of doc.contents.items) {
    const key = pair.key as Node | null
    if (isScalar(key) && key.range) keyLine.set(String(key.value), lines.linePos(key.range[0]).line)
    const value = pair.value as Node | null
    // `fail-on:` with nothing after it is null: say so rather than "expected string".
    if (isScalar(key) && (value === null || (isScalar(value) && value.value === null))) {
      throw new InputError(
        { kind: 'policy', file, key: String(key.value), line: keyLine.get(String(key.value)) },
        'has no value; give one or remove the key.',
      )
    }
    if (isSeq(value) && value.items.some((i) => !isScalar(i))) {
      throw new InputError(
        { kind: 'policy', file, key: String(key?.toString()), line: keyLine.get(String(key)) },
        'a list here holds plain values only.',
      )
    }
  }
  const parsed = schema.safeParse(doc.toJS())
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const top = issue?.path[0]
    const unknown =
      top === undefined && issue?.code === 'unrecognized_keys' ? issue.keys[0] : undefined
    const key = unknown ?? String(top ?? 'version')
    throw new InputError(
      { kind: 'policy', file, key, line: keyLine.get(key) ?? 1 },
      unknown
        ? `is not a policy key. The file may set ${POLICY_KEYS.join(', ')}.`
        : key === 'version'
          ? 'write `version: 1` (the only version so far).'
          : 'is not a value Shipgate can read here; give a value, a list, or { value: …, locked: true }.',
    )
  }
  const values: PolicyLayer['values'] = {}
  for (const [key, value] of Object.entries(parsed.data)) {
    if (key === 'version' || value === undefined) continue
    const v = value as z.infer<typeof entry>
    const wrapped = typeof v === 'object' && !Array.isArray(v) ? v : undefined
    values[key] = {
      raw: rawOf(wrapped ? wrapped.value : (v as z.infer<typeof plain>)),
      line: keyLine.get(key),
      locked: wrapped?.locked === true,
    }
  }
  return { file, values, sha256: createHash('sha256').update(text).digest('hex') }
}

/** Reads and parses a policy file; `label` names the input or flag that pointed at it. */
export async function loadPolicyFile(path: string, label: Label): Promise<PolicyFile> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new InputError(
      label,
      code === 'ENOENT'
        ? `"${path}" does not exist. Give the path of a policy file (e.g. .github/shipgate.yml) or remove it.`
        : `"${path}" cannot be read: ${(error as Error).message}`,
    )
  }
  return parsePolicyFile(text, path)
}

/** The policy file the source points at (`policy` input, `--policy` flag), if any. */
export async function policyFileOf(source: SettingsSource): Promise<PolicyFile | undefined> {
  const origin = source.originOf(POLICY_SPEC)
  const path = origin ? POLICY_SPEC.parse(source.read(POLICY_SPEC) ?? '', origin) : undefined
  return path && origin ? loadPolicyFile(path, origin) : undefined
}
