/**
 * Every setting a run depends on, once: its key (the action input and policy-file key), its CLI
 * flag, its pure parser and its real default. "Where does `fail-on` come from?" is answered
 * here and in resolve.ts. action.yml leaves `default:` empty for settings a policy file may set
 * (the runner passes every default as if the user had typed it); the default lives here.
 */
import {
  type BaseImagePolicy,
  type Forbidden,
  PolicyInputError,
  parseBaseImagePolicy,
  parseSize,
} from '../../scanners/base-image/policy.js'
import { DEFAULT_MAX_DB_AGE, parseMaxDbAge } from '../../scanners/trivy/db-age.js'
import {
  DEFAULT_TOKEN_HEADER,
  parseTokenHeader,
  parseTrivyServer,
} from '../../scanners/trivy/server.js'
import { type BaselineSource, classifyBaseline } from '../baseline-source.js'
import {
  ALL_PLATFORMS,
  type PlatformSelection,
  parseBoolean,
  parseFailOn,
  parseImages,
  parseList,
  parseOneOf,
  parsePlatforms,
  parsePositiveInt,
  parseScanners,
  parseTimeout,
} from '../inputs.js'
import type { FailOn, GateScope } from '../model.js'
import { parseGateScope } from '../policy/scope.js'
import { parseSarifPath } from '../report/sarif-write.js'
import { parseRescanFail } from '../rescan/options.js'
import type { RescanFail } from '../rescan/result.js'
import { parseDuration } from '../sign/verdict.js'
import { parseRequire } from '../sign/verify-options.js'
import { parseIdentityRegexp, parseRequiredAuthors, parseVexSetting } from '../vex/sources.js'
import { describeOrigin, InputError, type Origin, toOrigin } from './origin.js'

export interface SettingSpec<T> {
  /** The action input name (kebab-case), also the policy file's key. */
  key: string
  /** The CLI flag (`--fail-on`), `IMAGE` for the positional argument; none: action only. */
  flag?: string
  /** A policy file may set it (issue 12): action.yml must then have an empty default. */
  policy?: boolean
  /** The policy file's name for it when not `key` (`rescan.images` for the rescan watch list). */
  policyKey?: string
  /** Pure: the raw text as typed, where it came from (for the error) → the value. */
  parse: (raw: string, origin: Origin) => T
  default: T
}

// biome-ignore lint/suspicious/noExplicitAny: a row of any value type
export type AnySpec = SettingSpec<any>

const spec = <T>(row: SettingSpec<T>): SettingSpec<T> => row

const text = (raw: string): string | undefined => raw.trim() || undefined

/** The base-image parsers word their errors `forbid: …`; say it in the user's terms instead. */
function baseImageParser<T>(key: string, parse: (raw: string) => T) {
  return (raw: string, origin: Origin): T => {
    try {
      return parse(raw)
    } catch (error) {
      if (!(error instanceof PolicyInputError)) throw error
      throw new InputError(origin, error.message.replace(new RegExp(`^${key}: `), ''))
    }
  }
}

export const BASE_IMAGE_MODES = ['off', 'warn', 'enforce'] as const
export type BaseImageMode = (typeof BASE_IMAGE_MODES)[number]

/** Largest size worth writing down: past 1 TB no registry serves the image anyway. */
const MAX_IMAGE_SIZE = 1e12

export const JAVA_DB_MODES = ['auto', 'always'] as const
export const COMMENT_WHEN = ['auto', 'always', 'never'] as const
export const COMMENT_MODES = ['update', 'recreate'] as const
export const COMMENT_PER = ['job', 'image'] as const
export const MODES = ['scan', 'verify', 'rescan'] as const

/** Runs a parser that words its errors for a label, and rewords them for `origin`. */
function viaShared<T>(origin: Origin, parse: (label: string) => T): T {
  try {
    return parse('')
  } catch (error) {
    throw new InputError(origin, (error as Error).message.replace(/^: /, ''))
  }
}

