/**
 * `npm run trivy-checksums -- <version>` writes a version into the pinned table only when the
 * release's checksums file verifies as signed by Trivy's release workflow for that tag.
 */
import { copyFile, readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import { execa } from 'execa'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { addTrivyVersion, parseChecksumsFile } from '../../scripts/trivy-checksums.js'
import { loadTrustedRoot, type TrustedRoot } from '../../src/sign/trust-root.js'
import { type MockSigstore, startMockSigstore } from '../support/sigstore/mock-sigstore.js'
import {
  checksumsFile,
  signAsWorkflow,
  trivyWorkflowRef,
  writeTrustedRoot,
} from './signed-release.js'
import { type AssetServer, startAssetServer, tempDir } from './support.js'

const ROOT = path.join(path.dirname(new URL(import.meta.url).pathname), '..', '..')
const TABLE = path.join(ROOT, 'scanners/trivy/checksums.ts')

const assets = (v: string) => ({
  [`trivy_${v}_Linux-64bit.tar.gz`]: Buffer.from(`linux x64 ${v}`),
  [`trivy_${v}_Linux-ARM64.tar.gz`]: Buffer.from(`linux arm64 ${v}`),
  [`trivy_${v}_macOS-ARM64.tar.gz`]: Buffer.from(`macos arm64 ${v}`),
  [`trivy_${v}_windows-64bit.zip`]: Buffer.from(`windows ${v}`),
  [`trivy_${v}_Linux-s390x.tar.gz`]: Buffer.from(`s390x ${v}`),
})

let sigstore: MockSigstore
let server: AssetServer
let trustedRootFile: string
let trustedRoot: TrustedRoot
let work: string
let table: string

beforeAll(async () => {
  sigstore = await startMockSigstore()
  work = await tempDir('checksums-script')
  trustedRootFile = await writeTrustedRoot(sigstore, work)
  trustedRoot = await loadTrustedRoot({ path: trustedRootFile })
  const files: Record<string, Buffer> = {}
  const release = async (v: string, signedAs: string, served?: Buffer) => {
    const file = checksumsFile(assets(v))
    const name = `/download/v${v}/trivy_${v}_checksums.txt`
    files[name] = served ?? file
    files[`${name}.sigstore.json`] = Buffer.from(await signAsWorkflow(sigstore, file, signedAs))
  }
  await release('0.81.0', trivyWorkflowRef('0.81.0'))
  await release('0.81.1', 'someone/else/.github/workflows/release.yml@refs/tags/v0.81.1')
  await release(
    '0.81.2',
    trivyWorkflowRef('0.81.2'),
    checksumsFile({ ...assets('0.81.2'), 'trivy_0.81.2_Linux-64bit.tar.gz': Buffer.from('evil') }),
  )
  await release('0.69.5', trivyWorkflowRef('0.69.5'))
  server = await startAssetServer(files)
}, 60_000)

afterAll(async () => {
  await server?.close()
  await sigstore?.close()
  await rm(work, { recursive: true, force: true })
})

beforeEach(async () => {
  table = path.join(work, 'checksums.ts')
  await copyFile(TABLE, table)
})

const add = (version: string) =>
  addTrivyVersion({ version, tableFile: table, baseUrl: server.baseUrl, trustedRoot })

describe('trivy-checksums', () => {
  it('adds a version whose signed checksums file verifies, with its provenance', async () => {
    const result = await add('0.81.0')
    expect(result.alreadyPinned).toBe(false)
    expect(result.signer).toBe(
      'https://github.com/aquasecurity/trivy/.github/workflows/reusable-release.yaml@refs/tags/v0.81.0',
    )
    const text = await readFile(table, 'utf8')
    const listed = parseChecksumsFile(checksumsFile(assets('0.81.0')).toString(), 'x')
    expect(text).toContain(`'0.81.0': {`)
    expect(text).toContain(`'linux-x64': '${listed.get('trivy_0.81.0_Linux-64bit.tar.gz')}',`)
    expect(text).toContain(`'win32-x64': '${listed.get('trivy_0.81.0_windows-64bit.zip')}',`)
    // Platforms Shipgate does not install on are not copied into the table.
    expect(text).not.toContain(String(listed.get('trivy_0.81.0_Linux-s390x.tar.gz')))
    expect(text).toContain(
      'after its Sigstore bundle verified: signed by https://github.com/aquasecurity/trivy/',
    )
    // The result still compiles into the same table shape.
    const module = (await import(`${table}?t=${Date.now()}`)) as {
      TRIVY_CHECKSUMS: Record<string, { version: string; checksums: Record<string, string> }>
    }
    expect(module.TRIVY_CHECKSUMS['0.81.0']?.checksums['darwin-arm64']).toBe(
      listed.get('trivy_0.81.0_macOS-ARM64.tar.gz'),
    )
    expect(module.TRIVY_CHECKSUMS['0.81.0']?.checksums['darwin-x64']).toBeUndefined()
  })

  it.each([
    ['0.81.1', /not made by Trivy's release workflow/],
    ['0.81.2', /its Sigstore bundle does not verify/],
    ['0.69.5', /refused/],
    ['0.67.0', /predates 0\.68\.1/],
    ['0.81.9', /HTTP 404/],
  ])('writes nothing for %s', async (version, reason) => {
    const before = await readFile(table, 'utf8')
    await expect(add(version)).rejects.toThrow(reason)
    expect(await readFile(table, 'utf8')).toBe(before)
  })

  it('refuses a checksums line that is not goreleaser-shaped', () => {
    expect(() => parseChecksumsFile(`${'a'.repeat(64)}  ok.tar.gz\nnot a line\n`, 'c.txt')).toThrow(
      'c.txt:2 is not a "<sha256>  <file>" line',
    )
  })

  it('runs as `npm run trivy-checksums -- <version>` and exits 1 without writing on a bad signature', async () => {
    const npm = (version: string) =>
      execa(
        'npm',
        [
          'run',
          '--silent',
          'trivy-checksums',
          '--',
          version,
          '--base-url',
          server.baseUrl,
          '--trusted-root',
          trustedRootFile,
          '--table',
          table,
        ],
        { cwd: ROOT, reject: false },
      )
    const bad = await npm('0.81.1')
    expect(bad.exitCode).toBe(1)
    expect(bad.stderr).toContain("was not made by Trivy's release workflow")
    expect(bad.stderr).toContain('Nothing was written.')
    const good = await npm('0.81.0')
    expect(good.stderr).toBe('')
    expect(good.exitCode).toBe(0)
    expect(good.stdout).toContain(
      'Added Trivy 0.81.0 (linux-x64, linux-arm64, darwin-arm64, win32-x64)',
    )
    expect(await readFile(table, 'utf8')).toContain(`'0.81.0': {`)
  })
})
