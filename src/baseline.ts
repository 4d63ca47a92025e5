import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { toImageScan } from '../scanners/trivy/normalize.js'
import { parseTrivyReport } from '../scanners/trivy/parse.js'
import type { BaselineRecord, Finding, ShipgateReport } from './model.js'

export { type BaselineSource, classifyBaseline } from './baseline-source.js'

/**
 * Findings of a baseline report: Shipgate's own JSON report (from an earlier run) or a Trivy
 * JSON report. With a multi-image Shipgate report, the image of the same name is used. The
 * SHA-256 is of the very bytes read, so the record names exactly what the comparison used.
 */
export async function baselineFindings(
  path: string,
  image: string,
): Promise<{ findings: Finding[]; record: BaselineRecord }> {
  const bytes = await readFile(path)
  const record: BaselineRecord = {
    kind: 'report',
    path,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  }
  const text = bytes.toString('utf8')
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
    if (!Array.isArray(match.findings)) {
      throw new Error(`compare-to ${path}: ${match.image} lists no findings to compare with.`)
    }
    return { findings: match.findings.map((f) => f.finding), record }
  }
  const findings = toImageScan(parseTrivyReport(text, path), {
    artifacts: { trivyJson: path },
  }).findings
  return { findings, record }
}
