/** ArtifactUploader over @actions/artifact (GitHub Actions only). */
import { DefaultArtifactClient } from '@actions/artifact'
import type { ArtifactUploader } from './sbom-artifact.js'

export function actionsArtifactUploader(): ArtifactUploader {
  const client = new DefaultArtifactClient()
  return {
    async upload(name, files, rootDirectory) {
      const { id, size } = await client.uploadArtifact(name, files, rootDirectory)
      const out: { id?: number; size?: number } = {}
      if (id !== undefined) out.id = id
      if (size !== undefined) out.size = size
      return out
    },
  }
}
