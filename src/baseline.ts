import { readFile, stat } from 'node:fs/promises'
import { toImageScan } from '../scanners/trivy/normalize.js'
import { parseTrivyReport } from '../scanners/trivy/parse.js'
import { parseImages } from './inputs.js'
import type { Finding, ShipgateReport } from './model.js'

/** Where a baseline comes from: a report file on disk, or an image to scan. */
export type BaselineSource = { kind: 'file'; path: string } | { kind: 'image'; image: string }

/** A path that exists is a report; anything else must be an image reference. */
export async function classifyBaseline(value: string): Promise<BaselineSource> {
  try {
    if ((await stat(value)).isFile()) return { kind: 'file', path: value }
  } catch {
    // not a file: an image reference
  }
  // Same rule as the `image` input: throws naming `compare-to` for anything else.
  const [image] = parseImages(value, 'compare-to')
  if (!image) throw new Error('compare-to is empty.')
  return { kind: 'image', image }
}

/**
 * Findings of a baseline report: Shipgate's own JSON report (from an earlier run) or a Trivy
 * JSON report. With a multi-image Shipgate report, the image of the same name is used.
 */
export async function baselineFindings(path: string, image: string): Promise<Finding[]> {
  const text = await readFile(path, 'utf8')
  let root: unknown
  try {
    root = JSON.parse(text)
  } catch {
    throw new Error(
      `compare-to ${path} is not JSON; give a Shipgate or Trivy JSON report, or an image reference.`,
    )
  }
  if ((root as ShipgateReport)?.schema === 'shipgate.report/v1') {
    const report = root as ShipgateReport
    const match =
      report.images.find((i) => i.image === image) ??
      (report.images.length === 1 ? report.images[0] : undefined)
    if (!match) {
      throw new Error(
        `compare-to ${path} is a Shipgate report of ${report.images.map((i) => i.image).join(', ')}, none of which is ${image}.`,
      )
    }
    return match.findings.map((f) => f.finding)
  }
  return toImageScan(parseTrivyReport(text, path), { artifacts: { trivyJson: path } }).findings
}
