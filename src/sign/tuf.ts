/**
 * One TUF client per job: the trust root (trust-root.ts) and the signing config
 * (signing-config.ts) come from the same Sigstore TUF repository, so the metadata is
 * refreshed once (timestamp, snapshot, targets) and each target downloaded once, however
 * many images are signed and verified. @sigstore/tuf's `getTrustedRoot` would build a second
 * client and refresh again.
 */
import type { TUF } from '@sigstore/tuf'

export interface TufOptions {
  /** Where TUF caches metadata (default: @sigstore/tuf's own cache directory). */
  tufCachePath?: string
  /** The TUF repository (default: Sigstore's public-good CDN); tests serve their own. */
  tufMirrorURL?: string
  /** root.json for `tufMirrorURL` (the public-good root ships with @sigstore/tuf). */
  tufRootPath?: string
}

export const PUBLIC_GOOD_TUF = 'https://tuf-repo-cdn.sigstore.dev'

const clients = new Map<string, Promise<TUF>>()

export function tufRepositoryName(o: TufOptions): string {
  return o.tufMirrorURL ?? PUBLIC_GOOD_TUF
}

/** The job's client for these options; a failed refresh is remembered (one error per job). */
export function tufClient(o: TufOptions = {}): Promise<TUF> {
  const key = JSON.stringify([o.tufMirrorURL, o.tufRootPath, o.tufCachePath])
  let client = clients.get(key)
  if (!client) {
    // TUF loads with the first fetch, not with this module: most runs never sign (issue 13).
    client = import('@sigstore/tuf').then(({ initTUF }) =>
      initTUF({
        ...(o.tufCachePath ? { cachePath: o.tufCachePath } : {}),
        ...(o.tufMirrorURL ? { mirrorURL: o.tufMirrorURL } : {}),
        ...(o.tufRootPath ? { rootPath: o.tufRootPath } : {}),
      }),
    )
    clients.set(key, client)
  }
  return client
}
