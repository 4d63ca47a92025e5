import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { access, constants, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { childEnv } from '../../src/child-env.js'
import type { Logger } from '../../src/logger.js'
import { type ExecAdapter, programExecWith } from '../../src/program.js'
import type { TrustedRoot } from '../../src/sign/trust-root.js'
import {
  COMPROMISED_TRIVY_VERSIONS,
  DEFAULT_TRIVY_VERSION,
  pinnedChecksum,
  pinnedVersions,
} from './checksums.js'
import { TrivyInstallError, type TrivyInstallErrorCode } from './install-error.js'
import {
  TRIVY_PLATFORM_KEYS,
  TRIVY_RELEASES_BASE_URL,
  type TrivyAsset,
  trivyAssetFor,
  trivyAssetUrl,
  trivyPlatformKey,
} from './platform.js'
import {
  bundleName,
  FIRST_BUNDLED_TRIVY_VERSION,
  hasSigstoreBundle,
  TrivySignatureError,
  trivyReleaseIdentity,
  verifyTrivySignature,
} from './signature.js'
import { validVersion } from './versions.js'

export const TRIVY_VERSION_INPUT = 'trivy-version'
export const TRIVY_CHECKSUM_INPUT = 'trivy-checksum'
const TOOL_NAME = 'trivy'

/** The slice of `@actions/tool-cache` Shipgate uses, so tests and the CLI can supply their own. */
export interface ToolCacheAdapter {
  find(tool: string, version: string, arch: string): string | Promise<string>
  downloadTool(url: string): Promise<string>
  extractTar(file: string): Promise<string>
  extractZip(file: string): Promise<string>
  cacheDir(dir: string, tool: string, version: string, arch: string): Promise<string>
}

export function createToolCacheAdapter(): ToolCacheAdapter {
  // Loaded on first use: a Trivy found on PATH never needs it (nor its HTTP client) (issue 13).
  const load = () => import('@actions/tool-cache')
  return {
    find: async (tool, version, arch) => (await load()).find(tool, version, arch),
    downloadTool: async (url) => (await load()).downloadTool(url),
    extractTar: async (file) => (await load()).extractTar(file),
    extractZip: async (file) => (await load()).extractZip(file),
    cacheDir: async (dir, tool, version, arch) => (await load()).cacheDir(dir, tool, version, arch),
  }
}

export type { ExecAdapter, ExecResult } from '../../src/program.js'

/** Never the runner's job tokens or the action's inputs (child-env.ts). */
export const programExec: ExecAdapter = programExecWith((env) => childEnv(env ?? process.env))

export { TrivyInstallError, type TrivyInstallErrorCode }

export interface InstallTrivyOptions {
  /** `trivy-version` input; empty means the pinned default. `v` prefix accepted. */
  version?: string
  /** `trivy-checksum` input: SHA-256 of the release archive for this runner. */
  checksum?: string
  platform?: NodeJS.Platform
  arch?: string
  /** Where release assets are fetched from; tests point it at a local server. */
  downloadBaseUrl?: string
  /** Reuse a `trivy` on PATH when it reports exactly the requested version. Default true. */
  reusePath?: boolean
}

export interface InstallTrivyDeps {
  toolCache: ToolCacheAdapter
  exec: ExecAdapter
  logger: Logger
  /** Read for PATH (and PATHEXT on Windows). */
  env: NodeJS.ProcessEnv
  /**
   * The Sigstore trust root Trivy's signatures are checked against. Default: the public-good
   * root fetched through TUF once per job (tests hand in their mock's root).
   */
  trustedRoot?: () => Promise<TrustedRoot>
}

let publicGoodRoot: Promise<TrustedRoot> | undefined

/**
 * The public-good Sigstore root via TUF, fetched at most once per process and cached on disk
 * under RUNNER_TEMP, which lives exactly as long as the job.
 */
export function publicGoodTrustedRoot(): Promise<TrustedRoot> {
  // TUF loads only when a download's signature is checked (issue 13).
  publicGoodRoot ??= import('../../src/sign/trust-root.js')
    .then(({ loadTrustedRoot }) =>
      loadTrustedRoot({
        tufCachePath: path.join(process.env.RUNNER_TEMP || tmpdir(), 'shipgate-sigstore-tuf'),
      }),
    )
    .catch((error: unknown) => {
      publicGoodRoot = undefined
      throw error
    })
  return publicGoodRoot
}

export interface InstalledTrivy {
  /** Absolute path of the executable. */
  path: string
  /** Directory holding it, for `core.addPath`. */
  dir: string
  version: string
  source: 'path' | 'tool-cache' | 'download'
}

/**
 * Makes a verified Trivy available: reuses one on PATH or in the tool cache at the exact
 * version, otherwise downloads the release archive and installs it only when
 * - its Sigstore bundle verifies as signed by Trivy's release workflow for that tag, and
 * - its SHA-256 equals the value pinned in Shipgate or given in `trivy-checksum`, when
 *   there is one (a second check, independent of Trivy's own pipeline).
 * Releases before 0.68.1 carry no bundle: those need the checksum alone.
 */
export async function installTrivy(
  opts: InstallTrivyOptions,
  deps: InstallTrivyDeps,
): Promise<InstalledTrivy> {
  const { logger } = deps
  const version = await parseTrivyVersion(opts.version)
  refuseCompromised(version)

  const platform = opts.platform ?? process.platform
  const arch = opts.arch ?? process.arch
  const key = trivyPlatformKey(platform, arch)
  if (!key) {
    throw new TrivyInstallError(
      'unsupported-platform',
      `Shipgate cannot install Trivy on ${platform}/${arch}: supported runners are ${TRIVY_PLATFORM_KEYS.join(', ')}. ` +
        'Install Trivy yourself in an earlier step (it is reused when it reports the requested version).',
    )
  }
  const asset = trivyAssetFor(version, key)
  // Validate a given checksum up front so a typo fails fast, even when no download is needed.
  const given = normalizeChecksumInput(version, asset, opts.checksum)

  if (opts.reusePath !== false) {
    const onPath = await findTrivyOnPath(version, deps)
    if (onPath) return onPath
  }

  const cachedDir = await deps.toolCache.find(TOOL_NAME, version, arch)
  if (cachedDir) {
    const binary = path.join(cachedDir, asset.binary)
    if (await isFile(binary)) {
      logger.info(`Using Trivy ${version} from the tool cache (${cachedDir}).`)
      return { path: binary, dir: cachedDir, version, source: 'tool-cache' }
    }
    logger.warning(`Tool cache entry ${cachedDir} has no ${asset.binary}; downloading again.`)
  }

  const signed = await hasSigstoreBundle(version)
  const expected =
    given ?? (signed ? pinnedChecksum(version, asset.key) : requirePinnedChecksum(version, asset))
  const url = trivyAssetUrl(version, asset, opts.downloadBaseUrl ?? TRIVY_RELEASES_BASE_URL)
  logger.info(`Downloading Trivy ${version} from ${url}`)
  let archive: string
  try {
    archive = await deps.toolCache.downloadTool(url)
  } catch (cause) {
    throw new TrivyInstallError(
      'download-failed',
      `Could not download ${asset.name} from ${url}: ${errorMessage(cause)}. ` +
        `Check that Trivy ${version} exists and that the runner can reach github.com.`,
      { cause },
    )
  }

  const actual = await sha256File(archive)
  if (expected !== undefined && actual !== expected) {
    await rm(archive, { force: true })
    throw new TrivyInstallError(
      'checksum-mismatch',
      `Refusing ${asset.name}: its SHA-256 is ${actual} but ${expected} was expected ` +
        `(${opts.checksum ? `from the "${TRIVY_CHECKSUM_INPUT}" input` : "from Shipgate's pinned checksum table"}). ` +
        `The download from ${url} may have been tampered with or truncated; nothing was installed.`,
      { input: opts.checksum ? TRIVY_CHECKSUM_INPUT : undefined },
    )
  }
  if (signed) {
    try {
      await verifyDownloadedSignature(version, asset, archive, url, deps)
    } catch (error) {
      await rm(archive, { force: true })
      throw error
    }
  }
  logger.info(
    `Verified ${asset.name} (sha256 ${actual}${
      expected === undefined
        ? `; not in Shipgate's checksum table, trusted on its signature alone`
        : given
          ? `, equal to "${TRIVY_CHECKSUM_INPUT}"`
          : `, equal to Shipgate's pinned table`
    }).`,
  )

  let extracted: string
  try {
    extracted =
      asset.archive === 'zip'
        ? await deps.toolCache.extractZip(archive)
        : await deps.toolCache.extractTar(archive)
  } catch (cause) {
    throw new TrivyInstallError(
      'broken-archive',
      `Could not extract ${asset.name}: ${errorMessage(cause)}`,
      { cause },
    )
  } finally {
    await rm(archive, { force: true })
  }
  if (!(await isFile(path.join(extracted, asset.binary)))) {
    throw new TrivyInstallError(
      'broken-archive',
      `${asset.name} passed its checksum but holds no ${asset.binary} at its root; nothing was installed.`,
    )
  }

  const dir = await deps.toolCache.cacheDir(extracted, TOOL_NAME, version, arch)
  const binary = path.join(dir, asset.binary)
  // Only a binary built for this machine can be asked for its version.
  if (platform === process.platform && arch === process.arch) {
    const reported = await reportedVersion(binary, deps.exec)
    if (reported !== version) {
      throw new TrivyInstallError(
        'binary-check-failed',
        `Installed ${binary} but it reports version ${reported ?? '(none)'} instead of ${version}.`,
      )
    }
  }
  logger.info(`Installed Trivy ${version} at ${binary}.`)
  return { path: binary, dir, version, source: 'download' }
}

/** Accepts `0.75.0` or `v0.75.0`; refuses ranges, tags like `latest`, and anything else. */
export async function parseTrivyVersion(input: string | undefined): Promise<string> {
  const raw = (input ?? '').trim()
  if (raw === '') return DEFAULT_TRIVY_VERSION
  if (raw.toLowerCase() === 'latest') {
    throw new TrivyInstallError(
      'invalid-version',
      `"${TRIVY_VERSION_INPUT}: latest" is not supported: Shipgate only installs exact, reviewed versions. ` +
        `Leave it empty for the pinned default (${DEFAULT_TRIVY_VERSION}) or set an exact version such as ${DEFAULT_TRIVY_VERSION}.`,
      { input: TRIVY_VERSION_INPUT },
    )
  }
  const parsed = await validVersion(raw.replace(/^v(?=\d)/, ''))
  if (!parsed) {
    throw new TrivyInstallError(
      'invalid-version',
      `"${TRIVY_VERSION_INPUT}" must be an exact version like ${DEFAULT_TRIVY_VERSION}, got "${raw}". ` +
        'Ranges and tags are not accepted.',
      { input: TRIVY_VERSION_INPUT },
    )
  }
  return parsed
}

function refuseCompromised(version: string): void {
  const reason = COMPROMISED_TRIVY_VERSIONS[version]
  if (reason) {
    throw new TrivyInstallError(
      'compromised-version',
      `Refusing Trivy ${version}: ${reason}. No checksum can make it safe. ` +
        `Set "${TRIVY_VERSION_INPUT}" to ${DEFAULT_TRIVY_VERSION} (or leave it empty), and rotate any secret ` +
        `a workflow that ran Trivy ${version} could read.`,
      { input: TRIVY_VERSION_INPUT },
    )
  }
}

/** Downloads `<asset>.sigstore.json` and checks it; every failure refuses the install. */
async function verifyDownloadedSignature(
  version: string,
  asset: TrivyAsset,
  archive: string,
  archiveUrl: string,
  deps: InstallTrivyDeps,
): Promise<void> {
  const bundleUrl = `${archiveUrl}.sigstore.json`
  let bundleFile: string
  try {
    bundleFile = await deps.toolCache.downloadTool(bundleUrl)
  } catch (cause) {
    const status = (cause as { httpStatusCode?: number }).httpStatusCode
    throw new TrivyInstallError(
      'signature-missing',
      `Refusing ${asset.name}: its signature ${bundleName(asset.name)} could not be downloaded from ${bundleUrl} ` +
        `(${status ? `HTTP ${status}` : errorMessage(cause)}). Every Trivy release since ${FIRST_BUNDLED_TRIVY_VERSION} ` +
        'publishes one; without it nothing proves who built these bytes, so nothing was installed.',
      { cause },
    )
  }
  let bundleText: string
  try {
    bundleText = await readFile(bundleFile, 'utf8')
  } finally {
    await rm(bundleFile, { force: true })
  }
  let trustedRoot: TrustedRoot
  try {
    trustedRoot = await (deps.trustedRoot ?? publicGoodTrustedRoot)()
  } catch (cause) {
    throw new TrivyInstallError(
      'signature-unverifiable',
      `Cannot check the signature of ${asset.name}: ${errorMessage(cause)}. Nothing was installed. ` +
        'Let the runner reach tuf-repo-cdn.sigstore.dev, or install a Trivy you verified yourself ' +
        'in an earlier step (it is reused when it reports the requested version).',
      { cause },
    )
  }
  try {
    const signer = await verifyTrivySignature({
      version,
      assetName: asset.name,
      artifact: await readFile(archive),
      bundleText,
      trustedRoot,
    })
    deps.logger.info(
      `Verified the Sigstore signature of ${asset.name}: signed by ${signer.identity} ` +
        `(issuer ${signer.issuer}${signer.logIndex ? `, Rekor log index ${signer.logIndex}` : ''}).`,
    )
  } catch (error) {
    if (error instanceof TrivySignatureError) {
      throw new TrivyInstallError(error.code, error.message, { cause: error })
    }
    throw error
  }
}

/** Only for releases before 0.68.1, which carry no Sigstore bundle to check. */
function requirePinnedChecksum(version: string, asset: TrivyAsset): string {
  const pinned = pinnedChecksum(version, asset.key)
  if (pinned) return pinned
  const listed = pinnedVersions().includes(version)
  throw new TrivyInstallError(
    'checksum-required',
    `${listed ? `Shipgate has no pinned checksum for ${asset.name}` : `Trivy ${version} is not in Shipgate's pinned checksum table (pinned: ${pinnedVersions().join(', ')})`}, ` +
      `and releases before ${FIRST_BUNDLED_TRIVY_VERSION} publish no Sigstore bundle Shipgate could check instead. ` +
      `Set the "${TRIVY_CHECKSUM_INPUT}" input to the SHA-256 of ${asset.name} ` +
      `(listed in trivy_${version}_checksums.txt on https://github.com/aquasecurity/trivy/releases/tag/v${version}), ` +
      `or use ${TRIVY_VERSION_INPUT} ${DEFAULT_TRIVY_VERSION} or later (signed by ${trivyReleaseIdentity(DEFAULT_TRIVY_VERSION)}).`,
    { input: TRIVY_CHECKSUM_INPUT },
  )
}