/** Settings of `mode: scan` shared by the action and `shipgate scan`. */
export const SCAN_SPEC = {
  images: spec({ key: 'image', flag: 'IMAGE', parse: parseImages, default: [] as string[] }),
  trivyReport: spec({ key: 'trivy-report', flag: '--report', parse: text, default: undefined }),
  failOn: spec<FailOn>({
    key: 'fail-on',
    flag: '--fail-on',
    policy: true,
    parse: parseFailOn,
    default: 'HIGH',
  }),
  failOnScope: spec<GateScope>({
    key: 'fail-on-scope',
    flag: '--fail-on-scope',
    policy: true,
    parse: parseGateScope,
    default: 'all',
  }),
  ignoreUnfixed: spec({
    key: 'ignore-unfixed',
    flag: '--ignore-unfixed',
    policy: true,
    parse: (raw, o) => parseBoolean(raw, o, false),
    default: false,
  }),
  ignoreFile: spec({
    key: 'ignore-file',
    flag: '--ignore-file',
    policy: true,
    parse: text,
    default: undefined,
  }),
  scanners: spec({
    key: 'scanners',
    flag: '--scanners',
    parse: parseScanners,
    default: ['vuln', 'secret'],
  }),
  timeout: spec({ key: 'timeout', flag: '--timeout', parse: parseTimeout, default: '10m' }),
  platform: spec({
    key: 'platform',
    flag: '--platform',
    parse: parsePlatforms,
    default: ALL_PLATFORMS as PlatformSelection,
  }),
  /** Action only (the CLI does not sign): sign each platform image of an index too. */
  signPlatforms: spec({
    key: 'sign-platforms',
    parse: (raw, o) => parseBoolean(raw, o, false),
    default: false,
  }),
  maxParallel: spec({
    key: 'max-parallel',
    flag: '--max-parallel',
    parse: (raw, o) => parsePositiveInt(raw, o, 2, 64),
    default: 2,
  }),
  sarif: spec({
    key: 'sarif',
    flag: '--sarif',
    parse: parseSarifPath,
    default: undefined as string | undefined,
  }),
  compareTo: spec({
    key: 'compare-to',
    flag: '--compare-to',
    // Classified from syntax alone, never from which files exist (a forged-baseline defence).
    parse: (raw, o) => parseList(raw).map((v) => classifyBaseline(v, o)),
    default: [] as BaselineSource[],
  }),
  commentKey: spec({
    key: 'comment-key',
    flag: '--comment-key',
    parse: text,
    default: undefined as string | undefined,
  }),
  baseImagePolicy: spec<BaseImageMode>({
    key: 'base-image-policy',
    flag: '--base-image-policy',
    policy: true,
    parse: (raw, o) => parseOneOf(raw, o, BASE_IMAGE_MODES),
    default: 'warn',
  }),
  allowedBaseImages: spec({
    key: 'allowed-base-images',
    flag: '--allowed-base-images',
    policy: true,
    parse: (raw) => parseList(raw),
    default: [] as string[],
  }),
  forbid: spec<Forbidden[]>({
    key: 'forbid',
    flag: '--forbid',
    policy: true,
    parse: baseImageParser(
      'forbid',
      (raw) => parseBaseImagePolicy({ mode: 'warn', forbid: raw })?.forbid ?? [],
    ),
    default: [],
  }),
  maxImageSize: spec<number | undefined>({
    key: 'max-image-size',
    flag: '--max-image-size',
    policy: true,
    parse: (raw, o) => {
      const bytes = baseImageParser('max-image-size', (r) => parseSize(r, 'max-image-size'))(raw, o)
      if (!(bytes >= 1 && bytes <= MAX_IMAGE_SIZE)) {
        throw new InputError(o, `"${raw}" is out of range: give a size from 1 byte to 1TB.`)
      }
      return bytes
    },
    default: undefined,
  }),
  dockerfile: spec({ key: 'dockerfile', flag: '--dockerfile', parse: text, default: undefined }),
  // Issue 13, scale. The token is not a setting: it is read and masked where it is used
  // (action/trivy.ts; the CLI reads TRIVY_TOKEN, never a flag), so it never reaches the
  // settings record in the report.
  trivyServer: spec({
    key: 'trivy-server',
    flag: '--trivy-server',
    parse: (raw, o) => parseTrivyServer(raw, o),
    default: undefined as string | undefined,
  }),
  trivyServerTokenHeader: spec({
    key: 'trivy-server-token-header',
    flag: '--trivy-server-token-header',
    parse: (raw, o) => parseTokenHeader(raw, o),
    default: DEFAULT_TOKEN_HEADER,
  }),
  maxDbAge: spec({
    key: 'max-db-age',
    flag: '--max-db-age',
    policy: true,
    parse: (raw, o) => parseMaxDbAge(raw, o),
    default: DEFAULT_MAX_DB_AGE,
  }),
  javaDb: spec({
    key: 'java-db',
    flag: '--java-db',
    parse: (raw, o) => parseOneOf(raw, o, JAVA_DB_MODES),
    default: 'auto' as (typeof JAVA_DB_MODES)[number],
  }),
  // Issue 11 §3, VEX: documents for Trivy's --vex, and whose statements count (src/vex/).
  vex: spec({
    key: 'vex',
    flag: '--vex',
    policy: true,
    parse: parseVexSetting,
    default: [] as string[],
  }),
  vexRequiredAuthor: spec({
    key: 'vex-required-author',
    flag: '--vex-required-author',
    policy: true,
    parse: parseRequiredAuthors,
    default: undefined as string[] | undefined,
  }),
  // `vex: oci` keeps only attestations signed by this identity: verify mode's inputs, same parsers.
  vexCertificateIdentity: spec({
    key: 'certificate-identity',
    flag: '--certificate-identity',
    policy: true,
    parse: text,
    default: undefined,
  }),
  vexCertificateIdentityRegexp: spec({
    key: 'certificate-identity-regexp',
    flag: '--certificate-identity-regexp',
    policy: true,
    parse: parseIdentityRegexp,
    default: undefined as string | undefined,
  }),
  vexCertificateOidcIssuer: spec({
    key: 'certificate-oidc-issuer',
    flag: '--certificate-oidc-issuer',
    policy: true,
    parse: text,
    default: undefined,
  }),
  vexTrustedRoot: spec({
    key: 'trusted-root',
    flag: '--trusted-root',
    parse: text,
    default: undefined,
  }),
}

