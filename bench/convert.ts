/**
 * What the real Trivy's `trivy convert` writes for a bench report, recorded before any timing:
 * bench/stand-in/trivy replays it, so Shipgate reads, reshapes and writes real-sized SARIF and
 * SBOMs (its own cost, measured) while Trivy's conversion time stays out of the figures.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { packagesOnly } from '../scanners/trivy/normalize.js'
import { requirePeer } from '../test/support/peers.js'

let trivy: string | undefined

function convert(input: string, format: string, dir: string): void {
  // The real Trivy scripts/peers.sh built; a clear error naming it when it is not built.
  trivy ??= requirePeer('trivy').path
  const output = join(dir, `${basename(input)}.${format}`)
  execFileSync(trivy, ['convert', '--quiet', '--format', format, '--output', output, input], {
    stdio: ['ignore', 'ignore', 'inherit'],
  })
}

/**
 * Record into `dir` (one directory per report: names collide across reports) what the real
 * Trivy converts from `report`: SARIF from the report itself (Shipgate converts the file when
 * it judged it verbatim), and the SBOM from the packages-only report Shipgate writes as
 * `trivy.packages.json` (scanners/trivy/normalize.ts packagesOnly).
 */
export function recordConversions(report: string, dir: string): void {
  mkdirSync(dir, { recursive: true })
  convert(report, 'sarif', dir)
  const packages = join(dir, 'trivy.packages.json')
  writeFileSync(packages, JSON.stringify(packagesOnly(JSON.parse(readFileSync(report, 'utf8')))))
  convert(packages, 'cyclonedx', dir)
}
