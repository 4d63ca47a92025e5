/**
 * The SBOM as a workflow artifact, whether or not signing runs or succeeds: an SBOM made by
 * the scan is never lost because a later step failed, nor because the artifact service is
 * missing (GitHub Enterprise Server) or failing. The file then stays on disk, named by the
 * `sbom` output and the report, for a later step to keep.
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { basename, dirname } from 'node:path'
import type { Logger } from '../logger.js'
import { redactedMessage } from '../redact.js'

/** What the pipeline needs from @actions/artifact (tests and the CLI pass their own). */
export interface ArtifactUploader {
  upload(
    name: string,
    files: string[],
    rootDirectory: string,
  ): Promise<{ id?: number; size?: number }>
}

/**
 * The job cannot use the artifact service at all (GHES, not a workflow run, the service not
 * there or not answering): said once, and no further upload is tried in this job.
 */
export class ArtifactServiceUnavailable extends Error {
  override name = 'ArtifactServiceUnavailable'
}

/** Uploaders whose service turned out to be unavailable, with the reason already warned about. */
const unavailable = new WeakMap<ArtifactUploader, string>()

/** Artifact names allow neither `/` nor `:`; keep them readable and unique per image. */
export function sbomArtifactName(image: string, format: string): string {
  const safe = image.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^_+|_+$/g, '')
  return `sbom-${format}-${safe}`.slice(0, 200)
}

/** Uploads the SBOM; a failed upload is a warning (the file is still on disk and in the report). */
export async function uploadSbom(
  uploader: ArtifactUploader,
  sbomPath: string,
  image: string,
  format: string,
  logger: Logger,
): Promise<{ name: string; id?: number } | undefined> {
  const name = sbomArtifactName(image, format)
  const known = unavailable.get(uploader)
  if (known !== undefined) {
    logger.info(`The SBOM of ${image} stays at ${sbomPath} (not uploaded: ${known}).`)
    return undefined
  }
  try {
    const result = await uploader.upload(name, [sbomPath], dirname(sbomPath))
    // The digest of the file itself (the artifact is a zip of it), so a reader can match them.
    const digest = createHash('sha256')
      .update(await readFile(sbomPath))
      .digest('hex')
    logger.info(
      `Uploaded SBOM ${basename(sbomPath)} (sha256:${digest}) as workflow artifact ${name}${result.id === undefined ? '' : ` (id ${result.id})`}`,
    )
    return result.id === undefined ? { name } : { name, id: result.id }
  } catch (error) {
    const reason = redactedMessage(error).replace(/[.\s]+$/, '')
    if (error instanceof ArtifactServiceUnavailable) unavailable.set(uploader, reason)
    logger.warning(
      `The SBOM was not uploaded as workflow artifact ${name}: ${reason}. It stays at ${sbomPath} (the \`sbom\` output names the first SBOM, the report every one) until the job ends: to keep it, upload that path in a later step (on GitHub Enterprise Server with actions/upload-artifact@v3).`,
    )
    return undefined
  }
}
