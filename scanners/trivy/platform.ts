/**
 * Maps a Node platform/arch pair to the Trivy release asset that serves it.
 * Asset names come from Trivy's goreleaser.yml: `{{.Version}}` has no `v`,
 * the OS is capitalised (`Linux`, `macOS`) except `windows`, and Windows ships a zip.
 */

export const TRIVY_PLATFORM_KEYS = [
  'linux-x64',
  'linux-arm64',
  'darwin-x64',
  'darwin-arm64',
  'win32-x64',
] as const

/** A runner platform Shipgate can install Trivy on, as `${process.platform}-${process.arch}`. */
export type TrivyPlatformKey = (typeof TRIVY_PLATFORM_KEYS)[number]

const ASSET_SUFFIX: Record<TrivyPlatformKey, string> = {
  'linux-x64': 'Linux-64bit.tar.gz',
  'linux-arm64': 'Linux-ARM64.tar.gz',
  'darwin-x64': 'macOS-64bit.tar.gz',
  'darwin-arm64': 'macOS-ARM64.tar.gz',
  'win32-x64': 'windows-64bit.zip',
}

export interface TrivyAsset {
  key: TrivyPlatformKey
  /** File name on the GitHub release, e.g. `trivy_0.75.0_Linux-64bit.tar.gz`. */
  name: string
  archive: 'tar.gz' | 'zip'
  /** Executable inside the archive, at its root. */
  binary: 'trivy' | 'trivy.exe'
}

export function isTrivyPlatformKey(value: string): value is TrivyPlatformKey {
  return (TRIVY_PLATFORM_KEYS as readonly string[]).includes(value)
}

/** `undefined` when Trivy publishes no build Shipgate supports for this runner. */
export function trivyPlatformKey(platform: string, arch: string): TrivyPlatformKey | undefined {
  const key = `${platform}-${arch}`
  return isTrivyPlatformKey(key) ? key : undefined
}

export function trivyAssetFor(version: string, key: TrivyPlatformKey): TrivyAsset {
  const isWindows = key === 'win32-x64'
  return {
    key,
    name: `trivy_${version}_${ASSET_SUFFIX[key]}`,
    archive: isWindows ? 'zip' : 'tar.gz',
    binary: isWindows ? 'trivy.exe' : 'trivy',
  }
}

export const TRIVY_RELEASES_BASE_URL = 'https://github.com/aquasecurity/trivy/releases/download'

/** The tag carries a `v`, the asset name does not. */
export function trivyAssetUrl(
  version: string,
  asset: TrivyAsset,
  baseUrl: string = TRIVY_RELEASES_BASE_URL,
): string {
  return `${baseUrl.replace(/\/+$/, '')}/v${version}/${asset.name}`
}
