import { existsSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import path from 'node:path'
import semver from 'semver'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  COMPROMISED_TRIVY_VERSIONS,
  DEFAULT_TRIVY_VERSION,
  TRIVY_CHECKSUMS,
} from '../../scanners/trivy/checksums.js'
import {
  createToolCacheAdapter,
  type InstallTrivyOptions,
  installTrivy,
  programExec,
  TrivyInstallError,
} from '../../scanners/trivy/install.js'
import { trivyPlatformKey } from '../../scanners/trivy/platform.js'
import { recordingLogger } from '../../src/logger.js'
import { loadTrustedRoot } from '../../src/sign/trust-root.js'
import { type MockSigstore, startMockSigstore } from '../support/sigstore/mock-sigstore.js'
import { signAsWorkflow, trivyWorkflowRef, writeTrustedRoot } from './signed-release.js'
import {
  type AssetServer,
  fakeTrivyScript,
  sha256,
  startAssetServer,
  tempDir,
  trivyTarGz,
  useRunnerDirs,
  writeExecutable,
} from './support.js'

const HOST_KEY = trivyPlatformKey(process.platform, process.arch)
const HOST_SUFFIX = {
  'linux-x64': 'Linux-64bit.tar.gz',
  'linux-arm64': 'Linux-ARM64.tar.gz',
  'darwin-x64': 'macOS-64bit.tar.gz',
  'darwin-arm64': 'macOS-ARM64.tar.gz',
  'win32-x64': 'windows-64bit.zip',
}
const UNLISTED = '0.70.0'
const hostAsset = (version: string) => `trivy_${version}_${HOST_KEY ? HOST_SUFFIX[HOST_KEY] : ''}`

let server: AssetServer
let sigstore: MockSigstore
let trustedRootFile: string
let unlistedArchive: Buffer
let pinnedImpostor: Buffer
let emptyArchive: Buffer
let runner: Awaited<ReturnType<typeof useRunnerDirs>>
let emptyPathDir: string

beforeAll(async () => {
  unlistedArchive = await trivyTarGz(fakeTrivyScript(UNLISTED))
  // Bytes that claim to be the pinned default release but are not: must be refused.
  pinnedImpostor = await trivyTarGz(fakeTrivyScript(DEFAULT_TRIVY_VERSION))
  emptyArchive = await trivyTarGz(undefined)
  // Every release here is signed by Trivy's release workflow (signature.test.ts attacks that).
  sigstore = await startMockSigstore()
  trustedRootFile = await writeTrustedRoot(sigstore, await tempDir('trust-root'))
  const signed = async (version: string, name: string, body: Buffer) => ({
    [`/download/v${version}/${name}`]: body,
    [`/download/v${version}/${name}.sigstore.json`]: Buffer.from(
      await signAsWorkflow(sigstore, body, trivyWorkflowRef(version)),
    ),
  })
  server = await startAssetServer({
    ...(await signed(UNLISTED, hostAsset(UNLISTED), unlistedArchive)),
    ...(await signed(
      DEFAULT_TRIVY_VERSION,
      `trivy_${DEFAULT_TRIVY_VERSION}_Linux-64bit.tar.gz`,
      pinnedImpostor,
    )),
    ...(await signed('0.71.0', hostAsset('0.71.0'), emptyArchive)),
  })
}, 60_000)

afterAll(async () => {
  await server.close()
  await sigstore.close()
})

beforeEach(async () => {
  runner = await useRunnerDirs()
  emptyPathDir = path.join(runner.temp, 'empty-bin')
  server.requests.length = 0
})

afterEach(async () => {
  await runner.restore()
})

function deps(pathDirs: string[] = [emptyPathDir]) {
  const logger = recordingLogger()
  return {
    logger,
    deps: {
      toolCache: createToolCacheAdapter(),
      exec: programExec,
      logger,
      env: { PATH: pathDirs.join(path.delimiter) },
      trustedRoot: () => loadTrustedRoot({ path: trustedRootFile }),
    },
  }
}

async function installError(
  opts: InstallTrivyOptions,
  d = deps().deps,
): Promise<TrivyInstallError> {
  const error = await installTrivy(opts, d).then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(TrivyInstallError)
  return error as TrivyInstallError
}

