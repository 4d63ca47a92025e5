/**
 * The SBOM as a workflow artifact, whether or not signing runs or succeeds: an SBOM made by
 * the scan is never lost because a later step failed.
 */
import { basename, dirname } from 'node:path'
import type { Logger } from '../logger.js'

/** What the pipeline needs from @actions/artifact (tests and the CLI pass their own). */
export interface ArtifactUploader {
  upload(
    name: string,
    files: string[],
    rootDirectory: string,
  ): Promise<{ id?: number; size?: number }>
}

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
  try {
    const result = await uploader.upload(name, [sbomPath], dirname(sbomPath))
    logger.info(`Uploaded SBOM ${basename(sbomPath)} as workflow artifact ${name}`)
    return result.id === undefined ? { name } : { name, id: result.id }
  } catch (error) {
    logger.warning(
      `Could not upload the SBOM ${sbomPath} as workflow artifact ${name}: ${(error as Error).message}. The file is still at ${sbomPath}.`,
    )
    return undefined
  }
}
