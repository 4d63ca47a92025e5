import { type BaselineSource, classifyBaseline } from './baseline.js'
import type { FailOn, SEVERITIES } from './model.js'

/** A bad input: names the input, what was wrong and what to write instead. */
export class InputError extends Error {
  constructor(
    readonly input: string,
    message: string,
  ) {
    super(`Input \`${input}\`: ${message}`)
    this.name = 'InputError'
  }
}

/** Reads one raw input (trimmed, '' when unset): `core.getInput` in the action, a map in tests. */
export type InputReader = (name: string) => string

const FAIL_ON_VALUES = ['critical', 'high', 'medium', 'low', 'unknown', 'none'] as const

export function parseFailOn(value: string, input = 'fail-on'): FailOn {
  const v = (value || 'high').trim().toLowerCase()
  if (!(FAIL_ON_VALUES as readonly string[]).includes(v)) {
    throw new InputError(
      input,
      `"${value}" is not a severity. Use one of ${FAIL_ON_VALUES.join(', ')} (findings at or above it fail the step).`,
    )
  }
  return v === 'none' ? 'NONE' : (v.toUpperCase() as (typeof SEVERITIES)[number])
}

export function parseBoolean(value: string, input: string, fallback: boolean): boolean {
  if (value === '') return fallback
  if (/^(true|yes|on|1)$/i.test(value)) return true
  if (/^(false|no|off|0)$/i.test(value)) return false
  throw new InputError(input, `"${value}" is not a boolean; use true or false.`)
}

