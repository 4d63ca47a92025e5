/**
 * The pipeline's layer attribution (issue 11 §4): finds the base image of each scanned image,
 * reads the base's layer list (its config's rootfs.diff_ids) from the registry once per job,
 * and labels every finding with its layer and whether that layer is the base's.
 *
 * The base is known from, in order: the Dockerfile's last FROM (`dockerfile`), the
 * `org.opencontainers.image.base.*` annotations of the image manifest or its index, the same
 * names as config labels, or, when nothing names a base, the config history. A named base is
 * accepted only when its layers are exactly the image's first layers: a claim the layers do not
 * bear out is refused with a warning, and then history is not consulted either (the image that
 * made a false claim also wrote its history). Whatever cannot be shown stays unknown, and an
 * unknown base attributes nothing to the base.
 */
import { readFile } from 'node:fs/promises'
import { analyzeDockerfile } from '../../scanners/base-image/dockerfile.js'
import type { TrivyReport } from '../../scanners/trivy/schema.js'
import { escapeField } from '../github/workflow-commands.js'
import type { Logger } from '../logger.js'
import type { BaseSource, Finding, ImageScan, LayerAttribution } from '../model.js'
import { redactedMessage } from '../redact.js'
import { BlobCache } from '../registry/blob-cache.js'
import { readBounded } from '../registry/blobs.js'
import type { RegistryClient } from '../registry/client.js'
import { RegistryError } from '../registry/errors.js'
import { type ImageConfig, type Platform, parsePlatform } from '../registry/media-types.js'
import { formatReference, type ImageReference, parseReference } from '../registry/reference.js'
import { attributeFindings, baseLayersFromHistory, prefixMismatch } from './attribute.js'

export interface LayerStageOptions {
  client: () => RegistryClient | Promise<RegistryClient>
  /** The job's blob cache, shared with the base-image check. */
  blobCache?: BlobCache
  /** `os/arch[/variant]` when the image is an index and the config does not say (default linux/amd64). */
  platform?: string
  /** Path of the Dockerfile that built the image(s): its last FROM names the base. */
  dockerfile?: string
  logger: Logger
  /** No image reference, a report alone: the image itself is not read from any registry. */
  offline: boolean
  /** Every registry read for one image stops after this long (the user's `timeout`). */
  timeoutMs?: number
}

export interface LayerResult {
  findings: Finding[]
  layers: LayerAttribution
  /**
   * Why a named base was refused or could not be read, by who named it: a claim the image makes
   * about itself (annotation, label) that its layers do not bear out is always worth a warning.
   */
  refused: { how: BaseSource; message: string }[]
}

export interface LayerStage {
  attribute(scan: ImageScan, report: TrivyReport): Promise<LayerResult>
}

const DIFF_ID = /^sha256:[a-f0-9]{64}$/
/** Configs are small; anything near this is not an image config. */
const MAX_CONFIG_BYTES = 8 * 1024 * 1024

interface ReadImage {
  digest: string
  annotations: Record<string, string>
  indexAnnotations: Record<string, string>
  config: ImageConfig
  diffIds: string[]
}

interface Claim {
  how: Exclude<BaseSource, 'history'>
  name: string
  digest?: string
}

