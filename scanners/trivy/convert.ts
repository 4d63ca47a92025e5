import { dirname, resolve } from 'node:path'
import { childEnv } from '../../src/child-env.js'
import type { Logger } from '../../src/logger.js'
import { failureOf, runProgram } from '../../src/program.js'
import { command, TrivyRunError, tail } from './process.js'

export type ConvertFormat = 'sarif' | 'cyclonedx' | 'spdx-json'

/** `trivy convert`: no DB, no network, no second analysis of the image. */
export async function convertReport(
  trivyPath: string,
  input: string,
  format: ConvertFormat,
  output: string,
  logger: Logger,
  env?: NodeJS.ProcessEnv,
): Promise<string> {
  // Absolute paths and Shipgate's own directory as cwd: no configuration from the checkout.
  const outputPath = resolve(output)
  const args = ['convert', '--format', format, '--output', outputPath, resolve(input)]
  logger.info(`[command]${trivyPath} ${args.join(' ')}`)
  const result = await runProgram(command(trivyPath), args, {
    timeoutMs: 300_000,
    cwd: dirname(outputPath),
    env: {
      ...childEnv(),
      TRIVY_DISABLE_TELEMETRY: 'true',
      TRIVY_SKIP_VERSION_CHECK: 'true',
      ...env,
    },
  })
  if (result.failed) {
    throw new TrivyRunError(
      `trivy convert --format ${format} failed for ${input} (${failureOf(result)}).\n${tail(result.stderr ?? '')}`,
    )
  }
  return output
}
