/**
 * Layer attribution for the pipeline: runs the stage over every scanned image, replaces each
 * scan's findings with labelled ones, and turns what could not be known into warnings when it
 * matters to the gate (`fail-on-scope: app`) and into log lines when it does not.
 */
import type { TrivyReport } from '../../scanners/trivy/schema.js'
import type { Logger } from '../logger.js'
import type { ImageScan, LayerAttribution } from '../model.js'
import { redactedMessage } from '../redact.js'
import { attributeFindings } from './attribute.js'
import type { LayerStage } from './stage.js'

export { attributeFindings, baseLayersFromHistory, prefixMismatch } from './attribute.js'
export { type LayerStage, type LayerStageOptions, layerStage } from './stage.js'

export async function attributeLayers(
  scanned: { scan: ImageScan; report: TrivyReport }[],
  stage: LayerStage,
  opts: { app: boolean; logger: Logger; warnings: string[] },
): Promise<LayerAttribution[]> {
  const out: LayerAttribution[] = []
  for (const { scan, report } of scanned) {
    let layers: LayerAttribution
    try {
      const result = await stage.attribute(scan, report)
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