/** `undefined` when the input is empty; otherwise a lower-case hex digest or an error. */
function normalizeChecksumInput(
  version: string,
  asset: TrivyAsset,
  given: string | undefined,
): string | undefined {
  const trimmed = (given ?? '').trim()
  if (trimmed === '') return undefined
  const normalized = trimmed.replace(/^sha256:/i, '').toLowerCase()
  if (!/^[0-9a-f]{64}$/.test(normalized)) {
    throw new TrivyInstallError(
      'invalid-checksum',
      `"${TRIVY_CHECKSUM_INPUT}" must be a SHA-256 (64 hex characters) of ${asset.name}, got "${trimmed}".`,
      { input: TRIVY_CHECKSUM_INPUT },
    )
  }
  const pinned = pinnedChecksum(version, asset.key)
  if (pinned && pinned !== normalized) {
    throw new TrivyInstallError(
      'checksum-conflict',
      `"${TRIVY_CHECKSUM_INPUT}" (${normalized}) contradicts Shipgate's pinned SHA-256 of ${asset.name} (${pinned}). ` +
        `Remove "${TRIVY_CHECKSUM_INPUT}" to use the pinned value, or find out which one is wrong before going on.`,
      { input: TRIVY_CHECKSUM_INPUT },
    )
  }
  return normalized
}