export function layerStage(opts: LayerStageOptions): LayerStage {
  const cache = opts.blobCache ?? new BlobCache()
  let client: Promise<RegistryClient> | undefined
  const registry = () => {
    client ??= Promise.resolve(opts.client()).then((c) => c.withBlobCache(cache))
    return client
  }
  // Each base read once per job, whatever number of images name it.
  const bases = new Map<string, Promise<ReadImage>>()
  let dockerfileBase: Promise<{ name?: string; error?: string }> | undefined

  const read = (ref: ImageReference, platform: Platform | string): Promise<ReadImage> =>
    registry().then(
      withDeadline(opts.timeoutMs, formatReference(ref), (c) => readImage(c, ref, platform)),
    )

  const readBase = (claim: Claim, platform: Platform): Promise<ReadImage> => {
    const ref = parseReference(claim.name)
    if (claim.digest) {
      ref.digest = claim.digest
      delete ref.tag
    }
    const key = `${formatReference(ref)}|${platform.os}/${platform.architecture}/${platform.variant ?? ''}`
    let pending = bases.get(key)
    if (!pending) {
      pending = read(ref, platform)
      pending.catch(() => undefined)
      bases.set(key, pending)
    }
    return pending
  }

  return {
    async attribute(scan, report) {
      const refused: LayerResult['refused'] = []
      const fromReport = (report.Metadata?.DiffIDs ?? []).filter((d) => DIFF_ID.test(d))
      let image: ReadImage | undefined
      if (!opts.offline) {
        try {
          // The platform Trivy analysed (its report says), so an index resolves to that child.
          image = await read(pinned(scan), platformOf(reportConfig(report), opts.platform))
        } catch (error) {
          opts.logger.info(
            `layers: ${scan.image} could not be read from its registry (${redactedMessage(error)}); its annotations and config are not used`,
          )
        }
      }
      const unknown = (why: string): LayerResult => {
        const { findings, counts } = attributeFindings(scan.findings, imageLayers, undefined)
        return {
          findings,
          layers: { base: null, unknown: why, imageLayers: imageLayers?.length, ...counts },
          refused,
        }
      }
      // The layers Trivy's DiffIDs refer to: the report's own list, else the image read now.
      let imageLayers: string[] | undefined = fromReport.length ? fromReport : image?.diffIds
      if (image && fromReport.length && !sameList(image.diffIds, fromReport)) {
        imageLayers = fromReport
        return unknown(
          `the image read from the registry (${image.digest}) has other layers than the one Trivy scanned (a tag that moved while it was scanned?), so its annotations cannot be used. Scan an image pinned by digest.`,
        )
      }
      if (!imageLayers?.length) {
        return unknown(
          'the Trivy report lists no layers (Metadata.DiffIDs) and the image could not be read',
        )
      }
      const layers = imageLayers
      const platform = platformOf(image?.config ?? reportConfig(report), opts.platform)

      const claims: Claim[] = []
      if (opts.dockerfile) {
        dockerfileBase ??= finalBase(opts.dockerfile)
        const { name, error } = await dockerfileBase
        if (name) claims.push({ how: 'dockerfile', name })
        if (error) refused.push({ how: 'dockerfile', message: `${scan.image}: ${error}` })
      }
      for (const [how, map] of [
        ['annotation', image?.annotations],
        ['annotation', image?.indexAnnotations],
        ['label', (image?.config ?? reportConfig(report))?.config?.Labels ?? undefined],
      ] as const) {
        const claim = claimOf(how, map)
        if (claim) claims.push(claim)
      }

      for (const claim of claims) {
        const source = describeClaim(claim)
        if (claim.name.toLowerCase() === 'scratch' && !claim.digest) {
          const { findings, counts } = attributeFindings(scan.findings, layers, 0)
          return {
            findings,
            layers: {
              base: { ref: 'scratch', how: claim.how, layers: 0 },
              imageLayers: layers.length,
              ...counts,
            },
            refused,
          }
        }
        let base: ReadImage
        try {
          base = await readBase(claim, platform)
        } catch (error) {
          refused.push({
            how: claim.how,
            message: `${scan.image}: ${source} could not be read (${redactedMessage(error)}), so no finding is attributed to it.`,
          })
          continue
        }
        const mismatch = prefixMismatch(base.diffIds, layers)
        if (mismatch) {
          refused.push({
            how: claim.how,
            message: `${scan.image}: ${source} is refused: ${mismatch}. Its layers are not the image's first layers, so the image was not built on it as it is now (a moved tag, or a false claim); no finding is attributed to it.`,
          })
          continue
        }
        const { findings, counts } = attributeFindings(scan.findings, layers, base.diffIds.length)
        return {
          findings,
          layers: {
            base: {
              ref: claim.digest ? `${claim.name.replace(/@.*$/, '')}@${claim.digest}` : claim.name,
              digest: base.digest,
              how: claim.how,
              layers: base.diffIds.length,
            },
            imageLayers: layers.length,
            ...counts,
          },
          refused,
        }
      }
      if (claims.length > 0) {
        return unknown(
          `no named base image could be confirmed from its layers (${claims.map(describeClaim).join('; ')})`,
        )
      }
      const history = baseLayersFromHistory(
        (image?.config ?? reportConfig(report))?.history,
        layers.length,
      )
      if ('unknown' in history) return unknown(`no base image is named, and ${history.unknown}`)
      const { findings, counts } = attributeFindings(scan.findings, layers, history.layers)
      return {
        findings,
        layers: {
          base: { how: 'history', layers: history.layers },
          imageLayers: layers.length,
          ...counts,
        },
        refused,
      }
    },
  }
}

function describeClaim(c: Claim): string {
  const where =
    c.how === 'dockerfile'
      ? "the Dockerfile's last FROM"
      : c.how === 'annotation'
        ? 'the base-image annotation'
        : 'the base-image label'
  // The name is the image's own text: shown with its control characters visible, on one line.
  return `${where} (${escapeField(c.name)}${c.digest ? `@${c.digest}` : ''})`
}

