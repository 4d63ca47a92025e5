import { tmpdir } from 'node:os'
import { join } from 'node:path'
/** What every part of the action shell shares: inputs, the log, links, registry access. */
import * as core from '@actions/core'
import { escapeLog } from '../github/workflow-commands.js'
import { parseImages } from '../inputs.js'
import type { Logger } from '../logger.js'
import { registerSecret } from '../redact.js'
import { parseRegistryHost, type RegistryLogin, registryLogin } from '../registry/login.js'

/**
 * `core.info` prints raw, so a line of outside text starting with `::` would be a workflow
 * command: `info` neutralises such lines. `debug` and `warning` are commands themselves, and
 * @actions/core escapes their line breaks.
 */
export const info = (message: string) => core.info(escapeLog(message))

export const actionLogger: Logger = {
  debug: (m) => core.debug(m),
  info,
  warning: (m) => core.warning(m),
}

export const getInput = (name: string) => core.getInput(name)

/**
 * `registry-username`/`registry-password` and the one host they are for: the `registry`
 * input, else the first image's host (masked as soon as read).
 */
export function actionRegistryLogin(): RegistryLogin | undefined {
  const password = getInput('registry-password')
  if (password) {
    core.setSecret(password)
    registerSecret(password)
  }
  return registryLogin({
    username: getInput('registry-username') || undefined,
    password: password || undefined,
    registry: parseRegistryHost(getInput('registry'), 'registry'),
    images: parseImages(getInput('image')),
  })
}

/** Where the full result can be read: the run page shows every job summary. */
export function runUrl(): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run } = process.env
  if (!server || !repo || !run) return undefined
  const attempt = process.env.GITHUB_RUN_ATTEMPT
  return `${server}/${repo}/actions/runs/${run}${attempt ? `/attempts/${attempt}` : ''}`
}

/** Where the job keeps Trivy's DB: prepared by action/trivy.ts, read for the gate verdict. */
export function trivyCacheDir(): string {
  return join(process.env.RUNNER_TEMP || tmpdir(), 'shipgate-trivy-cache')
}
