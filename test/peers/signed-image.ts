/**
 * An image Shipgate signed, for the real verifiers: dist/index.js on a simulated runner with
 * `sign: true`, the mock Fulcio/Rekor/TSA over HTTP and the example identity of examples/
 * (octo-org/app's release workflow on main), pushing to the local registry. The scan is the
 * stand-in Trivy replaying a stored report: what is under test here is what Shipgate signs.
 */
import { writeFileSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { MediaType } from '../../src/registry/media-types.js'
import { type ActionRun, eventFile, reportFor, runAction } from '../support/e2e/runner.js'
import { fixturePath } from '../support/fixtures.js'
import { FixtureBuilder, tarOf } from '../support/registry/images.js'
import { DEFAULT_CLAIMS, identityOf, type MockSigstore } from '../support/sigstore/mock-sigstore.js'
import { standIn } from '../support/trivy-stand-in/index.js'

/** The identity examples/ are keyed to. */
export const EXAMPLE_IDENTITY = identityOf(DEFAULT_CLAIMS)

export async function pushImage(host: string, repo: string, tag: string) {
  const layer = gzipSync(
    await tarOf([{ name: 'app/hello.txt', type: 'file', content: `hello ${repo}:${tag}` }]),
  )
  const pushed = await new FixtureBuilder(host).push({
    repo,
    tag,
    layers: [{ bytes: layer, mediaType: MediaType.ociLayerGzip }],
    config: {},
  })
  return { ref: pushed.ref, digest: pushed.digest }
}

export interface SignedImage {
  ref: string
  digest: string
  /** `<host>/octo-org/app@sha256:…`: what a Pod names and what the verifiers check. */
  pinned: string
  trustedRootPath: string
  run: ActionRun
}

/** Pushes `octo-org/app:<tag>` and has dist/index.js scan (stand-in), gate and sign it. */
export async function signedImage(
  host: string,
  sigstore: MockSigstore,
  tag = 'v1',
): Promise<SignedImage> {
  const image = await pushImage(host, 'octo-org/app', tag)
  const trustedRootPath = join(await mkdtemp(join(tmpdir(), 'peers-root-')), 'trusted_root.json')
  writeFileSync(trustedRootPath, JSON.stringify(sigstore.trustedRoot))
  const trivy = standIn({
    [image.ref]: reportFor(fixturePath('alpine-310.json.golden'), image.ref, image.digest),
  })
  const run = await runAction(
    {
      image: image.ref,
      'fail-on': 'high',
      'cache-db': 'false',
      'base-image-policy': 'off',
      sign: 'true',
      'fulcio-url': sigstore.fulcioURL,
      'rekor-url': sigstore.rekorURL,
      'trusted-root': trustedRootPath,
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
  if (run.exitCode !== 0 || run.outputs.digest !== image.digest) {
    throw new Error(
      `signing ${image.ref} through dist/index.js failed:\n${run.stdout}\n${run.stderr}`,
    )
  }
  return {
    ...image,
    pinned: `${image.ref.replace(/:[^:/]+$/, '')}@${image.digest}`,
    trustedRootPath,
    run,
  }
}
