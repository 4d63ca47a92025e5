/**
 * ArtifactUploader over @actions/artifact v6: the results service of github.com and GHE.com.
 * GitHub Enterprise Server has no such service (upload-artifact@v4+ and the toolkit's v2+
 * client are not supported there), so it is recognised before anything is loaded or sent.
 */
import * as core from '@actions/core'
import { REDACTED, redact, registerSecret } from '../redact.js'
import { isLoopbackHost } from '../registry/reference.js'
import { ArtifactServiceUnavailable, type ArtifactUploader } from './sbom-artifact.js'

/**
 * Why this job cannot reach the toolkit's artifact service, or undefined when it can. The GHES
 * rule is the toolkit's own `isGhes()` (internal/shared/config.ts): any server but github.com,
 * `*.ghe.com` and `*.localhost`.
 */
export function artifactServiceUnavailable(env: NodeJS.ProcessEnv): string | undefined {
  if (!env.ACTIONS_RUNTIME_TOKEN)
    return 'ACTIONS_RUNTIME_TOKEN is not set (this is not a GitHub Actions job)'
  const server = env.GITHUB_SERVER_URL || 'https://github.com'
  let host: string
  try {
    host = new URL(server).hostname.toLowerCase()
  } catch {
    return `GITHUB_SERVER_URL "${server}" is not a URL`
  }
  if (host !== 'github.com' && !host.endsWith('.ghe.com') && !host.endsWith('.localhost'))
    return `${host} is GitHub Enterprise Server, which does not have the artifact service @actions/artifact v2+ uses`
  if (!env.ACTIONS_RESULTS_URL)
    return 'ACTIONS_RESULTS_URL is not set (the runner did not name an artifact service)'
  let results: URL
  try {
    results = new URL(env.ACTIONS_RESULTS_URL)
  } catch {
    return `ACTIONS_RESULTS_URL "${env.ACTIONS_RESULTS_URL}" is not a URL`
  }
  // The runtime token goes to this origin as a bearer: never in clear text off this machine.
  if (results.protocol !== 'https:' && !isLoopbackHost(results.host))
    return `ACTIONS_RESULTS_URL ${results.origin} is not HTTPS, and the runtime token is not sent in clear text`
  return undefined
}

export function actionsArtifactUploader(): ArtifactUploader {
  let client: Promise<import('@actions/artifact').ArtifactClient> | undefined
  return {
    async upload(name, files, rootDirectory) {
      const unavailable = artifactServiceUnavailable(process.env)
      if (unavailable) throw new ArtifactServiceUnavailable(unavailable)
      if (!client) {
        // Masked before the client reads it: its requests and errors may carry it.
        const token = process.env.ACTIONS_RUNTIME_TOKEN as string
        core.setSecret(token)
        registerSecret(token)
      }
      client ??= import('@actions/artifact').then((m) => new m.DefaultArtifactClient())
      const artifacts = await client
      try {
        const { id, size } = await throughRedaction(() =>
          artifacts.uploadArtifact(name, files, rootDirectory),
        )
        const out: { id?: number; size?: number } = {}
        if (id !== undefined) out.id = id
        if (size !== undefined) out.size = size
        return out
      } catch (error) {
        throw classify(error)
      }
    },
  }
}

/**
 * A service that is not there (Twirp `bad_route` 404, nothing listening, retries exhausted)
 * stays unavailable for the rest of the job; anything else concerns this one artifact.
 */
function classify(error: unknown): Error {
  const message = redactLine(error instanceof Error ? error.message : String(error))
  const gone =
    /\(404\)|Unable to make request: E[A-Z]+|Failed to make request after \d+ attempts/.test(
      message,
    )
  return gone ? new ArtifactServiceUnavailable(message) : new Error(message)
}

/**
 * Shipgate's redaction, plus the `sig` of a SAS URL (the signed upload URL is a write credential
 * for the blob; the toolkit prints it in its debug lines, relying on the runner's mask).
 */
function redactLine(text: string): string {
  return redact(text).replace(/([?&]sig=)[^&"'\s]+/g, `$1${REDACTED}`)
}

/** The client's catch-all warning, which Shipgate replaces with one that says what to do. */
const TOOLKIT_WARNING = '::warning::Artifact upload failed with error:'

// Uploads of several images may overlap: the filter is installed by the first and removed by the
// last, so an early finisher never restores the stream under a later one (or leaves it wrapped).
let uploadsInFlight = 0
let unfilteredWrite: typeof process.stdout.write | undefined

/**
 * Runs `upload` with everything the toolkit prints passed through `redact`: it logs the
 * service's error bodies (retry notes, debug lines) before Shipgate sees the error, and adds a
 * generic warning of its own on every failure ("try again, check githubstatus.com"), which on a
 * missing service is wrong and would make two warnings of one failure.
 */
async function throughRedaction<T>(upload: () => Promise<T>): Promise<T> {
  if (uploadsInFlight++ === 0) {
    unfilteredWrite = process.stdout.write
    process.stdout.write = redactingWrite(unfilteredWrite) as typeof process.stdout.write
  }
  try {
    return await upload()
  } finally {
    if (--uploadsInFlight === 0 && unfilteredWrite) {
      process.stdout.write = unfilteredWrite
      unfilteredWrite = undefined
    }
  }
}

function redactingWrite(write: typeof process.stdout.write) {
  return function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]) {
    if (typeof chunk === 'string' || Buffer.isBuffer(chunk)) {
      const text = chunk.toString()
      if (text.startsWith(TOOLKIT_WARNING)) {
        const callback = rest.find((r) => typeof r === 'function') as (() => void) | undefined
        callback?.()
        return true
      }
      return write.call(this, redactLine(text), ...(rest as [])) as boolean
    }
    return write.call(this, chunk as string, ...(rest as [])) as boolean
  }
}
