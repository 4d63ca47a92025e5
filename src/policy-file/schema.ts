/**
 * The policy file, version 1: one zod definition that validates the file, types the values and
 * generates schema/shipgate.schema.json (so an editor completes and checks what Shipgate checks).
 */
import * as z from 'zod'
import { FORBIDDABLE, parseSize } from '../../scanners/base-image/policy.js'
import { isCalendarDate } from './dates.js'

export const FAIL_ON_WORDS = ['critical', 'high', 'medium', 'low', 'unknown', 'none'] as const
export type FailOnWord = (typeof FAIL_ON_WORDS)[number]

/**
 * Every key a policy file can set. A key is the action input (and CLI flag `--<key>`) that sets
 * the same value, so one table answers "where does `fail-on` come from". `exceptions`, `vex` and
 * `warn-expiry-days` are policy-only.
 */
export const POLICY_KEY_NAMES = [
  'fail-on',
  'fail-on-scope',
  'ignore-unfixed',
  'ignore-file',
  'warn-expiry-days',
  'exceptions',
  'vex',
  'vex-required-author',
  'base-image-policy',
  'allowed-base-images',
  'forbid',
  'max-image-size',
  'certificate-identity',
  'certificate-identity-regexp',
  'certificate-oidc-issuer',
  'comment',
  'comment-mode',
  'comment-per',
  'rescan-fail',
  'rescan',
] as const
export type PolicyKey = (typeof POLICY_KEY_NAMES)[number]

/**
 * The keys a lock on `key` covers. An ignore file suppresses findings just as exceptions do, so
 * locking `exceptions` also locks `ignore-file` (else a repository would loosen it that way).
 */
