/**
 * Trivy is installed only when its own Sigstore bundle says Trivy's release workflow, for that
 * very tag, signed these very bytes; the pinned table is a second check on top. Each attack here
 * must end with nothing installed and a message that says what was wrong.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_TRIVY_VERSION } from '../../scanners/trivy/checksums.js'
import {
  createToolCacheAdapter,
  type InstallTrivyDeps,
  type InstallTrivyOptions,
  installTrivy,
  programExec,
  TrivyInstallError,
} from '../../scanners/trivy/install.js'
import { trivyPlatformKey } from '../../scanners/trivy/platform.js'
import { trivyReleaseIdentity } from '../../scanners/trivy/signature.js'
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
} from './support.js'

const HOST = trivyPlatformKey(process.platform, process.arch) === 'linux-x64'
const asset = (v: string) => `trivy_${v}_Linux-64bit.tar.gz`
const at = (v: string, name = asset(v)) => `/download/v${v}/${name}`

// Versions absent from the pinned table, each served with a different defect.
const GOOD = '0.80.0'
const TAMPERED = '0.80.1'
const FORKED = '0.80.2'
const OTHER_TAG = '0.80.3'
const UNSIGNED = '0.80.4'
const GARBLED = '0.80.5'
const FOREIGN = '0.80.6'

let sigstore: MockSigstore
let foreign: MockSigstore
let server: AssetServer
let trustedRootFile: string
let good: Buffer
let runner: Awaited<ReturnType<typeof useRunnerDirs>>

beforeAll(async () => {
  sigstore = await startMockSigstore()
  foreign = await startMockSigstore()
  trustedRootFile = await writeTrustedRoot(sigstore, await tempDir('trust-root'))
  const files: Record<string, Buffer> = {}
  const release = async (
    version: string,
    body: Buffer,
    bundle: string | undefined,
  ): Promise<void> => {
    files[at(version)] = body
    if (bundle !== undefined)
      files[at(version, `${asset(version)}.sigstore.json`)] = Buffer.from(bundle)
  }
  const archive = (v: string) => trivyTarGz(fakeTrivyScript(v))

  good = await archive(GOOD)
  await release(GOOD, good, await signAsWorkflow(sigstore, good, trivyWorkflowRef(GOOD)))

  // Signed genuinely, then one byte of the served archive changed on the way.
  const original = await archive(TAMPERED)
  const tampered = Buffer.from(original)
  tampered[tampered.length - 10] = (tampered.at(-10) ?? 0) ^ 0xff
  await release(
    TAMPERED,
    tampered,
    await signAsWorkflow(sigstore, original, trivyWorkflowRef(TAMPERED)),
  )

  // Valid Sigstore signature by the right-looking workflow path in another repository.
  const forked = await archive(FORKED)
  await release(
    FORKED,
    forked,
    await signAsWorkflow(
      sigstore,
      forked,
      `aquasecurity-evil/trivy/.github/workflows/reusable-release.yaml@refs/tags/v${FORKED}`,
    ),
  )

  // Trivy's genuine workflow, but for another tag (an old release replayed under a new name).
  const otherTag = await archive(OTHER_TAG)
  await release(
    OTHER_TAG,
    otherTag,
    await signAsWorkflow(sigstore, otherTag, trivyWorkflowRef('0.79.0')),
  )

  await release(UNSIGNED, await archive(UNSIGNED), undefined)
  await release(GARBLED, await archive(GARBLED), '{"mediaType":"not a bundle"}')

  // Signed by the right identity on a Sigstore instance the trust root does not know.
  const foreignBytes = await archive(FOREIGN)
  await release(
    FOREIGN,
    foreignBytes,
    await signAsWorkflow(foreign, foreignBytes, trivyWorkflowRef(FOREIGN)),
  )

  // A compromised version, validly signed by the genuine workflow (as in March 2026).
  const compromised = await archive('0.69.4')
  await release(
    '0.69.4',
    compromised,
    await signAsWorkflow(sigstore, compromised, trivyWorkflowRef('0.69.4')),
  )

  // The pinned default version, signed by the genuine workflow but not the bytes the table pins:
  // a compromised pipeline can sign anything, the table still refuses it.
  const impostor = await archive(DEFAULT_TRIVY_VERSION)
  await release(
    DEFAULT_TRIVY_VERSION,
    impostor,
    await signAsWorkflow(sigstore, impostor, trivyWorkflowRef(DEFAULT_TRIVY_VERSION)),
  )

  server = await startAssetServer(files)
}, 60_000)

afterAll(async () => {
  await server?.close()
  await sigstore?.close()
  await foreign?.close()
})

beforeEach(async () => {
  runner = await useRunnerDirs()
  server.requests.length = 0
})

afterEach(async () => {
  await runner.restore()
})

function deps(trustedRoot = () => loadTrustedRoot({ path: trustedRootFile })) {
  const logger = recordingLogger()
  return {
    logger,
    deps: {
      toolCache: createToolCacheAdapter(),
      exec: programExec,
      logger,
      env: { PATH: path.join(runner.temp, 'empty-bin') },
      trustedRoot,
    },
  }
}

const opts = (version: string, extra: Partial<InstallTrivyOptions> = {}): InstallTrivyOptions => ({
  version,
  platform: 'linux',
  arch: 'x64',
  downloadBaseUrl: server.baseUrl,
  ...extra,
})

async function refusal(
  o: InstallTrivyOptions,
  d: InstallTrivyDeps = deps().deps,
): Promise<TrivyInstallError> {
  const error = await installTrivy(o, d).then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(TrivyInstallError)
  const version = o.version ?? DEFAULT_TRIVY_VERSION
  expect(existsSync(path.join(runner.toolCache, 'trivy', version))).toBe(false)
  return error as TrivyInstallError
}

describe.skipIf(!HOST)('Trivy release signature', () => {
  it('installs a version missing from the table, without trivy-checksum, when its signature verifies', async () => {
    const { deps: d, logger } = deps()
    const installed = await installTrivy(opts(GOOD), d)
    expect(installed).toMatchObject({ source: 'download', version: GOOD })
    expect(await programExec(installed.path, ['--version'])).toMatchObject({
      stdout: `Version: ${GOOD}`,
    })
    expect(server.requests).toEqual([at(GOOD), at(GOOD, `${asset(GOOD)}.sigstore.json`)])
    const log = logger.lines.map((l) => l.message).join('\n')
    expect(log).toContain(
      `Verified the Sigstore signature of ${asset(GOOD)}: signed by ${trivyReleaseIdentity(GOOD)} (issuer https://token.actions.githubusercontent.com, Rekor log index`,
    )
    expect(log).toContain(
      `Verified ${asset(GOOD)} (sha256 ${sha256(good)}; not in Shipgate's checksum table, trusted on its signature alone).`,
    )
  })

  it('still checks a given trivy-checksum on top of the signature', async () => {
    const error = await refusal(opts(GOOD, { checksum: 'e'.repeat(64) }))
    expect(error.code).toBe('checksum-mismatch')
    const installed = await installTrivy(opts(GOOD, { checksum: sha256(good) }), deps().deps)
    expect(installed.version).toBe(GOOD)
  })

  it('refuses a tampered archive whose bundle signed other bytes', async () => {
    const error = await refusal(opts(TAMPERED))
    expect(error.code).toBe('signature-invalid')
    expect(error.message).toContain(
      `Refusing ${asset(TAMPERED)}: its Sigstore bundle does not verify`,
    )
    expect(error.message).toContain('nothing was installed')
  })

  it('refuses a valid signature from another repository', async () => {
    const error = await refusal(opts(FORKED))
    expect(error.code).toBe('signature-identity')
    expect(error.message).toContain("was not made by Trivy's release workflow")
    expect(error.message).toContain(trivyReleaseIdentity(FORKED))
  })

  it("refuses Trivy's genuine signature for another tag", async () => {
    const error = await refusal(opts(OTHER_TAG))
    expect(error.code).toBe('signature-identity')
    expect(error.message).toContain(`expected ${trivyReleaseIdentity(OTHER_TAG)}`)
  })

  it('refuses a release with no .sigstore.json', async () => {
    const error = await refusal(opts(UNSIGNED))
    expect(error.code).toBe('signature-missing')
    expect(error.message).toContain(`${asset(UNSIGNED)}.sigstore.json could not be downloaded`)
    expect(error.message).toContain('HTTP 404')
  })

  it('refuses a bundle that is not a Sigstore bundle', async () => {
    const error = await refusal(opts(GARBLED))
    expect(error.code).toBe('signature-malformed')
    expect(error.message).toContain(`${asset(GARBLED)}.sigstore.json is not a Sigstore bundle`)
  })

  it('refuses a signature from a Sigstore instance outside the trust root', async () => {
    const error = await refusal(opts(FOREIGN))
    expect(error.code).toBe('signature-invalid')
  })

  it('fails closed when the trust root cannot be had', async () => {
    const error = await refusal(
      opts(GOOD),
      deps(async () => {
        throw new Error('Cannot fetch the public Sigstore trust root over TUF: ENOTFOUND')
      }).deps,
    )
    expect(error.code).toBe('signature-unverifiable')
    expect(error.message).toContain(`Cannot check the signature of ${asset(GOOD)}`)
    expect(error.message).toContain('ENOTFOUND')
  })

  it('by default checks against the public-good root via TUF, cached under RUNNER_TEMP, and fails closed', async () => {
    const { deps: d } = deps()
    const { trustedRoot: _mock, ...withoutRoot } = d
    const error = await refusal(opts(GOOD), withoutRoot)
    // Here TUF is unreachable (no root: "unverifiable"); where it is reachable, the public-good
    // root does not trust the mock Fulcio ("invalid"). Either way nothing is installed.
    expect(['signature-unverifiable', 'signature-invalid']).toContain(error.code)
    if (error.code === 'signature-unverifiable') expect(error.message).toContain('TUF')
    expect(existsSync(path.join(runner.temp, 'shipgate-sigstore-tuf'))).toBe(true)
  })

  it('refuses a compromised version whatever its signature says, before any download', async () => {
    const error = await refusal(opts('0.69.4'))
    expect(error.code).toBe('compromised-version')
    expect(server.requests).toEqual([])
  })

  it('refuses pinned-version bytes that differ from the table even when the genuine workflow signed them', async () => {
    const error = await refusal(opts(DEFAULT_TRIVY_VERSION))
    expect(error.code).toBe('checksum-mismatch')
    expect(error.message).toContain("Shipgate's pinned checksum table")
  })
})
