/**
 * Issue 11 §1, signing a multi-platform image through dist/index.js: the index digest (what
 * deployments reference) is signed; with `sign-platforms: true` each platform image too.
 * Real registry (Debian's docker-registry), mock Fulcio/Rekor over HTTP, stand-in Trivy.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RegistryClient } from '../../src/registry/client.js'
import { parseReference } from '../../src/registry/reference.js'
import { eventFile, runAction } from '../support/e2e/runner.js'
import { fixturePath } from '../support/fixtures.js'
import { type PlatformIndex, pushPlatformIndex } from '../support/registry/platform-index.js'
import { type RunningRegistry, startRegistry } from '../support/registry/server.js'
import { type MockSigstore, startMockSigstore } from '../support/sigstore/mock-sigstore.js'
import { standIn } from '../support/trivy-stand-in/index.js'

let registry: RunningRegistry
let sigstore: MockSigstore
let trustedRoot: string
const client = new RegistryClient({ insecure: true, retries: 0 })

beforeAll(async () => {
  ;[registry, sigstore] = await Promise.all([startRegistry('none'), startMockSigstore()])
  trustedRoot = join(await mkdtemp(join(tmpdir(), 'e2e-root-')), 'trusted_root.json')
  writeFileSync(trustedRoot, JSON.stringify(sigstore.trustedRoot))
}, 60_000)
afterAll(async () => {
  await registry?.stop()
  await sigstore?.close()
})

function platformReport(ref: string): string {
  const report = JSON.parse(readFileSync(fixturePath('alpine-310.json.golden'), 'utf8'))
  report.ArtifactName = ref
  report.Metadata.RepoDigests = [ref]
  report.Results[0].Target = `${ref} (alpine 3.10.2)`
  const file = join(mkdtempSync(join(tmpdir(), 'platform-report-')), 'trivy.json')
  writeFileSync(file, JSON.stringify(report))
  return file
}

async function signRun(idx: PlatformIndex, signPlatforms: string) {
  const trivy = standIn({
    [idx.amd64.ref]: platformReport(idx.amd64.ref),
    [idx.arm64.ref]: platformReport(idx.arm64.ref),
  })
  return runAction(
    {
      image: idx.ref,
      'fail-on': 'high',
      'cache-db': 'false',
      'base-image-policy': 'off',
      sign: 'true',
      'sign-platforms': signPlatforms,
      'attest-sbom': 'false',
      'attest-verdict': 'false',
      'fulcio-url': sigstore.fulcioURL,
      'rekor-url': sigstore.rekorURL,
      'trusted-root': trustedRoot,
    },
    {
      ...trivy.env,
      STANDIN_VERSION: '0.75.0',
      GITHUB_EVENT_PATH: eventFile({
        ref: 'refs/heads/main',
        repository: { full_name: 'octo-org/app', private: false, visibility: 'public' },
      }),
      ACTIONS_ID_TOKEN_REQUEST_URL: sigstore.oidcRequestURL,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: sigstore.oidcRequestToken,
    },
  )
}

const sigTag = (digest: string) => `${digest.replace(':', '-')}.sig`

describe('signing a multi-platform image', () => {
  it('signs the index digest, and no platform image unless asked', async () => {
    const idx = await pushPlatformIndex(registry.host, 'octo-org/multi-a')
    const r = await signRun(idx, 'false')
    expect(r.errors, r.stdout).toEqual([])
    expect(r.exitCode).toBe(0)
    expect(r.outputs.digest).toBe(idx.digest)
    const tags = await client.listTags(parseReference(`${registry.host}/octo-org/multi-a`))
    expect(tags).toContain(sigTag(idx.digest))
    expect(tags).not.toContain(sigTag(idx.amd64.digest))
    expect(tags).not.toContain(sigTag(idx.arm64.digest))
  })

  it('sign-platforms: true signs each platform image as well, recorded per platform in the report', async () => {
    const idx = await pushPlatformIndex(registry.host, 'octo-org/multi-b')
    const r = await signRun(idx, 'true')
    expect(r.errors, r.stdout).toEqual([])
    expect(r.exitCode).toBe(0)
    // Outputs stay per image: the index's signature.
    expect(r.outputs.digest).toBe(idx.digest)
    const tags = await client.listTags(parseReference(`${registry.host}/octo-org/multi-b`))
    expect(tags).toEqual(
      expect.arrayContaining([
        sigTag(idx.digest),
        sigTag(idx.amd64.digest),
        sigTag(idx.arm64.digest),
      ]),
    )
    expect(tags).not.toContain(sigTag(idx.attestation.digest))
    const report = JSON.parse(readFileSync(r.outputs.report as string, 'utf8'))
    const platforms = report.images[0].platforms as {
      digest: string
      signing?: { digest: string }
    }[]
    expect(platforms.map((p) => p.signing?.digest)).toEqual([idx.amd64.digest, idx.arm64.digest])
  })
})
