/**
 * The policy file, version 1: one zod definition that validates the file, types the values and
 * generates schema/shipgate.schema.json (so an editor completes and checks what Shipgate checks).
 */
import { z } from 'zod'
import { FORBIDDABLE, parseSize } from '../../scanners/base-image/policy.js'
import { isCalendarDate } from './dates.js'

export const FAIL_ON_WORDS = ['critical', 'high', 'medium', 'low', 'unknown', 'none'] as const
export type FailOnWord = (typeof FAIL_ON_WORDS)[number]

/**
 * Every value a policy file can set, by dotted key, with the action input (and CLI flag) that
 * sets the same value. `exceptions` has no input of its own, but an ignore file suppresses
 * findings too, so a lock on exceptions also stops `ignore-file` from adding suppressions.
 */
export const POLICY_KEYS = {
  'fail-on': ['fail-on'],
  'fail-on-scope': ['fail-on-scope'],
  'ignore-unfixed': ['ignore-unfixed'],
  'warn-expiry-days': ['warn-expiry-days'],
  exceptions: ['ignore-file'],
  vex: ['vex'],
  'base-image.policy': ['base-image-policy'],
  'base-image.allowed': ['allowed-base-images'],
  'base-image.forbid': ['forbid'],
  'base-image.max-size': ['max-image-size'],
  'verify.certificate-identity': ['certificate-identity'],
  'verify.certificate-identity-regexp': ['certificate-identity-regexp'],
  'verify.certificate-oidc-issuer': ['certificate-oidc-issuer'],
  'comment.when': ['comment'],
  'comment.mode': ['comment-mode'],
  'comment.per': ['comment-per'],
} as const satisfies Record<string, readonly string[]>
export type PolicyKey = keyof typeof POLICY_KEYS
export const POLICY_KEY_NAMES = Object.keys(POLICY_KEYS) as PolicyKey[]

/** What `locked:` may name: a key, or a whole section (every key under it). */
export const LOCKABLE = [...POLICY_KEY_NAMES, 'base-image', 'verify', 'comment'] as const
export type Lockable = (typeof LOCKABLE)[number]

/** The keys a `locked:` entry covers. */
export function keysLockedBy(entry: Lockable): PolicyKey[] {
  return POLICY_KEY_NAMES.filter((k) => k === entry || k.startsWith(`${entry}.`))
}

const nonBlank = (what: string) =>
  z.string().refine((s) => s.trim() !== '', { message: `${what} must not be empty` })

