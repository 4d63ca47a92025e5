import { readFile } from 'node:fs/promises'
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml'
import type { FindingKind, IgnoreRule } from '../model.js'

/** An ignore file that cannot be trusted: silently ignoring part of it would hide findings or suppress too much. */
export class IgnoreFileError extends Error {
  constructor(
    readonly file: string,
    message: string,
    /** `file:line` of the entry at fault, when there is one. */
    where?: string,
  ) {
    super(`ignore-file ${where ?? file}: ${message}`)
    this.name = 'IgnoreFileError'
  }
}

const ALL_KINDS: FindingKind[] = ['vulnerability', 'secret', 'misconfiguration']
const DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-](\d{2}):(\d{2}))?)?$/

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/**
 * Every field in its calendar range. `Date` would roll `2099-02-30` over to 2 March: an entry
 * would then suppress for days nobody wrote. Trivy (Go's time.Parse) refuses such dates too.
 */
function isRealDate(value: string): boolean {
  const m = DATE.exec(value)
  if (!m) return false
  const [year, month, day, hour = 0, minute = 0, second = 0, , offH = 0, offM = 0] = m
    .slice(1)
    .map((v) => (v === undefined || v === 'Z' || /^[+-]/.test(v) ? undefined : Number(v)))
  if (year === undefined || month === undefined || day === undefined) return false
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysIn(year, month) &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    offH <= 23 &&
    offM <= 59
  )
}

/** `where` is `file:line`, so the user goes straight to the entry. */
function checkDate(file: string, where: string, value: string): string {
  if (!DATE.test(value)) {
    throw new IgnoreFileError(
      file,
      `expiry "${value}" is not a date; write it as YYYY-MM-DD.`,
      where,
    )
  }
  if (!isRealDate(value)) {
    throw new IgnoreFileError(
      file,
      `expiry "${value}" is not a real date (no such day, month or time); write an existing date as YYYY-MM-DD.`,
      where,
    )
  }
  return value
}

/**
 * Trivy's plain `.trivyignore`: one ID per line, `#` comments, optional `exp:YYYY-MM-DD`.
 * A plain entry applies to every kind of finding, as in Trivy.
 */
export function parsePlainIgnore(text: string, file: string): IgnoreRule[] {
  const rules: IgnoreRule[] = []
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/#.*$/, '').trim()
    if (!line) return
    const where = `${file}:${index + 1}`
    const [id, ...fields] = line.split(/\s+/)
    let expiresAt: string | undefined
    for (const field of fields) {
      if (field.startsWith('exp:')) expiresAt = checkDate(file, where, field.slice(4))
      else
        throw new IgnoreFileError(
          file,
          `unexpected "${field}" after the ID; the only option is exp:YYYY-MM-DD.`,
          where,
        )
    }
    rules.push({ id: id as string, source: where, expiresAt, kinds: ALL_KINDS })
  })
  return rules
}

const SECTIONS: Record<string, FindingKind | 'license'> = {
  vulnerabilities: 'vulnerability',
  misconfigurations: 'misconfiguration',
  secrets: 'secret',
  licenses: 'license',
}
const ENTRY_KEYS = new Set(['id', 'paths', 'purls', 'expired_at', 'statement'])

function stringList(
  file: string,
  where: string,
  value: unknown,
  key: string,
): string[] | undefined {
  if (value === undefined || value === null) return undefined
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw new IgnoreFileError(file, `"${key}" must be a list of strings.`, where)
  }
  return value as string[]
}

/** Trivy's `.trivyignore.yaml`: per-kind lists of `{id, paths, purls, expired_at, statement}`. */
export function parseYamlIgnore(text: string, file: string): IgnoreRule[] {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter })
  if (doc.errors.length) {
    throw new IgnoreFileError(file, `is not valid YAML: ${doc.errors[0]?.message}`)
  }
  if (doc.contents === null) return []
  if (!isMap(doc.contents)) {
    throw new IgnoreFileError(
      file,
      'must be a mapping with vulnerabilities/misconfigurations/secrets/licenses lists.',
    )
  }
  const rules: IgnoreRule[] = []
  for (const pair of doc.contents.items) {
    const section = String((pair.key as { value?: unknown })?.value ?? pair.key)
    const kind = SECTIONS[section]
    if (!kind) {
      throw new IgnoreFileError(
        file,
        `unknown section "${section}"; use vulnerabilities, misconfigurations, secrets or licenses.`,
      )
    }
    if (pair.value === null) continue
    if (!isSeq(pair.value)) throw new IgnoreFileError(file, `"${section}" must be a list.`)
    for (const node of pair.value.items) {
      const line =
        node && typeof node === 'object' && 'range' in node && node.range
          ? lineCounter.linePos(node.range[0]).line
          : 0
      const where = `${file}:${line}`
      const entry = (node as { toJSON(): unknown }).toJSON() as Record<string, unknown>
      if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
        throw new IgnoreFileError(file, `each entry must be a mapping with an "id".`, where)
      }
      for (const key of Object.keys(entry)) {
        if (!ENTRY_KEYS.has(key)) {
          throw new IgnoreFileError(
            file,
            `unknown key "${key}" (allowed: ${[...ENTRY_KEYS].join(', ')}).`,
            where,
          )
        }
      }
      if (typeof entry.id !== 'string' || !entry.id.trim()) {
        throw new IgnoreFileError(file, `entry has no "id".`, where)
      }
      // Licence findings are not evaluated by Shipgate; keep the rule out rather than mis-apply it.
      if (kind === 'license') continue
      const expired = entry.expired_at
      rules.push({
        id: entry.id.trim(),
        source: `${file}:${line}`,
        expiresAt:
          expired === undefined || expired === null
            ? undefined
            : checkDate(
                file,
                where,
                expired instanceof Date ? expired.toISOString() : String(expired),
              ),
        statement: typeof entry.statement === 'string' ? entry.statement : undefined,
        paths: stringList(file, where, entry.paths, 'paths'),
        purls: stringList(file, where, entry.purls, 'purls'),
        kinds: [kind],
      })
    }
  }
  return rules
}

export function parseIgnoreFile(text: string, file: string): IgnoreRule[] {
  return /\.ya?ml$/i.test(file) ? parseYamlIgnore(text, file) : parsePlainIgnore(text, file)
}

export async function readIgnoreFile(file: string): Promise<IgnoreRule[]> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new IgnoreFileError(
      file,
      code === 'ENOENT'
        ? 'does not exist. Fix the `ignore-file` path (relative to the workspace) or remove the input.'
        : `cannot be read (${code}).`,
    )
  }
  return parseIgnoreFile(text, file)
}
