/**
 * What a `compare-to` value names, from its syntax alone. Apart from src/baseline.ts (which
 * reads reports) so that resolving the settings does not load the report parsers (issue 13).
 */
import { InputError, type Label, parseImages } from './inputs.js'

/** Where a baseline comes from: a report file on disk, or an image to scan. */
export type BaselineSource = { kind: 'report'; path: string } | { kind: 'image'; image: string }

const REPORT_PREFIX = 'report:'

function hasTagOrDigest(reference: string): boolean {
  return reference.includes('@') || (reference.split('/').at(-1) ?? '').includes(':')
}

/**
 * What a `compare-to` value is, from its syntax alone: never from whether a file of that name
 * happens to exist. A pull request controls its checkout, so a file named like the base image
 * (folder `ghcr.io/acme/`, file `app:main`) would otherwise become a forged baseline.
 *
 * - `report:<path>`, or a path starting with `./`, `../` or `/`: a Shipgate or Trivy JSON report.
 * - anything else: an image reference (the `image` input's rule).
 * A bare `base.json` is neither, so it is refused with the way to write it.
 */
export function classifyBaseline(value: string, label: Label = 'compare-to'): BaselineSource {
  const v = value.trim()
  if (v.startsWith(REPORT_PREFIX)) {
    const path = v.slice(REPORT_PREFIX.length).trim()
    if (!path) {
      throw new InputError(label, `"${value}" names no file; write report:path/to/report.json.`)
    }
    return { kind: 'report', path }
  }
  if (/^(\.{1,2}\/|\/)/.test(v)) return { kind: 'report', path: v }
  // `base.json` is meant as a file far more often than as an image repository of that name; an
  // image is still expressible with a tag or digest (`app.json:latest`), so refusing is safe.
  if (/\.json$/i.test(v) && !hasTagOrDigest(v)) {
    throw new InputError(
      label,
      `"${value}" reads as an image reference, yet looks like a file. A report must be written unambiguously: ./${v} (relative to the working directory: the workspace in the action), an absolute path, or report:${v}.`,
    )
  }
  const [image] = parseImages(v, label)
  if (!image) throw new InputError(label, 'is empty; give an image reference or ./report.json.')
  return { kind: 'image', image }
}