const calendarDate = z
  .string({ error: 'write the date as YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'write the date as YYYY-MM-DD (e.g. 2026-12-31)' })
  .refine(isCalendarDate, {
    message: 'is not a real calendar date; write it as YYYY-MM-DD (e.g. 2026-12-31)',
  })
  .meta({
    format: 'date',
    description: 'YYYY-MM-DD; from 00:00 UTC that day the exception no longer suppresses anything.',
  })

export const exceptionSchema = z
  .strictObject({
    id: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, {
        message: 'must be a CVE/GHSA ID or a rule ID such as DS002, without spaces',
      })
      .meta({
        description: 'Vulnerability (CVE-…, GHSA-…), secret rule or misconfiguration check ID.',
      }),
    package: nonBlank('package')
      .optional()
      .meta({ description: 'Only findings in this package (name as Trivy reports it).' }),
    image: nonBlank('image').optional().meta({
      description: 'Only in images matching this glob (`*` within a path segment, `**` across).',
    }),
    path: nonBlank('path')
      .optional()
      .meta({ description: 'Only findings whose target or package path matches this glob.' }),
    reason: nonBlank('reason').meta({
      description:
        'Why this finding is accepted: shown in the report, the summary and the comment.',
    }),
    expires: calendarDate,
  })
  .meta({ description: 'One accepted finding. A reason and an expiry are required.' })
export type PolicyException = z.infer<typeof exceptionSchema>

const maxSize = z
  .union([z.string(), z.int().positive()])
  .refine(
    (v) => {
      try {
        return parseSize(String(v)) > 0
      } catch {
        return false
      }
    },
    { message: 'is not a size; write it like 200MB, 1.5GiB or a number of bytes' },
  )
  .meta({ description: 'Largest allowed compressed image size, e.g. 200MB or 1.5GiB.' })

function compiles(re: string): boolean {
  try {
    new RegExp(re)
    return true
  } catch {
    return false
  }
}

export const policyFileSchema = z
  .strictObject({
    version: z.literal(1).meta({ description: 'Format version; always 1.' }),
    extends: nonBlank('extends').optional().meta({
      description:
        'A central policy this file builds on: owner/repo/path@<40-hex commit SHA> (or a path in this repository).',
    }),
    locked: z
      .array(z.enum(LOCKABLE))
      .refine((l) => new Set(l).size === l.length, { message: 'lists a key twice' })
      .optional()
      .meta({
        description:
          'Keys that files extending this one, and action inputs or CLI flags, may tighten but never loosen.',
      }),
    'fail-on': z
      .enum(FAIL_ON_WORDS)
      .optional()
      .meta({ description: 'Lowest severity that fails the gate (default high).' }),
    'fail-on-scope': z.enum(['all', 'new']).optional().meta({
      description:
        'all (default): every finding counts; new: only findings missing from compare-to.',
    }),
    'ignore-unfixed': z
      .boolean()
      .optional()
      .meta({ description: 'Findings without a fixed version do not count (default false).' }),
    'warn-expiry-days': z
      .int()
      .min(0)
      .max(365)
      .optional()
      .meta({ description: 'Exceptions expiring within this many days are listed (default 14).' }),
    exceptions: z.array(exceptionSchema).optional(),
    vex: z.array(nonBlank('vex')).optional().meta({
      description:
        'VEX documents (paths in the repository or https URLs) whose not_affected statements suppress findings.',
    }),
    'base-image': z
      .strictObject({
        policy: z.enum(['off', 'warn', 'enforce']).optional().meta({ description: 'default warn' }),
        allowed: z
          .array(nonBlank('allowed'))
          .optional()
          .meta({ description: 'Globs of allowed base images; empty or absent allows any base.' }),
        forbid: z.array(z.enum(FORBIDDABLE)).optional(),
        'max-size': maxSize.optional(),
      })
      .optional(),
    verify: z
      .strictObject({
        'certificate-identity': nonBlank('certificate-identity').optional(),
        'certificate-identity-regexp': nonBlank('certificate-identity-regexp')
          .refine(compiles, { message: 'is not a valid regular expression' })
          .optional(),
        'certificate-oidc-issuer': z.url({ protocol: /^https$/ }).optional(),
      })
      .refine((v) => !(v['certificate-identity'] && v['certificate-identity-regexp']), {
        message: 'give either certificate-identity or certificate-identity-regexp, not both',
      })
      .optional()
      .meta({ description: 'The signer identity mode: verify expects.' }),
    comment: z
      .strictObject({
        when: z.enum(['auto', 'always', 'never']).optional(),
        mode: z.enum(['update', 'recreate']).optional(),
        per: z.enum(['job', 'image']).optional(),
      })
      .optional(),
  })
  .meta({
    title: 'Shipgate policy',
    description:
      'Everything a Shipgate gate decision depends on. https://github.com/shipgate/shipgate/blob/main/docs/policy-file.md',
  })
export type PolicyFile = z.infer<typeof policyFileSchema>

/** The values a policy sets, by dotted key: what merging, locking, diffs and hashing work on. */
export interface PolicyValues {
  'fail-on'?: FailOnWord
  'fail-on-scope'?: 'all' | 'new'
  'ignore-unfixed'?: boolean
  'warn-expiry-days'?: number
  exceptions?: PolicyException[]
  vex?: string[]
  'base-image.policy'?: 'off' | 'warn' | 'enforce'
  'base-image.allowed'?: string[]
  'base-image.forbid'?: (typeof FORBIDDABLE)[number][]
  /** As written (`200MB` or bytes); compare with `parseSize`. */
  'base-image.max-size'?: string | number
  'verify.certificate-identity'?: string
  'verify.certificate-identity-regexp'?: string
  'verify.certificate-oidc-issuer'?: string
  'comment.when'?: 'auto' | 'always' | 'never'
  'comment.mode'?: 'update' | 'recreate'
  'comment.per'?: 'job' | 'image'
}

/** The file's nested sections as flat dotted keys; absent keys stay absent. */
export function flatten(file: PolicyFile): PolicyValues {
  const out: Record<string, unknown> = {}
  for (const key of POLICY_KEY_NAMES) {
    const [head, tail] = key.split('.') as [string, string | undefined]
    const section = (file as Record<string, unknown>)[head]
    const value = tail ? (section as Record<string, unknown> | undefined)?.[tail] : section
    if (value !== undefined) out[key] = value
  }
  return out as PolicyValues
}

/** Back to the file's shape (for the report and for writing a merged policy). */
export function nest(values: PolicyValues): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const key of POLICY_KEY_NAMES) {
    const value = values[key]
    if (value === undefined) continue
    const [head, tail] = key.split('.') as [string, string | undefined]
    if (!tail) out[head] = value
    else {
      const section = (out[head] ?? {}) as Record<string, unknown>
      section[tail] = value
      out[head] = section
    }
  }
  return out
}

/** schema/shipgate.schema.json, generated from the definition above. */
export function policyJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(policyFileSchema, { target: 'draft-2020-12', io: 'input' })
  return {
    ...schema,
    $id: 'https://raw.githubusercontent.com/shipgate/shipgate/main/schema/shipgate.schema.json',
  }
}