describe.skipIf(!HOST_KEY)('installTrivy download and verification', () => {
  it('installs a release whose SHA-256 matches the given checksum, and the binary runs', async () => {
    const { deps: d, logger } = deps()
    const installed = await installTrivy(
      { version: UNLISTED, checksum: sha256(unlistedArchive), downloadBaseUrl: server.baseUrl },
      d,
    )
    expect(installed.source).toBe('download')
    expect(installed.version).toBe(UNLISTED)
    expect(installed.path).toBe(
      path.join(runner.toolCache, 'trivy', UNLISTED, process.arch, 'trivy'),
    )
    expect(existsSync(`${path.dirname(installed.dir)}/${process.arch}.complete`)).toBe(true)
    const run = await programExec(installed.path, ['image', 'alpine:3.20'])
    expect(run).toMatchObject({ exitCode: 0, stdout: 'fake trivy image alpine:3.20' })
    expect(server.requests).toEqual([
      `/download/v${UNLISTED}/${hostAsset(UNLISTED)}`,
      `/download/v${UNLISTED}/${hostAsset(UNLISTED)}.sigstore.json`,
    ])
    expect(logger.lines.map((l) => l.message).join('\n')).toContain(
      `Verified ${hostAsset(UNLISTED)} (sha256 ${sha256(unlistedArchive)}, equal to "trivy-checksum")`,
    )
  })

  it('reuses the tool cache on the next run without downloading again', async () => {
    const opts = {
      version: UNLISTED,
      checksum: sha256(unlistedArchive),
      downloadBaseUrl: server.baseUrl,
    }
    const first = await installTrivy(opts, deps().deps)
    const second = await installTrivy(opts, deps().deps)
    expect(second).toMatchObject({ source: 'tool-cache', path: first.path, version: UNLISTED })
    expect(server.requests).toHaveLength(2)
  })

  it('accepts a v-prefixed version and a sha256:-prefixed upper-case checksum', async () => {
    const installed = await installTrivy(
      {
        version: `v${UNLISTED}`,
        checksum: `sha256:${sha256(unlistedArchive).toUpperCase()}`,
        downloadBaseUrl: server.baseUrl,
      },
      deps().deps,
    )
    expect(installed.version).toBe(UNLISTED)
  })

  it('refuses bytes that do not match the given checksum, naming asset, expected and actual', async () => {
    const wrong = 'a'.repeat(64)
    const error = await installError({
      version: UNLISTED,
      checksum: wrong,
      downloadBaseUrl: server.baseUrl,
    })
    expect(error.code).toBe('checksum-mismatch')
    expect(error.input).toBe('trivy-checksum')
    expect(error.message).toContain(hostAsset(UNLISTED))
    expect(error.message).toContain(`its SHA-256 is ${sha256(unlistedArchive)}`)
    expect(error.message).toContain(`but ${wrong} was expected`)
    expect(existsSync(path.join(runner.toolCache, 'trivy', UNLISTED))).toBe(false)
  })

  it('refuses an archive with no trivy executable in it', async () => {
    const error = await installError({
      version: '0.71.0',
      checksum: sha256(emptyArchive),
      downloadBaseUrl: server.baseUrl,
    })
    expect(error.code).toBe('broken-archive')
    expect(error.message).toContain('holds no trivy')
  })
})

describe('installTrivy against the pinned table', () => {
  it('checks the pinned SHA-256 of the default version and refuses impostor bytes', async () => {
    const pinned = TRIVY_CHECKSUMS[DEFAULT_TRIVY_VERSION]?.checksums['linux-x64']
    const asset = `trivy_${DEFAULT_TRIVY_VERSION}_Linux-64bit.tar.gz`
    const error = await installError({
      platform: 'linux',
      arch: 'x64',
      downloadBaseUrl: server.baseUrl,
    })
    expect(error.code).toBe('checksum-mismatch')
    expect(error.message).toContain(`Refusing ${asset}`)
    expect(error.message).toContain(`its SHA-256 is ${sha256(pinnedImpostor)}`)
    expect(error.message).toContain(`but ${pinned} was expected`)
    expect(error.message).toContain("Shipgate's pinned checksum table")
    expect(server.requests).toEqual([`/download/v${DEFAULT_TRIVY_VERSION}/${asset}`])
  })

  it('refuses a trivy-checksum that contradicts the pinned value before downloading', async () => {
    const error = await installError({
      version: DEFAULT_TRIVY_VERSION,
      checksum: 'b'.repeat(64),
      platform: 'linux',
      arch: 'x64',
      downloadBaseUrl: server.baseUrl,
    })
    expect(error.code).toBe('checksum-conflict')
    expect(error.input).toBe('trivy-checksum')
    expect(server.requests).toEqual([])
  })

  it('requires trivy-checksum for an unlisted version older than the first signed release', async () => {
    const error = await installError({
      version: '0.68.0',
      platform: 'linux',
      arch: 'x64',
      downloadBaseUrl: server.baseUrl,
    })
    expect(error.code).toBe('checksum-required')
    expect(error.input).toBe('trivy-checksum')
    expect(error.message).toContain('Set the "trivy-checksum" input to the SHA-256 of')
    expect(error.message).toContain('trivy_0.68.0_Linux-64bit.tar.gz')
    expect(error.message).toContain('trivy_0.68.0_checksums.txt')
    expect(error.message).toContain('publish no Sigstore bundle')
    expect(server.requests).toEqual([])
  })

  it('names the Windows zip when the runner is Windows', async () => {
    const error = await installError({ version: '0.68.0', platform: 'win32', arch: 'x64' })
    expect(error.message).toContain('trivy_0.68.0_windows-64bit.zip')
  })

  it.each(['0.69.4', 'v0.69.4', '0.69.5', '0.69.6'])(
    'refuses compromised Trivy %s even with a checksum',
    async (version) => {
      const error = await installError({
        version,
        checksum: 'c'.repeat(64),
        downloadBaseUrl: server.baseUrl,
      })
      expect(error.code).toBe('compromised-version')
      expect(error.input).toBe('trivy-version')
      expect(error.message).toContain(`Refusing Trivy ${version.replace(/^v/, '')}`)
      expect(error.message).toContain('No checksum can make it safe')
      expect(server.requests).toEqual([])
    },
  )

  it.each(['latest', '^0.75.0', '0.75', 'main', '0.75.0; rm -rf /'])(
    'refuses trivy-version %j',
    async (version) => {
      const error = await installError({ version })
      expect(error.code).toBe('invalid-version')
      expect(error.input).toBe('trivy-version')
      expect(error.message).toContain('trivy-version')
    },
  )

  it('refuses a malformed trivy-checksum', async () => {
    const error = await installError({ version: UNLISTED, checksum: 'deadbeef' })
    expect(error.code).toBe('invalid-checksum')
    expect(error.message).toContain('64 hex characters')
  })

  it('refuses a platform Trivy publishes no supported build for', async () => {
    const error = await installError({ platform: 'linux', arch: 'ia32' })
    expect(error.code).toBe('unsupported-platform')
    expect(error.message).toContain('linux/ia32')
  })
})

