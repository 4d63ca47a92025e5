/**
 * The policy file, version 1: one zod definition that validates the file, types the values and
 * generates schema/shipgate.schema.json (so an editor completes and checks what Shipgate checks).
 */
import * as z from 'zod/mini'
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

/**
 * Classic zod's `.meta()` in zod's mini build (src/scanners/trivy/schema.ts says why mini): a copy
 * of `schema` with `data` registered, which is what generates the JSON schema's descriptions.
 */
function meta<T extends z.ZodMiniType>(schema: T, data: z.core.GlobalMeta): T {
  const copy = z.clone(schema) as T
  z.globalRegistry.add(copy, data)
  return copy
}

const nonBlank = (what: string) =>
  z.string().check(z.refine((s) => s.trim() !== '', { message: `${what} must not be empty` }))

const calendarDate = meta(
  z.string({ error: 'write the date as YYYY-MM-DD' }).check(
    z.regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'write the date as YYYY-MM-DD (e.g. 2026-12-31)' }),
    z.refine(isCalendarDate, {
      message: 'is not a real calendar date; write it as YYYY-MM-DD (e.g. 2026-12-31)',
    }),
  ),
  {
    format: 'date',
    description: 'YYYY-MM-DD; from 00:00 UTC that day the exception no longer suppresses anything.',
  },
)

export const exceptionSchema = meta(
  z.strictObject({
    id: meta(
      z.string().check(
        z.regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, {
          message: 'must be a CVE/GHSA ID or a rule ID such as DS002, without spaces',
        }),
      ),
      { description: 'Vulnerability (CVE-…, GHSA-…), secret rule or misconfiguration check ID.' },
    ),
    package: meta(z.optional(nonBlank('package')), {
      description: 'Only findings in this package (name as Trivy reports it).',
    }),
    image: meta(z.optional(nonBlank('image')), {
      description: 'Only in images matching this glob (`*` within a path segment, `**` across).',
    }),
    path: meta(z.optional(nonBlank('path')), {
      description: 'Only findings whose target or package path matches this glob.',
    }),
    reason: meta(nonBlank('reason'), {
      description:
        'Why this finding is accepted: shown in the report, the summary and the comment.',
    }),
    expires: calendarDate,
  }),
  { description: 'One accepted finding. A reason and an expiry are required.' },
)
export type PolicyException = z.infer<typeof exceptionSchema>

const maxSize = meta(
  z.union([z.string(), z.int().check(z.positive())]).check(
    z.refine(
      (v) => {
        try {
          return parseSize(String(v)) > 0
        } catch {
          return false
        }
      },
      { message: 'is not a size; write it like 200MB, 1.5GiB or a number of bytes' },
    ),
  ),
  { description: 'Largest allowed compressed image size, e.g. 200MB or 1.5GiB.' },
)

function compiles(re: string): boolean {
  try {
    new RegExp(re)
    return true
  } catch {
    return false
  }
}

