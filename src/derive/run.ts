/**
 * Running a derivation plan: `trivy convert` for each image's SBOM and SARIF, then the SARIF
 * shaped and written in place. The pipeline plans (paths checked, inputs written) and starts
 * it before judging the findings, so Trivy's conversions, which take seconds on a large report,
 * run while the main thread judges and assembles the report. Plain data in and out.
 *
 * Tried and left (issue 13): shaping a large SARIF on a worker thread. On this 2-core machine it
 * saved nothing (20,000 findings: 1604 ms on the main thread, 1635 ms with the worker, 1571 ms
 * before; medians of 8 alternating runs): the worker's start and cold code, and its contention
 * with the main thread's parallel garbage collection, ate the overlap.
 */
import { type ConvertFormat, convertReport } from '../../scanners/trivy/convert.js'
import { readJsonText } from '../json-text.js'
import type { Logger } from '../logger.js'
import { isSarifLog, type ShapeOptions, shapeSarif } from '../report/sarif.js'
import { replaceWith } from '../report/sarif-write.js'
import { writeJsonTo } from '../report/write.js'

export interface ConvertStep {
  /** A Trivy JSON report. */
  input: string
  format: ConvertFormat
  output: string
}

export interface ImagePlan {
  sbom?: ConvertStep
  /** `path`: where the shaped SARIF goes, placed and checked by `openSarifTarget`. */
  sarif?: { convert: ConvertStep; shape: ShapeOptions; path: string }
}

export interface DerivationPlan {
  trivyPath: string
  images: ImagePlan[]
}

/** What was written for each image, in plan order; `error` stopped the rest. */
export interface DerivationOutcome {
  images: { sbom?: string; sarif?: string }[]
  error?: string
}

/**
 * Reads the SARIF `trivy convert` wrote, checks and shapes it, and writes it compact into `fd`
 * (bench/bench.ts times it).
 */
export function shapeSarifInto(input: string, shape: ShapeOptions, fd: number): void {
  // Read as the report itself is (src/json-text.ts).
  const parsed: unknown = JSON.parse(readJsonText(input))
  if (!isSarifLog(parsed)) throw new Error(`trivy convert wrote ${input}, which is not SARIF.`)
  // Compact and streamed: pretty-printing a 20,000-result log cost more than shaping it.
  writeJsonTo(fd, shapeSarif(parsed, shape))
}

const convert = (trivyPath: string, step: ConvertStep, logger: Logger) =>
  convertReport(trivyPath, step.input, step.format, step.output, logger)

/**
 * Image by image, so a job of many large reports holds one SARIF at a time. The SBOM is
 * converted while the SARIF is (two Trivy processes at once; each takes seconds on a large
 * report). The first failure stops the run; what was written before it is kept.
 */
export async function runDerivation(
  plan: DerivationPlan,
  logger: Logger,
): Promise<DerivationOutcome> {
  const images: DerivationOutcome['images'] = []
  try {
    for (const image of plan.images) {
      const done: DerivationOutcome['images'][number] = {}
      images.push(done)
      const sbom = image.sbom ? convert(plan.trivyPath, image.sbom, logger) : undefined
      // Awaited below; a SARIF failure first must not leave it an unhandled rejection.
      sbom?.catch(() => undefined)
      if (image.sarif) {
        const { convert: step, shape, path } = image.sarif
        const out = await convert(plan.trivyPath, step, logger)
        await replaceWith(path, (file) => shapeSarifInto(out, shape, file.fd))
        done.sarif = path
      }
      if (sbom) done.sbom = await sbom
    }
    return { images }
  } catch (error) {
    return { images, error: error instanceof Error ? error.message : String(error) }
  }
}