const DIGEST = /^sha256:[a-f0-9]{64}$/

function claimOf(
  how: Claim['how'],
  map: Record<string, string> | null | undefined,
): Claim | undefined {
  const name = map?.['org.opencontainers.image.base.name']?.trim()
  if (!name) return undefined
  const digest = map?.['org.opencontainers.image.base.digest']?.trim()
  return digest && DIGEST.test(digest) ? { how, name, digest } : { how, name }
}

async function finalBase(path: string): Promise<{ name?: string; error?: string }> {
  try {
    const base = analyzeDockerfile(await readFile(path, 'utf8'), path).finalBase
    // An ARG without a default: the Dockerfile does not say which image it was.
    return base && !base.includes('$') ? { name: base } : {}
  } catch (error) {
    return {
      error: `the dockerfile ${path} names no base image for the layer attribution (${redactedMessage(error)}).`,
    }
  }
}

/** The image Trivy analysed: by the digest it reported, so a moving tag reads the same image. */
function pinned(scan: ImageScan): ImageReference {
  const ref = parseReference(scan.image)
  if (scan.digest && !ref.digest) {
    ref.digest = scan.digest
    delete ref.tag
  }
  return ref
}

function reportConfig(report: TrivyReport): ImageConfig | undefined {
  return report.Metadata?.ImageConfig as ImageConfig | undefined
}

function platformOf(config: ImageConfig | undefined, fallback: string | undefined): Platform {
  if (config?.os && config.architecture) {
    const p: Platform = { os: config.os, architecture: config.architecture }
    if (config.variant) p.variant = config.variant
    return p
  }
  return parsePlatform(fallback ?? 'linux/amd64')
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((d, i) => b[i] === d)
}

async function readImage(
  client: RegistryClient,
  ref: ImageReference,
  platform: Platform | string,
): Promise<ReadImage> {
  const resolved = await client.resolve(ref, platform)
  const desc = resolved.manifest.config
  if (!(desc.size <= MAX_CONFIG_BYTES)) {
    throw new RegistryError(
      'too-large',
      `${formatReference(ref)}: the image config is declared as ${desc.size} bytes; an image config is far smaller, so the manifest is malformed or hostile.`,
    )
  }
  const bytes = await readBounded(
    () => client.getBlob(ref, desc.digest, { size: desc.size }),
    `download the config ${desc.digest} of ${formatReference(ref)}`,
    MAX_CONFIG_BYTES,
  )
  let config: ImageConfig
  try {
    config = JSON.parse(bytes.toString('utf8')) as ImageConfig
  } catch {
    throw new RegistryError(
      'invalid-response',
      `${formatReference(ref)}: the image config ${desc.digest} is not valid JSON.`,
    )
  }
  const diffIds = config?.rootfs?.diff_ids
  if (!Array.isArray(diffIds) || !diffIds.every((d) => typeof d === 'string' && DIFF_ID.test(d))) {
    throw new RegistryError(
      'invalid-response',
      `${formatReference(ref)}: the image config has no valid rootfs.diff_ids (sha256 digests).`,
    )
  }
  if (diffIds.length !== resolved.manifest.layers.length) {
    throw new RegistryError(
      'invalid-response',
      `${formatReference(ref)}: the config lists ${diffIds.length} layers and the manifest ${resolved.manifest.layers.length}.`,
    )
  }
  return {
    digest: resolved.digest,
    annotations: resolved.manifest.annotations ?? {},
    indexAnnotations: resolved.index
      ? await indexAnnotations(client, ref, resolved.index.digest)
      : {},
    config,
    diffIds,
  }
}

/** The index's own annotations (buildx may put the base there rather than on each child). */
async function indexAnnotations(
  client: RegistryClient,
  ref: ImageReference,
  digest: string,
): Promise<Record<string, string>> {
  const index = await client.getManifest(ref, digest)
  return (index.manifest as { annotations?: Record<string, string> }).annotations ?? {}
}

/** Runs `work` under an overall deadline, as the base-image check does. */
function withDeadline<T>(
  ms: number | undefined,
  what: string,
  work: (client: RegistryClient) => Promise<T>,
): (client: RegistryClient) => Promise<T> {
  if (ms === undefined) return work
  return async (client) => {
    const controller = new AbortController()
    const timer = setTimeout(
      () =>
        controller.abort(
          new RegistryError(
            'timeout',
            `${what} was not read within the ${ms / 1000} s timeout set for this scan.`,
          ),
        ),
      ms,
    )
    try {
      return await work(client.withSignal(controller.signal))
    } finally {
      clearTimeout(timer)
    }
  }
}
