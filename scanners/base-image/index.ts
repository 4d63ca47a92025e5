/**
 * The base-image scanner: reads an image from its registry (or, offline, a Trivy report) and
 * reports how far it is from a minimal base. `inspectImage` gathers facts, `judgeBaseImage`
 * applies the policy, `factsFromScan` is the offline path.
 */
import { readFile } from 'node:fs/promises'
import { type Logger, silentLogger } from '../../src/logger.js'
import type { RegistryClient } from '../../src/registry/client.js'
import { RegistryError } from '../../src/registry/errors.js'
import { formatPlatform, type ImageConfig, parsePlatform } from '../../src/registry/media-types.js'
import {
  formatReference,
  type ImageReference,
  parseReference,
} from '../../src/registry/reference.js'
import { analyzeDockerfile } from './dockerfile.js'
import {
  type BaseImage,
  type BaseImageFacts,
  classifyBaseName,
  declaredBase,
  effectiveUser,
  execContext,
  filesystemFacts,
  inferBase,
  isWantedFile,
} from './facts.js'
import { readLayers } from './layers.js'
import { DEFAULT_LIMITS, ImageLimitError, type ReadLimits } from './limits.js'
import { formatBytes } from './policy.js'
import { recommend } from './recommend.js'

export { analyzeDockerfile, type DockerfileFacts } from './dockerfile.js'
export type { BaseImage, BaseImageFacts } from './facts.js'
export { DEFAULT_LIMITS, ImageLimitError, type ReadLimits } from './limits.js'
export { factsFromScan } from './offline.js'
export {
  type BaseImagePolicy,
  type BaseImageResult,
  baseImageReason,
  judgeBaseImage,
  PolicyInputError,
  parseBaseImagePolicy,
  parseSize,
} from './policy.js'

export interface InspectOptions {
  /** `os/arch[/variant]`, default linux/amd64. */
  platform?: string
  client: RegistryClient
  logger?: Logger
  /** Path to the Dockerfile that built the image (base fallback and Dockerfile checks). */
  dockerfile?: string
  /**
   * The whole read (manifest, config, every layer, retries included) must finish within this,
   * or it stops with a `timeout` RegistryError. Default: no overall deadline.
   */
  timeoutMs?: number
  /** Bounds on what one image may cost to read (tests lower them). */
  limits?: ReadLimits
}

/** Configs are small; anything near this is not an image config. */
const MAX_CONFIG_BYTES = 8 * 1024 * 1024

/**
 * Reads the image from its registry and returns its facts. Throws (RegistryError or Error with
 * a message naming the image) when any part cannot be read: an unreadable image never passes.
 */
export async function inspectImage(ref: string, opts: InspectOptions): Promise<BaseImageFacts> {
  const image = parseReference(ref)
  if (opts.timeoutMs === undefined) return inspectWith(image, opts, opts.client)
  const controller = new AbortController()
  const timer = setTimeout(
    () => controller.abort(deadlineError(formatReference(image), opts.timeoutMs as number)),
    opts.timeoutMs,
  )
  try {
    return await inspectWith(
      image,
      opts,
      opts.client.withSignal(controller.signal),
      controller.signal,
    )
  } finally {
    clearTimeout(timer)
  }
}

function deadlineError(image: string, ms: number): RegistryError {
  const s = Number((ms / 1000).toFixed(3))
  return new RegistryError(
    'timeout',
    `${image} was not read within the ${s} s timeout set for this scan (manifest, config and layers together); the registry is too slow or stalls. Raise the timeout, or check the registry.`,
  )
}

async function inspectWith(
  image: ImageReference,
  opts: InspectOptions,
  client: RegistryClient,
  signal?: AbortSignal,
): Promise<BaseImageFacts> {
  const logger = opts.logger ?? silentLogger
  const platform = parsePlatform(opts.platform ?? 'linux/amd64')
  const dockerfile = opts.dockerfile
    ? analyzeDockerfile(await readDockerfile(opts.dockerfile), opts.dockerfile)
    : undefined

  const resolved = await client.resolve(image, platform)
  const manifest = resolved.manifest
  const limits = opts.limits ?? DEFAULT_LIMITS
  if (manifest.layers.length > limits.maxLayers) {
    throw new ImageLimitError(
      `${formatReference(image)} has ${manifest.layers.length} layers, more than the ${limits.maxLayers} Shipgate reads (a Docker engine runs at most 127); the manifest is malformed or hostile, so the image cannot pass.`,
    )
  }
  const configBytes = await client.getBlobBytes(image, manifest.config.digest, {
    maxBytes: MAX_CONFIG_BYTES,
  })
  let config: ImageConfig
  try {
    config = JSON.parse(configBytes.toString('utf8')) as ImageConfig
  } catch {
    throw new RegistryError(
      'invalid-response',
      `${formatReference(image)}: the image config ${manifest.config.digest} is not valid JSON.`,
    )
  }
  logger.info(
    `base-image: reading ${manifest.layers.length} layer(s) of ${formatReference(image)} (${formatBytes(manifest.layers.reduce((n, l) => n + l.size, 0))})`,
  )
  const fs = await readLayers(
    manifest.layers,
    { open: (layer) => client.getBlob(image, layer.digest, { size: layer.size }) },
    isWantedFile,
    logger,
    { limits, ...(signal ? { signal } : {}) },
  )
  const found = filesystemFacts(fs, execContext(config))

  const unknown: string[] = []
  const user = config.config?.User ?? ''
  const who = effectiveUser(user, found.passwd)
  const facts: BaseImageFacts = {
    source: 'registry',
    image: formatReference(image),
    digest: resolved.digest,
    platform: formatPlatform(resolved.index?.platform ?? platform),
    shell: found.shells.length > 0,
    shells: found.shells,
    packageManager: found.packageManager,
    user,
    runsAsRoot: who.known ? who.uid === 0 : null,
    compressedSize: manifest.layers.reduce((n, l) => n + l.size, 0),
    layers: manifest.layers.length,
    labels: config.config?.Labels ?? {},
    unknown,
  }
  if (resolved.index) facts.indexDigest = resolved.index.digest
  if (manifest.layers[0]) facts.baseLayerSize = manifest.layers[0].size
  if (who.known) facts.uid = who.uid
  else {
    unknown.push('effectiveUser')
    logger.warning(`base-image: ${formatReference(image)}: ${who.reason}`)
  }
  if (found.os) facts.os = found.os
  else unknown.push('os')
  if (found.osRelease) facts.osRelease = found.osRelease
  if (found.packages !== undefined) {
    facts.packages = found.packages
    if (found.packageDb) facts.packageDb = found.packageDb
  } else if (found.hasRpmDb) {
    unknown.push('packages')
    logger.info('base-image: the rpm database is not read; the Trivy report has the package count')
  }
  if (dockerfile) facts.dockerfile = dockerfile

  facts.base = pickBase(declaredBase(manifest.annotations, config), dockerfile?.finalBase, found)
  facts.unknown = unknown
  return facts
}

