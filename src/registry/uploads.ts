/** Blob uploads: POST then PUT (monolithic), skipped when the registry has the blob. */
import { hasBlob, sha256 } from './blobs.js'
import { RegistryError } from './errors.js'
import type { RegistryTransport } from './http.js'
import type { Descriptor } from './media-types.js'
import { formatRepository, type RepositoryRef } from './reference.js'

/** Uploads a blob (POST then PUT, monolithic); skipped when the registry already has it. */
export async function putBlob(
  t: RegistryTransport,
  repo: RepositoryRef,
  bytes: Buffer | Uint8Array,
  mediaType = 'application/octet-stream',
): Promise<Descriptor> {
  const body = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes)
  const digest = sha256(body)
  const descriptor: Descriptor = { mediaType, digest, size: body.length }
  if (await hasBlob(t, repo, digest)) return descriptor
  const what = `upload blob ${digest} to ${formatRepository(repo)}`
  const start = await t.request({
    repo,
    method: 'POST',
    path: 'blobs/uploads/',
    action: 'pull,push',
    what,
  })
  await start.body?.cancel()
  const location = start.headers.get('location')
  if (!location) {
    throw new RegistryError(
      'invalid-response',
      `${what}: the registry did not say where to upload (no Location header).`,
    )
  }
  const url = new URL(location, t.baseUrl(repo))
  url.searchParams.set('digest', digest)
  const done = await t.request({
    repo,
    method: 'PUT',
    path: url.toString(),
    action: 'pull,push',
    headers: { 'content-type': 'application/octet-stream' },
    body,
    what,
  })
  await done.body?.cancel()
  return descriptor
}