async function findTrivyOnPath(
  version: string,
  deps: InstallTrivyDeps,
): Promise<InstalledTrivy | undefined> {
  const candidate = await whichTrivy(deps.env)
  if (!candidate) return undefined
  const reported = await reportedVersion(candidate, deps.exec)
  if (reported !== version) {
    deps.logger.info(
      `Ignoring ${candidate} on PATH: it reports version ${reported ?? '(unknown)'}, not ${version}.`,
    )
    return undefined
  }
  deps.logger.info(`Using Trivy ${version} already on PATH at ${candidate}.`)
  return { path: candidate, dir: path.dirname(candidate), version, source: 'path' }
}

async function whichTrivy(env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const isWindows = process.platform === 'win32'
  const names = isWindows ? ['trivy.exe'] : ['trivy']
  for (const dir of (env.PATH ?? env.Path ?? '').split(path.delimiter)) {
    if (!dir || !path.isAbsolute(dir)) continue
    for (const name of names) {
      const file = path.join(dir, name)
      if ((await isFile(file)) && (isWindows || (await isExecutable(file)))) return file
    }
  }
  return undefined
}

/** Parses `Version: 0.75.0` from `trivy --version`; `undefined` when it does not run. */
export async function reportedVersion(
  binary: string,
  exec: ExecAdapter,
): Promise<string | undefined> {
  const result = await exec(binary, ['--version'], { timeoutMs: 30_000 })
  if (result.exitCode !== 0) return undefined
  const match = /^Version:\s*v?(\S+)/m.exec(result.stdout)
  return match?.[1] ? ((await validVersion(match[1])) ?? undefined) : undefined
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile()
  } catch {
    return false
  }
}

async function isExecutable(file: string): Promise<boolean> {
  try {
    await access(file, constants.X_OK)
    return true
  } catch {
    return false
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
