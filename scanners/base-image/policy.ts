/**
 * The base-image policy (action inputs) and the judgement of facts against it. Pure: no I/O.
 */
import type { BaseImageReport } from '../../src/model.js'
import { formatReference, parseReference } from '../../src/registry/reference.js'
import type { DockerfileFinding } from './dockerfile.js'
import type { BaseImageFacts } from './facts.js'
import { recommend, recommendedBase } from './recommend.js'

export const FORBIDDABLE = ['shell', 'package-manager', 'root-user', 'unpinned-base'] as const
export type Forbidden = (typeof FORBIDDABLE)[number]

export interface BaseImagePolicy {
  mode: 'warn' | 'enforce'
  /** Globs over base image names: `*` within a path segment, `**` across them. Empty: any base. */
  allowedBaseImages: string[]
  forbid: Forbidden[]
  /** Compressed bytes (sum of layers). */
  maxImageSize?: number
}

/** What the report carries beyond the model: which image, and the Dockerfile's findings. */
export type BaseImageResult = BaseImageReport & {
  image: string
  digest?: string
  platform?: string
  shells?: string[]
  dockerfile?: { path?: string; findings: DockerfileFinding[] }
}

export class PolicyInputError extends Error {
  override name = 'PolicyInputError'
}

/**
 * Parses the action inputs. `off` turns the check off (returns undefined). Lists may be
 * separated by commas or newlines; unknown words are errors, not silently ignored.
 */
export function parseBaseImagePolicy(inputs: {
  mode?: string
  allowedBaseImages?: string
  forbid?: string
  maxImageSize?: string
}): BaseImagePolicy | undefined {
  const mode = (inputs.mode ?? '').trim().toLowerCase() || 'warn'
  if (mode === 'off') return undefined
  if (mode !== 'warn' && mode !== 'enforce') {
    throw new PolicyInputError(
      `base-image-policy: "${inputs.mode}" is not one of off, warn, enforce.`,
    )
  }
  const list = (v?: string) =>
    (v ?? '')
      .split(/[\n,]/)
      .map((s) => s.trim())
      .filter((s) => s !== '' && !s.startsWith('#'))
  const forbid: Forbidden[] = []
  for (const word of list(inputs.forbid)) {
    const w = word.toLowerCase()
    if (!(FORBIDDABLE as readonly string[]).includes(w)) {
      throw new PolicyInputError(`forbid: "${word}" is not one of ${FORBIDDABLE.join(', ')}.`)
    }
    forbid.push(w as Forbidden)
  }
  const policy: BaseImagePolicy = {
    mode,
    allowedBaseImages: list(inputs.allowedBaseImages),
    forbid,
  }
  if (inputs.maxImageSize?.trim())
    policy.maxImageSize = parseSize(inputs.maxImageSize, 'max-image-size')
  return policy
}

const UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  k: 1e3,
  kb: 1e3,
  m: 1e6,
  mb: 1e6,
  g: 1e9,
  gb: 1e9,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
}

/** `250MB`, `1.5 GiB`, `300000000` → bytes. */
export function parseSize(value: string, input = 'size'): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(value)
  const unit = m?.[2]?.toLowerCase() ?? ''
  if (!m || !(unit in UNITS)) {
    throw new PolicyInputError(
      `${input}: "${value}" is not a size; use e.g. 200MB, 1.5GiB or a number of bytes.`,
    )
  }
  return Math.round(Number(m[1]) * (UNITS[unit] ?? 1))
}

export function formatBytes(n: number): string {
  if (n < 1000) return `${n} B`
  if (n < 1e6) return `${(n / 1e3).toFixed(1)} kB`
  if (n < 1e9) return `${(n / 1e6).toFixed(1)} MB`
  return `${(n / 1e9).toFixed(2)} GB`
}

function globToRegExp(glob: string): RegExp {
  let re = ''
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string
    if (c === '*' && glob[i + 1] === '*') {
      re += '.*'
      i++
    } else if (c === '*') re += '[^/]*'
    else if (c === '?') re += '[^/]'
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&')
  }
  return new RegExp(`^${re}$`)
}