/** Newline- or comma-separated list, blanks and `#` comments dropped. */
export function parseList(value: string): string[] {
  return value
    .split(/[\n,]/)
    .map((s) => s.replace(/\s#.*$/, '').trim())
    .filter((s) => s && !s.startsWith('#'))
}

const SCANNERS = ['vuln', 'secret', 'misconfig']

export function parseScanners(value: string, input = 'scanners'): string[] {
  const list = parseList(value || 'vuln,secret')
  for (const s of list) {
    if (s === 'license') {
      throw new InputError(
        input,
        'Shipgate does not evaluate licence findings yet, so a `license` scan would be silently ignored. Remove it, or run `trivy --scanners license` in its own step.',
      )
    }
    if (!SCANNERS.includes(s)) {
      throw new InputError(input, `unknown scanner "${s}"; use any of ${SCANNERS.join(', ')}.`)
    }
  }
  if (!list.length)
    throw new InputError(input, `name at least one scanner (${SCANNERS.join(', ')}).`)
  return [...new Set(list)]
}

export function parseTimeout(value: string, input = 'timeout'): string {
  const v = value || '10m'
  if (!/^(\d+(\.\d+)?(h|ms|m|s))+$/.test(v)) {
    throw new InputError(input, `"${value}" is not a duration; write it like 10m, 90s or 1h30m.`)
  }
  return v
}

export function parsePositiveInt(value: string, input: string, fallback: number, max = 64): number {
  if (value === '') return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1 || n > max) {
    throw new InputError(input, `"${value}" must be a whole number from 1 to ${max}.`)
  }
  return n
}

/** Image references: each must look like `[registry/]repo[:tag][@sha256:digest]`. */
export function parseImages(value: string, input = 'image'): string[] {
  const images = parseList(value)
  for (const image of images) {
    if (/\s/.test(image) || !/^[a-z0-9]/i.test(image) || /[^A-Za-z0-9._\-/:@]/.test(image)) {
      throw new InputError(
        input,
        `"${image}" is not an image reference; write it like ghcr.io/acme/api@sha256:… or ghcr.io/acme/api:1.2.`,
      )
    }
  }
  return [...new Set(images)]
}

export const PLATFORM_RE = /^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?$/

export function parsePlatform(value: string, input = 'platform'): string | undefined {
  if (!value) return undefined
  if (!PLATFORM_RE.test(value)) {
    throw new InputError(
      input,
      `"${value}" is not a platform; write it like linux/amd64 or linux/arm64/v8.`,
    )
  }
  return value
}

/** The scan settings every entry point (action and CLI) shares. */
export interface ScanInputs {
  images: string[]
  trivyReport?: string
  failOn: FailOn
  ignoreUnfixed: boolean
  ignoreFile?: string
  scanners: string[]
  timeout: string
  platform?: string
  trivyVersion?: string
  trivyChecksum?: string
  sarif?: string
  maxParallel: number
}

export function readScanInputs(get: InputReader): ScanInputs {
  const images = parseImages(get('image'))
  const trivyReport = get('trivy-report') || undefined
  if (!images.length && !trivyReport) {
    throw new InputError(
      'image',
      'nothing to scan. Set `image` to one or more image references (newline separated), or `trivy-report` to an existing Trivy JSON report.',
    )
  }
  if (trivyReport && images.length > 1) {
    throw new InputError(
      'trivy-report',
      `a report describes one image, but \`image\` lists ${images.length}. Give one image (or none) with \`trivy-report\`.`,
    )
  }
  return {
    images,
    trivyReport,
    failOn: parseFailOn(get('fail-on')),
    ignoreUnfixed: parseBoolean(get('ignore-unfixed'), 'ignore-unfixed', false),
    ignoreFile: get('ignore-file') || undefined,
    scanners: parseScanners(get('scanners')),
    timeout: parseTimeout(get('timeout')),
    platform: parsePlatform(get('platform')),
    trivyVersion: get('trivy-version') || undefined,
    trivyChecksum: get('trivy-checksum') || undefined,
    sarif: get('sarif') || undefined,
    maxParallel: parsePositiveInt(get('max-parallel'), 'max-parallel', 2),
  }
}

export type CommentWhen = 'auto' | 'always' | 'never'
export type CommentMode = 'update' | 'recreate'

export interface CommentInputs {
  when: CommentWhen
  mode: CommentMode
  /** What identifies this job's comment; defaults to the images. */
  key?: string
  token: string
  /** Classified from syntax alone (see classifyBaseline): never from what files exist. */
  compareTo: BaselineSource[]
  /** `new`: only findings missing from `compare-to` fail the gate. */
  gateScope: 'all' | 'new'
  /** Comment on this pull request whatever the event (the `workflow_run` pattern for forks). */
  pullRequest?: number
  /** One comment for the job's images, or one per image. */
  per: 'job' | 'image'
  /** The login Shipgate's token comments as, when it is not the workflow token's bot. */
  author?: string
}

function oneOf<T extends string>(
  value: string,
  input: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const v = (value || fallback).toLowerCase()
  if (!(allowed as readonly string[]).includes(v)) {
    throw new InputError(input, `"${value}" is not one of ${allowed.join(', ')}.`)
  }
  return v as T
}

export function readCommentInputs(get: InputReader, images: number): CommentInputs {
  const compareTo = parseList(get('compare-to')).map((v) => classifyBaseline(v, 'compare-to'))
  if (compareTo.length > 1 && compareTo.length !== images) {
    throw new InputError(
      'compare-to',
      `lists ${compareTo.length} baselines for ${images} image(s); give one baseline per image, in the same order, or a single one.`,
    )
  }
  const gateScope = oneOf(get('fail-on-scope'), 'fail-on-scope', ['all', 'new'], 'all')
  if (gateScope === 'new' && !compareTo.length) {
    throw new InputError(
      'fail-on-scope',
      '`new` gates only on findings the change introduces, which needs a baseline: set `compare-to` to the base branch image or an earlier report.',
    )
  }
  return {
    gateScope,
    when: oneOf(get('comment'), 'comment', ['auto', 'always', 'never'], 'auto'),
    mode: oneOf(get('comment-mode'), 'comment-mode', ['update', 'recreate'], 'update'),
    key: get('comment-key') || undefined,
    token: get('github-token'),
    compareTo,
    author: get('comment-author') || undefined,
    per: oneOf(get('comment-per'), 'comment-per', ['job', 'image'], 'job'),
    pullRequest: get('pull-request')
      ? parsePositiveInt(get('pull-request'), 'pull-request', 0, 1e9)
      : undefined,
  }
}

/** The sticky comment's key: `comment-key`, else the images as the user gave them. */
export function commentKey(
  explicit: string | undefined,
  images: string[],
  fallback: string,
): string {
  return explicit || (images.length ? images.join(',') : fallback)
}