export function keysLockedBy(key: PolicyKey): PolicyKey[] {
  return key === 'exceptions' ? ['exceptions', 'ignore-file'] : [key]
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

const FIELDS = {
  'fail-on': z
    .enum(FAIL_ON_WORDS)
    .meta({ description: 'Lowest severity that fails the gate (default high).' }),
  'fail-on-scope': z.enum(['all', 'new', 'app', 'new,app']).meta({
    description:
      "all (default): every finding counts; new: only findings missing from compare-to; app: only findings from the image's own layers, not its base image; new,app: both.",
  }),
  'ignore-unfixed': z
    .boolean()
    .meta({ description: 'Findings without a fixed version do not count (default false).' }),
  'ignore-file': nonBlank('ignore-file').meta({
    description: 'Trivy ignore file (.trivyignore or .trivyignore.yaml) in the repository.',
  }),
  'warn-expiry-days': z
    .int()
    .min(0)
    .max(365)
    .meta({ description: 'Exceptions expiring within this many days are listed (default 14).' }),
  exceptions: z
    .array(exceptionSchema)
    .meta({ description: 'Accepted findings, each with a reason and an expiry.' }),
  vex: z.array(nonBlank('vex')).meta({
    description:
      "VEX documents (paths in the repository, https URLs, or `oci` for the image's signed attestations) whose not_affected and fixed statements suppress findings; suppressed findings are listed, never counted.",
  }),
  'vex-required-author': z
    .union([nonBlank('vex-required-author'), z.array(nonBlank('vex-required-author'))])
    .meta({
      description:
        'Only VEX documents whose author (OpenVEX author, CycloneDX metadata authors/manufacturer, CSAF publisher) is exactly this (or one of these) are applied.',
    }),
  'base-image-policy': z
    .enum(['off', 'warn', 'enforce'])
    .meta({ description: 'Minimal-base-image check: off, warn (default) or enforce.' }),
  'allowed-base-images': z
    .array(nonBlank('allowed-base-images'))
    .meta({ description: 'Globs of allowed base images; empty or absent allows any base.' }),
  forbid: z
    .array(z.enum(FORBIDDABLE))
    .meta({ description: 'Base-image properties that are violations.' }),
  'max-image-size': maxSize,
  'certificate-identity': nonBlank('certificate-identity').meta({
    description: 'verify: exact signer identity (workflow URL@ref).',
  }),
  'certificate-identity-regexp': nonBlank('certificate-identity-regexp')
    .refine(compiles, { message: 'is not a valid regular expression' })
    .meta({ description: 'verify: anchored regular expression for the signer identity.' }),
  'certificate-oidc-issuer': z
    .url({ protocol: /^https$/ })
    .meta({ description: 'verify: OIDC issuer of the signer.' }),
  comment: z
    .enum(['auto', 'always', 'never'])
    .meta({ description: 'Pull-request comment (default auto).' }),
  'comment-mode': z.enum(['update', 'recreate']).meta({ description: 'default update' }),
  'comment-per': z.enum(['job', 'image']).meta({ description: 'default job' }),
  'rescan-fail': z.enum(['never', 'new', 'any']).meta({
    description:
      'mode: rescan: any (default) fails while any watched image fails the policy; new only for findings new since the last rescan; never.',
  }),
  rescan: z
    .object({
      images: z.array(nonBlank('rescan.images')).min(1).meta({
        description: 'Images to watch, by tag or digest (used when `image` is not given).',
      }),
    })
    .strict()
    .meta({ description: 'mode: rescan: what to watch after it ships.' }),
} satisfies Record<PolicyKey, z.ZodType>

const header = {
  version: z.literal(1).meta({ description: 'Format version; always 1.' }),
  extends: nonBlank('extends').meta({
    description:
      'A central policy this file builds on: owner/repo/path@<40-hex commit SHA> (or a path in the same repository).',
  }),
}

/** Unwrapped values: what the file means once `{ value, locked }` wrappers are taken apart. */
export const policyValuesSchema = z
  .strictObject({
    version: header.version,
    extends: header.extends.optional(),
    ...(Object.fromEntries(
      Object.entries(FIELDS).map(([k, f]) => [k, (f as z.ZodType).optional()]),
    ) as { [K in PolicyKey]: z.ZodOptional<(typeof FIELDS)[K]> }),
  })
  .refine((v) => !(v['certificate-identity'] && v['certificate-identity-regexp']), {
    message: 'give either certificate-identity or certificate-identity-regexp, not both',
    path: ['certificate-identity-regexp'],
  })

function lockable<T extends z.ZodType>(field: T) {
  return z.union([
    field,
    z
      .strictObject({
        value: field,
        locked: z.boolean().optional().meta({
          description:
            'Files that extend this one, and action inputs or CLI flags, cannot loosen this key.',
        }),
      })
      .meta({ description: 'The value, locked: files extending this one may only tighten it.' }),
  ])
}

/** The file as written, wrappers included: what editors complete and check. */
export const policyFileSchema = z
  .strictObject({
    version: header.version,
    extends: header.extends.optional(),
    ...(Object.fromEntries(
      Object.entries(FIELDS).map(([k, f]) => [k, lockable(f as z.ZodType).optional()]),
    ) as unknown as Record<PolicyKey, z.ZodOptional<z.ZodType>>),
  })
  .meta({
    title: 'Shipgate policy',
    description:
      'Everything a Shipgate gate decision depends on. See docs/policy-file.md in the Shipgate repository.',
  })
export type PolicyFile = z.infer<typeof policyValuesSchema>

/** The values a policy sets, by key: what merging, locking, diffs and hashing work on. */
export type PolicyValues = Partial<{ [K in PolicyKey]: z.infer<(typeof FIELDS)[K]> }>

/** schema/shipgate.schema.json, generated from the definition above. */
export function policyJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(policyFileSchema, { target: 'draft-2020-12', io: 'input' })
  return {
    ...schema,
    $id: 'https://raw.githubusercontent.com/shipgate/shipgate/main/schema/shipgate.schema.json',
  }
}