/** Settings only the action has: the pull-request comment. */
export const COMMENT_SPEC = {
  comment: spec({
    key: 'comment',
    policy: true,
    parse: (raw, o) => parseOneOf(raw, o, COMMENT_WHEN),
    default: 'auto' as (typeof COMMENT_WHEN)[number],
  }),
  commentMode: spec({
    key: 'comment-mode',
    policy: true,
    parse: (raw, o) => parseOneOf(raw, o, COMMENT_MODES),
    default: 'update' as (typeof COMMENT_MODES)[number],
  }),
  commentPer: spec({
    key: 'comment-per',
    policy: true,
    parse: (raw, o) => parseOneOf(raw, o, COMMENT_PER),
    default: 'job' as (typeof COMMENT_PER)[number],
  }),
  commentAuthor: spec({ key: 'comment-author', parse: text, default: undefined }),
  githubToken: spec({ key: 'github-token', parse: (raw) => raw, default: '' }),
  pullRequest: spec({
    key: 'pull-request',
    parse: (raw, o): number | undefined => parsePositiveInt(raw, o, 0, 1e9),
    default: undefined,
  }),
}

/** `mode: verify` (the CLI's `shipgate verify` words its own flags, see sign/verify-command.ts). */
export const VERIFY_SPEC = {
  images: SCAN_SPEC.images,
  certificateIdentity: spec({
    key: 'certificate-identity',
    policy: true,
    parse: text,
    default: undefined,
  }),
  certificateIdentityRegexp: spec({
    key: 'certificate-identity-regexp',
    policy: true,
    parse: (raw, o) => {
      try {
        new RegExp(raw)
      } catch (error) {
        throw new InputError(o, `not a valid regular expression: ${(error as Error).message}`)
      }
      return raw
    },
    default: undefined as string | undefined,
  }),
  certificateOidcIssuer: spec({
    key: 'certificate-oidc-issuer',
    policy: true,
    parse: text,
    default: undefined,
  }),
  // The verify command's own parsers, so the action and `shipgate verify` accept the same text.
  verifyRequire: spec({
    key: 'verify-require',
    parse: (raw, o) =>
      viaShared(o, (label) => {
        parseRequire(raw, label)
        return raw.trim().toLowerCase()
      }),
    default: 'any',
  }),
  verifyMaxDbAge: spec({
    key: 'verify-max-db-age',
    parse: (raw, o) =>
      viaShared(o, (label) => {
        parseDuration(raw, label)
        return raw.trim()
      }),
    default: undefined as string | undefined,
  }),
  verifyAttestations: spec({
    key: 'verify-attestations',
    parse: (raw) => raw.split(/[\s,]+/).filter(Boolean),
    default: [] as string[],
  }),
  trustedRoot: spec({ key: 'trusted-root', parse: text, default: undefined }),
}