describe('installTrivy reuse of a trivy on PATH', () => {
  let binDir: string
  beforeEach(async () => {
    binDir = await tempDir('path-bin')
  })
  afterEach(async () => {
    await rm(binDir, { recursive: true, force: true })
  })

  it('uses a trivy on PATH that reports the requested version, without downloading', async () => {
    const stand = await writeExecutable(binDir, 'trivy', fakeTrivyScript(DEFAULT_TRIVY_VERSION))
    const installed = await installTrivy(
      { downloadBaseUrl: server.baseUrl },
      deps([emptyPathDir, binDir]).deps,
    )
    expect(installed).toEqual({
      path: stand,
      dir: binDir,
      version: DEFAULT_TRIVY_VERSION,
      source: 'path',
    })
    expect(server.requests).toEqual([])
  })

  it.skipIf(!HOST_KEY)('ignores a trivy on PATH at another version and downloads', async () => {
    await writeExecutable(binDir, 'trivy', fakeTrivyScript('0.69.3'))
    const { deps: d, logger } = deps([binDir])
    const installed = await installTrivy(
      { version: UNLISTED, checksum: sha256(unlistedArchive), downloadBaseUrl: server.baseUrl },
      d,
    )
    expect(installed.source).toBe('download')
    expect(logger.lines.map((l) => l.message)).toContain(
      `Ignoring ${path.join(binDir, 'trivy')} on PATH: it reports version 0.69.3, not ${UNLISTED}.`,
    )
  })

  it('does not reuse PATH when reusePath is false', async () => {
    await writeExecutable(binDir, 'trivy', fakeTrivyScript(DEFAULT_TRIVY_VERSION))
    const error = await installError(
      { reusePath: false, platform: 'linux', arch: 'x64', downloadBaseUrl: server.baseUrl },
      deps([binDir]).deps,
    )
    expect(error.code).toBe('checksum-mismatch')
  })
})

describe('pinned checksum table', () => {
  it('holds only well-formed SHA-256 values, keyed by their own version', () => {
    for (const [version, release] of Object.entries(TRIVY_CHECKSUMS)) {
      expect(release.version).toBe(version)
      expect(semver.valid(version)).toBe(version)
      for (const digest of Object.values(release.checksums))
        expect(digest).toMatch(/^[0-9a-f]{64}$/)
    }
  })

  it('has no digest twice (a copy-paste slip would repeat one)', () => {
    const all = Object.values(TRIVY_CHECKSUMS).flatMap((r) => Object.values(r.checksums))
    expect(new Set(all).size).toBe(all.length)
  })

  it('pins as default the newest listed version, with a Linux x64 checksum', () => {
    const newest = semver.rsort(Object.keys(TRIVY_CHECKSUMS))[0]
    expect(DEFAULT_TRIVY_VERSION).toBe(newest)
    expect(TRIVY_CHECKSUMS[DEFAULT_TRIVY_VERSION]?.checksums['linux-x64']).toBeDefined()
  })

  it('never lists a compromised version', () => {
    for (const version of Object.keys(COMPROMISED_TRIVY_VERSIONS)) {
      expect(TRIVY_CHECKSUMS[version]).toBeUndefined()
    }
  })
})