/** The forms a user might write a base as: as given, canonical, without tag/digest, familiar Docker Hub. */
function nameForms(name: string): string[] {
  const forms = new Set([name])
  try {
    const ref = parseReference(name)
    forms.add(formatReference(ref))
    forms.add(`${ref.registry}/${ref.repository}`)
    if (ref.tag) forms.add(`${ref.registry}/${ref.repository}:${ref.tag}`)
    if (ref.registry === 'docker.io') {
      const short = ref.repository.replace(/^library\//, '')
      forms.add(short)
      if (ref.tag) forms.add(`${short}:${ref.tag}`)
    }
  } catch {
    // Not a reference (e.g. "scratch" stays as is).
  }
  return [...forms]
}

export function baseAllowed(name: string, globs: string[]): boolean {
  const forms = nameForms(name)
  return globs.some((g) => {
    const re = globToRegExp(g)
    return forms.some((f) => re.test(f))
  })
}

/** Facts + policy → the report, with every violation explained. */
export function judgeBaseImage(facts: BaseImageFacts, policy: BaseImagePolicy): BaseImageResult {
  const violations: { rule: string; message: string }[] = []
  const offline =
    facts.source === 'trivy-report'
      ? ' from the Trivy report alone; run with registry access to check it'
      : ''

  if (policy.allowedBaseImages.length > 0) {
    const name = facts.base?.name
    if (!name) {
      violations.push({
        rule: 'allowed-base-images',
        message: `The base image could not be determined${offline}, so it cannot be shown to be one of: ${policy.allowedBaseImages.join(', ')}.`,
      })
    } else if (!baseAllowed(name, policy.allowedBaseImages)) {
      violations.push({
        rule: 'allowed-base-images',
        message: `Base image ${name} (${facts.base?.how}) is not in allowed-base-images (${policy.allowedBaseImages.join(', ')}).`,
      })
    }
  }
  for (const rule of policy.forbid) {
    if (rule === 'shell') {
      if (facts.shell === true)
        violations.push({
          rule: 'forbid:shell',
          message: `The image contains a shell (${facts.shells.join(', ')}).`,
        })
      else if (facts.shell === null)
        violations.push({
          rule: 'forbid:shell',
          message: `Whether the image contains a shell cannot be known${offline}.`,
        })
    }
    if (rule === 'package-manager') {
      if (facts.packageManager)
        violations.push({
          rule: 'forbid:package-manager',
          message: `The image contains a package manager (${facts.packageManager}).`,
        })
      else if (facts.packageManager === null)
        violations.push({
          rule: 'forbid:package-manager',
          message: `Whether the image contains a package manager cannot be known${offline}.`,
        })
    }
    if (rule === 'root-user') {
      if (facts.runsAsRoot === true)
        violations.push({
          rule: 'forbid:root-user',
          message: `The image runs as root (User ${facts.user ? JSON.stringify(facts.user) : 'not set'}).`,
        })
      else if (facts.runsAsRoot === null)
        violations.push({
          rule: 'forbid:root-user',
          message: `Whether the image runs as root cannot be known (User ${JSON.stringify(facts.user ?? '')}${offline ? `${offline}` : ''}).`,
        })
    }
    if (rule === 'unpinned-base') {
      for (const f of facts.dockerfile?.findings ?? []) {
        if (f.rule === 'unpinned-from' || f.rule === 'latest-tag') {
          violations.push({
            rule: 'forbid:unpinned-base',
            message: `${facts.dockerfile?.path ?? 'Dockerfile'}:${f.line}: ${f.message}`,
          })
        }
      }
      if (!facts.dockerfile && !facts.base?.digest) {
        violations.push({
          rule: 'forbid:unpinned-base',
          message:
            'No Dockerfile was given and the image does not record its base digest, so a pinned base cannot be shown; set the dockerfile input.',
        })
      }
    }
  }
  if (policy.maxImageSize !== undefined) {
    if (facts.compressedSize === undefined) {
      violations.push({
        rule: 'max-image-size',
        message: `The compressed image size cannot be known${offline}.`,
      })
    } else if (facts.compressedSize > policy.maxImageSize) {
      violations.push({
        rule: 'max-image-size',
        message: `The image is ${formatBytes(facts.compressedSize)} compressed, over max-image-size ${formatBytes(policy.maxImageSize)}.`,
      })
    }
  }

  const report: BaseImageResult = {
    image: facts.image,
    mode: policy.mode,
    source: facts.source,
    shell: facts.shell,
    packageManager: facts.packageManager,
    runsAsRoot: facts.runsAsRoot,
    unknown: facts.unknown,
    violations,
  }
  if (facts.digest) report.digest = facts.digest
  if (facts.platform) report.platform = facts.platform
  if (facts.base) {
    const { family: _family, ...base } = facts.base
    report.base = base
  }
  if (facts.os) report.os = facts.os
  if (facts.packages !== undefined) report.packages = facts.packages
  if (facts.user !== undefined) report.user = facts.user
  if (facts.compressedSize !== undefined) report.compressedSize = facts.compressedSize
  if (facts.layers !== undefined) report.layers = facts.layers
  if (facts.shells.length > 0) report.shells = facts.shells
  if (facts.dockerfile) {
    report.dockerfile = { findings: facts.dockerfile.findings }
    if (facts.dockerfile.path) report.dockerfile.path = facts.dockerfile.path
  }
  const rec = recommend(facts)
  if (rec) report.recommendation = rec
  const target = recommendedBase(facts)
  if (target) report.recommendedBase = target
  return report
}

/** One line for the failure message in enforce mode, or undefined when nothing is violated. */
export function baseImageReason(report: BaseImageReport): string | undefined {
  if (report.violations.length === 0) return undefined
  const rules = [...new Set(report.violations.map((v) => v.rule.replace(/^forbid:/, '')))]
  return `Base image: ${report.violations.length} violation${report.violations.length === 1 ? '' : 's'} (${rules.join(', ')})`
}
