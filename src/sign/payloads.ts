/**
 * What gets signed: cosign's simple-signing payload and the in-toto statements for the
 * signature (new bundle format), the SBOM and the vulnerability scan.
 */
import { readFile } from 'node:fs/promises'
import type { RepositoryRef } from '../registry/reference.js'
import type { SbomFormat } from './settings.js'

export const PredicateType = {
  /** What `cosign sign` v3 signs in the new bundle format. */
  cosignSign: 'https://sigstore.dev/cosign/sign/v1',
  cyclonedx: 'https://cyclonedx.org/bom',
  spdx: 'https://spdx.dev/Document',
  vuln: 'https://cosign.sigstore.dev/attestation/vuln/v1',
} as const

export const IN_TOTO_STATEMENT_V1 = 'https://in-toto.io/Statement/v1'
export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json'

/** cosign's `docker-reference`: Docker Hub is spelled `index.docker.io` there. */
export function dockerReference(repo: RepositoryRef): string {
  const registry = repo.registry === 'docker.io' ? 'index.docker.io' : repo.registry
  return `${registry}/${repo.repository}`
}

/** The simple-signing payload cosign signs (sigstore/sigstore pkg/signature/payload). */
export function simpleSigningPayload(repo: RepositoryRef, digest: string): Buffer {
  return Buffer.from(
    JSON.stringify({
      critical: {
        identity: { 'docker-reference': dockerReference(repo) },
        image: { 'docker-manifest-digest': digest },
        type: 'cosign container image signature',
      },
      optional: null,
    }),
  )
}

export interface Statement {
  _type: string
  subject: { name?: string; digest: Record<string, string> }[]
  predicateType: string
  predicate: unknown
}

export function statement(
  repo: RepositoryRef,
  digest: string,
  predicateType: string,
  predicate: unknown,
): Buffer {
  const [algorithm, hex] = digest.split(':') as [string, string]
  const body: Statement = {
    _type: IN_TOTO_STATEMENT_V1,
    // cosign 3.1 signs an image signature with a nameless subject (sign.go signDigestBundle);
    // attestations (`cosign attest`) name the repository.
    subject: [
      predicateType === PredicateType.cosignSign
        ? { digest: { [algorithm]: hex } }
        : { name: dockerReference(repo), digest: { [algorithm]: hex } },
    ],
    predicateType,
    predicate,
  }
  return Buffer.from(JSON.stringify(body))
}

export function sbomPredicateType(format: Exclude<SbomFormat, 'none'>): string {
  return format === 'cyclonedx' ? PredicateType.cyclonedx : PredicateType.spdx
}

export class PayloadError extends Error {
  override name = 'PayloadError'
}

async function readJson(path: string, what: string): Promise<unknown> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    throw new PayloadError(`Cannot read the ${what} at ${path}: ${(error as Error).message}`)
  }
  try {
    return JSON.parse(text)
  } catch {
    throw new PayloadError(`The ${what} at ${path} is not JSON; it cannot be attested.`)
  }
}

/** The SBOM document itself is the predicate (what `cosign attest --type cyclonedx|spdxjson` does). */
export async function sbomPredicate(
  path: string,
  format: Exclude<SbomFormat, 'none'>,
): Promise<unknown> {
  const doc = (await readJson(path, `${format} SBOM`)) as Record<string, unknown>
  const looksRight =
    format === 'cyclonedx' ? doc?.bomFormat === 'CycloneDX' : typeof doc?.spdxVersion === 'string'
  if (!looksRight) {
    throw new PayloadError(
      `The SBOM at ${path} is not ${format === 'cyclonedx' ? 'a CycloneDX' : 'an SPDX JSON'} document, but 'sbom-format' says ${format}.`,
    )
  }
  return doc
}

export interface VulnPredicateSource {
  trivyJsonPath: string
  trivyVersion?: string
  /** When the scan ran (ISO 8601); Trivy's report `CreatedAt` otherwise. */
  scannedAt?: string
}

/**
 * cosign's vuln predicate (`https://cosign.sigstore.dev/attestation/vuln/v1`), filled the way
 * `trivy --format cosign-vuln` fills it, with Trivy's own JSON report as the result.
 */
export async function vulnPredicate(source: VulnPredicateSource, now: Date): Promise<unknown> {
  const report = (await readJson(source.trivyJsonPath, 'Trivy JSON report')) as Record<
    string,
    unknown
  >
  if (!report || typeof report !== 'object' || !('SchemaVersion' in report)) {
    throw new PayloadError(`${source.trivyJsonPath} is not a Trivy JSON report (no SchemaVersion).`)
  }
  const trivy = report.Trivy as { Version?: string } | undefined
  const version = source.trivyVersion ?? trivy?.Version ?? ''
  const when =
    source.scannedAt ??
    (typeof report.CreatedAt === 'string' ? report.CreatedAt : now.toISOString())
  return {
    invocation: { parameters: null, uri: '', event_id: '', 'builder.id': '' },
    scanner: {
      uri: version ? `pkg:github/aquasecurity/trivy@${version}` : 'pkg:github/aquasecurity/trivy',
      version,
      db: { uri: '', version: '' },
      result: report,
    },
    metadata: { scanStartedOn: when, scanFinishedOn: when },
  }
}
