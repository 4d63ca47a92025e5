import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { toImageScan } from '../../scanners/trivy/normalize.js'
import { parseTrivyReport } from '../../scanners/trivy/parse.js'
import type { ImageScan } from '../../src/model.js'

export const FIXTURES = fileURLToPath(new URL('../fixtures/trivy/', import.meta.url))

export function fixturePath(name: string): string {
  return `${FIXTURES}${name}`
}

/** A real Trivy report from test/fixtures/trivy, parsed and normalized as the pipeline does. */
export function scanFixture(name: string, image?: string): ImageScan {
  const path = fixturePath(name)
  const report = parseTrivyReport(readFileSync(path, 'utf8'), path)
  return toImageScan(report, { image, artifacts: { trivyJson: path } })
}

/** Every file under test/fixtures/trivy that is a Trivy JSON report (the others are SARIF/SBOMs). */
export const JSON_REPORTS = [
  'alpine-310.json.golden',
  'amazon-2.json.golden',
  'centos-7.json.golden',
  'convert__npm-with-suppressed.json.golden',
  'debian-buster-ignore-unfixed.json.golden',
  'debian-buster.json.golden',
  'distroless-base.json.golden',
  'dockerfile.json.golden',
  'fluentd-gems.json.golden',
  'gomod.json.golden',
  'npm.json.golden',
  'secrets.json.golden',
  'securecodebox__juice-shop-v10.2.0.json',
  'sl-micro-rancher5.4.json.golden',
  'ubuntu-1804.json.golden',
]
export const OTHER_FORMATS = [
  'alpine-310.sarif.golden',
  'alpine-310.gsbom.golden',
  'conda-spdx.json.golden',
  'fluentd-multiple-lockfiles.cdx.json.golden',
  'npm-cyclonedx.json.golden',
  'trivy-docs__alpine-3.15.spdx.json',
]
