/**
 * What the real Trivy's `trivy convert` writes for a bench report, recorded before any timing:
 * bench/stand-in/trivy replays it, so Shipgate reads, reshapes and writes real-sized SARIF and
 * SBOMs (its own cost, measured) while Trivy's conversion time stays out of the figures.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { ROOT } from './reports.js'

function realTrivy(): string {
  const line = execFileSync(join(ROOT, 'scripts/peers.sh'), ['--print'], { encoding: 'utf8' })
    .split('\n')
    .find((l) => l.startsWith('trivy '))
  const bin = line?.split(' ')[2]
  if (!bin || !existsSync(bin)) {
    throw new Error(
      'bench: the real Trivy is not built; run scripts/peers.sh once (the bench replays its `trivy convert` output)',
    )
  }
  return bin
}

let trivy: string | undefined

function convert(input: string, format: string, dir: string): void {
  trivy ??= realTrivy()
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
  const parsed = JSON.parse(readFileSync(report, 'utf8')) as { Results?: Record<string, unknown>[] }
  const packages = join(dir, 'trivy.packages.json')
  writeFileSync(
    packages,
    JSON.stringify({
      ...parsed,
      Results: parsed.Results?.map(
        ({ Vulnerabilities: _v, Secrets: _s, Misconfigurations: _m, ...rest }) => rest,
      ),
    }),
  )
  convert(packages, 'cyclonedx', dir)
}