function pickBase(
  declared: BaseImage | undefined,
  dockerfileBase: string | undefined,
  found: ReturnType<typeof filesystemFacts>,
): BaseImage {
  if (declared) return declared
  if (dockerfileBase && !dockerfileBase.includes('$')) {
    return { name: dockerfileBase, how: 'dockerfile', ...classifyBaseName(dockerfileBase) }
  }
  return inferBase(found)
}

async function readDockerfile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    throw new Error(
      `dockerfile: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); check the path is relative to the workspace.`,
    )
  }
}

/** The `shipgate inspect --format json` document. */
export interface InspectJson {
  image: string
  digest?: string
  platform?: string
  os: string | null
  packages: number | null
  shell: boolean | null
  shells: string[]
  packageManager: string | false | null
  user: string | null
  runsAsRoot: boolean | null
  compressedSize: number | null
  layers: number | null
  base: { name: string | null; digest?: string; how: string; minimal: boolean } | null
  recommendation: string | null
  unknown: string[]
  dockerfile?: { path?: string; findings: { rule: string; message: string; line: number }[] }
}

export function inspectJson(f: BaseImageFacts): InspectJson {
  const out: InspectJson = {
    image: f.image,
    os: f.os ?? null,
    packages: f.packages ?? null,
    shell: f.shell,
    shells: f.shells,
    packageManager: f.packageManager,
    user: f.user ?? null,
    runsAsRoot: f.runsAsRoot,
    compressedSize: f.compressedSize ?? null,
    layers: f.layers ?? null,
    base: f.base
      ? {
          name: f.base.name ?? null,
          how: f.base.how,
          minimal: f.base.minimal,
          ...(f.base.digest ? { digest: f.base.digest } : {}),
        }
      : null,
    recommendation: recommend(f) ?? null,
    unknown: f.unknown,
  }
  if (f.digest) out.digest = f.digest
  if (f.platform) out.platform = f.platform
  if (f.dockerfile)
    out.dockerfile = {
      findings: f.dockerfile.findings,
      ...(f.dockerfile.path ? { path: f.dockerfile.path } : {}),
    }
  return out
}

/** `shipgate inspect --format table`: two aligned columns for a terminal. */
export function inspectTable(j: InspectJson): string {
  const yes = (v: boolean | null) => (v === null ? 'unknown' : v ? 'yes' : 'no')
  const rows: [string, string][] = [
    ['Image', j.image],
    ['Digest', j.digest ?? 'unknown'],
    ['Platform', j.platform ?? 'unknown'],
    [
      'Base',
      j.base
        ? `${j.base.name ?? 'unknown'} (${j.base.how}${j.base.minimal ? ', minimal' : ''})`
        : 'unknown',
    ],
    ['OS', j.os ?? 'unknown'],
    ['Packages', j.packages === null ? 'unknown' : String(j.packages)],
    ['Shell', j.shell ? `yes (${j.shells.join(', ')})` : yes(j.shell)],
    ['Package manager', j.packageManager === null ? 'unknown' : j.packageManager || 'no'],
    ['User', j.user === null ? 'unknown' : j.user || '(not set: root)'],
    ['Runs as root', yes(j.runsAsRoot)],
    ['Compressed size', j.compressedSize === null ? 'unknown' : formatBytes(j.compressedSize)],
    ['Layers', j.layers === null ? 'unknown' : String(j.layers)],
  ]
  for (const f of j.dockerfile?.findings ?? []) rows.push([`Dockerfile:${f.line}`, f.message])
  if (j.recommendation) rows.push(['Recommendation', j.recommendation])
  if (j.unknown.length > 0) rows.push(['Not known', j.unknown.join('; ')])
  const width = Math.max(...rows.map(([k]) => k.length))
  return `${rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n')}\n`
}