/**
 * `mode: rescan` / `shipgate rescan` (issue 12 §2): the shipped images to watch, judged by the
 * same policy keys as a scan, and what fails the step. No build, no signing, no comment.
 */
export const RESCAN_SPEC = {
  // The `image` input or IMAGE arguments, else the policy file's `rescan.images`.
  images: spec({
    key: 'image',
    flag: 'IMAGE',
    policy: true,
    policyKey: 'rescan.images',
    parse: parseImages,
    default: [] as string[],
  }),
  failOn: SCAN_SPEC.failOn,
  ignoreUnfixed: SCAN_SPEC.ignoreUnfixed,
  ignoreFile: SCAN_SPEC.ignoreFile,
  scanners: SCAN_SPEC.scanners,
  timeout: SCAN_SPEC.timeout,
  platform: SCAN_SPEC.platform,
  maxParallel: SCAN_SPEC.maxParallel,
  rescanFail: spec<RescanFail>({
    key: 'rescan-fail',
    flag: '--rescan-fail',
    policy: true,
    parse: parseRescanFail,
    default: 'any',
  }),
  /** The account Shipgate writes issues as, when not the token's own (a custom App). */
  commentAuthor: COMMENT_SPEC.commentAuthor,
  githubToken: COMMENT_SPEC.githubToken,
}

/** Where the policy file is (issue 12): not itself a policy key. */
export const POLICY_SPEC = spec({
  key: 'policy',
  flag: '--policy',
  parse: text,
  default: undefined as string | undefined,
})

/** Accept `policy: owner/repo/path@<tag or branch>`, which can change without review (issue 12). */
export const POLICY_ALLOW_MUTABLE_SPEC = spec({
  key: 'policy-allow-mutable',
  flag: '--policy-allow-mutable',
  parse: (raw, o) => parseBoolean(raw, o, false),
  default: false,
})

export const MODE_SPEC = spec({
  key: 'mode',
  parse: (raw, o) => parseOneOf(raw, o, MODES),
  default: 'scan' as (typeof MODES)[number],
})

/** The base-image policy the settings describe; undefined when the check is off. */
export function baseImagePolicyOf(s: {
  baseImagePolicy: BaseImageMode
  allowedBaseImages: string[]
  forbid: Forbidden[]
  maxImageSize?: number
}): BaseImagePolicy | undefined {
  if (s.baseImagePolicy === 'off') return undefined
  const policy: BaseImagePolicy = {
    mode: s.baseImagePolicy,
    allowedBaseImages: s.allowedBaseImages,
    forbid: s.forbid,
  }
  if (s.maxImageSize !== undefined) policy.maxImageSize = s.maxImageSize
  return policy
}

export { describeOrigin, toOrigin }