const FIELDS = {
  'fail-on': meta(z.enum(FAIL_ON_WORDS), {
    description: 'Lowest severity that fails the gate (default high).',
  }),
  'fail-on-scope': meta(z.enum(['all', 'new', 'app', 'new,app']), {
    description:
      "all (default): every finding counts; new: only findings missing from compare-to; app: only findings from the image's own layers, not its base image; new,app: both.",
  }),
  'ignore-unfixed': meta(z.boolean(), {
    description: 'Findings without a fixed version do not count (default false).',
  }),
  'ignore-file': meta(nonBlank('ignore-file'), {
    description: 'Trivy ignore file (.trivyignore or .trivyignore.yaml) in the repository.',
  }),
  'warn-expiry-days': meta(z.int().check(z.minimum(0), z.maximum(365)), {
    description: 'Exceptions expiring within this many days are listed (default 14).',
  }),
  exceptions: meta(z.array(exceptionSchema), {
    description: 'Accepted findings, each with a reason and an expiry.',
  }),
  vex: meta(z.array(nonBlank('vex')), {
    description:
      "VEX documents (paths in the repository, https URLs, or `oci` for the image's signed attestations) whose not_affected and fixed statements suppress findings; suppressed findings are listed, never counted.",
  }),
  'vex-required-author': meta(
    z.union([nonBlank('vex-required-author'), z.array(nonBlank('vex-required-author'))]),
    {
      description:
        'Only VEX documents whose author (OpenVEX author, CycloneDX metadata authors/manufacturer, CSAF publisher) is exactly this (or one of these) are applied.',
    },
  ),
  'base-image-policy': meta(z.enum(['off', 'warn', 'enforce']), {
    description: 'Minimal-base-image check: off, warn (default) or enforce.',
  }),
  'allowed-base-images': meta(z.array(nonBlank('allowed-base-images')), {
    description: 'Globs of allowed base images; empty or absent allows any base.',
  }),
  forbid: meta(z.array(z.enum(FORBIDDABLE)), {
    description: 'Base-image properties that are violations.',
  }),
  'max-image-size': maxSize,
  'certificate-identity': meta(nonBlank('certificate-identity'), {
    description: 'verify: exact signer identity (workflow URL@ref).',
  }),
  'certificate-identity-regexp': meta(
    nonBlank('certificate-identity-regexp').check(
      z.refine(compiles, { message: 'is not a valid regular expression' }),
    ),
    { description: 'verify: anchored regular expression for the signer identity.' },
  ),
  'certificate-oidc-issuer': meta(z.url({ protocol: /^https$/ }), {
    description: 'verify: OIDC issuer of the signer.',
  }),
  comment: meta(z.enum(['auto', 'always', 'never']), {
    description: 'Pull-request comment (default auto).',
  }),
  'comment-mode': meta(z.enum(['update', 'recreate']), { description: 'default update' }),
  'comment-per': meta(z.enum(['job', 'image']), { description: 'default job' }),
  'rescan-fail': meta(z.enum(['never', 'new', 'any']), {
    description:
      'mode: rescan: any (default) fails while any watched image fails the policy; new only for findings new since the last rescan; never.',
  }),
  rescan: meta(
    z.strictObject({
      images: meta(z.array(nonBlank('rescan.images')).check(z.minLength(1)), {
        description: 'Images to watch, by tag or digest (used when `image` is not given).',
      }),
    }),
    { description: 'mode: rescan: what to watch after it ships.' },
  ),
} satisfies Record<PolicyKey, z.ZodMiniType>

const header = {
  version: meta(z.literal(1), { description: 'Format version; always 1.' }),
  extends: meta(nonBlank('extends'), {
    description:
      'A central policy this file builds on: owner/repo/path@<40-hex commit SHA> (or a path in the same repository).',
  }),
}

/** Unwrapped values: what the file means once `{ value, locked }` wrappers are taken apart. */
export const policyValuesSchema = z
  .strictObject({
    version: header.version,
    extends: z.optional(header.extends),
    ...(Object.fromEntries(
      Object.entries(FIELDS).map(([k, f]) => [k, z.optional(f as z.ZodMiniType)]),
    ) as { [K in PolicyKey]: z.ZodMiniOptional<(typeof FIELDS)[K]> }),
  })
  .check(
    z.refine((v) => !(v['certificate-identity'] && v['certificate-identity-regexp']), {
      message: 'give either certificate-identity or certificate-identity-regexp, not both',
      path: ['certificate-identity-regexp'],
    }),
  )

function lockable<T extends z.ZodMiniType>(field: T) {
  return z.union([
    field,
    meta(
      z.strictObject({
        value: field,
        locked: meta(z.optional(z.boolean()), {
          description:
            'Files that extend this one, and action inputs or CLI flags, cannot loosen this key.',
        }),
      }),
      { description: 'The value, locked: files extending this one may only tighten it.' },
    ),
  ])
}

/** The file as written, wrappers included: what editors complete and check. */
export const policyFileSchema = meta(
  z.strictObject({
    version: header.version,
    extends: z.optional(header.extends),
    ...(Object.fromEntries(
      Object.entries(FIELDS).map(([k, f]) => [k, z.optional(lockable(f as z.ZodMiniType))]),
    ) as unknown as Record<PolicyKey, z.ZodMiniOptional<z.ZodMiniType>>),
  }),
  {
    title: 'Shipgate policy',
    description:
      'Everything a Shipgate gate decision depends on. See docs/policy-file.md in the Shipgate repository.',
  },
)
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
