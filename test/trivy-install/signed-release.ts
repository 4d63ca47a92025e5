/**
 * A Trivy-shaped GitHub release for tests: archives, `trivy_<ver>_checksums.txt` and a
 * `<asset>.sigstore.json` for each, signed keylessly through the mock Fulcio/Rekor (real HTTP
 * on 127.0.0.1) as a given workflow, exactly the way Trivy's release workflow signs with
 * `cosign sign-blob --bundle`. Public TUF is unreachable here, so the trust root built from the
 * mock's keys is written to a file and handed in, as a private-instance user would.
 */
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { bundleToJSON } from '@sigstore/bundle'
import { FulcioSigner, MessageSignatureBundleBuilder, RekorWitness } from '@sigstore/sign'
import { GITHUB_ISSUER, type MockSigstore } from '../support/sigstore/mock-sigstore.js'
import { sha256 } from './support.js'

/** `job_workflow_ref` of Trivy's release workflow at tag `v<version>` (Fulcio prefixes https://github.com/). */
export function trivyWorkflowRef(version: string): string {
  return `aquasecurity/trivy/.github/workflows/reusable-release.yaml@refs/tags/v${version}`
}

function jwt(claims: Record<string, unknown>): string {
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url')
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part(claims)}.${Buffer.from('sig').toString('base64url')}`
}

/** Signs `data` as `workflowRef` would in GitHub Actions; returns the bundle JSON text. */
export async function signAsWorkflow(
  sigstore: MockSigstore,
  data: Buffer,
  workflowRef: string,
): Promise<string> {
  const repository = workflowRef.split('/.github/')[0] ?? 'unknown/unknown'
  const now = Math.floor(Date.now() / 1000)
  const token = jwt({
    iss: GITHUB_ISSUER,
    aud: 'sigstore',
    sub: `repo:${repository}:ref:${workflowRef.split('@')[1] ?? ''}`,
    iat: now,
    exp: now + 300,
    repository,
    job_workflow_ref: workflowRef,
    event_name: 'push',
  })
  const signer = new FulcioSigner({
    fulcioBaseURL: sigstore.fulcioURL,
    identityProvider: { getToken: async () => token },
  })
  const builder = new MessageSignatureBundleBuilder({
    signer,
    witnesses: [new RekorWitness({ rekorBaseURL: sigstore.rekorURL })],
  })
  const bundle = await builder.create({ data })
  return JSON.stringify(bundleToJSON(bundle))
}

/** `<hex>  <file>` lines, goreleaser's format. */
export function checksumsFile(assets: Record<string, Buffer>): Buffer {
  return Buffer.from(
    Object.entries(assets)
      .map(([name, body]) => `${sha256(body)}  ${name}\n`)
      .join(''),
  )
}

export async function writeTrustedRoot(sigstore: MockSigstore, dir: string): Promise<string> {
  const file = path.join(dir, 'trusted_root.json')
  await writeFile(file, JSON.stringify(sigstore.trustedRoot))
  return file
}
