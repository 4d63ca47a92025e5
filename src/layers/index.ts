/**
 * Layer attribution for the pipeline: runs the stage over every scanned image, replaces each
 * scan's findings with labelled ones, and turns what could not be known into warnings when it
 * matters to the gate (`fail-on-scope: app`) and into log lines when it does not.
 */
import { exactIdentity, toImageScan } from '../../scanners/trivy/normalize.js'
import type { TrivyReport } from '../../scanners/trivy/schema.js'
import type { Logger } from '../logger.js'
import type { FindingLayer, ImageScan, LayerAttribution } from '../model.js'
import type { PlatformScanned } from '../platforms/merge.js'
import { redactedMessage } from '../redact.js'
import { attributeFindings } from './attribute.js'
import type { LayerStage } from './stage.js'

export { attributeFindings, baseLayersFromHistory, prefixMismatch } from './attribute.js'
export type { LayerStage, LayerStageOptions } from './stage.js'

/**
 * A multi-platform image: each platform's findings are judged against that platform's own
 * layers (an arm64 finding's layer is not among amd64's), then the image's merged finding is
 * the base's only when it is on every platform it was found on; the app's when any says so.
 */
async function attributePlatforms(
  scan: ImageScan,
  platforms: PlatformScanned[],
  stage: LayerStage,
): Promise<Awaited<ReturnType<LayerStage['attribute']>>> {
  const judged = new Map<string, FindingLayer[]>()
  let first: Awaited<ReturnType<LayerStage['attribute']>> | undefined
  for (const p of platforms) {
    const own = toImageScan(p.report, { image: scan.image, artifacts: { trivyJson: p.trivyJson } })
    own.digest = p.digest
    const result = await stage.attribute(own, p.report)
    first ??= result
    for (const f of result.findings) {
      if (!f.layer) continue
      const id = exactIdentity(f)
      judged.set(id, [...(judged.get(id) ?? []), f.layer])
    }
  }
  const counts = { fromBase: 0, fromApp: 0, unattributed: 0 }
  for (const f of scan.findings) {
    const on = judged.get(exactIdentity(f)) ?? []
    const fromBase = on.some((l) => l.fromBase === false)
      ? false
      : on.length > 0 && on.every((l) => l.fromBase === true)
        ? true
        : null
    f.layer = { diffId: on[0]?.diffId ?? f.layer?.diffId ?? null, fromBase }
    if (fromBase === true) counts.fromBase++
    else if (fromBase === false) counts.fromApp++
    else counts.unattributed++
  }
  const layers = first?.layers ?? { base: null, unknown: 'no platform was attributed', ...counts }
  return {
    findings: scan.findings,
    layers: { ...layers, ...counts },
    refused: first?.refused ?? [],
  }
}

export async function attributeLayers(
  scanned: { scan: ImageScan; report: TrivyReport; platforms?: PlatformScanned[] }[],
  stage: LayerStage,
  opts: { app: boolean; logger: Logger; warnings: string[] },
): Promise<LayerAttribution[]> {
  const out: LayerAttribution[] = []
  for (const { scan, report, platforms } of scanned) {
    let layers: LayerAttribution
    try {
      const result = platforms?.length
        ? await attributePlatforms(scan, platforms, stage)
        : await stage.attribute(scan, report)
      scan.findings = result.findings
      layers = result.layers
      for (const r of result.refused) {
        // A Dockerfile FROM whose tag has moved on since the build is expected noise unless the
        // gate depends on it; an image's own false claim about its base never is.
        if (opts.app || r.how !== 'dockerfile') opts.warnings.push(r.message)
        else opts.logger.info(`layers: ${r.message}`)
      }
    } catch (error) {
      const { findings, counts } = attributeFindings(scan.findings, undefined, undefined)
      scan.findings = findings
      layers = {
        base: null,
        unknown: `the layer attribution failed: ${redactedMessage(error)}`,
        ...counts,
      }
    }
    if (layers.base) {
      const b = layers.base
      opts.logger.info(
        `layers: ${scan.image}: base ${b.ref ?? '(from history)'} (${b.how}), ${b.layers} of ${layers.imageLayers ?? '?'} layers; ${layers.fromBase} finding(s) from the base, ${layers.fromApp} from the image's own layers, ${layers.unattributed} unattributed`,
      )
    }
    if (layers.base === null) {
      const why = `${scan.image}: the base image is unknown (${layers.unknown ?? 'no source named it'})`
      // Fail closed, and say so: an unknown base never lets base-image findings pass quietly.
      if (opts.app) {
        opts.warnings.push(
          `${why}, so fail-on-scope app counts every finding of this image as the image's own. Give \`dockerfile\`, or build with the org.opencontainers.image.base.name/digest annotations.`,
        )
      } else opts.logger.info(`layers: ${why}; no finding is attributed to a base image.`)
    } else if (opts.app && layers.unattributed > 0) {
      opts.warnings.push(
        `${scan.image}: ${layers.unattributed} finding(s) have no layer Trivy named, or one the scanned image does not have, so fail-on-scope app counts them as the image's own.`,
      )
    }
    out.push(layers)
  }
  return out
}
